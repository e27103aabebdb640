import type { Claim, ClaimsFile } from '../claims/schema.js';
import { label, listModes, type AuditContext } from './audit-context.js';
import { checkPartition } from './check-partition.js';
import { checkSubgroups, type PublishedRate } from './check-subgroups.js';
import type { Check } from './finding.js';

type Partition = NonNullable<ClaimsFile['partitions']>[number];
type Subgroups = NonNullable<ClaimsFile['subgroups']>[number];

/** Do the parts of a partition add up, in counts and in printed percents? */
export function partitionChecks(p: Partition, parts: readonly Claim[], path: string, ctx: AuditContext): Check[] {
  const out: Check[] = [];
  // percents of another N than the total (a row's groups against its Total cell, each a share of its
  // own column, even when the columns are the same size) say nothing when added up; only shares of
  // the total must add up to 100
  const withPercents = parts.every((c) => c.percent !== undefined && c.denominator === p.total);
  const r = checkPartition(
    { total: p.total, parts: parts.map((c) => ({ percent: c.percent ?? '0', ...(c.numerator !== undefined ? { numerator: c.numerator } : {}) })) },
    { rounding: ctx.modes, decimalComma: ctx.decimalComma },
  );
  const at = { claim: p.id, path };
  if (r.countsMatch === false) {
    const off = r.countSum! - p.total;
    out.push({
      code: 'count-sum-mismatch',
      severity: 'error',
      ...at,
      message: `${p.id}: the parts add up to ${r.countSum}, not the stated total ${p.total} (${off > 0 ? '+' : ''}${off}).`,
      evidence: { countSum: r.countSum, total: p.total },
    });
  }
  if (withPercents && !r.percentSumOk) {
    out.push({
      code: 'percent-sum-out-of-bounds',
      severity: 'error',
      ...at,
      message: `${p.id}: the printed percents add up to ${ctx.num(r.percentSum)}%, but ${parts.length} parts rounded (${listModes(ctx.modes)}) can only add up to ${ctx.num(r.band.min)}%–${ctx.num(r.band.max)}%.`,
      evidence: { percentSum: ctx.num(r.percentSum), band: { min: ctx.num(r.band.min), max: ctx.num(r.band.max) } },
    });
  }
  return out;
}

const rateOf = (c: Claim): PublishedRate => ({ n: c.denominator, ...(c.percent !== undefined ? { percent: c.percent } : {}), ...(c.numerator !== undefined ? { numerator: c.numerator } : {}) });

/** Is a total rate the size-weighted mean of its subgroup rates? */
export function subgroupChecks(s: Subgroups, total: Claim, groups: readonly Claim[], path: string, ctx: AuditContext): Check[] {
  const r = checkSubgroups(rateOf(total), groups.map(rateOf), { rounding: ctx.modes, decimalComma: ctx.decimalComma });
  if (r.consistent) return [];
  const range = (x: { min: number; max: number } | null) => (x === null ? 'none' : x.min === x.max ? String(x.min) : `${x.min}–${x.max}`);
  const printed = total.percent !== undefined ? ctx.shown(total.percent) : String(total.numerator);
  return [
    {
      code: 'subgroup-inconsistent',
      severity: 'error',
      claim: s.id,
      path,
      message: r.sizesMatch
        ? `${s.id}: the total ${label(total)} (${printed} of ${total.denominator}) allows ${range(r.totalNumerators)} but its subgroups together allow ${range(r.impliedNumerators)}; a total rate must be the size-weighted mean of its subgroup rates.`
        : `${s.id}: the subgroup sizes add up to ${groups.reduce((a, g) => a + g.denominator, 0)}, not the total's ${total.denominator}.`,
      evidence: { ...r },
    },
  ];
}
