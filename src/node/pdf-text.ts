import { readFile } from 'node:fs/promises';
import { InputFormatError } from '../errors.js';

/** One piece of text on a PDF page, where pdf.js put it (points, origin bottom left). */
interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
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

/**
 * Lay a page's text items out as lines of plain text: items on one baseline form a line, in
 * x order; a gap wider than about a character and a half becomes two or more spaces, placed so
 * that columns line up from line to line (the width of a character is the page's median), so the
 * text table reader sees the table's columns. A taller gap between lines becomes a blank line.
 */
export function layoutPage(items: readonly TextItem[]): string {
  const words = items.filter((i) => i.str.trim() !== '');
  if (words.length === 0) return '';
  const unit = median(words.map((i) => i.width / Math.max(1, i.str.length))) || 5;
  // columns are placed in a narrower unit than the median character, so that a long label of narrow
  // letters does not run past where the next column starts and push that line's cells out of line
  const widths = words.filter((i) => i.str.trim().length >= 4).map((i) => i.width / i.str.length).sort((a, b) => a - b);
  const place = Math.min(unit, widths[Math.floor(widths.length * 0.05)] ?? unit);
  const size = median(words.map((i) => i.size)) || 10;
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
  const left = Math.min(...words.map((i) => i.x));
  const out: string[] = [];
  let lastY: number | undefined;
  for (const line of lines) {
    // the line's height is its highest baseline: a cell set lower in a taller row is not a gap
    const y = Math.max(...line.filter((i) => !raised.has(i)).map((i) => i.y), ...(line.every((i) => raised.has(i)) ? line.map((i) => i.y) : []));
    line.sort((a, b) => a.x - b.x);
    if (lastY !== undefined && lastY - y > size * 1.9) out.push('');
    lastY = y;
    let text = '';
    let end = left;
    for (const item of line) {
      const gap = item.x - end;
      const column = Math.round((item.x - left) / place);
      if (raised.has(item) && text !== '' && gap <= unit * 0.6) {
        // a mark set against the text before it: after a value as printed ("15 (19)a"), after a word
        // in brackets ("Diabetes[a]"), which a letter glued to a word could not say; a unit's "2" as is
        const mark = item.str.trim();
        text += /^[a-h]$/.test(mark) && /\p{L}$/u.test(text) ? `[${mark}]` : mark;
        end = item.x + item.width;
        continue;
      }
      if (text === '') text = ' '.repeat(Math.max(0, column));
      else if (gap > unit * 1.5) text += ' '.repeat(Math.max(2, column - text.length));
      else if (gap > unit * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
      text += item.str;
      end = item.x + item.width;
    }
    out.push(text.replace(/\s+$/, ''));
  }
  return out.join('\n');
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
  const pages: string[] = [];
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
      pages.push(layoutPage(items));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages.join('\n\n');
}
