import { layoutBlocks, type BlockDraft, type TextDocument } from '../document/document.js';
import { textTableRegions } from './text-tables.js';

/**
 * A plain-text page (a PDF laid out by `pdfText`, a text file) as a document whose aligned tables
 * are table blocks and whose other lines are paragraphs (lines joined up to a blank line), so that
 * `extractClaims(document, { tables: readTableBlock })` reads both.
 *
 * @example
 * const doc = textWithTables('We treated 60 children.\n\n            All (n = 60)\nSpastic     30 (50.0)\nDyskinetic  30 (50.0)\n');
 * doc.blocks.map((b) => b.kind); // ['paragraph', 'table']
 */
export function textWithTables(text: string): TextDocument {
  const regions = textTableRegions(text);
  const lines = text.split(/\r?\n/);
  const owner = new Map<number, number>();
  regions.forEach((r, k) => {
    for (const [a, b] of r.lines) for (let i = a; i < b; i++) owner.set(i, k);
    if (r.captionLine !== undefined) owner.set(r.captionLine, k);
    if (r.captionLines) for (let i = r.captionLines[0]; i < r.captionLines[1]; i++) owner.set(i, k);
  });
  const drafts: BlockDraft[] = [];
  const placed = new Set<number>();
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) drafts.push({ kind: 'paragraph', text: paragraph.join(' ').replace(/\s+/g, ' ').trim() });
    paragraph = [];
  };
  lines.forEach((line, i) => {
    const k = owner.get(i);
    if (k !== undefined) {
      flush();
      if (placed.has(k)) return;
      placed.add(k);
      const t = regions[k]!.table;
      drafts.push({
        kind: 'table',
        text: '',
        table: {
          format: 'text',
          ...(t.caption ? { caption: t.caption } : {}),
          headRows: t.headerRows,
          rows: t.grid.map((row, r) => row.map((cell, c) => ({ text: c === 0 && r >= t.headerRows ? ' '.repeat(t.indents[r] ?? 0) + cell : cell, header: r < t.headerRows, rowSpan: 1, colSpan: 1 }))),
        },
      });
      return;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  });
  flush();
  return layoutBlocks(drafts);
}
