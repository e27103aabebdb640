import { assertOneOf, assertPart } from '../exact/validate.js';
import { assertLevel } from './assert.js';
import { baptistaPikeInterval } from './baptista-pike.js';
import { levelConstants } from './level.js';
import { differenceScoreInterval, oddsRatioScoreInterval, ratioScoreInterval } from './two-proportion-score.js';

/** An effect estimate for two groups with its confidence interval. */
export interface EffectEstimate {
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  method: string;
}

/** Interval methods of {@link riskDifference}. */
export type RiskDifferenceMethod = 'wald' | 'newcombe' | 'miettinen-nurminen';
/** Interval methods of {@link riskRatio}. */
export type RiskRatioMethod = 'katz-log' | 'koopman' | 'miettinen-nurminen';
/** Interval methods of {@link oddsRatio}. */
export type OddsRatioMethod = 'woolf' | 'baptista-pike' | 'miettinen-nurminen';

/** Options of the two-group effect measures. */
export interface EffectOptions {
  level?: number;
}

function groups(x1: number, n1: number, x2: number, n2: number, level: number) {
  assertPart(x1, n1, 'x1', 'n1');
  assertPart(x2, n2, 'x2', 'n2');
  assertLevel(level);
  return { p1: x1 / n1, p2: x2 / n2, ...levelConstants(level) };
}

/** The Wilson score interval of one proportion (no continuity correction). */
function wilsonBounds(x: number, n: number, z: number): [number, number] {
  const z2 = z * z;
  const center = (x + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((x * (n - x)) / n + z2 / 4)) / (n + z2);
  return [x === 0 ? 0 : center - half, x === n ? 1 : center + half];
}

/**
 * Risk difference p1 − p2 with its interval:
 * - `wald` (default): p̂1 − p̂2 ± z√(p̂1q̂1/n1 + p̂2q̂2/n2);
 * - `newcombe`: Newcombe's (1998) hybrid score interval, method 10 (Wilson bounds of each proportion combined);
 * - `miettinen-nurminen`: the score interval with the N/(N − 1) variance factor (PropCIs' diffscoreci).
 *
 * @example
 * riskDifference(2231, 2324, 1275, 1341).estimate;                          // 0.0092
 * riskDifference(2231, 2324, 1275, 1341, { method: 'newcombe' }).lower;     // -0.004354…
 */
export function riskDifference(x1: number, n1: number, x2: number, n2: number, options: EffectOptions & { method?: RiskDifferenceMethod } = {}): EffectEstimate {
  const { level = 0.95, method = 'wald' } = options;
  assertOneOf(method, ['wald', 'newcombe', 'miettinen-nurminen'], 'method');
  const { p1, p2, z } = groups(x1, n1, x2, n2, level);
  const estimate = p1 - p2;
  if (method === 'newcombe') {
    const [l1, u1] = wilsonBounds(x1, n1, z);
    const [l2, u2] = wilsonBounds(x2, n2, z);
    const lower = estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
    const upper = estimate + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
    return { estimate, lower, upper, level, method: 'Newcombe hybrid score' };
  }
  if (method === 'miettinen-nurminen') {
    const [lower, upper] = differenceScoreInterval(x1, n1, x2, n2, z);
    return { estimate, lower, upper, level, method: 'Miettinen–Nurminen score' };
  }
  const half = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { estimate, lower: estimate - half, upper: estimate + half, level, method: 'Wald' };
}

/**
 * Risk ratio p1 / p2 with its interval:
 * - `katz-log` (default): exp(log RR ± z√(1/x1 − 1/n1 + 1/x2 − 1/n2)); undefined with a zero
 *   count, so the bounds are NaN (R's epitools gives 0 and NaN/Inf);
 * - `koopman`: Koopman's (1984) score interval (PropCIs' riskscoreci), defined with zero counts too;
 * - `miettinen-nurminen`: the score interval with the N/(N − 1) variance factor.
 *
 * @example
 * riskRatio(2231, 2324, 1275, 1341).estimate; // 1.0097
 * riskRatio(0, 20, 5, 20, { method: 'koopman' }).lower; // 0
 */
export function riskRatio(x1: number, n1: number, x2: number, n2: number, options: EffectOptions & { method?: RiskRatioMethod } = {}): EffectEstimate {
  const { level = 0.95, method = 'katz-log' } = options;
  assertOneOf(method, ['katz-log', 'koopman', 'miettinen-nurminen'], 'method');
  const { p1, p2, z } = groups(x1, n1, x2, n2, level);
  const rr = p1 / p2;
  if (method !== 'katz-log') {
    const [lower, upper] = ratioScoreInterval(x1, n1, x2, n2, z, method === 'miettinen-nurminen');
    return { estimate: rr, lower, upper, level, method: method === 'koopman' ? 'Koopman score' : 'Miettinen–Nurminen score' };
  }
  if (x1 === 0 || x2 === 0) return { estimate: rr, lower: Number.NaN, upper: Number.NaN, level, method: 'Katz log (undefined with a zero count)' };
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  return { estimate: rr, lower: rr * Math.exp(-z * se), upper: rr * Math.exp(z * se), level, method: 'Katz log' };
}

/**
 * Odds ratio (x1/(n1−x1)) / (x2/(n2−x2)) with its interval:
 * - `woolf` (default): Woolf's logit interval; `haldane: true` adds ½ to every cell first (for zero cells);
 * - `baptista-pike`: the exact interval inverting the conditional test by the minimum-likelihood
 *   rule (Baptista & Pike 1977; exact2x2's tsmethod 'minlike');
 * - `miettinen-nurminen`: the score interval (PropCIs' orscoreci).
 *
 * @example
 * oddsRatio(2231, 2324, 1275, 1341).estimate; // 1.2418
 * oddsRatio(3, 10, 1, 10, { method: 'baptista-pike' }).upper; // 110.24…
 */
export function oddsRatio(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  options: EffectOptions & { haldane?: boolean; method?: OddsRatioMethod } = {},
): EffectEstimate {
  const { level = 0.95, haldane = false, method = 'woolf' } = options;
  assertOneOf(method, ['woolf', 'baptista-pike', 'miettinen-nurminen'], 'method');
  const { z, alpha } = groups(x1, n1, x2, n2, level);
  if (method !== 'woolf') {
    const estimate = (x1 * (n2 - x2)) / ((n1 - x1) * x2);
    const [lower, upper] =
      method === 'baptista-pike' ? baptistaPikeInterval(x1, n1 - x1, x2, n2 - x2, alpha) : oddsRatioScoreInterval(x1, n1, x2, n2, z);
    return { estimate, lower, upper, level, method: method === 'baptista-pike' ? 'Baptista–Pike exact' : 'Miettinen–Nurminen score' };
  }
  const h = haldane ? 0.5 : 0;
  const [a, b, c, d] = [x1 + h, n1 - x1 + h, x2 + h, n2 - x2 + h];
  const or = (a * d) / (b * c);
  if (a === 0 || b === 0 || c === 0 || d === 0) {
    return { estimate: or, lower: Number.NaN, upper: Number.NaN, level, method: 'Woolf logit (undefined with a zero cell; use haldane: true)' };
  }
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return { estimate: or, lower: or * Math.exp(-z * se), upper: or * Math.exp(z * se), level, method: haldane ? 'Woolf logit (Haldane +0.5)' : 'Woolf logit' };
}
