import type { AuditReport, Finding } from './audit-claims.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const sorted = (findings: readonly Finding[]) => [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const summaryLine = (r: AuditReport) =>
  `${plural(r.summary.error, 'error')}, ${plural(r.summary.warning, 'warning')}, ${plural(r.summary.info, 'note')}`;

/**
 * An audit report as plain text: one block per finding, errors first; with `quotes` (claim id →
 * source text), each finding is followed by the words it is about.
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
    lines.push(`${f.severity.toUpperCase().padEnd(7)} ${f.code}${f.claim ? ` [${f.claim}]` : ''}`, `        ${f.message}`);
    if (f.claim !== undefined && Object.hasOwn(quotes, f.claim)) lines.push(`        quote: "${quotes[f.claim]}"`);
  }
  lines.push('', `${summaryLine(report)}: ${report.ok ? 'no error-level finding' : 'the published figures contain errors'}.`);
  return `${lines.join('\n')}\n`;
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * An audit report as a Markdown section with a findings table.
 *
 * @example
 * const report = auditClaims({ title: 'Clinic', source: { name: 'page' }, claims: [{ id: 'a', numerator: 1, denominator: 8, percent: '12.5' }] });
 * formatAuditMarkdown(report).split('\n')[0]; // '## Audit: Clinic'
 */
export function formatAuditMarkdown(report: AuditReport): string {
  const lines = [`## Audit: ${report.title}`, '', `Source: ${report.source.name}${report.source.url ? ` (<${report.source.url}>)` : ''}`, ''];
  if (report.source.quote) lines.push(`> ${report.source.quote}`, '');
  lines.push('| severity | code | claim | finding |', '| --- | --- | --- | --- |');
  for (const f of sorted(report.findings)) lines.push(`| ${f.severity} | \`${f.code}\` | ${f.claim ?? ''} | ${escapeCell(f.message)} |`);
  lines.push('', `**${summaryLine(report)}.**`);
  return `${lines.join('\n')}\n`;
}
