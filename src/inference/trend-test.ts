import { InvalidArgumentError } from '../errors.js';
import { assertPart } from '../exact/validate.js';
import { chiSquareUpperTail } from '../special/chi-square.js';
import { normalUpperTail } from '../special/normal.js';

/** Result of {@link trendTest}. */
export interface TrendTest {
  method: 'chi-square test for trend in proportions';
  statistic: number;
  df: 1;
  pValue: number;
  /** The Cochran–Armitage z (its square is the statistic); positive when proportions rise with the score. */
  z: number;
  /** One-sided p-value in the direction of z. */
  pValueOneSided: number;
  scores: number[];
}

/**
 * The chi-square test for trend in proportions, as R's `prop.trend.test` (Cochran–Armitage with
 * variance p(1−p) Σ nᵢ(sᵢ − s̄)², N not N − 1). Scores default to 1, 2, …; they are centred
 * before use, so large scores such as years lose no precision.
 *
 * @example
 * trendTest([83, 90, 129, 70], [86, 93, 136, 82]).pValue; // 0.00413
 */
export function trendTest(successes: readonly number[], trials: readonly number[], scores?: readonly number[]): TrendTest {
  if (!Array.isArray(successes) || !Array.isArray(trials) || successes.length !== trials.length || successes.length < 2) {
    throw new InvalidArgumentError('successes', successes, 'successes and trials must be arrays of the same length, at least 2');
  }
  successes.forEach((x, i) => assertPart(x, trials[i], `successes[${i}]`, `trials[${i}]`));
  const s = scores === undefined ? successes.map((_, i) => i + 1) : [...scores];
  if (s.length !== successes.length || s.some((v) => !Number.isFinite(v))) {
    throw new InvalidArgumentError('scores', scores, `scores must be ${successes.length} finite numbers`);
  }
  const N = trials.reduce((a, b) => a + b, 0);
  const X = successes.reduce((a, b) => a + b, 0);
  const p = X / N;
  // T = Σ (xᵢ − nᵢp)(sᵢ − s₀) for any s₀, since Σ (xᵢ − nᵢp) = 0. The residuals are exact
  // integers over N (xᵢN − nᵢX), so no cancellation against a rounded mean score creeps in.
  const s0 = s[0]!;
  const d = s.map((v) => v - s0);
  const T = successes.reduce((a, x, i) => a + Number(BigInt(x) * BigInt(N) - BigInt(trials[i]!) * BigInt(X)) * d[i]!, 0) / N;
  const dMean = trials.reduce((a, n, i) => a + n * d[i]!, 0) / N;
  const variance = p * (1 - p) * trials.reduce((a, n, i) => a + n * (d[i]! - dMean) ** 2, 0);
  const z = T / Math.sqrt(variance);
  const statistic = z * z;
  return { method: 'chi-square test for trend in proportions', statistic, df: 1, pValue: chiSquareUpperTail(statistic, 1), z, pValueOneSided: normalUpperTail(Math.abs(z)), scores: s };
}
