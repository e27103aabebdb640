import { parseClaims, type ClaimsWarning } from '../claims/parse.js';
import type { Claim, ClaimsFile } from '../claims/schema.js';
import { formatPercent } from '../format/format-percent.js';
import type { RoundingMode } from '../format/rounding.js';
import type { ReferenceDistribution } from '../schema/reference.js';
import { toCountTable, type CohortInput } from '../stats/count-table.js';
import { outcomeCount, outcomesBy } from '../stats/group.js';
import { checkPartition } from './check-partition.js';
import { checkPercent } from './check-percent.js';
import { checkSubgroups } from './check-subgroups.js';
import { compareToReference } from './compare-to-reference.js';
import { explainRounding } from './explain-rounding.js';
import { roundingModes } from './rounding-set.js';

/** What a finding is about. Stable codes: tools and tests match on them. */
export type FindingCode =
  | 'percent-impossible'
  | 'percent-mismatch'
  | 'rounding-inconsistent'
  | 'count-sum-mismatch'
  | 'percent-sum-out-of-bounds'
  | 'subgroup-inconsistent'
  | 'denominator-unstated'
  | 'reference-divergent'
  | 'reference-unavailable'
  | 'numerator-range'
  | 'percent-decimals-guessed'
  | 'records-mismatch'
  | 'records-basis';

/** `error`: the numbers cannot be right; `warning`: they need a closer look; `info`: what they imply. */
export type Severity = 'error' | 'warning' | 'info';

/** One thing the audit found, in words and with the numbers behind it. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The claim (or partition, subgroup set) it is about. */
  claim?: string;
  message: string;
  evidence: Record<string, unknown>;
}

/** The result of {@link auditClaims}. */
export interface AuditReport {
  /** No finding of severity error. */
  ok: boolean;
  title: string;
  source: ClaimsFile['source'];
  findings: Finding[];
  summary: Record<Severity, number>;
}

/** Options of {@link auditClaims}. */
export interface AuditOptions {
  /** Record-level data to recount every numerator from. */
  records?: CohortInput;
  /** Population distributions by id, for the file's `references` (the node entry loads the bundled ones). */
  references?: Readonly<Record<string, ReferenceDistribution>>;
}

const MODE_NAMES: Record<RoundingMode, string> = {
  'half-up': 'half-up',
  'half-down': 'half-down',
  'half-even': 'half-even',
  floor: 'floor (truncation)',
  ceil: 'ceiling',
};
const listModes = (modes: readonly RoundingMode[]) => modes.map((m) => MODE_NAMES[m]).join(', ');
const decimalsOf = (p: string) => p.replace('%', '').split(/[.,]/)[1]?.length ?? 0;
const label = (c: Claim) => c.label ?? c.id;

