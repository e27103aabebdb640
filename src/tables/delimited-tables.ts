import { tableFromRows, type Table } from './table.js';

/** Rows of a CSV or TSV text (RFC 4180 quoting: "a ""quoted"" field", embedded newlines). */
export function splitDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** A CSV or TSV text as one table; its header rows are guessed from their contents. */
export function readDelimitedTable(text: string, delimiter: ',' | '\t' | ';'): Table[] {
  const rows = splitDelimited(text, delimiter);
  return rows.length === 0 ? [] : [tableFromRows(rows, { index: 0 })];
}
