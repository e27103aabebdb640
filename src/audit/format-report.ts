import type { AuditReport } from './audit-claims.js';
import type { Finding } from './finding.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const sorted = (findings: readonly Finding[]) => [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** A figure's codes as printed: each once (a figure with two bad fields has `figure-invalid` twice in `codes`). */
const codesOf = (f: Finding): string[] => [...new Set(f.codes)];

/**
 * The audit's verdict in one line, counting figures rather than checks: one misprint that fails
 * two checks is "1 figure cannot be right".
 *
 * @example
 * const report = auditClaims({ title: 'Clinic', source: { name: 'page' }, claims: [{ id: 'a', numerator: 1341, denominator: 4278, percent: '31.34' }] });
 * auditSummaryLine(report); // '1 figure cannot be right, 0 findings need a closer look, 0 notes: the published figures contain errors.'
 */
export function auditSummaryLine(report: AuditReport): string {
  const { error, warning, info } = report.summary;
  const verdict = report.ok ? 'no figure is shown to be wrong' : 'the published figures contain errors';
  return `${count(error, 'figure cannot be right', 'figures cannot be right')}, ${count(warning, 'finding needs a closer look', 'findings need a closer look')}, ${count(info, 'note', 'notes')}: ${verdict}.`;
}

/**
 * An audit report as plain text: one block per figure, errors first, with every code of the
 * figure's checks; with `quotes` (claim id → source text), each finding is followed by the words
 * it is about.
 *
 * @example
 * const report = auditClaims({ title: 'Clinic', source: { name: 'page' }, claims: [{ id: 'a', numerator: 1, denominator: 8, percent: '12.5' }] });
 * formatAuditText(report).split('\n')[0]; // 'Audit: Clinic'
 */
export function formatAuditText(report: AuditReport, options: { quotes?: Readonly<Record<string, string>> } = {}): string {
  const quotes = options.quotes ?? {};
  const lines = [`Audit: ${report.title}`, `Source: ${report.source.name}`];
  if (report.source.quote && Object.keys(quotes).length === 0) lines.push(`  "${report.source.quote}"`);
  lines.push('');
  for (const f of sorted(report.findings)) {
    lines.push(`${f.severity.toUpperCase().padEnd(7)} ${codesOf(f).join(', ')}${f.claim ? ` [${f.claim}]` : ''}`, `        ${f.message}`);
    for (const r of f.related) lines.push(`        ${r.severity === f.severity ? 'Also' : r.severity === 'info' ? 'Note' : 'Also (warning)'}: ${r.message}`);
    if (f.claim !== undefined && Object.hasOwn(quotes, f.claim)) lines.push(`        quote: "${quotes[f.claim]}"`);
  }
  lines.push('', auditSummaryLine(report));
  return `${lines.join('\n')}\n`;
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * An audit report as a Markdown section with a findings table, one row per figure.
 *
 * @example
 * const report = auditClaims({ title: 'Clinic', source: { name: 'page' }, claims: [{ id: 'a', numerator: 1, denominator: 8, percent: '12.5' }] });
 * formatAuditMarkdown(report).split('\n')[0]; // '## Audit: Clinic'
 */
export function formatAuditMarkdown(report: AuditReport): string {
  const lines = [`## Audit: ${report.title}`, '', `Source: ${report.source.name}${report.source.url ? ` (<${report.source.url}>)` : ''}`, ''];
  if (report.source.quote) lines.push(`> ${report.source.quote}`, '');
  lines.push('| severity | codes | claim | finding |', '| --- | --- | --- | --- |');
  for (const f of sorted(report.findings)) {
    const text = [f.message, ...f.related.map((r) => r.message)].map(escapeCell).join('<br>');
    lines.push(`| ${f.severity} | ${codesOf(f).map((c) => `\`${c}\``).join(' ')} | ${f.claim ?? ''} | ${text} |`);
  }
  lines.push('', `**${auditSummaryLine(report)}**`);
  return `${lines.join('\n')}\n`;
}