function claimFindings(claim: Claim, file: ClaimsFile, modes: RoundingMode[]): Finding[] {
  const out: Finding[] = [];
  if (claim.percent === undefined) return out; // a bare count "X/N": nothing printed to check
  const c = { ...claim, percent: claim.percent };
  const options = { rounding: modes, decimalComma: file.decimalComma ?? false };
  const check = checkPercent(c.percent, c.denominator, options);
  const d = decimalsOf(c.percent);
  const shown = `${c.percent.replace('%', '')}%`;
  if (c.denominatorAssumed) {
    out.push({
      code: 'denominator-unstated',
      severity: 'warning',
      claim: c.id,
      message: `${label(c)}: ${shown} is printed without saying what it is a share of; assuming all ${c.denominator} patients${check.numerators ? `, it means ${check.numerators.min}-${check.numerators.max} of them` : ''}. A share of those followed up would have a smaller, unstated denominator.`,
      evidence: { denominator: c.denominator, assumed: true },
    });
  }
  if (!check.consistent) {
    const near = [check.nearest?.below, check.nearest?.above]
      .filter((x) => x !== undefined)
      .map((x) => `${x.reported.replace('%', '')}% (${x.numerator}/${c.denominator})`)
      .join(' and ');
    const others = check.modes.filter((m) => !modes.includes(m));
    out.push({
      code: 'percent-impossible',
      severity: 'error',
      claim: c.id,
      message:
        `${label(c)}: no whole number out of ${c.denominator} prints as ${shown} under ${listModes(modes)} rounding; the nearest possible values are ${near}.` +
        (others.length ? ` Only ${listModes(others)} rounding can produce ${shown}.` : ''),
      evidence: { reported: c.percent, denominator: c.denominator, rounding: modes, nearest: check.nearest, modesThatFit: check.modes },
    });
  } else if (c.numerator === undefined) {
    const r = check.numerators!;
    out.push({
      code: 'numerator-range',
      severity: 'info',
      claim: c.id,
      message: `${label(c)}: ${shown} of ${c.denominator} means between ${r.min} and ${r.max} (${formatPercent(r.min, c.denominator, { decimals: d + 2 })}%-${formatPercent(r.max, c.denominator, { decimals: d + 2 })}%).`,
      evidence: { numerators: r, denominator: c.denominator },
    });
  }
  if (c.numerator !== undefined) {
    const prints = modes.map((m) => formatPercent(c.numerator!, c.denominator, { decimals: d, rounding: m }));
    const printed = c.percent.replace('%', '').trim().replace(',', '.');
    if (!prints.includes(printed)) {
      const exact = formatPercent(c.numerator, c.denominator, { decimals: d + 4, rounding: 'floor' });
      out.push({
        code: 'percent-mismatch',
        severity: 'error',
        claim: c.id,
        message: `${label(c)}: ${c.numerator}/${c.denominator} = ${exact}...%, which prints as ${[...new Set(prints)].join(' or ')}%, not the published ${shown}.`,
        evidence: { numerator: c.numerator, denominator: c.denominator, reported: c.percent, expected: [...new Set(prints)], rounding: modes },
      });
    }
  }
  return out;
}

function roundingFinding(file: ClaimsFile): Finding | undefined {
  const counted = file.claims.filter((c): c is Claim & { percent: string } => c.numerator !== undefined && c.percent !== undefined);
  if (counted.length < 2) return undefined;
  const e = explainRounding(
    counted.map((c) => ({ reported: c.percent, numerator: c.numerator!, denominator: c.denominator })),
    { decimalComma: file.decimalComma ?? false },
  );
  if (e.modes.length > 0) return undefined;
  const reasons = (['half-up', 'floor', 'ceil'] as const).map((m) => {
    const i = e.items.findIndex((item) => !item.modes.includes(m));
    const item = e.items[i]!;
    return `${MODE_NAMES[m]} prints ${item.prints[m]} for ${label(counted[i]!)} (published ${item.reported})`;
  });
  return {
    code: 'rounding-inconsistent',
    severity: 'warning',
    message: `No single rounding rule reproduces all ${counted.length} printed percents: ${reasons.join('; ')}.`,
    evidence: { items: e.items.map((item, i) => ({ claim: counted[i]!.id, reported: item.reported, modes: item.modes })) },
  };
}

/**
 * Audit a claims file: is every printed percent possible, does it match its counts, does one
 * rounding rule explain the table, do parts add up, do subgroups agree with their total, and does
 * the case mix look like the population's. Every message says what was claimed, what the numbers
 * allow and the nearest possible values.
 *
 * @example
 * const report = auditClaims({
 *   title: 'clinic', source: { name: 'web page' },
 *   claims: [{ id: 'mixed', numerator: 1341, denominator: 4278, percent: '31.34' }],
 * });
 * report.findings.map((f) => f.code); // ['percent-impossible', 'percent-mismatch']
 */
