import { inspectClaims, parseClaims, type ClaimsProblem } from '../claims/parse.js';
import type { Claim, ClaimsFile } from '../claims/schema.js';
import { InputFormatError, TreatmentOutcomesError } from '../errors.js';
import type { ReferenceDistribution } from '../schema/reference.js';
import type { CohortInput } from '../stats/count-table.js';
import { auditContext, type AuditContext } from './audit-context.js';
import { claimChecks, roundingCheck } from './claim-findings.js';
import { groupChecks, summarize, type AuditSummary, type Check, type Finding } from './finding.js';
import { evidenceChecks } from './evidence-findings.js';
import { meanChecks } from './mean-findings.js';
import { partitionChecks, subgroupChecks } from './partition-findings.js';
import { recordChecks } from './record-findings.js';
import { referenceChecks } from './reference-findings.js';
import { roundingModes } from './rounding-set.js';

export type { AuditSummary, Check, Finding, FindingCode, Severity } from './finding.js';

/** The result of {@link auditClaims}. */
export interface AuditReport {
  /** No finding of severity error. */
  ok: boolean;
  title: string;
  source: ClaimsFile['source'];
  /** One finding per figure, errors first within each figure; see {@link Finding}. */
  findings: Finding[];
  /** Findings (figures) by severity, and the checks behind them. */
  summary: AuditSummary;
}

/** Options of {@link auditClaims}. */
export interface AuditOptions {
  /** Record-level data to recount every numerator from. */
  records?: CohortInput;
  /** Population distributions by id, for the file's `references` (the node entry loads the bundled ones). */
  references?: Readonly<Record<string, ReferenceDistribution>>;
}

const problemCheck = (p: ClaimsProblem): Check => ({
  code: p.code === 'figure-unchecked' ? 'figure-unchecked' : 'figure-invalid',
  severity: p.code === 'figure-unchecked' ? 'warning' : 'error',
  ...(p.id !== undefined ? { claim: p.id } : {}),
  path: p.path,
  message: `${p.path}${p.id !== undefined ? ` ("${p.id}")` : ''}: ${p.message}.`.replace(/\.\.$/, '.'),
  evidence: { path: p.path, reason: p.message },
});

/**
 * Run one figure's checks; a value the checks refuse becomes a finding about that figure, not an
 * abort. A comparison that cannot be made (a reference that does not fit the partition) says
 * nothing about the published numbers, so it is `figure-unchecked`, not an error.
 */
function guarded(out: Check[], path: string, id: string | undefined, run: () => readonly Check[] | Check | undefined, refused: ClaimsProblem['code'] = 'figure-invalid'): void {
  try {
    const result = run();
    if (Array.isArray(result)) out.push(...(result as readonly Check[]));
    else if (result !== undefined) out.push(result as Check);
  } catch (error) {
    if (!(error instanceof TreatmentOutcomesError)) throw error;
    const message = refused === 'figure-unchecked' ? `not checked: ${error.message}` : error.message;
    out.push(problemCheck({ code: refused, path, ...(id !== undefined ? { id } : {}), message }));
  }
}

/**
 * Audit a claims file: is every printed percent possible, does it match its counts, does one
 * rounding rule explain the table, do parts add up, do subgroups agree with their total, and does
 * the case mix look like the population's. Every message says what was claimed, what the numbers
 * allow and the nearest possible values. Findings are grouped per figure: a misprint that fails
 * two checks is one finding with two codes. A figure that cannot be read is reported as a
 * `figure-invalid` finding with its path, and every other figure is still audited; only a file
 * that cannot be read at all throws an `InputFormatError`.
 *
 * @example
 * const report = auditClaims({
 *   title: 'clinic', source: { name: 'web page' },
 *   claims: [{ id: 'mixed', numerator: 1341, denominator: 4278, percent: '31.34' }],
 * });
 * report.findings.map((f) => f.codes); // [['percent-impossible', 'percent-mismatch']]
 * report.summary.error; // 1
 */
export function auditClaims(input: ClaimsFile | unknown, options: AuditOptions = {}): AuditReport {
  const { file, warnings, problems, origin } = inspectClaims(input);
  if (file === null) {
    parseClaims(input); // throws the file's own InputFormatError
    throw new InputFormatError('invalid claims file');
  }
  const ctx: AuditContext = auditContext(roundingModes(file.rounding), file.decimalComma ?? false);
  const at = (list: string, k: number) => `${list}[${origin[list]?.[k] ?? k}]`;
  const checks: Check[] = warnings.map((w) => ({
    code: 'percent-decimals-guessed',
    severity: 'warning',
    ...(w.id !== undefined ? { claim: w.id } : {}),
    path: w.path,
    message: `${w.path}: ${w.message}`,
    evidence: { path: w.path },
  }));
  checks.push(...problems.map(problemCheck));

  const byId = new Map<string, Claim>();
  for (const c of file.claims) if (!byId.has(c.id)) byId.set(c.id, c);
  const claims = file.claims.map((claim, k) => ({ claim, path: at('claims', k) }));
  for (const { claim, path } of claims) guarded(checks, path, claim.id, () => claimChecks(claim, path, ctx));
  const counted = claims.filter((x): x is { claim: Claim & { percent: string; numerator: number }; path: string } => x.claim.numerator !== undefined && x.claim.percent !== undefined);
  guarded(checks, 'claims', undefined, () => roundingCheck(counted, ctx));

  const partitions = new Map<string, { p: NonNullable<ClaimsFile['partitions']>[number]; path: string }>();
  (file.partitions ?? []).forEach((p, k) => partitions.has(p.id) || partitions.set(p.id, { p, path: at('partitions', k) }));
  for (const { p, path } of partitions.values()) guarded(checks, path, p.id, () => partitionChecks(p, p.parts.map((id) => byId.get(id)!), path, ctx));
  (file.subgroups ?? []).forEach((s, k) => {
    const path = at('subgroups', k);
    guarded(checks, path, s.id, () => subgroupChecks(s, byId.get(s.total)!, s.groups.map((id) => byId.get(id)!), path, ctx));
  });
  (file.references ?? []).forEach((r, k) => {
    const path = at('references', k);
    const { p } = partitions.get(r.partition)!;
    const reference = options.references !== undefined && Object.hasOwn(options.references, r.id) ? options.references[r.id] : undefined;
    guarded(checks, path, r.id, () => referenceChecks(r, p, p.parts.map((id) => byId.get(id)!), reference, path, ctx), 'figure-unchecked');
  });
  (file.means ?? []).forEach((m, k) => {
    const path = at('means', k);
    guarded(checks, path, m.id, () => meanChecks(m, path, ctx));
  });
  (file.evidence ?? []).forEach((e, k) => {
    const path = at('evidence', k);
    guarded(checks, path, e.id, () => evidenceChecks(e, byId.get(e.claim)!, path, ctx));
  });
  if (options.records !== undefined) {
    const records = options.records;
    guarded(checks, 'records', undefined, () => recordChecks(claims, records, ctx));
  }

  const findings = groupChecks(checks);
  const summary = summarize(findings);
  return { ok: summary.error === 0, title: file.title, source: file.source, findings, summary };
}
