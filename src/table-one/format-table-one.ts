import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import type { TableOne } from './types.js';

/** Options of {@link formatTableOne}. */
export interface FormatTableOneOptions {
  /** 'markdown' (pipe table), 'html' (a fragment with `<thead>`, no styles or scripts), 'csv' (RFC 4180) or 'text' (aligned columns). */
  format: 'markdown' | 'html' | 'csv' | 'text';
  /** A caption: the HTML `<caption>`, a line above the other formats (except CSV). */
  caption?: string;
  /** Print the table's notes below it (default true; CSV never has them, to stay a grid). */
  notes?: boolean;
}

const FORMATS = ['markdown', 'html', 'csv', 'text'] as const;

interface Grid {
  head: string[];
  body: { cells: string[]; indent: boolean; kind: 'variable' | 'level' | 'missing' }[];
}

function gridOf(table: TableOne): Grid {
  const withP = table.options.pValues;
  const head = ['Characteristic', ...table.columns.map((c) => c.heading), ...(withP ? ['p'] : [])];
  const body = table.rows.map((r) => ({
    cells: [r.label, ...r.cells.map((c) => c.text), ...(withP ? [r.pValue?.text ?? ''] : [])],
    indent: r.kind !== 'variable',
    kind: r.kind,
  }));
  return { head, body };
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeMarkdown = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const csvField = (s: string): string => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function markdown(g: Grid, options: FormatTableOneOptions, notes: readonly string[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    ...(options.caption !== undefined ? [`**${escapeMarkdown(options.caption)}**`, ''] : []),
    line(g.head.map(escapeMarkdown)),
    line(g.head.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...g.body.map((r) => line(r.cells.map((c, i) => (i === 0 && r.indent ? `&nbsp;&nbsp;&nbsp;&nbsp;${escapeMarkdown(c)}` : escapeMarkdown(c))))),
  ];
  if (notes.length > 0) lines.push('', ...notes.map((n) => `${escapeMarkdown(n)}  `));
  return `${lines.join('\n')}\n`;
}

function html(g: Grid, options: FormatTableOneOptions, notes: readonly string[]): string {
  const out = ['<table class="table-one">'];
  if (options.caption !== undefined) out.push(`  <caption>${escapeHtml(options.caption)}</caption>`);
  out.push('  <thead>', `    <tr>${g.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`, '  </thead>', '  <tbody>');
  for (const r of g.body) {
    const [label, ...cells] = r.cells;
    const th = r.indent ? `<th scope="row" class="${r.kind}" style="padding-left: 1.5em">` : '<th scope="row" class="variable">';
    out.push(`    <tr>${th}${escapeHtml(label ?? '')}</th>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
  }
  out.push('  </tbody>');
  if (notes.length > 0) {
    out.push('  <tfoot>', ...notes.map((n) => `    <tr><td colspan="${g.head.length}">${escapeHtml(n)}</td></tr>`), '  </tfoot>');
  }
  out.push('</table>');
  return `${out.join('\n')}\n`;
}

function csv(g: Grid): string {
  return `${[g.head, ...g.body.map((r) => r.cells.map((c, i) => (i === 0 && r.indent ? `  ${c}` : c)))].map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function text(g: Grid, options: FormatTableOneOptions, notes: readonly string[]): string {
  const rows = [g.head, ...g.body.map((r) => r.cells.map((c, i) => (i === 0 && r.indent ? `  ${c}` : c)))];
  const widths = g.head.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - [...s].length) + s : s + ' '.repeat(w - [...s].length));
  const render = (r: readonly string[]) => r.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ').trimEnd();
  const lines = [...(options.caption !== undefined ? [options.caption] : []), render(g.head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(render)];
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

/**
 * Print a {@link TableOne} for a report: a Markdown pipe table, an HTML fragment (a `<table>`
 * with `<caption>`, `<thead>`, `<tbody>` and the notes in `<tfoot>`; no styles, scripts or chart
 * libraries), CSV, or aligned text. Level rows are indented under their variable.
 *
 * @example
 * const table = tableOne([{ type: 'a', year: 2010, outcome: 'improved' }, { type: 'b', year: 2010, outcome: 'unknown' }], { by: 'type', overall: false });
 * formatTableOne(table, { format: 'csv' }).split('\r\n')[0]; // 'Characteristic,a (n = 1),b (n = 1)'
 * formatTableOne(table, { format: 'html' }).includes('<thead>'); // true
 */
export function formatTableOne(table: TableOne, options: FormatTableOneOptions): string {
  if (typeof table !== 'object' || table === null || table.kind !== 'table-one') throw new InvalidArgumentError('table', table, `expected a table from tableOne, got ${describeValue(table)}`);
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, "options must be { format: 'markdown' | 'html' | 'csv' | 'text' }");
  assertOneOf(options.format, FORMATS, 'format');
  const g = gridOf(table);
  const notes = options.notes === false ? [] : table.notes;
  switch (options.format) {
    case 'markdown':
      return markdown(g, options, notes);
    case 'html':
      return html(g, options, notes);
    case 'csv':
      return csv(g);
    default:
      return text(g, options, notes);
  }
}
