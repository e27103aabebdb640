import type { Claim } from '../claims/schema.js';
import { formatPercent } from '../format/format-percent.js';
import { roundRational } from '../format/rounding.js';
import { toCountTable, type CohortInput } from '../stats/count-table.js';
import { outcomeCount, outcomesBy } from '../stats/group.js';
import { decimalsOf, label, type AuditContext } from './audit-context.js';
import type { Check } from './finding.js';
import { readShare } from './numerator-range.js';

/** Does k of n print exactly as the claim's percent under one of the modes? Exact, in the file's convention. */
function reproduces(percent: string, k: number, n: number, ctx: AuditContext): boolean {
  if (n === 0) return false;
  const share = readShare(percent, { decimalComma: ctx.decimalComma });
  return ctx.modes.some((m) => roundRational(BigInt(k) * share.scale, BigInt(n), m) === share.digits);
}

/** Recount every claim from record-level data. */
export function recordChecks(claims: readonly { claim: Claim; path: string }[], records: CohortInput, ctx: AuditContext): Check[] {
  const table = toCountTable(records);
  const byType = new Map(outcomesBy(table, 'type').map((g) => [String(g.key), g.total]));
  const all = outcomesBy(table, null)[0]!;
  const out: Check[] = [];
  const printed = (k: number, n: number, d: number) => (n === 0 ? 'none' : `${ctx.num(formatPercent(k, n, { decimals: d, rounding: ctx.modes[0] }))}%`);
  for (const { claim: c, path } of claims) {
    const at = { claim: c.id, path };
    if ((c.measure ?? 'share') === 'share') {
      // a claim is linked to a type by its `type`, or by an id that names a type in the records
      if (c.type === undefined && !byType.has(c.id)) continue;
      const count = byType.get(c.type ?? c.id) ?? 0;
      const total = table.total;
      const countOk = c.numerator === undefined || c.numerator === count;
      // an assumed denominator is the auditor's guess: the records' total replaces it
      const totalOk = total === c.denominator || (c.denominatorAssumed === true && c.numerator === undefined);
      const percentOk = c.percent === undefined || c.numerator !== undefined || reproduces(c.percent, count, total, ctx);
      if (countOk && totalOk && percentOk) continue;
      const d = c.percent !== undefined ? decimalsOf(c.percent) : 1;
      const claimed = c.numerator !== undefined ? `${c.numerator} of ${c.denominator}${c.percent !== undefined ? ` (${ctx.shown(c.percent)})` : ''}` : `${ctx.shown(c.percent!)} of ${c.denominator}`;
      out.push({
        code: 'records-mismatch',
        severity: 'error',
        ...at,
        message: `${label(c)}: the records count ${count} of ${total} (${printed(count, total, d)}), the claim ${claimed}.`,
        evidence: { records: { numerator: count, denominator: total }, claim: { numerator: c.numerator, denominator: c.denominator, percent: c.percent } },
      });
      continue;
    }
    if (c.percent === undefined) continue;
    const percent = c.percent;
    const d = decimalsOf(percent);
    const improved = outcomeCount(table, all, 'improved');
    const known = all.total - outcomeCount(table, all, 'unknown');
    const bases = [
      { basis: 'known', denominator: known },
      { basis: 'all', denominator: all.total },
    ].filter((b) => reproduces(percent, improved, b.denominator, ctx));
    out.push({
      code: bases.length ? 'records-basis' : 'records-mismatch',
      severity: bases.length ? 'info' : 'error',
      ...at,
      message: bases.length
        ? `${label(c)}: the records reproduce ${ctx.shown(percent)} as ${improved} improved among ${bases.map((b) => `${b.denominator} (${b.basis === 'known' ? 'known outcomes' : 'all treated'})`).join(' or ')}.`
        : `${label(c)}: the records give ${improved} improved of ${known} with known outcome (${printed(improved, known, d)}) and of ${all.total} treated (${printed(improved, all.total, d)}); neither prints ${ctx.shown(percent)}.`,
      evidence: { improved, known, total: all.total, bases },
    });
  }
  return out;
}
