import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertPart } from '../exact/validate.js';
import { chiSquarePValues } from '../special/chi-square.js';
import { logNormalUpperTail, normalUpperQuantile } from '../special/normal.js';
import { checkAlternative, type Alternative } from './alternative.js';
import { assertLevel, assertProbability } from './assert.js';
import { alphaOf } from './root.js';

/** Options of {@link proportionTest}. */
export interface ProportionTestOptions {
  /** One sample: the hypothesized proportion (default 0.5). Not used with two samples. */
  p?: number;
  alternative?: Alternative;
  /** Continuity correction as R's prop.test (default true). */
  correct?: boolean;
  /** Level of the interval (default 0.95). */
  level?: number;
}

/** Result of {@link proportionTest}. */
export interface ProportionTest {
  method: string;
  statistic: number;
  df: 1;
  pValue: number;
  /** Natural log of the p-value, finite where the p-value underflows. */
  logPValue: number;
  /** One sample: x/n; two samples: [x1/n1, x2/n2]. */
  estimate: number | [number, number];
  /** One sample: a Wilson interval for the proportion; two samples: a Wald interval for the difference p1 − p2. */
  ci: { lower: number; upper: number; level: number };
  x: number[];
  n: number[];
  alternative: Alternative;
  correct: boolean;
}

/** A count or counts as given: a number, or an array of them (checked one by one later). */
function countsOf(value: unknown, name: string): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return [...(value as unknown[])] as number[];
  throw new InvalidArgumentError(name, value, `${name} must be a count or an array of 2 counts, got ${describeValue(value)}`);
}

/** Two-sided from the chi-square statistic, one-sided from its signed root (as R). */
function testPValues(statistic: number, zStat: number, alternative: Alternative): { pValue: number; logPValue: number } {
  if (alternative === 'two-sided') return chiSquarePValues(statistic, 1);
  const logPValue = logNormalUpperTail(alternative === 'less' ? -zStat : zStat);
  return { pValue: Math.exp(logPValue), logPValue };
}

/**
 * R's `prop.test` for one proportion (`x`, `n` numbers) or two (`x`, `n` pairs): the chi-square
 * statistic with R's continuity correction — `min(0.5, |x − np|)` for one sample,
 * `min(0.5, |Δ| / (1/n1 + 1/n2))` for two — and the matching interval.
 *
 * @example
 * proportionTest(2324, 4278).pValue;                        // 1.68e-8
 * proportionTest([2324, 2100], [4278, 4000]).ci;            // { lower: -0.0035, upper: 0.0400, level: 0.95 }
 */
export function proportionTest(x: number | readonly number[], n: number | readonly number[], options: ProportionTestOptions = {}): ProportionTest {
  const { correct = true, level = 0.95 } = options;
  const alternative = checkAlternative(options.alternative ?? 'two-sided');
  assertLevel(level);
  const xs = countsOf(x, 'x');
  const ns = countsOf(n, 'n');
  if (xs.length !== ns.length || xs.length < 1 || xs.length > 2) {
    throw new InvalidArgumentError('x', x, 'give one proportion (x, n numbers) or two (x and n arrays of length 2)');
  }
  xs.forEach((xi, i) => assertPart(xi, ns[i], `x[${i}]`, `n[${i}]`));
  const alpha = alphaOf(level);
  const z = normalUpperQuantile(alternative === 'two-sided' ? alpha / 2 : alpha);
  const base = { df: 1 as const, x: xs, n: ns, alternative, correct };

  if (xs.length === 1) {
    const { p = 0.5 } = options;
    assertProbability(p, 'p');
    const xi = xs[0]!;
    const ni = ns[0]!;
    const estimate = xi / ni;
    const yates = correct ? Math.min(0.5, Math.abs(xi - ni * p)) : 0;
    const statistic = (Math.abs(xi - ni * p) - yates) ** 2 / (ni * p * (1 - p));
    const zStat = Math.sign(estimate - p) * Math.sqrt(statistic);
    const pValues = testPValues(statistic, zStat, alternative);
    const z22n = (z * z) / (2 * ni);
    const bound = (pc: number, sign: 1 | -1) => (pc + z22n + sign * z * Math.sqrt((pc * (1 - pc)) / ni + z22n / (2 * ni))) / (1 + 2 * z22n);
    const pcUp = estimate + yates / ni;
    const pcLow = estimate - yates / ni;
    const upper = pcUp >= 1 ? 1 : bound(pcUp, 1);
    const lower = pcLow <= 0 ? 0 : bound(pcLow, -1);
    const ci = {
      lower: alternative === 'less' ? 0 : Math.max(lower, 0),
      upper: alternative === 'greater' ? 1 : Math.min(upper, 1),
      level,
    };
    return { method: `1-sample proportions test ${correct ? 'with' : 'without'} continuity correction`, statistic, ...pValues, estimate, ci, ...base };
  }

  const [x1, x2] = xs as [number, number];
  const [n1, n2] = ns as [number, number];
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const delta = p1 - p2;
  const inv = 1 / n1 + 1 / n2;
  const yates = correct ? Math.min(0.5, Math.abs(delta) / inv) : 0;
  const width = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2) + yates * inv;
  const pool = (x1 + x2) / (n1 + n2);
  const cells: [number, number][] = [
    [x1, n1 * pool],
    [n1 - x1, n1 * (1 - pool)],
    [x2, n2 * pool],
    [n2 - x2, n2 * (1 - pool)],
  ];
  const statistic = cells.reduce((a, [o, e]) => a + (Math.abs(o - e) - yates) ** 2 / e, 0);
  const zStat = Math.sign(delta) * Math.sqrt(statistic);
  const pValues = testPValues(statistic, zStat, alternative);
  const ci = {
    lower: alternative === 'less' ? -1 : Math.max(delta - width, -1),
    upper: alternative === 'greater' ? 1 : Math.min(delta + width, 1),
    level,
  };
  return { method: `2-sample test for equality of proportions ${correct ? 'with' : 'without'} continuity correction`, statistic, ...pValues, estimate: [p1, p2], ci, ...base };
}
