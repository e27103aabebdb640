import type { CellNumber } from './cell-grammar.js';
import { isCount } from './context.js';
import { fits } from './fits.js';
import type { ReadCell } from './table-claims.js';
import type { Variable } from './variables.js';
import { percentsComplete } from './split-levels.js';

/** The sizes N for which count/N prints as the percent, as an inclusive range (null when too wide to say anything). */
function sizesFor(count: number, percent: CellNumber): { lo: number; hi: number } | null {
  const p = percent.value;
  if (count <= 0 || p <= 0 || p > 100) return null;
  const half = 0.5 * 10 ** -percent.decimals;
  let lo = Math.max(count, Math.floor((100 * count) / (p + half)) - 1);
  let hi = p - half <= 0 ? Infinity : Math.ceil((100 * count) / (p - half)) + 1;
  if (!Number.isFinite(hi) || hi - lo > 20000) return null;
  while (lo <= hi && !fits(count, lo, percent)) lo += 1;
  while (hi >= lo && !fits(count, hi, percent)) hi -= 1;
  return lo <= hi ? { lo, hi } : null;
}

/**
 * The size of a column that prints none, from its own counts and percents: the N that most of them
 * fit (each "n (%)" allows a range of N). Needs at least two cells and agreement of most of them;
 * otherwise null, and the cells stay unresolved.
 */
export function inferColumnN(cells: readonly ReadCell[], variables: readonly Variable[]): number | null {
  const ranges: { lo: number; hi: number }[] = [];
  for (const cell of cells) {
    const v = cell.value;
    if (v.kind !== 'count-percent' || !isCount(v.count)) continue;
    const r = sizesFor(v.count.value, v.percent);
    if (r) ranges.push(r);
  }
  if (ranges.length < 2) return null;
  // the N covered by the most ranges (a sweep over range ends)
  const events = ranges.flatMap((r) => [{ at: r.lo, d: 1 }, { at: r.hi + 1, d: -1 }]).sort((a, b) => a.at - b.at || a.d - b.d);
  let best = 0;
  let bestAt = 0;
  let depth = 0;
  for (const e of events) {
    depth += e.d;
    if (depth > best) {
      best = depth;
      bestAt = e.at;
    }
  }
  if (best < Math.max(2, Math.ceil(0.6 * ranges.length))) return null;
  // several N may fit as many cells: a level sum among them settles it, else the smallest
  const fitting = new Set<number>();
  for (let n = bestAt; ranges.filter((r) => r.lo <= n && r.hi >= n).length === best; n++) fitting.add(n);
  void variables;
  if (fitting.size === 1) return bestAt;
  // the column's cells add up to 100%: their counts' sum is the column's size, when it is among those
  const sum = countSum(cells);
  return sum !== null && fitting.has(sum) ? sum : null;
}

/** The sum of a column's counts when their percents add up to 100 (one variable's levels), else null. */
export function countSum(cells: readonly ReadCell[]): number | null {
  const values = cells.map((c) => c.value).filter((v) => v.kind === 'count-percent' && isCount(v.count) && !v.total && !v.percent.bound) as { count: CellNumber; percent: CellNumber }[];
  return values.length >= 2 && percentsComplete(values) ? values.reduce((s, v) => s + v.count.value, 0) : null;
}