export function auditClaims(input: ClaimsFile | unknown, options: AuditOptions = {}): AuditReport {
  const { file, warnings } = parseClaims(input);
  const modes = roundingModes(file.rounding);
  const byId = new Map(file.claims.map((c) => [c.id, c]));
  const findings: Finding[] = warnings.map((w: ClaimsWarning) => ({
    code: 'percent-decimals-guessed' as const,
    severity: 'warning' as const,
    message: `${w.path}: ${w.message}`,
    evidence: { path: w.path },
  }));
  for (const c of file.claims) findings.push(...claimFindings(c, file, modes));
  const rounding = roundingFinding(file);
  if (rounding) findings.push(rounding);

  for (const p of file.partitions ?? []) {
    const parts = p.parts.map((id) => byId.get(id)!);
    const withPercents = parts.every((c) => c.percent !== undefined);
    const r = checkPartition(
      { total: p.total, parts: parts.map((c) => ({ percent: c.percent ?? '0', ...(c.numerator !== undefined ? { numerator: c.numerator } : {}) })) },
      { rounding: modes, decimalComma: file.decimalComma ?? false },
    );
    if (r.countsMatch === false) {
      findings.push({
        code: 'count-sum-mismatch',
        severity: 'error',
        claim: p.id,
        message: `${p.id}: the parts add up to ${r.countSum}, not the stated total ${p.total} (${r.countSum! - p.total > 0 ? '+' : ''}${r.countSum! - p.total}).`,
        evidence: { countSum: r.countSum, total: p.total },
      });
    }
    if (withPercents && !r.percentSumOk) {
      findings.push({
        code: 'percent-sum-out-of-bounds',
        severity: 'error',
        claim: p.id,
        message: `${p.id}: the printed percents add up to ${r.percentSum}%, but ${parts.length} parts rounded (${listModes(modes)}) can only add up to ${r.band.min}-${r.band.max}%.`,
        evidence: { percentSum: r.percentSum, band: r.band },
      });
    }
  }

  for (const s of file.subgroups ?? []) {
    const total = byId.get(s.total)!;
    const rate = (c: Claim) => ({ n: c.denominator, ...(c.percent !== undefined ? { percent: c.percent } : {}), ...(c.numerator !== undefined ? { numerator: c.numerator } : {}) });
    const r = checkSubgroups(rate(total), s.groups.map((id) => rate(byId.get(id)!)), { rounding: modes, decimalComma: file.decimalComma ?? false });
    if (!r.consistent) {
      const allowed = r.totalNumerators ? `${r.totalNumerators.min}-${r.totalNumerators.max}` : 'none';
      const implied = r.impliedNumerators ? `${r.impliedNumerators.min}-${r.impliedNumerators.max}` : 'none';
      findings.push({
        code: 'subgroup-inconsistent',
        severity: 'error',
        claim: s.id,
        message: r.sizesMatch
          ? `${s.id}: the total ${label(total)} (${total.percent ?? total.numerator}${total.percent !== undefined ? '%' : ''} of ${total.denominator}) allows ${allowed} but its subgroups together allow ${implied}; a total rate must be the size-weighted mean of its subgroup rates.`
          : `${s.id}: the subgroup sizes add up to ${s.groups.reduce((a, id) => a + byId.get(id)!.denominator, 0)}, not the total's ${total.denominator}.`,
        evidence: { ...r },
      });
    }
  }

  for (const ref of file.references ?? []) {
    const reference = options.references?.[ref.id];
    if (reference === undefined) {
      findings.push({ code: 'reference-unavailable', severity: 'info', message: `reference "${ref.id}" was not provided, so the case mix was not compared with it.`, evidence: { id: ref.id } });
      continue;
    }
    const partition = file.partitions!.find((p) => p.id === ref.partition)!;
    const counts: Record<string, number> = {};
    for (const id of partition.parts) {
      const c = byId.get(id)!;
      const n = c.numerator ?? (c.percent !== undefined ? checkPercent(c.percent, c.denominator).numerators?.min : undefined);
      if (n !== undefined) counts[c.type ?? c.id] = n;
    }
    const cmp = compareToReference(counts, reference, ref.mapping !== undefined ? { mapping: ref.mapping } : {});
    if (cmp.divergent) {
      const worst = [...cmp.groups].sort((a, b) => Math.abs(b.stdres) - Math.abs(a.stdres))[0]!;
      const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
      const pText = cmp.test.pValue > 0 ? `p = ${cmp.test.pValue.toPrecision(2)}` : `p ≈ e^${cmp.test.logPValue.toFixed(0)}`;
      findings.push({
        code: 'reference-divergent',
        severity: 'warning',
        claim: partition.id,
        message:
          `${partition.id}: the case mix differs from ${cmp.reference.title} (χ² = ${cmp.test.statistic.toFixed(1)} on ${cmp.test.df} df, ${pText}, Cohen's w = ${cmp.cohensW.toFixed(2)}); ` +
          `largest departure: ${worst.types.join('+')} ${pct(worst.observedShare)} against ${pct(worst.referenceShare)} expected (standardized residual ${worst.stdres > 0 ? '+' : ''}${worst.stdres.toFixed(1)})` +
          (cmp.excluded.length ? `; left out: ${cmp.excluded.map((e) => `${e.type} (${e.count})`).join(', ')}, which the reference does not classify` : '') +
          '.',
        evidence: { reference: cmp.reference, groups: cmp.groups, excluded: cmp.excluded, statistic: cmp.test.statistic, df: cmp.test.df, pValue: cmp.test.pValue, logPValue: cmp.test.logPValue, cohensW: cmp.cohensW },
      });
    }
  }

  if (options.records !== undefined) findings.push(...recordFindings(file, options.records, modes));

  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return { ok: summary.error === 0, title: file.title, source: file.source, findings, summary };
}

