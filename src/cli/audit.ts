import { parseArgs } from 'node:util';
import { auditClaims } from '../audit/audit-claims.js';
import { formatAuditMarkdown, formatAuditText } from '../audit/format-report.js';
import { readClaimsFile, loadReferences } from '../node/claims.js';
import { dataPath } from '../node/sample.js';
import { cohortOption } from './cohort-option.js';
import { auditFromText, localeOption } from './extract.js';
import { checkInputFile } from './input-file.js';
import type { Io } from './io.js';
import { readRecordsOption } from './records-option.js';
import { termsUsed } from './terms.js';
import { AUDIT_HELP, UsageError } from './usage.js';

/** `treatment-outcomes audit [claims.json|yaml] [--records file.csv] [--cohort c] [--format text|markdown|json]`. */
export async function audit(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      records: { type: 'string' },
      cohort: { type: 'string' },
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
  if (values.cohort !== undefined && values.records === undefined) throw new UsageError('--cohort checks the records of --records file.csv; give --records too');
  if (values['from-text'] !== undefined) return auditFromText(values['from-text'], values.format, localeOption(values.locale, values['decimal-comma']), io);
  const path = positionals[0] ?? dataPath('seed-claims.json');
  await checkInputFile(path, 'a claims file (JSON or YAML)');
  // lenient: a figure that cannot be read becomes a finding with its path; only an unreadable file stops here
  const { data } = await readClaimsFile(path, { lenient: true });
  const records = await readRecordsOption(values.records, await cohortOption(values.cohort), io);
  const report = auditClaims(data, { references: await loadReferences(), ...(records ? { records: records.table } : {}) });
  if (values.format === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.format === 'markdown') io.out(formatAuditMarkdown(report));
  else {
    const text = formatAuditText(report);
    io.out(text + termsUsed(text, report.findings.flatMap((f) => f.codes)));
  }
  return report.ok ? 0 : 1;
}
