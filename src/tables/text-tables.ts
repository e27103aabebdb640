import { tableFromRows, type Table } from './table.js';

// One value as tables print it: "45 (37.5)", "45 (37.5%)", "7.4 ± 2.1", "62 (58–65)", "12%", "1,204", "514/1,102",
// with a trailing footnote mark ("58.7*", "24.5 (4.8)†").
const GROUP = String.raw`(?:[<>≤≥]\s*)?[-−]?\d[\d,.·]*(?:\/\d[\d,.·]*)?(?:\s*%)?(?:\s*(?:±|\+\/-)\s*\d[\d,.·]*)?(?:\s*[(\[][^()\[\]]{0,40}[)\]])?[*†‡§¶‖#a-e]{0,2}`;
const TRAILING_GROUP = new RegExp(String.raw`(?:^|\s)(${GROUP})\s*$`);

/** Split a line into its label and the values printed after it, from the right. */
export function splitValues(line: string, limit = Infinity): { label: string; values: string[] } {
  const values: string[] = [];
  let rest = line.replace(/\s+$/, '');
  while (values.length < limit) {
    const m = TRAILING_GROUP.exec(rest);
    if (!m || m[1]!.trim() === '') break;
    values.unshift(m[1]!.trim());
    rest = rest.slice(0, m.index).replace(/\s+$/, '');
  }
  return { label: rest, values };
}

interface Field {
  text: string;
  start: number;
  end: number;
}