function recordFindings(file: ClaimsFile, records: CohortInput, modes: RoundingMode[]): Finding[] {
  const table = toCountTable(records);
  const byType = new Map(outcomesBy(table, 'type').map((g) => [g.key as string, g.total]));
  const all = outcomesBy(table, null)[0]!;
  const out: Finding[] = [];
  for (const c of file.claims) {
    if (c.percent === undefined) continue;
    const d = decimalsOf(c.percent);
    if ((c.measure ?? 'share') === 'share') {
      const type = c.type ?? c.id;
      const count = byType.get(type) ?? 0;
      const print = formatPercent(count, table.total, { decimals: d, rounding: modes[0] });
      if (count !== c.numerator || table.total !== c.denominator) {
        out.push({
          code: 'records-mismatch',
          severity: 'error',
          claim: c.id,
          message: `${label(c)}: the records count ${count} of ${table.total} (${print}%), the claim ${c.numerator ?? '?'} of ${c.denominator} (${c.percent}%).`,
          evidence: { records: { numerator: count, denominator: table.total }, claim: { numerator: c.numerator, denominator: c.denominator } },
        });
      }
    } else {
      const improved = outcomeCount(table, all, 'improved');
      const known = all.total - outcomeCount(table, all, 'unknown');
      const printed = c.percent.replace('%', '').trim();
      const bases = [
        { basis: 'known', denominator: known },
        { basis: 'all', denominator: all.total },
      ].filter((b) => b.denominator > 0 && modes.some((m) => formatPercent(improved, b.denominator, { decimals: d, rounding: m }) === printed));
      out.push({
        code: bases.length ? 'records-basis' : 'records-mismatch',
        severity: bases.length ? 'info' : 'error',
        claim: c.id,
        message: bases.length
          ? `${label(c)}: the records reproduce ${c.percent}% as ${improved} improved among ${bases.map((b) => `${b.denominator} (${b.basis === 'known' ? 'known outcomes' : 'all treated'})`).join(' or ')}.`
          : `${label(c)}: the records give ${improved} improved of ${known} with known outcome (${formatPercent(improved, known, { decimals: d })}%) and of ${all.total} treated (${formatPercent(improved, all.total, { decimals: d })}%); neither prints ${c.percent}%.`,
        evidence: { improved, known, total: all.total, bases },
      });
    }
  }
  return out;
}
