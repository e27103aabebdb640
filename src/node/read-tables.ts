import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { readTables, type TableFormat } from '../tables/read-tables.js';
import type { Table } from '../tables/table.js';
import { pdfText } from './pdf-text.js';

const FORMAT_OF: Record<string, TableFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'text',
};

/**
 * Every table in a file: HTML, Markdown, CSV, TSV or text by its extension (or its contents), and
 * PDF through pdf.js text positions (the optional peer dependency `pdfjs-dist`), which rebuild the
 * rows and columns of the page as aligned text.
 *
 * @example
 * const tables = await readTablesFromFile(dataPath('examples/baseline-table.pdf')); // or .html, .md, .csv, .txt
 * tables[0].columnLabels; // ['', 'Treatment (n = 120)', 'Control (n = 118)']
 * tableClaims(tables[0]).claims[0]; // { numerator: 54, denominator: 120, percent: '45.0', denominatorSource: 'table-header', … }
 */
export async function readTablesFromFile(path: string): Promise<Table[]> {
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') return readTables(await pdfText(path), { format: 'text' });
  const text = await readFile(path, 'utf8');
  if (text.startsWith('%PDF-')) return readTables(await pdfText(path), { format: 'text' });
  return readTables(text, { format: FORMAT_OF[ext] ?? 'auto' });
}
