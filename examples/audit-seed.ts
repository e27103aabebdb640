// Audit the clinic's published figures (data/seed-claims.json) against what the numbers allow.
// Run: npx tsx examples/audit-seed.ts   (in your own code, import from 'treatment-outcomes' and 'treatment-outcomes/node')
import { fileURLToPath } from 'node:url';
import { auditClaims, formatAuditText, type AuditReport } from '../src/index.js';
import { dataPath, loadReferences, readClaimsFile } from '../src/node/index.js';

export async function auditSeed(): Promise<AuditReport> {
  const { data } = await readClaimsFile(dataPath('seed-claims.json'), { lenient: true });
  return auditClaims(data, { references: await loadReferences() });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = await auditSeed();
  process.stdout.write(formatAuditText(report));
  process.exitCode = report.ok ? 0 : 1;
}
