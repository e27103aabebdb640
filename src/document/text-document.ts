import type { DocumentBlock, TableCell, TextDocument } from './document.js';

interface Line {
  start: number;
  end: number;
  text: string;
}

const ATX_HEADING = /^ {0,3}(#{1,6})\s+\S/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-{2,})\s*$/;
const LIST_MARKER = /^(\s*)(?:[-*+•‣◦▪]|\d{1,3}[.)])\s+\S/;
const PIPE_ROW = /^\s*\|.*\|\s*$|^[^|]+\|[^|]+/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const COLUMN_GAP = /\t+| {2,}/;
// a lone short line with no sentence punctuation and no figures reads as a heading
const LONE_HEADING = /^[\p{Lu}\d][^.!?;:,%]{0,78}[^.!?;:,%\s]$/u;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

const cellsOf = (line: Line, split: RegExp, header: boolean): TableCell[] => {
  const cells: TableCell[] = [];
  let at = 0;
  const body = line.text;
  for (const piece of body.split(split)) {
    const offset = body.indexOf(piece, at);
    at = offset + piece.length;
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text === '') continue;
    cells.push({ text, header, rowSpan: 1, colSpan: 1, start: line.start + offset + lead, end: line.start + offset + lead + text.length });
  }
  return cells;
};

// two or more short cells apart by a tab or by two spaces (prose with two spaces after a full stop has long "cells")
const isTextTableRow = (line: Line) => {
  const cells = line.text.trim().split(COLUMN_GAP);
  return cells.length >= 2 && cells.every((c) => c.length <= 60) && !/[.!?]\s{2,}\p{Lu}/u.test(line.text);
};

/**
 * Read plain text or Markdown as blocks: paragraphs (separated by blank lines, line breaks kept),
 * headings (`#` lines, underlined lines, and a lone short line with no sentence punctuation),
 * list items, Markdown pipe tables and tables of columns aligned by spaces or tabs. The document's
 * text is the input itself, so every span indexes the original.
 *
 * @example
 * const doc = textDocument('Results\n\nWe treated 200 patients.\n\n| Type | n |\n|---|---|\n| Spastic | 150 |');
 * doc.blocks.map((b) => b.kind); // ['heading', 'paragraph', 'table']
 */
export function textDocument(text: string): TextDocument {
  const lines = splitLines(text);
  const blocks: DocumentBlock[] = [];
  const block = (kind: DocumentBlock['kind'], from: Line, to: Line, extra: Partial<DocumentBlock> = {}) => {
    blocks.push({ kind, text: text.slice(from.start, to.end), start: from.start, end: to.end, ...extra });
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text.trim() === '') {
      i += 1;
      continue;
    }
    const atx = ATX_HEADING.exec(line.text);
    if (atx) {
      block('heading', line, line, { level: atx[1]!.length });
      i += 1;
      continue;
    }
    const next = lines[i + 1];
    if (next && SETEXT_UNDERLINE.test(next.text) && !LIST_MARKER.test(line.text)) {
      block('heading', line, next, { level: next.text.trim().startsWith('=') ? 1 : 2 });
      i += 2;
      continue;
    }
    if (PIPE_ROW.test(line.text) && next && PIPE_SEPARATOR.test(next.text)) {
      const rows: TableCell[][] = [cellsOf(line, /\|/, true)];
      let j = i + 2;
      for (; j < lines.length && lines[j]!.text.trim() !== '' && lines[j]!.text.includes('|'); j++) rows.push(cellsOf(lines[j]!, /\|/, false));
      block('table', line, lines[j - 1]!, { table: { format: 'markdown', rows: rows.filter((r) => r.length > 0), headRows: 1 } });
      i = j;
      continue;
    }
    const marker = LIST_MARKER.exec(line.text);
    if (marker) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.text.trim() !== '' && !LIST_MARKER.test(lines[j]!.text) && !ATX_HEADING.test(lines[j]!.text)) j++;
      block('list-item', line, lines[j - 1]!, { level: 1 + Math.floor(marker[1]!.replace(/\t/g, '    ').length / 2) });
      i = j;
      continue;
    }
    // a run of lines up to the next blank line, heading, list item or pipe table
    let j = i + 1;
    while (j < lines.length) {
      const l = lines[j]!;
      if (l.text.trim() === '' || ATX_HEADING.test(l.text) || LIST_MARKER.test(l.text)) break;
      if (PIPE_ROW.test(l.text) && lines[j + 1] && PIPE_SEPARATOR.test(lines[j + 1]!.text)) break;
      j++;
    }
    const run = lines.slice(i, j);
    if (run.length >= 2 && run.filter(isTextTableRow).length >= Math.max(2, Math.ceil(run.length * 0.75))) {
      const rows = run.map((l) => cellsOf(l, COLUMN_GAP, false)).filter((r) => r.length > 0);
      block('table', line, run[run.length - 1]!, { table: { format: 'text', rows, headRows: 0 } });
    } else if (run.length === 1 && LONE_HEADING.test(line.text.trim()) && line.text.trim().split(/\s+/).length <= 10 && lines[j] !== undefined) {
      block('heading', line, line, { level: 2 });
    } else block('paragraph', line, run[run.length - 1]!);
    i = j;
  }
  return { text, blocks };
}
