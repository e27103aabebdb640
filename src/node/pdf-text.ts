import { readFile } from 'node:fs/promises';
import { InputFormatError } from '../errors.js';

/** One piece of text on a PDF page, where pdf.js put it (points, origin bottom left). */
interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** a cell set over several lines: the baselines of its first and last line */
  top?: number;
  bottom?: number;
}

interface PdfTextContent {
  items: ({ str: string; transform: number[]; width: number; height: number } | { type: string })[];
}
interface PdfPage {
  getTextContent(): Promise<PdfTextContent>;
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfJs {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument> };
}

async function loadPdfJs(): Promise<PdfJs> {
  try {
    // the legacy build runs in Node without a DOM; pdfjs-dist 5 supports Node 20 (6 needs Node 22)
    return (await import('pdfjs-dist/legacy/build/pdf.mjs' as string)) as PdfJs;
  } catch (error) {
    throw new InputFormatError(`reading PDF needs the optional peer dependency pdfjs-dist (npm install pdfjs-dist@5): ${error instanceof Error ? error.message : String(error)}`);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

// a printed figure: a count, a percent, "45 (37.5)", "7.4 ± 2.1", "12/40", a p value
const isFigure = (s: string) => /\d/.test(s) && /^[\s\d.,·()[\]%±+\-–−<>=≤≥/;:]+$/.test(s);
const opens = (s: string) => (s.match(/[([]/g)?.length ?? 0) - (s.match(/[)\]]/g)?.length ?? 0);
// the lower run is what the upper figure left open: the other side of its "±", range or "<", the rest of
// its bracket ("60.3 (60.1" / "to 60.6)")
const continues = (upper: string, lower: string) => {
  const u = upper.trim();
  const l = lower.trim();
  if (!/\d/.test(l) || !(isFigure(u) || /^[<>≤≥=]$/.test(u))) return false;
  if (/(?:±|\+\/-|\d\s*[–\-−,;]|[([<>≤≥=]|\bto)$/.test(u)) return /^(?:[-−]?\d|to\s)/.test(l) && opens(u) + opens(l) === 0;
  return opens(u) > 0 && opens(u) + opens(l) === 0;
};
const overlaps = (a: TextItem, b: TextItem) => a.x < b.x + b.width && b.x < a.x + a.width;

interface CellBox {
  parts: readonly TextItem[];
  x: number;
  end: number;
}

/**
 * The baseline of the row a cell set over several lines stands in. Browsers centre a table cell
 * in its row unless told otherwise (`vertical-align: middle`, Chromium's default), and journals
 * often set cells at the top: so the cells beside it share either its first line, its middle or
 * its last line. Each is scored by the cells beside it (not over or under it) that stand exactly
 * there; a cell set over as many lines as this one stands alike in every reading and counts half.
 * With no cell beside it, it is a label centred against a group of rows: its middle.
 */
function rowBaseline(parts: readonly TextItem[], x: number, end: number, boxes: readonly CellBox[], size: number): number {
  const at = (p: readonly TextItem[]) => ({ top: p[0]!.y, middle: (p[0]!.y + p[p.length - 1]!.y) / 2, bottom: p[p.length - 1]!.y });
  const mine = at(parts);
  const modes = ['top', 'middle', 'bottom'] as const;
  const score = { top: 0, middle: 0, bottom: 0 };
  for (const box of boxes) {
    if (box.parts === parts || (box.x < end && x < box.end)) continue;
    const theirs = at(box.parts);
    if (theirs.bottom > mine.top + size || theirs.top < mine.bottom - size) continue;
    const weight = box.parts.length === parts.length ? 0.5 : 1;
    // positions as printed: one row's cells stand within a fraction of a point of each other
    for (const m of modes) if (Math.abs(mine[m] - theirs[m]) <= size * 0.2) score[m] += weight;
  }
  const best = (['middle', 'top', 'bottom'] as const).reduce((b, m) => (score[m] > score[b] ? m : b), 'middle' as (typeof modes)[number]);
  return score[best] > 0 ? mine[best] : mine.middle;
}

/**
 * Runs of one line set against each other, with no space between, are one text: a change of style
 * inside a cell ("Overall (" then an italic "n"). Two cells are never set so close (each keeps its
 * padding), so no cell is joined to the next.
 */
function joinTouchingRuns(words: readonly TextItem[], size: number, unit: number): TextItem[] {
  const sorted = [...words].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: TextItem[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    const same = last && Math.abs(last.y - w.y) <= size * 0.05 && Math.abs(last.size - w.size) <= size * 0.05 && last.top === undefined && w.top === undefined;
    const gap = last ? w.x - (last.x + last.width) : Infinity;
    if (last && same && gap >= -unit * 0.3 && gap <= unit * 0.15) {
      out[out.length - 1] = { ...last, str: last.str + w.str, width: w.x + w.width - last.x };
      continue;
    }
    out.push(w);
  }
  return out;
}

/**
 * Join the lines of a cell that its column was too narrow to set on one line ("Blood" /
 * "transfusions" / "(≥ 6 units)", "Treatment" / "(n = 120)", "45" / "(37.5)") into one item, set on
 * the row's baseline. A run continues the one just above it when it is one line lower (a line's
 * height, not a row's), in the same font size, and their x-ranges overlap: cells of one row never
 * overlap, so the two are one cell of one column. Two rows set as tightly as two lines of a cell are
 * told apart by what they hold: two figures one above the other are two rows (unless the lower one
 * is the bracket of the upper, as in "45" / "(37.5)"), and two lines that both hold figures in other
 * columns are two rows too; a run above several runs of the next line is a heading over columns.
 */
function joinWrappedCells(words: readonly TextItem[], size: number): TextItem[] {
  // a line of a paragraph (a caption, the notes) is no cell of a narrow column: half the page's text
  // width or more is left as it is
  const wide = (Math.max(...words.map((i) => i.x + i.width)) - Math.min(...words.map((i) => i.x))) / 2;
  const body = words.filter((i) => i.size >= size * 0.85 && i.width < wide);
  const onLine = (y: number) => body.filter((i) => Math.abs(i.y - y) <= size * 0.4);
  const cells: { parts: TextItem[]; last: TextItem }[] = [];
  const cellOf = new Map<TextItem, (typeof cells)[number]>();
  const sorted = [...body].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of sorted) {
    const above = sorted.filter((a) => {
      const step = a.y - item.y;
      return step >= size * 0.8 && step <= size * 1.3 && Math.abs(a.size - item.size) <= item.size * 0.1 && overlaps(a, item);
    });
    const a = above.length === 1 ? above[0]! : undefined;
    const cell = a ? cellOf.get(a) : undefined;
    let joins = a !== undefined && cell !== undefined && cell.last === a;
    if (joins && a) {
      // the lower line is the rest of the upper: its bracket ("45" / "(37.5)"), or what a figure
      // left open needs ("3.7 ±" / "1.5", "62 (58–" / "65)", "1.2 (0.8," / "1.9)")
      const rest = (upper: TextItem, lower: TextItem) => (/^[([]/.test(lower.str.trim()) && !/[([]/.test(upper.str)) || continues(upper.str, lower.str);
      const bracket = rest(a, item);
      if (isFigure(a.str) && isFigure(item.str) && !bracket) joins = false;
      const lineA = onLine(a.y).filter((i) => i !== a);
      const lineB = onLine(item.y).filter((i) => i !== item);
      // (a figure the line below continues in its own column is one cell over both lines, not a row's)
      const lower = (i: TextItem) => lineB.find((j) => overlaps(i, j));
      const upper = (j: TextItem) => lineA.find((i) => overlaps(i, j));
      const own = (i: TextItem, j: TextItem | undefined) => j !== undefined && isFigure(i.str) && rest(i, j);
      const figuresA = lineA.filter((i) => isFigure(i.str) && !own(i, lower(i)));
      const figuresB = lineB.filter((j) => isFigure(j.str) && !(upper(j) && own(upper(j)!, j)));
      if (joins && !bracket && figuresA.length > 0 && figuresB.length > 0) joins = false;
      if (lineB.filter((i) => overlaps(i, a)).length > 0 || lineA.filter((i) => overlaps(i, item)).length > 0) joins = false;
    }
    if (joins && cell) {
      cell.parts.push(item);
      cell.last = item;
      cellOf.set(item, cell);
    } else {
      const fresh = { parts: [item], last: item };
      cells.push(fresh);
      cellOf.set(item, fresh);
    }
  }
  const joined = new Map<TextItem, TextItem>();
  const boxes = cells.map(({ parts }) => ({ parts, x: Math.min(...parts.map((p) => p.x)), end: Math.max(...parts.map((p) => p.x + p.width)) }));
  for (const { parts, x, end } of boxes) {
    if (parts.length === 1) continue;
    const y = rowBaseline(parts, x, end, boxes, size);
    // a word broken after its hyphen ("tele-" / "health") is one word again
    const str = parts.map((p) => p.str.trim()).reduce((t, next) => (/\p{L}-$/u.test(t) && /^\p{Ll}/u.test(next) ? t + next : `${t} ${next}`));
    const merged = { str, x, y, width: end - x, size: parts[0]!.size, top: parts[0]!.y, bottom: parts[parts.length - 1]!.y };
    for (const p of parts) joined.set(p, merged);
  }
  if (joined.size === 0) return [...words];
  const out: TextItem[] = [];
  const seen = new Set<TextItem>();
  for (const w of words) {
    const m = joined.get(w) ?? w;
    if (!seen.has(m)) out.push(m);
    seen.add(m);
  }
  // a cell alone on its line, set between the lines of a wrapped cell beside it, is centred in
  // that cell's row ("Characteristics" beside a heading over two lines): it joins the row
  const tall = out.filter((i) => i.top !== undefined && i.bottom !== undefined);
  return out.map((i) => {
    if (i.top !== undefined || i.size < size * 0.85) return i;
    if (out.some((o) => o !== i && Math.abs(o.y - i.y) <= size * 0.4)) return i;
    const row = tall.find((t) => t.bottom! < i.y - size * 0.2 && i.y + size * 0.2 < t.top! && !overlaps(t, i));
    return row ? { ...i, y: row.y } : i;
  });
}

/**
 * Where columns start in a document: the x at which an item set after a gap wider than most spaces
 * starts, on three lines or more of its pages (a table's columns stand in the same place on every
 * page it takes, however few rows a page holds).
 */
function columnStarts(pages: readonly { lines: readonly TextItem[][]; unit: number; raised: ReadonlySet<TextItem> }[]): number[] {
  const seen = new Map<number, Set<string>>();
  const close = new Map<number, Set<string>>();
  pages.forEach(({ lines, unit, raised }, p) =>
    lines.forEach((line, n) => {
      for (let k = 1; k < line.length; k++) {
        const item = line[k]!;
        const before = line[k - 1]!;
        const gap = item.x - (before.x + before.width);
        if (raised.has(item) || gap <= unit * 0.25) continue;
        const x = Math.round(item.x);
        (gap > unit * 0.8 ? seen : close).set(x, ((gap > unit * 0.8 ? seen : close).get(x) ?? new Set()).add(`${p}:${n}`));
      }
    }),
  );
  const starts: number[] = [];
  const count = (map: Map<number, Set<string>>, x: number) => [x - 1, x, x + 1].reduce((s, y) => s + (map.get(y)?.size ?? 0), 0);
  for (const x of new Set([...seen.keys(), ...close.keys()])) {
    const wide = count(seen, x);
    // a run that starts in the same place on many lines, a space or less after the run before it, is
    // a column whose cells fill it ("222/394" right before "56.3%"): no cell's words line up so
    // (a style change in a label falls where its words end, elsewhere on each line)
    if (wide >= 3 || wide + count(close, x) >= 6) starts.push(x);
  }
  return starts;
}

// cells of a table are set in separate runs of text: a run that starts where a column starts on
// other lines is a cell of that column, however little space the column before it left; so is a run
// set apart from the one before by a gap a column starts in (headings centred over their columns,
// "All patients  ICU survivors", each a little right of where its column's values start)
const startsColumn = (starts: readonly number[], x: number, after: number) => starts.some((s) => Math.abs(s - x) <= 1 || (s >= after - 0.5 && s <= x + 1));

/**
 * Lay a page's text items out as lines of plain text: items on one baseline form a line, in
 * x order; a gap wider than about a character and a half becomes two or more spaces, placed so
 * that columns line up from line to line (the width of a character is the page's median), so the
 * text table reader sees the table's columns. A taller gap between lines becomes a blank line.
 */
export function layoutPage(items: readonly TextItem[]): string {
  return layoutPages([items])[0]!;
}

interface LaidCell {
  x: number;
  end: number;
  text: string;
}
interface LaidRow {
  cells: LaidCell[];
  top: number;
  bottom: number;
  /** set in a smaller size than the page's text (a running head or foot) */
  small: boolean;
}
interface LaidPage {
  rows: LaidRow[];
  size: number;
  left: number;
  place: number;
}

interface PageLines {
  words: TextItem[];
  lines: TextItem[][];
  raised: Set<TextItem>;
  unit: number;
  place: number;
  size: number;
}

/** A page's items as lines, wrapped cells joined and raised marks set on the line under them. */
function pageLines(items: readonly TextItem[]): PageLines | undefined {
  let words = items.filter((i) => i.str.trim() !== '');
  if (words.length === 0) return undefined;
  const unit = median(words.map((i) => i.width / Math.max(1, i.str.length))) || 5;
  // columns are placed in a narrower unit than the median character, so that a long label of narrow
  // letters does not run past where the next column starts and push that line's cells out of line
  const widths = words.filter((i) => i.str.trim().length >= 4).map((i) => i.width / i.str.length).sort((a, b) => a - b);
  const place = Math.min(unit, widths[Math.floor(widths.length * 0.05)] ?? unit);
  const size = median(words.map((i) => i.size)) || 10;
  words = joinWrappedCells(joinTouchingRuns(words, size, unit), size);
  // superscripts ("kg/m²", a footnote mark "a" after a label or a value) are set smaller and raised:
  // they belong to the line whose baseline is just under them, not to a line of their own
  const raised = new Set(words.filter((i) => i.size < size * 0.85 && i.str.trim().length <= 3));
  const sorted = [...words].filter((i) => !raised.has(i)).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - item.y) <= size * 0.4) line.push(item);
    else lines.push([item]);
  }
  for (const mark of raised) {
    const under = lines.filter((l) => l[0]!.y <= mark.y + size * 0.2 && l[0]!.y >= mark.y - size * 0.9).sort((a, b) => Math.abs(a[0]!.y - mark.y) - Math.abs(b[0]!.y - mark.y))[0];
    if (under) under.push(mark);
    else lines.push([mark]);
  }
  lines.sort((a, b) => b[0]!.y - a[0]!.y);
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return { words, lines, raised, unit, place, size };
}

/** A page's lines as cells, in PDF units (see {@link layoutPage}). */
function pageRows({ words, lines, raised, unit, place, size }: PageLines, starts: readonly number[]): LaidPage {
  const left = Math.min(...words.map((i) => i.x));
  // each line as its cells: runs of text set close together are one cell, a wide gap or the start
  // of a column begins the next
  const rows: LaidRow[] = [];
  for (const line of lines) {
    // the line's height is its highest baseline: a cell set lower in a taller row is not a gap
    const y = Math.max(...line.filter((i) => !raised.has(i)).map((i) => i.y), ...(line.every((i) => raised.has(i)) ? line.map((i) => i.y) : []));
    const cells: LaidCell[] = [];
    for (const item of line) {
      const cell = cells[cells.length - 1];
      const gap = cell ? item.x - cell.end : 0;
      if (cell && raised.has(item) && gap <= unit * 0.6) {
        // a mark set against the text before it: after a value as printed ("15 (19)a"), after a word
        // in brackets ("Diabetes[a]"), which a letter glued to a word could not say; a unit's "2" as is
        const mark = item.str.trim();
        cell.text += /^[a-h]$/.test(mark) && /\p{L}$/u.test(cell.text) ? `[${mark}]` : mark;
        cell.end = item.x + item.width;
        continue;
      }
      if (!cell || gap > unit * 1.5 || (gap > unit * 0.15 && !raised.has(item) && startsColumn(starts, item.x, cell.end))) {
        cells.push({ x: item.x, end: item.x + item.width, text: item.str });
        continue;
      }
      if (gap > unit * 0.15 && !cell.text.endsWith(' ') && !item.str.startsWith(' ')) cell.text += ' ';
      cell.text += item.str;
      cell.end = item.x + item.width;
    }
    for (const c of cells) c.text = c.text.trim();
    // a wrapped cell's first and last lines bound the row (raised marks do not)
    const body = line.filter((i) => !raised.has(i));
    rows.push({ cells, top: Math.max(y, ...body.map((i) => i.top ?? i.y)), bottom: Math.min(y, ...body.map((i) => i.bottom ?? i.y)), small: body.length > 0 && body.every((i) => i.size < size * 0.85) });
  }
  spreadHeadings(rows, starts, unit);
  return { rows, size, left, place };
}

/**
 * A heading over several columns ("Reference cohort (n = 318)" centred over "ADR present" and "ADR
 * absent") is set once, across the columns' starts; the text table reader could only give it to the
 * column its text overlaps most, and those columns would lose their size. It is set again at the start
 * of each column it covers, as an HTML table's `colspan` is read, when the next line under it sets
 * cells apart at those starts (so a note or a caption across the page is not). Headings inside the
 * data columns are set no further right than the columns they cover.
 */
function spreadHeadings(rows: LaidRow[], starts: readonly number[], unit: number): void {
  const sorted = [...starts].sort((a, b) => a - b);
  if (sorted.length === 0) return;
  const first = sorted[0]!;
  rows.forEach((row, k) => {
    if (row.small) return;
    const cells: LaidCell[] = [];
    for (const cell of row.cells) {
      const crossed = cell.x >= first - 1 ? sorted.filter((s) => s > cell.x + unit * 0.5 && s < cell.end - unit * 0.5) : [];
      const below = crossed.length > 0 ? rows.slice(k + 1).find((r) => r.cells.some((c) => c.x < cell.end && cell.x < c.end)) : undefined;
      const under = below?.cells.filter((c) => c.x < cell.end && cell.x < c.end) ?? [];
      const apart = crossed.filter((s) => under.some((a) => a.end <= s + 1) && under.some((b) => b.x >= s - 1));
      const home = sorted.filter((s) => s <= cell.x + 1).pop();
      if (apart.length === 0 || apart.length !== crossed.length) {
        // a heading centred or set right in its column ("N" over values set from the column's start)
        // begins where the column does, when it is the only cell of its line there
        const alone = home !== undefined && crossed.length === 0 && row.cells.every((c) => c === cell || c.end <= home || c.x >= (sorted.find((s) => s > home) ?? Infinity) - 1);
        cells.push(alone ? { ...cell, x: home } : cell);
        continue;
      }
      const at = [home!, ...crossed];
      at.forEach((x, j) => cells.push({ x, end: j + 1 < at.length ? at[j + 1]! - 1 : Math.max(cell.end, x + 1), text: cell.text }));
    }
    row.cells = cells;
  });
}

/**
 * The pages of a document laid out as text ({@link layoutPage}), their columns placed alike on
 * every page: a table continued on the next page keeps the same columns in the same places in the
 * text, as it does on paper.
 */
export function layoutPages(pages: readonly (readonly TextItem[])[]): string[] {
  const lined = pages.map(pageLines);
  const starts = columnStarts(lined.filter((p): p is PageLines => p !== undefined));
  const laid = lined.map((p) => (p ? pageRows(p, starts) : undefined));
  const present = laid.filter((p): p is LaidPage => p !== undefined);
  if (present.length === 0) return pages.map(() => '');
  const left = Math.min(...present.map((p) => p.left));
  const place = Math.min(...present.map((p) => p.place));
  // where each cell starts in the text: where its x falls on a grid of narrow characters, moved
  // right past the text of every cell that ends before it in the document. The place of an x is one
  // for the whole document, so a cell whose text is longer than its column is wide (a heading joined
  // from three lines) moves the columns after it on every line, and the columns still line up
  const all = present.flatMap((p) => p.rows.flatMap((r) => r.cells));
  const xs = [...new Set(all.map((c) => c.x))].sort((a, b) => a - b);
  const column = new Map<number, number>();
  let prev: { x: number; col: number } | undefined;
  for (const x of xs) {
    if (prev && x - prev.x <= 1) {
      column.set(x, prev.col);
      continue;
    }
    let col = Math.max(Math.round((x - left) / place), prev ? prev.col + 1 : 0);
    for (const c of all) if (c.end <= x + 0.5 && column.has(c.x)) col = Math.max(col, column.get(c.x)! + c.text.length + 2);
    column.set(x, col);
    prev = { x, col };
  }
  return laid.map((page) => {
    if (!page) return '';
    const out: string[] = [];
    let lastY: number | undefined;
    const rows = page.rows;
    rows.forEach((row, k) => {
      // a running head or foot in small print (a browser's date, title and page number) is no
      // line of the table it is set next to, however close
      const apart = (k === 1 && rows[0]!.small && !row.small) || (k === rows.length - 1 && row.small && !rows[k - 1]!.small);
      if (lastY !== undefined && (lastY - row.top > page.size * 1.9 || apart)) out.push('');
      // the lowest line printed so far: a cell set over more lines than the row after it ends below it
      lastY = Math.min(lastY ?? Infinity, row.bottom);
      let text = '';
      for (const cell of row.cells) {
        const at = column.get(cell.x)!;
        text += text === '' ? ' '.repeat(at) : ' '.repeat(Math.max(2, at - text.length));
        text += cell.text;
      }
      out.push(text.replace(/\s+$/, ''));
    });
    return out.join('\n');
  });
}

/**
 * The text of a PDF, page by page, laid out so that tables keep their columns (pdf.js text
 * positions; `pdfjs-dist` is an optional peer dependency). Pages are separated by a blank line.
 *
 * @example
 * const text = await pdfText(dataPath('examples/baseline-table.pdf'));
 * /Treatment \(n = 120\) {2,}Control \(n = 118\)/.test(text); // true
 */
export async function pdfText(path: string): Promise<string> {
  const pdfjs = await loadPdfJs();
  const data = new Uint8Array(await readFile(path));
  let doc: PdfDocument;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new InputFormatError(`${path}: cannot read the PDF: ${error instanceof Error ? error.message : String(error)}`, { file: path });
  }
  const pages: TextItem[][] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = raw.transform;
        items.push({ str: raw.str, x: e, y: f, width: raw.width, size: Math.hypot(a, b) || raw.height });
      }
      pages.push(items);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return layoutPages(pages).join('\n\n');
}
