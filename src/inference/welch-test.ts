import { InvalidArgumentError, describeValue } from '../errors.js';
import { momentSketch, sketchMean, sketchVariance, type MomentSketch } from '../describe/moment-sketch.js';
import { fUpperTail, studentTwoSided } from '../special/f-distribution.js';

/** What {@link welchTest} returns. */
export interface WelchTest {
  /** "Welch two-sample t-test" for two groups, "Welch's one-way ANOVA" for more. */
  method: string;
  /** t (two groups, first minus second) or F (more groups). */
  statistic: number;
  /** Degrees of freedom: `[df]` for t, `[df1, df2]` for F. */
  df: number[];
  pValue: number;
  /** Per group: n, mean and sample variance (n − 1) used. */
  groups: { n: number; mean: number; variance: number }[];
}

const sketchOf = (g: readonly number[] | MomentSketch, i: number): MomentSketch => {
  if (Array.isArray(g)) return momentSketch(g as readonly number[]);
  if (typeof g === 'object' && g !== null && typeof (g as MomentSketch).n === 'number') return g as MomentSketch;
  throw new InvalidArgumentError(`groups[${i}]`, g, `groups[${i}] must be an array of numbers or a moment sketch, got ${describeValue(g)}`);
};

/**
 * Compare the means of groups without assuming equal variances. Two groups: Welch's t-test with
 * Satterthwaite's degrees of freedom, as R's `t.test(x, y)`. More: Welch's one-way ANOVA, as R's
 * `oneway.test(y ~ g)` (for two groups its F is t², with the same p-value). Groups are arrays of
 * numbers or moment sketches; each needs n ≥ 2 and some spread.
 *
 * @example
 * welchTest([[19.1, 20.3, 21.8, 18.9], [22.4, 23.9, 21.7, 25.1]]).pValue; // 0.0188542034646… (R's t.test)
 */
export function welchTest(groups: readonly (readonly number[] | MomentSketch)[]): WelchTest {
  if (!Array.isArray(groups) || groups.length < 2) throw new InvalidArgumentError('groups', groups, 'welchTest needs at least two groups');
  const stats = groups.map((g, i) => {
    const s = sketchOf(g, i);
    const variance = sketchVariance(s);
    if (s.n < 2) throw new InvalidArgumentError(`groups[${i}]`, g, `groups[${i}] has ${s.n} value(s); a variance needs at least 2`);
    if (!(variance > 0)) throw new InvalidArgumentError(`groups[${i}]`, g, `groups[${i}] has no spread (all values equal), so Welch's test is undefined`);
    return { n: s.n, mean: sketchMean(s), variance };
  });
  const k = stats.length;
  if (k === 2) {
    const [a, b] = stats as [(typeof stats)[0], (typeof stats)[0]];
    const va = a.variance / a.n;
    const vb = b.variance / b.n;
    const t = (a.mean - b.mean) / Math.sqrt(va + vb);
    const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
    return { method: 'Welch two-sample t-test', statistic: t, df: [df], pValue: studentTwoSided(t, df), groups: stats };
  }
  const w = stats.map((g) => g.n / g.variance);
  const sw = w.reduce((a, b) => a + b, 0);
  const m = stats.reduce((acc, g, i) => acc + w[i]! * g.mean, 0) / sw;
  const between = stats.reduce((acc, g, i) => acc + w[i]! * (g.mean - m) ** 2, 0) / (k - 1);
  const tmp = stats.reduce((acc, g, i) => acc + (1 - w[i]! / sw) ** 2 / (g.n - 1), 0) / (k * k - 1);
  const f = between / (1 + 2 * (k - 2) * tmp);
  const df2 = 1 / (3 * tmp);
  return { method: "Welch's one-way ANOVA", statistic: f, df: [k - 1, df2], pValue: fUpperTail(f, k - 1, df2), groups: stats };
}
