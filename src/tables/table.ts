/** A table as printed: a grid of cell texts with its header rows, row labels and column labels. */
export interface Table {
  /** The caption ("Table 1. Baseline characteristics (n = 120)"), if any. */
  caption?: string;
  /** Notes printed with the table (a `<tfoot>`, footnotes under it). */
  notes?: string;
  /**
   * Every row, header rows first, all of one width. Spans are expanded: a header or row-label cell is
   * repeated in every slot it covers; a data cell stays in its first slot and leaves the others ''.
   */
  grid: string[][];
  /** How many leading rows of `grid` are header rows. */
  headerRows: number;
  /** How many leading columns hold row labels (usually 1). */
  labelColumns: number;
  /** Per column: its header texts from top to bottom, distinct, joined by " / ". */
  columnLabels: string[];
  /** Per row: its label (the label columns' texts, distinct, joined by " / "); header rows have ''. */
  rowLabels: string[];
  /** Per row: how far its label is indented (leading spaces or non-breaking spaces), a hint of nesting. */
  indents: number[];
  /** Where the table came from: its 0-based position among the tables of the input. */
  index: number;
}

/** Trim and collapse white space as a reader sees it. */
export const clean = (text: string): string => text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();

/** Leading white space of a cell as an indent width (tabs count 4). */
export function indentOf(text: string): number {
  const m = /^[ \t\u00a0\u2003\u2002\u2007]*/.exec(text)![0];
  let w = 0;
  for (const ch of m) w += ch === '\t' ? 4 : 1;
  return w;
}

const distinct = (parts: readonly string[]): string[] => {
  const out: string[] = [];
  for (const p of parts) if (p !== '' && out[out.length - 1] !== p) out.push(p);
  return out;
};

const opens = (text: string) => (text.match(/[(\[]/g)?.length ?? 0) > (text.match(/[)\]]/g)?.length ?? 0);

/**
 * A column's header lines as one label: " / " between headings, but a heading wrapped inside its
 * parenthesis ("Dexamethasone 12 mg (n =" over "497)", as a PDF sets a narrow column) is one heading.
 */
function joinHeadings(parts: readonly string[]): string {
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && opens(prev)) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out.join(' / ');
}

/**
 * Build a {@link Table} from raw rows (already one cell per slot): decides the header rows when the
 * source does not mark them, and fills in the labels.
 */
export function tableFromRows(
  raw: readonly (readonly string[])[],
  options: { headerRows?: number; caption?: string; notes?: string; index: number; labelColumns?: number },
): Table {
  const width = raw.reduce((w, r) => Math.max(w, r.length), 0);
  const indents = raw.map((r) => indentOf(r[0] ?? ''));
  const grid = raw.map((r) => Array.from({ length: width }, (_, j) => clean(r[j] ?? '')));
  const headerRows = Math.min(options.headerRows ?? guessHeaderRows(grid), grid.length);
  const labelColumns = options.labelColumns ?? guessLabelColumns(grid, headerRows);
  const columnLabels = Array.from({ length: width }, (_, j) => joinHeadings(distinct(grid.slice(0, headerRows).map((r) => r[j]!))));
  const rowLabels = grid.map((r, i) => (i < headerRows ? '' : distinct(r.slice(0, labelColumns)).join(' / ')));
  return {
    ...(options.caption ? { caption: clean(options.caption) } : {}),
    ...(options.notes ? { notes: clean(options.notes) } : {}),
    grid,
    headerRows,
    labelColumns,
    columnLabels,
    rowLabels,
    indents: indents.map((x, i) => (i < headerRows ? 0 : x)),
    index: options.index,
  };
}

// A data value: a number, possibly of its own denominator, with its bracketed companion ("45 (37.5)", "7.4 ± 2.1", "12%", "514/1,102").
const VALUE = /^[\s<>≤≥~≈]*[-−–+]?\d[\d,.·\s\u00a0\u202f]*(?:\/\s*\d[\d,.·\s\u00a0\u202f]*)?(?:%|\s*[(\[±]|$)/;
// Header-like text: a denominator ("n = 120", "(N=58)") or a statistic's name ("n (%)", "Mean (SD)").
const HEADER_WORDS = /^\(?\s*(?:[nN]\s*[=:]?\s*[\d,.\s\u00a0\u202f]+\)?|n\s*\(%\)|%|no\.?\s*\(%\)|mean\s*\(SD\)|median|\(%\)|n)\s*[\w\s%().,;=:/-]*$/i;

/** Leading rows with no data values in the data columns (names, "n = 120", "n (%)") are header rows. */
export function guessHeaderRows(grid: readonly (readonly string[])[]): number {
  let h = 0;
  for (const row of grid) {
    const data = row.slice(1).filter((c) => c !== '');
    if (data.length === 0 && h === 0 && row[0] !== '') {
      // a first row with only a label ("Characteristic") is a header when the next row is one too
      h += 1;
      continue;
    }
    const isValue = (c: string) => VALUE.test(c) && !/^\(?\s*[nN]\s*[=:]/.test(c) && !HEADER_WORDS.test(c.replace(/^[\d,\s]+$/, '#'));
    if (data.length > 0 && data.some(isValue)) break;
    if (data.length === 0) break;
    h += 1;
  }
  return h === grid.length ? Math.min(1, grid.length) : h;
}

/** Columns on the left whose body cells hold text, not values, are label columns (at least one). */
export function guessLabelColumns(grid: readonly (readonly string[])[], headerRows: number): number {
  const body = grid.slice(headerRows);
  const width = grid[0]?.length ?? 0;
  let k = 1;
  while (k < width - 1) {
    const col = body.map((r) => r[k] ?? '').filter((c) => c !== '');
    // a label column holds words; a data column holds values ("45 (37.5)", "12%", "7.4 ± 2.1")
    const values = col.filter((c) => VALUE.test(c)).length;
    if (col.length === 0 || values > col.length * 0.2) break;
    k += 1;
  }
  return k;
}

/**
 * How a cell is named in findings: its row label and column label, "Spastic / 2013 (n = 412)".
 *
 * @example
 * const t = readTables('| Type | 2013 (n = 412) |\n|---|---|\n| Spastic | 230 (55.8) |', { format: 'markdown' })[0];
 * cellName(t, 1, 1); // 'Spastic / 2013 (n = 412)'
 */
export function cellName(table: Table, row: number, column: number): string {
  return [table.rowLabels[row], table.columnLabels[column]].filter((x) => x !== undefined && x !== '').join(' / ');
}
