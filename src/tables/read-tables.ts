import { InvalidArgumentError, describeValue } from '../errors.js';
import { readDelimitedTable } from './delimited-tables.js';
import { readHtmlTables } from './html-tables.js';
import { readMarkdownTables } from './markdown-tables.js';
import type { Table } from './table.js';
import { readTextTables } from './text-tables.js';

/** The formats {@link readTables} reads. */
export type TableFormat = 'html' | 'markdown' | 'csv' | 'tsv' | 'text';

/** Options of {@link readTables}. */
export interface ReadTablesOptions {
  /** How the input is written; default: guessed from its first characters. */
  format?: TableFormat | 'auto';
}

const FORMATS: readonly string[] = ['html', 'markdown', 'csv', 'tsv', 'text', 'auto'];

/**
 * Guess a document's format from its text: HTML tags, a Markdown table separator, tabs, commas.
 *
 * @example
 * guessTableFormat('| a | b |\n|---|---|\n| 1 | 2 |'); // 'markdown'
 * guessTableFormat('<table><tr><td>1</td></tr></table>'); // 'html'
 */
export function guessTableFormat(input: string): TableFormat {
  const head = input.slice(0, 4000);
  if (/<(?:table|html|body|!doctype|div|p)\b/i.test(head)) return 'html';
  if (/^\s*\|?.*\|.*\n\s*\|?\s*:?-{3,}/m.test(head)) return 'markdown';
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  if (lines.length >= 2 && lines.every((l) => l.includes('\t'))) return 'tsv';
  if (lines.length >= 2 && lines.every((l) => l.split(',').length >= 3 && /^[^,]*(?:,(?:"[^"]*"|[^",]*))+$/.test(l)) && !/\.\s+[A-Z]/.test(head)) return 'csv';
  return 'text';
}

/**
 * Every table in a document, as a grid with row and column labels: HTML (`rowspan`, `colspan`,
 * `<thead>`, `<caption>`), Markdown pipe tables, CSV, TSV, or plain text with columns aligned by
 * spaces. Pure: works in a browser; the node entry's `readTablesFromFile` adds PDF.
 *
 * @example
 * const [t] = readTables('<table><caption>Table 1 (n = 120)</caption><tr><th></th><th>Treated (n = 60)</th></tr><tr><td>Female</td><td>27 (45.0)</td></tr></table>', { format: 'html' });
 * t.columnLabels; // ['', 'Treated (n = 60)']
 * t.grid[1];      // ['Female', '27 (45.0)']
 * t.caption;      // 'Table 1 (n = 120)'
 */
export function readTables(input: string, options: ReadTablesOptions = {}): Table[] {
  if (typeof input !== 'string') throw new InvalidArgumentError('input', input, `input must be the document's text, got ${describeValue(input)}`);
  const format = options.format ?? 'auto';
  if (!FORMATS.includes(format)) throw new InvalidArgumentError('format', format, `format must be one of ${FORMATS.map((f) => `'${f}'`).join(', ')}, got ${describeValue(format)}`);
  switch (format === 'auto' ? guessTableFormat(input) : format) {
    case 'html':
      return readHtmlTables(input);
    case 'markdown':
      return readMarkdownTables(input);
    case 'csv':
      return readDelimitedTable(input, ',');
    case 'tsv':
      return readDelimitedTable(input, '\t');
    default:
      return readTextTables(input);
  }
}
