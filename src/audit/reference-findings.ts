import type { Claim, ClaimsFile } from '../claims/schema.js';
import type { ReferenceDistribution } from '../schema/reference.js';
import type { AuditContext } from './audit-context.js';
import { checkPercent } from './check-percent.js';
import { compareToReference, type ReferenceComparison } from './compare-to-reference.js';
import type { Check } from './finding.js';
import { readShare } from './numerator-range.js';

type ReferenceEntry = NonNullable<ClaimsFile['references']>[number];
type Partition = NonNullable<ClaimsFile['partitions']>[number];

/**
 * The count behind each part, by cohort type (parts of one type add up). A part printed only as
 * a percent counts as the whole number nearest percent × denominator among those that print it.
 */
export function countsByType(parts: readonly Claim[], ctx: AuditContext): { counts: Record<string, number>; inferred: string[] } {
  const counts = new Map<string, number>();
  const inferred: string[] = [];
  for (const c of parts) {
    let n = c.numerator;
    if (n === undefined && c.percent !== undefined) {
      const range = checkPercent(c.percent, c.denominator, { rounding: ctx.modes, decimalComma: ctx.decimalComma }).numerators;
      if (range !== null) {
        const share = readShare(c.percent, { decimalComma: ctx.decimalComma });
        const nearest = Number((2n * share.digits * BigInt(c.denominator) + share.scale) / (2n * share.scale));
        n = Math.min(range.max, Math.max(range.min, nearest));
        inferred.push(c.id);
      }
    }
    if (n === undefined) continue;
    const type = c.type ?? c.id;
    counts.set(type, (counts.get(type) ?? 0) + n);
  }
  // Object.fromEntries defines own properties, so a type called "__proto__" stays a type
  return { counts: Object.fromEntries(counts), inferred };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const list = (items: readonly string[]) => items.join(' + ');

/** "p = 2.9e-134", or "p < 10^-601" where the p-value underflows. */
export function pValueText(pValue: number, logPValue: number): string {
  if (pValue >= 1e-300) return `p = ${pValue.toPrecision(2)}`;
  return `p < 10^${Math.ceil(logPValue / Math.LN10)}`;
}

function message(partition: Partition, cmp: ReferenceComparison, labels: ReadonlyMap<string, string>, inferred: readonly string[], ctx: AuditContext): string {
  const worst = [...cmp.groups].sort((a, b) => Math.abs(b.stdres) - Math.abs(a.stdres))[0]!;
  const name = (id: string) => labels.get(id) ?? id;
  const sign = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)}`;
  const parts = [
    `${partition.id}: the case mix differs from ${cmp.reference.title} (χ² = ${ctx.num(cmp.test.statistic.toFixed(1))} on ${cmp.test.df} df, ${ctx.num(pValueText(cmp.test.pValue, cmp.test.logPValue))}; ` +
      `effect size Cohen's w = ${ctx.num(cmp.cohensW.toFixed(2))}, where ${ctx.num('0.1')} is small, ${ctx.num('0.3')} medium and ${ctx.num('0.5')} large)`,
    `largest departure: ${worst.types.join(' + ')} ${ctx.num(pct(worst.observedShare))} against ${ctx.num(pct(worst.referenceShare))} expected (standardized residual ${ctx.num(sign(worst.stdres))})`,
    `compared: ${cmp.groups.map((g) => `${g.types.join(' + ')} with ${list(g.categories.map(name))}`).join('; ')}`,
  ];
  if (cmp.foldedInto !== null) {
    parts.push(
      `merged into ${cmp.foldedInto}, because the publication does not report them separately: ${cmp.unreported.map((u) => `${name(u.id)} (${ctx.num(u.percent)}%)`).join(', ')}`,
    );
  } else if (cmp.unreported.length > 0) {
    parts.push(`left out and the other shares renormalised, because the publication reports neither them nor an "other" group: ${cmp.unreported.map((u) => `${name(u.id)} (${ctx.num(u.percent)}%)`).join(', ')}`);
  }
  if (cmp.excluded.length > 0) parts.push(`left out: ${cmp.excluded.map((e) => `${e.type} (${e.count})`).join(', ')}, which the reference does not classify`);
  if (inferred.length > 0) parts.push(`the counts of ${inferred.join(', ')} are inferred from their printed percents`);
  return `${parts.join('; ')}.`;
}

/** Compare a partition's case mix with a population reference. */
export function referenceChecks(
  entry: ReferenceEntry,
  partition: Partition,
  parts: readonly Claim[],
  reference: ReferenceDistribution | undefined,
  path: string,
  ctx: AuditContext,
): Check[] {
  if (reference === undefined) {
    return [{ code: 'reference-unavailable', severity: 'info', path, message: `reference "${entry.id}" was not provided, so the case mix was not compared with it.`, evidence: { id: entry.id } }];
  }
  const { counts, inferred } = countsByType(parts, ctx);
  const cmp = compareToReference(counts, reference, { ...(entry.mapping !== undefined ? { mapping: entry.mapping } : {}), ...(entry.other !== undefined ? { other: entry.other } : {}) });
  if (!cmp.divergent) return [];
  const labels = new Map(reference.categories.map((c) => [c.id, (c.label ?? c.id).toLowerCase()]));
  return [
    {
      code: 'reference-divergent',
      severity: 'warning',
      claim: partition.id,
      path,
      message: message(partition, cmp, labels, inferred, ctx),
      evidence: {
        reference: cmp.reference,
        groups: cmp.groups,
        excluded: cmp.excluded,
        unreported: cmp.unreported,
        foldedInto: cmp.foldedInto,
        inferredCounts: inferred,
        statistic: cmp.test.statistic,
        df: cmp.test.df,
        pValue: cmp.test.pValue,
        logPValue: cmp.test.logPValue,
        cohensW: cmp.cohensW,
      },
    },
  ];
}
