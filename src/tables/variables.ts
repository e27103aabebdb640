import { statisticOf } from './context.js';
import type { Table } from './table.js';
import type { ReadCell } from './table-claims.js';

const hasValue = (cell: ReadCell | undefined) => cell !== undefined && cell.value.kind !== 'empty' && cell.value.kind !== 'text';

/** A variable of a table: a label row ("Sex, n (%)") and its levels ("Male", "Female"), or one row. */
export interface Variable {
  id: string;
  /** The label row's text, when the variable has one. */
  label?: string;
  labelRow?: number;
  /** The rows holding its values. */
  levels: number[];
  /** The label row and the levels. */
  rows: number[];
}

/** "11-43", "2000–8000000": a range printed on a line of its own under the summary row it belongs to. */
export const RANGE_CELL = /^\s*[-−]?\d[\d.,]*\s*(?:[–—-]|to)\s*[-−]?\d[\d.,]*\s*$/;
const rangeOnly = (cell: ReadCell | undefined, text: string | undefined) => cell !== undefined && cell.value.kind === 'text' && RANGE_CELL.test(text ?? '');
const kindOf = (cells: (ReadCell | undefined)[], groupCols: readonly number[]) => {
  for (const c of groupCols) {
    const v = cells[c]?.value;
    if (!v || v.kind === 'empty' || v.kind === 'text') continue;
    // "43.4 (6.6)" is a summary; "45 (37.5)" may be either, and sits with counts
    if (v.kind === 'pair') return v.first.decimals > 0 || v.first.negative ? 'summary' : 'count';
    return v.kind === 'mean-sd' || v.kind === 'spread' ? 'summary' : 'count';
  }
  return undefined;
};

/** How many rows from r share the text of the first label column while the next one names each (1 when none do). */
function sharedLabelRun(table: Table, cells: readonly (readonly (ReadCell | undefined)[])[], groupCols: readonly number[], r: number): number {
  if (table.labelColumns < 2) return 1;
  const first = table.grid[r]![0]!.trim();
  if (first === '') return 1;
  let k = r;
  // a rowspan repeats the name; Markdown and text leave the cells under it blank
  const same = (k: number) => table.grid[k]![0]!.trim() === first || (k > r && table.grid[k]![0]!.trim() === '');
  while (k < table.grid.length && same(k) && table.grid[k]![1]!.trim() !== '' && table.grid[k]![1] !== table.grid[k]![0] && groupCols.some((c) => hasValue(cells[k]![c]))) k += 1;
  return k - r;
}

/**
 * Group a table's body rows into variables: a row with a label and no values opens a variable, and
 * the rows after it are its levels until the indentation drops back, a row names a summary of its
 * own ("Age, mean (SD)"), the kind of value changes, or another label row comes. Rows that repeat
 * the first of two label columns ("Age | 18–19", "Age | 20–29") are the levels of that variable.
 */
export function groupVariables(table: Table, cells: readonly (readonly (ReadCell | undefined)[])[], groupCols: readonly number[], skip: ReadonlySet<number>): Variable[] {
  const out: Variable[] = [];
  let current: (Variable & { indent: number; levelIndent?: number; kind?: string }) | undefined;
  const close = () => {
    if (current) out.push({ id: current.id, ...(current.label !== undefined ? { label: current.label } : {}), ...(current.labelRow !== undefined ? { labelRow: current.labelRow } : {}), levels: current.levels, rows: current.rows });
    current = undefined;
  };
  for (let r = table.headerRows; r < table.grid.length; r++) {
    if (skip.has(r)) continue;
    const run = sharedLabelRun(table, cells, groupCols, r);
    if (run > 1) {
      // "Age | 18–19", "Age | 20–29": the variable names itself in the first label column (a rowspan)
      close();
      const rows = Array.from({ length: run }, (_, k) => r + k);
      out.push({ id: `v${r}`, label: table.grid[r]![0]!, levels: rows, rows });
      r += run - 1;
      continue;
    }
    const row = cells[r]!;
    const label = table.rowLabels[r]!;
    const indent = table.indents[r] ?? 0;
    // a "range | 11-43 | 12-54" line is the summary row's above it: a row of its own, not a heading over the rows after it
    if (groupCols.some((c) => rangeOnly(row[c], table.grid[r]![c])) && groupCols.every((c) => !hasValue(row[c]) || rangeOnly(row[c], table.grid[r]![c]))) {
      close();
      out.push({ id: `v${r}`, levels: [r], rows: [r] });
      continue;
    }
    const valued = groupCols.some((c) => hasValue(row[c]));
    if (!valued) {
      // a line of the label row's own (superscripts, a heading wrapped in a PDF) before any level: still that label
      if (label === '' && current?.labelRow !== undefined && current.levels.length === 0) continue;
      close();
      if (label !== '') current = { id: `v${r}`, label, labelRow: r, levels: [], rows: [r], indent };
      continue;
    }
    const kind = kindOf(row as (ReadCell | undefined)[], groupCols);
    const ownSummary = statisticOf(label) !== undefined;
    if (current) {
      const dropsBack = current.levelIndent !== undefined && current.levelIndent > current.indent && indent <= current.indent;
      // a change of kind ends the levels, unless indentation shows they go on
      const indented = (current.levelIndent ?? indent) > current.indent && indent > current.indent;
      // under "Fasting, mean (SD)" every row is a mean, whether "112 (7.2)" or "49.5 (13)"
      const summaryHeading = current.label !== undefined && ['mean-sd', 'median', 'mean-se'].includes(statisticOf(current.label) ?? '');
      const changesKind = current.kind !== undefined && kind !== current.kind && !indented && !summaryHeading;
      const separate = !indented && ownSummary && current.levels.length > 0 && current.labelRow !== undefined && statisticOf(current.label ?? '') === undefined && statisticOf(table.rowLabels[current.levels[0]!]!) === undefined;
      if (dropsBack || changesKind || separate) close();
    }
    if (current && current.labelRow !== undefined) {
      current.levels.push(r);
      current.rows.push(r);
      current.levelIndent ??= indent;
      current.kind ??= kind;
      continue;
    }
    close();
    out.push({ id: `v${r}`, levels: [r], rows: [r] });
  }
  close();
  return out;
}
