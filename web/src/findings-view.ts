// Every finding of the audit as a table, each row linked to its figure in the text.
import type { AuditReport } from '../../src/audit/audit-claims.js';
import { h, plural } from './dom.js';
import type { Figure } from './pipeline.js';

const SEVERITY_WORDS = { error: 'cannot be right', warning: 'needs a look', info: 'note' } as const;

/** The findings table, or a line saying there is nothing to report. */
export function findingsView(audit: AuditReport | undefined, figures: readonly Figure[], select: (key: string) => void): Node {
  if (audit === undefined) return h('p', { class: 'muted' }, 'No findings yet.');
  if (audit.findings.length === 0) return h('p', {}, 'No findings: every figure is consistent.');
  const shown = new Set(figures.map((f) => f.key));
  return h(
    'table',
    { class: 'findings-table' },
    h('caption', { class: 'muted' }, `${plural(audit.findings.length, 'finding')}, one per figure, the most severe check first`),
    h('thead', {}, h('tr', {}, ...['Severity', 'Figure', 'Codes', 'Finding', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...audit.findings.map((f) =>
        h(
          'tr',
          { 'data-severity': f.severity },
          h('td', {}, h('span', { class: `badge ${f.severity === 'info' ? 'info' : f.severity}` }, SEVERITY_WORDS[f.severity])),
          h('td', {}, f.claim ?? f.path),
          h('td', {}, h('code', {}, f.codes.join(', '))),
          h('td', {}, f.message),
          h('td', {}, f.claim !== undefined && shown.has(f.claim) ? h('button', { type: 'button', class: 'secondary', 'aria-label': `Show ${f.claim} in the text`, onclick: () => select(f.claim!) }, 'Show') : ''),
        ),
      ),
    ),
  );
}
