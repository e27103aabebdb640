import { parseArgs } from 'node:util';
import { auditClaims } from '../audit/audit-claims.js';
import { formatAuditMarkdown, formatAuditText } from '../audit/format-report.js';
import { readClaimsFile, loadReferences } from '../node/claims.js';
import { readCohortCsv } from '../node/csv.js';
import { dataPath } from '../node/sample.js';
import { auditFromText, localeOption } from './extract.js';
import type { Io } from './io.js';
import { AUDIT_HELP, UsageError } from './usage.js';

/** `treatment-outcomes audit [claims.json|yaml] [--records file.csv] [--format text|markdown|json]`. */
export async function audit(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      records: { type: 'string' },
      'from-text': { type: 'string' },
      'decimal-comma': { type: 'boolean', default: false },
      locale: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(AUDIT_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`audit takes one claims file, got ${positionals.length}`);
  if (!['text', 'markdown', 'json'].includes(values.format)) throw new UsageError(`--format must be text, markdown or json, got ${JSON.stringify(values.format)}`);
  if (values['from-text'] !== undefined) return auditFromText(values['from-text'], values.format, localeOption(values.locale, values['decimal-comma']), io);
  const path = positionals[0] ?? dataPath('seed-claims.json');
  // lenient: a figure that cannot be read becomes a finding with its path; only an unreadable file stops here
  const { data } = await readClaimsFile(path, { lenient: true });
  const records = values.records === undefined ? undefined : (await readCohortCsv(values.records)).records;
  const report = auditClaims(data, { references: await loadReferences(), ...(records ? { records } : {}) });
  if (values.format === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(values.format === 'markdown' ? formatAuditMarkdown(report) : formatAuditText(report));
  return report.ok ? 0 : 1;
}
