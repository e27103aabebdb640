import { InvalidArgumentError, describeValue } from '../errors.js';
import { quantileSketch, type QuantileSketch } from '../describe/quantile-sketch.js';
import { chiSquarePValues } from '../special/chi-square.js';

/** What {@link kruskalWallis} returns. */
export interface KruskalWallisTest {
  method: 'Kruskal-Wallis rank sum test';
  /** H, corrected for ties as R's `kruskal.test`. */
  statistic: number;
  df: number;
  pValue: number;
  logPValue: number;
  /** Per group: n and mean rank. */
  groups: { n: number; meanRank: number }[];
}

const countsOf = (g: readonly number[] | QuantileSketch, i: number): QuantileSketch => {
  if (Array.isArray(g)) return quantileSketch(g as readonly number[], { limit: Infinity });
  const s = g as QuantileSketch;
  if (typeof s === 'object' && s !== null && s.method === 'exact') return s;
  throw new InvalidArgumentError(`groups[${i}]`, g, `groups[${i}] must be an array of numbers or an exact quantile sketch (ranks need every value), got ${describeValue(g)}`);
};

/**
 * The Kruskal–Wallis rank sum test: do the groups come from one distribution? Ties get mid-ranks
 * and the statistic is divided by 1 − Σ(t³ − t)/(N³ − N), as R's `kruskal.test`; the p-value is
 * the χ² approximation on k − 1 df. Groups are arrays of numbers or exact quantile sketches
 * (value counts), so a count table's integer measures are ranked exactly.
 *
 * @example
 * kruskalWallis([[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]]).pValue; // 0.679964773578… (R's kruskal.test example)
 */
export function kruskalWallis(groups: readonly (readonly number[] | QuantileSketch)[]): KruskalWallisTest {
  if (!Array.isArray(groups) || groups.length < 2) throw new InvalidArgumentError('groups', groups, 'kruskalWallis needs at least two groups');
  const sketches = groups.map(countsOf);
  sketches.forEach((s, i) => {
    if (s.n === 0) throw new InvalidArgumentError(`groups[${i}]`, groups[i], `groups[${i}] is empty`);
  });
  // every distinct value with its count per group, ascending
  const byValue = new Map<number, number[]>();
  sketches.forEach((s, g) =>
    s.values.forEach((v, j) => {
      const row = byValue.get(v) ?? new Array<number>(sketches.length).fill(0);
      row[g]! += s.counts[j]!;
      byValue.set(v, row);
    }),
  );
  const values = [...byValue.keys()].sort((a, b) => a - b);
  const rankSums = new Array<number>(sketches.length).fill(0);
  let below = 0;
  let ties = 0;
  for (const v of values) {
    const row = byValue.get(v)!;
    const t = row.reduce((a, b) => a + b, 0);
    const midrank = below + (t + 1) / 2;
    row.forEach((c, g) => (rankSums[g]! += c * midrank));
    ties += t * t * t - t;
    below += t;
  }
  const n = below;
  const correction = 1 - ties / (n * n * n - n);
  if (!(correction > 0)) throw new InvalidArgumentError('groups', groups, 'all values are equal, so there is nothing to rank');
  // 12/(N(N+1)) Σ n_g (R̄_g − (N+1)/2)², the same H as 12 Σ R_g²/n_g / (N(N+1)) − 3(N+1) without its cancellation
  const centre = (n + 1) / 2;
  const spread = rankSums.reduce((acc, r, g) => acc + sketches[g]!.n * (r / sketches[g]!.n - centre) ** 2, 0);
  const statistic = (12 * spread) / (n * (n + 1)) / correction;
  const df = sketches.length - 1;
  return { method: 'Kruskal-Wallis rank sum test', statistic, df, ...chiSquarePValues(statistic, df), groups: sketches.map((s, g) => ({ n: s.n, meanRank: rankSums[g]! / s.n })) };
}
