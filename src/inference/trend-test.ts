import { InvalidArgumentError } from '../errors.js';
import { assertPart } from '../exact/validate.js';
import { doubleToScaled, ratioToNumber } from '../special/binary-rational.js';
import { chiSquarePValues } from '../special/chi-square.js';
import { logNormalUpperTail, normalUpperTail } from '../special/normal.js';

/** Result of {@link trendTest}. */
export interface TrendTest {
  method: 'chi-square test for trend in proportions';
  statistic: number;
  df: 1;
  pValue: number;
  /** Natural log of the p-value, finite where the p-value underflows. */
  logPValue: number;
  /** The Cochran–Armitage z (its square is the statistic); positive when proportions rise with the score. */
  z: number;
  /** One-sided p-value in the direction of z. */
  pValueOneSided: number;
  /** Natural log of the one-sided p-value. */
  logPValueOneSided: number;
  scores: number[];
}

/**
 * The chi-square test for trend in proportions, as R's `prop.trend.test` (Cochran–Armitage with
 * variance p(1−p) Σ nᵢ(sᵢ − s̄)², N not N − 1). Scores default to 1, 2, ….
 *
 * The statistic is computed exactly, as one rational number: with X successes in N trials,
 * z² = N (Σ rᵢ sᵢ)² / (X (N − X) (N Σ nᵢ sᵢ² − (Σ nᵢ sᵢ)²)) where rᵢ = xᵢ N − nᵢ X are the
 * residuals times N, all in BigInt over the scores' exact binary values; only the last step
 * rounds. So neither p̂ near 0 or 1 (where p(1 − p) loses digits) nor large scores such as years
 * (where Σ nᵢ(sᵢ − s̄)² does) cost accuracy.
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
  if (s.length !== successes.length || s.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new InvalidArgumentError('scores', scores, `scores must be ${successes.length} finite numbers`);
  }
  const N = trials.reduce<bigint>((a, b) => a + BigInt(b), 0n);
  const X = successes.reduce<bigint>((a, b) => a + BigInt(b), 0n);
  if (X === 0n || X === N) {
    throw new InvalidArgumentError(
      'successes',
      successes,
      `every trial is a ${X === 0n ? 'failure' : 'success'}: a trend in proportions needs both outcomes (the variance p̂(1 − p̂) is 0)`,
    );
  }
  // the scores as integers over one common power of two
  const scaled = s.map(doubleToScaled);
  const e = Math.min(...scaled.map((v) => v.e));
  const S = scaled.map((v) => v.m << BigInt(v.e - e));
  let sumRS = 0n;
  let sumNS = 0n;
  let sumNS2 = 0n;
  successes.forEach((x, i) => {
    const n = BigInt(trials[i]!);
    sumRS += (BigInt(x) * N - n * X) * S[i]!;
    sumNS += n * S[i]!;
    sumNS2 += n * S[i]! * S[i]!;
  });
  const spread = N * sumNS2 - sumNS * sumNS; // N² Σ nᵢ(sᵢ − s̄)², scaled
  if (spread === 0n) {
    throw new InvalidArgumentError('scores', scores, 'the scores are all equal where there are trials: a trend needs at least two different scores');
  }
  const statistic = ratioToNumber(N * sumRS * sumRS, X * (N - X) * spread);
  const z = (sumRS < 0n ? -1 : 1) * Math.sqrt(statistic);
  const oneSided = Math.abs(z);
  return {
    method: 'chi-square test for trend in proportions',
    statistic,
    df: 1,
    ...chiSquarePValues(statistic, 1),
    z,
    pValueOneSided: normalUpperTail(oneSided),
    logPValueOneSided: logNormalUpperTail(oneSided),
    scores: s,
  };
}
