import { InvalidArgumentError, describeValue } from '../errors.js';
import { chiSquarePValues } from '../special/chi-square.js';
import { twoProduct, twoSum } from '../special/double-double.js';
import { bd0 } from '../special/saddle-point.js';
import { assertCounts } from './assert.js';

/** Result of a goodness-of-fit test of observed counts against expected shares. */
export interface GoodnessOfFit {
  method: 'chi-square goodness of fit' | 'G-test goodness of fit';
  statistic: number;
  df: number;
  pValue: number;
  /** Natural log of the p-value, finite even where the p-value underflows to 0. */
  logPValue: number;
  observed: number[];
  /** Expected counts (the expected shares scaled to the observed total). */
  expected: number[];
  /** How `expected` was read: shares summing to 1, or counts/weights rescaled to the observed total. */
  expectedAs: 'proportions' | 'counts';
  /** Pearson residuals (O − E) / √E. */
  residuals: number[];
  /** Standardized residuals (O − E) / √(E (1 − p)), approximately N(0, 1) per cell. */
  stdres: number[];
  /** Cohen's w = √(X² / N), the effect size (0.1 small, 0.3 medium, 0.5 large). */
  cohensW: number;
  n: number;
}

function prepare(observed: readonly number[], expected: readonly number[]) {
  const n = assertCounts(observed, 'observed', 2);
  if (n === 0) throw new InvalidArgumentError('observed', observed, 'observed counts must not all be zero');
  if (!Array.isArray(expected) || expected.length !== observed.length) {
    throw new InvalidArgumentError('expected', expected, `expected must be an array of ${observed.length} positive numbers, one per observed count`);
  }
  expected.forEach((e, i) => {
    if (typeof e !== 'number' || !Number.isFinite(e) || e <= 0) {
      throw new InvalidArgumentError(`expected[${i}]`, e, `expected[${i}] must be a positive finite number, got ${describeValue(e)}`);
    }
  });
  const sum = expected.reduce((a, b) => a + b, 0);
  const expectedAs = Math.abs(sum - 1) <= 1e-9 ? ('proportions' as const) : ('counts' as const);
  const p = expected.map((e) => e / sum);
  return { n, p, E: p.map((pi) => pi * n), expectedAs };
}

function finish(
  method: GoodnessOfFit['method'],
  statistic: number,
  observed: readonly number[],
  prepared: ReturnType<typeof prepare>,
  pearson: number,
): GoodnessOfFit {
  const { n, p, E, expectedAs } = prepared;
  const df = observed.length - 1;
  return {
    method,
    statistic,
    df,
    ...chiSquarePValues(statistic, df),
    observed: [...observed],
    expected: E,
    expectedAs,
    residuals: observed.map((o, i) => (o - E[i]!) / Math.sqrt(E[i]!)),
    stdres: observed.map((o, i) => (o - E[i]!) / Math.sqrt(E[i]! * (1 - p[i]!))),
    cohensW: Math.sqrt(pearson / n),
    n,
  };
}

/**
 * O − E for each cell with E = N w / Σw, to the last digit of the difference itself: O Σw − N w is
 * formed from exact products and a compensated sum, so counts of 10^8 within a few of their
 * expectation keep their deviations (the rounding of E alone is worth 10^-8 there).
 */
function deviations(observed: readonly number[], weights: readonly number[], n: number): number[] {
  let wHi = 0;
  let wLo = 0;
  for (const w of weights) {
    const [s, e] = twoSum(wHi, w);
    wHi = s;
    wLo += e;
  }
  return observed.map((o, i) => {
    const [a, ae] = twoProduct(o, wHi);
    const [b, be] = twoProduct(n, weights[i]!);
    return (a - b + (ae - be) + o * wLo) / (wHi + wLo);
  });
}

/**
 * Pearson's chi-square test of observed counts against expected shares, as R's
 * `chisq.test(observed, p = expected)`. `expected` summing to 1 (within 1e-9) are proportions;
 * other positive values are counts or weights, rescaled to the observed total.
 *
 * @example
 * const t = chiSquareGoodnessOfFit([2324, 1341, 501, 112], [0.8, 0.07, 0.07, 0.06]);
 * t.df;         // 3
 * t.pValue;     // 0 (underflows)
 * t.logPValue;  // -2092.18…
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], expected: readonly number[]): GoodnessOfFit {
  const prepared = prepare(observed, expected);
  const x2 = observed.reduce((a, o, i) => a + (o - prepared.E[i]!) ** 2 / prepared.E[i]!, 0);
  return finish('chi-square goodness of fit', x2, observed, prepared, x2);
}

/**
 * The likelihood-ratio (G) test of observed counts against expected shares,
 * G = 2 Σ O ln(O/E), computed as 2 Σ bd0(O, E) = 2 Σ (O ln(O/E) − (O − E)) with Loader's series
 * next to O = E, so no digits cancel when the counts are close to expectation.
 *
 * @example
 * gTest([2324, 1341, 501, 112], [0.8, 0.07, 0.07, 0.06]).statistic; // 2551.69…
 */
export function gTest(observed: readonly number[], expected: readonly number[]): GoodnessOfFit {
  const prepared = prepare(observed, expected);
  const d = deviations(observed, expected, prepared.n);
  const g = 2 * observed.reduce((a, o, i) => a + bd0(o, prepared.E[i]!, d[i]!), 0);
  const x2 = observed.reduce((a, o, i) => a + (o - prepared.E[i]!) ** 2 / prepared.E[i]!, 0);
  return finish('G-test goodness of fit', g, observed, prepared, x2);
}
