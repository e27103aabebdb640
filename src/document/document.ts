// The document model shared by every reader of published figures: a page (HTML, Markdown or
// plain text) as a person reads it, a flat list of blocks over one readable text. Prose readers
// and table readers both work on blocks, and every span they report indexes `TextDocument.text`.

/** What a block of a page is. Headings bound the scope of totals; tables go to a table reader. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table' | 'preformatted';

/** One cell of a table block, with where its text stands in the document's text. */
export interface TableCell {
  text: string;
  /** A `<th>` cell, a cell of `<thead>` or of a Markdown header row. */
  header: boolean;
  rowSpan: number;
  colSpan: number;
  start: number;
  end: number;
}

/** The grid of a table block as written (spans not expanded). */
export interface TableData {
  format: 'html' | 'markdown' | 'text';
  caption?: string;
  /** Rows as written; a row of `<thead>` (or a Markdown header row) has every cell `header`. */
  rows: TableCell[][];
  /** How many leading rows are header rows (`<thead>` rows or the Markdown header row). */
  headRows: number;
}

/** A block of a document: its readable text is `document.text.slice(start, end)`. */
export interface DocumentBlock {
  kind: BlockKind;
  text: string;
  start: number;
  end: number;
  /** Heading level (1 = `<h1>` or `#`), or the nesting depth of a list item (1 = top level). */
  level?: number;
  /** Present on table blocks. Its text is the rows, one a line, with cells separated by tabs. */
  table?: TableData;
}

/** A page as blocks over one readable text. */
export interface TextDocument {
  /** The readable text; blocks are separated by blank lines (plain text input is kept as given). */
  text: string;
  blocks: DocumentBlock[];
}

/** A block before the document's text is laid out: text and, for tables, cell texts. */
export interface BlockDraft {
  kind: BlockKind;
  text: string;
  level?: number;
  table?: { format: TableData['format']; caption?: string; headRows: number; rows: Omit<TableCell, 'start' | 'end'>[][] };
}

/**
 * Lay out drafted blocks as one text, blank line between blocks, and give every block and table
 * cell its offsets. A table's text is its rows, one a line, cells separated by a tab.
 */
export function layoutBlocks(drafts: readonly BlockDraft[]): TextDocument {
  const pieces: string[] = [];
  const blocks: DocumentBlock[] = [];
  let at = 0;
  for (const draft of drafts) {
    if (draft.kind !== 'table' && draft.text.trim() === '') continue;
    if (pieces.length > 0) {
      pieces.push('\n\n');
      at += 2;
    }
    const start = at;
    let block: DocumentBlock;
    if (draft.table) {
      const rows: TableCell[][] = [];
      const lines: string[] = [];
      let cursor = start;
      draft.table.rows.forEach((row, r) => {
        if (r > 0) cursor += 1;
        const cells: TableCell[] = [];
        row.forEach((cell, c) => {
          if (c > 0) cursor += 1;
          cells.push({ ...cell, start: cursor, end: cursor + cell.text.length });
          cursor += cell.text.length;
        });
        rows.push(cells);
        lines.push(row.map((cell) => cell.text).join('\t'));
      });
      const text = lines.join('\n');
      const { format, caption, headRows } = draft.table;
      block = { kind: 'table', text, start, end: start + text.length, table: { format, ...(caption ? { caption } : {}), rows, headRows } };
    } else {
      block = { kind: draft.kind, text: draft.text, start, end: start + draft.text.length, ...(draft.level !== undefined ? { level: draft.level } : {}) };
    }
    pieces.push(block.text);
    at = block.end;
    blocks.push(block);
  }
  return { text: pieces.join(''), blocks };
}