function fields(line: string): Field[] {
  const out: Field[] = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** {@link fields} of a line whose tabs stand for column gaps. */
const tabbedFields = (line: string) => fields(line.replace(/\t/g, '    '));

const HEADERISH = /\b(?:n|N|SD|IQR|mean|median|total|group|overall|all)\b|%|=/i;

// a line whose numbers are all sizes ("n = 2694 (%)", "(N=58)") is a header line, not a row of values
// ("8.5% (n = 5)" is a value: its "n = 5" is the count of a percent, not a size)
const hasValue = (line: string) => {
  // a caption is no row, though it ends in a number ("Table 1.", "Table 3. Admissions in 2019")
  if (CAPTION.test(line)) return false;
  const { values } = splitValues(line);
  if (values.length === 0) return false;
  const sizes = line.match(/(?<!%\s*\(\s*)[nN]\s*[=:]\s*\d/g)?.length ?? 0;
  return sizes < values.length;
};

/** Columns from fields separated by two or more spaces (or tabs), aligned by where they overlap. */
function alignedRows(lines: readonly string[], headerLines = 0): string[][] | undefined {
  const expanded = lines.map((l) => l.replace(/\t/g, '    '));
  const split = expanded.map(fields);
  const valueLines = split.filter((f, i) => f.length >= 2 && hasValue(lines[i]!));
  if (valueLines.length < 2) return undefined;
  const most = Math.max(...valueLines.map((f) => f.length));
  const anchors = valueLines.filter((f) => f.length === most);
  // a column is the union of the spans its fields take on the widest rows
  const cols = Array.from({ length: most }, (_, j) => ({ start: Math.min(...anchors.map((f) => f[j]!.start)), end: Math.max(...anchors.map((f) => f[j]!.end)) }));
  // a value printed only on shorter rows ("Sex | | 0.199": a p-value on a variable's heading row)
  // in a place no column of the widest rows covers is a column of its own
  // (and so is a header line's heading over a column no value line prints: "Nmiss" over values
  // only some rows have, which a page may not show until after a gap)
  const headerFields = split.slice(0, headerLines).flat();
  for (const f of [...valueLines.flatMap((line) => line.slice(1)), ...headerFields]) {
    if (f.start < cols[0]!.end || cols.some((c) => Math.min(c.end, f.end) - Math.max(c.start, f.start) > 0)) continue;
    cols.push({ start: f.start, end: f.end });
    cols.sort((a, b) => a.start - b.start);
  }
  const overlapping = (f: Field) => cols.flatMap((c, j) => (Math.min(c.end, f.end) - Math.max(c.start, f.start) > 0 ? [j] : []));
  // a heading over several columns ("Study cohort (n = 482)" above "ADR present  ADR absent"): the only
  // field of its line over them, with a header line below that names them apart
  const spans = (i: number, f: Field): number[] => {
    if (i >= headerLines) return [];
    const under = overlapping(f).filter((j) => j > 0);
    if (under.length < 2 || split[i]!.some((g) => g !== f && overlapping(g).some((j) => under.includes(j)))) return [];
    const apart = split.slice(i + 1, headerLines).some((below) => new Set(below.flatMap((g) => overlapping(g).filter((j) => under.includes(j)).slice(0, 1))).size >= 2);
    return apart ? under : [];
  };
  return split.map((line, i) => {
    const row = Array.from({ length: cols.length }, () => '');
    const indent = /^[ ]*/.exec(expanded[i]!)![0];
    line.forEach((f, k) => {
      let best = 0;
      let bestOverlap = -Infinity;
      // a field after the label that starts where the data columns do is not part of the label,
      // though the widest label reaches under it ("... were assigned?  126/394")
      const inData = k > 0 && cols[1] !== undefined && f.start >= cols[1].start;
      cols.forEach((c, j) => {
        if (inData && j === 0) return;
        const overlap = Math.min(c.end, f.end) - Math.max(c.start, f.start);
        if (overlap > bestOverlap) {
          best = j;
          bestOverlap = overlap;
        }
      });
      // the first field is the label, unless it starts where the data columns do (a header line's "ADR present")
      const label = k === 0 && f.start < cols[0]!.end && (cols[1] === undefined || f.start < cols[1].start);
      if (label) best = 0;
      const spanned = label ? [] : spans(i, f);
      for (const j of spanned.length > 0 ? spanned : [best]) row[j] = row[j] ? `${row[j]} ${f.text}` : j === 0 ? indent + f.text : f.text;
    });
    return row;
  });
}

const LONE_MARK = /^\s*(?:[a-h]|[*†‡§¶‖#]{1,3})\s*$/;

/**
 * A footnote mark set as a superscript raises its line in a PDF: the mark (and the values beside it)
 * come out on a line of their own above the label ("a | 182 (36.6%)" over "India"). Such a row joins
 * the label row under it, the mark kept after the label ("India[a]").
 */
function joinRaisedMarks(rows: string[][], headerRows: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const next = rows[i + 1];
    if (i >= headerRows && next && LONE_MARK.test(row[0] ?? '') && (next[0] ?? '').trim() !== '' && next.slice(1).every((x) => x.trim() === '')) {
      const mark = row[0]!.trim();
      out.push([`${next[0]!.replace(/\s+$/, '')}${/[a-h]/.test(mark) ? `[${mark}]` : mark}`, ...row.slice(1), ...next.slice(row.length)]);
      i += 1;
      continue;
    }
    out.push(row);
  }
  return out;
}

/** Columns from a label followed by values separated by single spaces ("Male 208 (46.4%) 53 (54.1%)"). */
function valueRows(lines: readonly string[]): string[][] {
  const counts = lines.map((l) => splitValues(l).values.length).filter((n) => n > 0);
  const freq = new Map<number, number>();
  for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
  const width = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 1;
  return lines.map((l) => {
    const { label, values } = splitValues(l, width);
    if (values.length === 0) return [l.replace(/\s+$/, '')];
    // a row with fewer values than columns fills them from the left, as a table reader would
    return [label, ...values];
  });
}

// a line that reads as a table's note: "1. Values are mean (SD)", "* for those treated", "aP values", "SD, standard deviation"
const NOTE_START = /^\s*(?:\d{1,2}\.\s|[*†‡§¶#‖]|[a-h](?=[A-Z])|\((?:\d|[a-z])\)|(?:Data|Values|Numbers|Note|Notes|Abbreviations|Source)\b|[A-Z][A-Za-z0-9-]{1,10}\s*(?:=|,|:)\s)/;

// a line of prose: a field of six words or more with a sentence's end in it ("standard deviation.",
// "(SD). The"), which a row label does not have ("No. of patients", "vs. placebo" are not one)
const isProse = (line: string) => tabbedFields(line).some((f) => f.text.split(/\s+/).length >= 6 && /(?:[a-z]{2}|\))[.;](?:\s+[A-Z(]|$)/.test(f.text));
// a line of footnote marks alone ("a    b c"), set raised over the notes they start
const marksOnly = (line: string) => line.trim() !== '' && fields(line).every((f) => /^(?:[a-h]|\d|[*†‡§¶#‖]+)(?:\s(?:[a-h]|\d|[*†‡§¶#‖]+))*$/.test(f.text));

/**
 * Notes printed right under a table with no blank line between (a PDF's text): from the first line of
 * prose after the values (and the line of marks over it) to the end of the block.
 */
function notesInside(lines: readonly string[], first: number, end: number): number {
  // a long label with a full stop in it is still a row when it or a later line ends in a value cell;
  // a note set in one wide line may be split into fields too, but they end in running text
  const isRow = (line: string) => {
    const f = tabbedFields(line);
    const last = f[f.length - 1]?.text ?? '';
    return f.length >= 2 && /\d/.test(last) && last.split(/\s+/).length <= 3 && hasValue(line);
  };
  let lastRow = first;
  for (let k = first; k < end; k++) if (isRow(lines[k]!)) lastRow = k;
  for (let k = Math.max(first + 2, lastRow + 1); k < end; k++) {
    if (!isProse(lines[k]!)) continue;
    let cut = k;
    while (cut - 1 > first + 1 && marksOnly(lines[cut - 1]!)) cut -= 1;
    return cut;
  }
  return end;
}

const MARK = /[*†‡§¶‖#]/gu;

/** The footnote marks set after the values or labels of a table's lines ("373 (58.7)*", "24.5 (4.8)†"). */
const marksIn = (block: readonly string[]) => new Set(block.flatMap((l) => [...l.matchAll(/[\p{L}\d)\]]([*†‡§¶‖#])/gu)].map((m) => m[1]!)));

/**
 * The notes printed under a table: the lines after it (or after one blank line) that read as notes,
 * or that explain a mark its cells carry ("None of these data were imputed. *One missing observation.").
 */
function notesAfter(lines: readonly string[], end: number, marks: ReadonlySet<string> = new Set()): string | undefined {
  let k = end;
  if (k < lines.length && lines[k]!.trim() === '') k += 1;
  const explains = (line: string) => [...line.matchAll(MARK)].some((m) => marks.has(m[0]) && /^\s?\p{L}/u.test(line.slice(m.index + 1)));
  if (k >= lines.length || !(NOTE_START.test(lines[k]!) || explains(lines[k]!))) return undefined;
  const out: string[] = [];
  for (; k < lines.length && lines[k]!.trim() !== '' && out.length < 12; k++) out.push(lines[k]!.trim());
  return out.join(' ');
}

const sameHeader = (a: Table, b: Table) =>
  a.headerRows > 0 && a.headerRows === b.headerRows && a.grid[0]!.length === b.grid[0]!.length && a.columnLabels.join('|').replace(/\s+/g, ' ') === b.columnLabels.join('|').replace(/\s+/g, ' ');

/**
 * A block's rows (`split`, its lines cut into cells), its raised marks joined to their labels; lines with no values after the last row
 * ("Abbreviation: MD, missing data.") open no variable, so they are the table's notes (`trailing`).
 */
function rowsOf(headerLines: number, split: string[][]): { rows: string[][]; trailing: string } {
  const rows = joinRaisedMarks(split, headerLines);
  const trailing: string[] = [];
  while (rows.length > headerLines + 2 && rows[rows.length - 1]!.slice(1).every((x) => x.trim() === '')) trailing.unshift(rows.pop()![0]!.trim());
  return { rows, trailing: trailing.join(' ') };
}

/**
 * The tables in plain text: blocks of lines whose values line up in columns (separated by two or more
 * spaces or tabs), or, failing that, a label followed by values on each line. Lines above the first
 * line with values, up to a blank line, are header lines; a line starting "Table" is the caption.
 */
export function readTextTables(text: string): Table[] {
  return textTableRegions(text).map((r) => r.table);
}

/** A table found in text, and the lines it takes (several runs when it continues on the next page). */
export interface TextTableRegion {
  table: Table;
  /** Runs of lines [first, end), 0-based, caption and notes not included. */
  lines: [number, number][];
  /** The caption's line, when the line above the table names it. */
  captionLine?: number;
  /** Lines [first, end) of a caption set as a paragraph of its own above the table (a PDF's). */
  captionLines?: [number, number];
}

const CAPTION = /^\s*(?:Table|Tab\.|Tabelle|Tableau|Tabla)\b/i;

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/**
 * Is line `k` the rest of a caption set over several lines ("Table 1. Characteristics ... 2014–" /
 * "2015 (n 5295)")? A line of one field, as far in as the caption, right under it or under another
 * such line (up to two).
 */
function continuesCaption(lines: readonly string[], k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 2; j--) {
    const line = lines[j + 1]!;
    if (fields(line).length !== 1 || Math.abs(indentOf(line) - indentOf(lines[j]!)) > 1 || lines[j]!.trim() === '') return false;
    if (CAPTION.test(lines[j]!)) return true;
  }
  return false;
}

/** A caption printed as a paragraph of up to three lines, a blank line above the table ("Table 2. Reasons (total ... = 5,903)"). */
function captionParagraphAbove(lines: readonly string[], top: number): [number, number] | undefined {
  if (top < 2 || lines[top - 1]!.trim() !== '') return undefined;
  let k = top - 2;
  while (k > 0 && lines[k - 1]!.trim() !== '' && top - 1 - k < 3) k -= 1;
  return CAPTION.test(lines[k]!) && (k === 0 || lines[k - 1]!.trim() === '') ? [k, top - 1] : undefined;
}

/** {@link readTextTables} with where each table stands in the text. */
export function textTableRegions(text: string): TextTableRegion[] {
  const lines = text.split(/\r?\n/);
  const out: TextTableRegion[] = [];
  // the lines each table was read from, so that rows after a gap can be read with them
  const blocks = new Map<TextTableRegion, { block: string[]; head: number }>();
  let i = 0;
  while (i < lines.length) {
    if (!hasValue(lines[i]!) || lines[i]!.trim().length > 400 || continuesCaption(lines, i)) {
      i += 1;
      continue;
    }
    // the block: value lines with label-only lines between them, up to a blank line
    let end = i;
    let valueCount = 0;
    while (end < lines.length && lines[end]!.trim() !== '' && lines[end]!.trim().length <= 400) {
      if (hasValue(lines[end]!)) valueCount += 1;
      end += 1;
    }
    const blockEnd = end;
    end = notesInside(lines, i, end);
    const inside = end < blockEnd ? lines.slice(end, blockEnd).filter((l) => !marksOnly(l)).map((l) => l.trim().replace(/\s{2,}/g, ' ')).join(' ') : undefined;
    let top = i;
    while (top > 0 && lines[top - 1]!.trim() !== '' && i - top < 4) top -= 1;
    if (valueCount < 2) {
      i = end + 1;
      continue;
    }
    let captionLine = '';
    let captionAbove: [number, number] | undefined;
    const head = lines.slice(top, i);
    // the head starts inside a caption set over several lines: the caption's start is above it
    let captionStart = -1;
    for (let j = top - 1; j >= Math.max(0, top - 2) && head.length > 0 && continuesCaption(lines, top); j--) if (CAPTION.test(lines[j]!)) captionStart = j;
    if (captionStart >= 0) {
      const caption = lines.slice(captionStart, top);
      while (head.length > 0 && continuesCaption([...caption, head[0]!], caption.length)) caption.push(head.shift()!);
      captionLine = caption.map((l) => l.trim()).join(' ');
    } else if (head.length > 0 && CAPTION.test(head[0]!)) {
      const caption = [head.shift()!];
      while (head.length > 0 && continuesCaption([...caption, head[0]!], caption.length)) caption.push(head.shift()!);
      captionLine = caption.map((l) => l.trim()).join(' ');
    }
    else captionAbove = captionParagraphAbove(lines, top);
    if (captionAbove) captionLine = lines.slice(...captionAbove).map((l) => l.trim()).join(' ');
    // a one-field line just above the values is a variable's label ("Gender"), not a header
    const body = lines.slice(i, end);
    while (head.length > 0 && tabbedFields(head[head.length - 1]!).length === 1 && !HEADERISH.test(head[head.length - 1]!)) body.unshift(head.pop()!);
    const block = [...head, ...body];
    const { rows, trailing } = rowsOf(head.length, alignedRows(block, head.length) ?? valueRows(block));
    const below = inside ?? notesAfter(lines, end, marksIn(block));
    const notes = [trailing, below ?? ''].filter((x) => x !== '').join(' ') || undefined;
    const table = tableFromRows(rows, { headerRows: head.length, caption: captionLine, ...(notes ? { notes } : {}), index: out.length });
    const first = end - block.length;
    // a table continued on the next page repeats its header: append its rows to the table it continues
    const previous = out[out.length - 1];
    const before = previous ? blocks.get(previous) : undefined;
    // rows after a blank line, with no header of their own and no notes between, lined up as the
    // table's above: the same table (a PDF row set taller by a superscript reads as a gap)
    const lastRun = previous?.lines[previous.lines.length - 1];
    if (previous && before && lastRun && !captionLine && head.length === 0 && !previous.table.notes && first === lastRun[1] + 1) {
      const joined = [...before.block, ...block];
      const aligned = alignedRows(joined, before.head);
      if (aligned && aligned[0]!.length === previous.table.grid[0]!.length) {
        const again = rowsOf(before.head, aligned);
        const joinedNotes = [again.trailing, below ?? ''].filter((x) => x !== '').join(' ');
        previous.table = tableFromRows(again.rows, { headerRows: before.head, ...(previous.table.caption ? { caption: previous.table.caption } : {}), ...(joinedNotes ? { notes: joinedNotes } : {}), index: previous.table.index });
        previous.lines.push([first, end]);
        blocks.set(previous, { block: joined, head: before.head });
        i = blockEnd + 1;
        continue;
      }
    }
    if (previous && !captionLine && sameHeader(previous.table, table)) {
      const p = previous.table;
      const indented = (t: Table, from: number) => t.grid.slice(from).map((r, k) => [' '.repeat(t.indents[k + from] ?? 0) + (r[0] ?? ''), ...r.slice(1)]);
      previous.table = tableFromRows([...p.grid.slice(0, p.headerRows), ...indented(p, p.headerRows), ...indented(table, table.headerRows)], { headerRows: p.headerRows, ...(p.caption ? { caption: p.caption } : {}), index: p.index });
      previous.lines.push([first, end]);
    } else {
      out.push({ table, lines: [[first, end]], ...(captionAbove ? { captionLine: captionAbove[0], captionLines: captionAbove } : captionLine ? { captionLine: first - 1 } : {}) });
      blocks.set(out[out.length - 1]!, { block, head: head.length });
    }
    i = blockEnd + 1;
  }
  return out;
}
