import { assertPart } from '../exact/validate.js';
import { zForLevel } from '../special/normal.js';
import { assertLevel } from './assert.js';

/** An effect estimate for two groups with its confidence interval. */
export interface EffectEstimate {
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  method: string;
}

/** Options of the two-group effect measures. */
export interface EffectOptions {
  level?: number;
}

function groups(x1: number, n1: number, x2: number, n2: number, level: number) {
  assertPart(x1, n1, 'x1', 'n1');
  assertPart(x2, n2, 'x2', 'n2');
  assertLevel(level);
  return { p1: x1 / n1, p2: x2 / n2, z: zForLevel(level) };
}

/**
 * Risk difference p1 − p2 with the Wald interval.
 *
 * @example
 * riskDifference(2231, 2324, 1275, 1341).estimate; // 0.0092
 */
export function riskDifference(x1: number, n1: number, x2: number, n2: number, options: EffectOptions = {}): EffectEstimate {
  const { level = 0.95 } = options;
  const { p1, p2, z } = groups(x1, n1, x2, n2, level);
  const half = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { estimate: p1 - p2, lower: p1 - p2 - half, upper: p1 - p2 + half, level, method: 'Wald' };
}

/**
 * Risk ratio p1 / p2 with the Katz log interval. With a zero count the interval is undefined:
 * the bounds are NaN (R's epitools gives 0 and NaN/Inf).
 *
 * @example
 * riskRatio(2231, 2324, 1275, 1341).estimate; // 1.0097
 */
export function riskRatio(x1: number, n1: number, x2: number, n2: number, options: EffectOptions = {}): EffectEstimate {
  const { level = 0.95 } = options;
  const { p1, p2, z } = groups(x1, n1, x2, n2, level);
  const rr = p1 / p2;
  if (x1 === 0 || x2 === 0) return { estimate: rr, lower: Number.NaN, upper: Number.NaN, level, method: 'Katz log (undefined with a zero count)' };
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  return { estimate: rr, lower: rr * Math.exp(-z * se), upper: rr * Math.exp(z * se), level, method: 'Katz log' };
}

/**
 * Odds ratio (x1/(n1−x1)) / (x2/(n2−x2)) with Woolf's logit interval; `haldane: true` adds ½ to
 * every cell first (for zero cells).
 *
 * @example
 * oddsRatio(2231, 2324, 1275, 1341).estimate; // 1.2418
 */
export function oddsRatio(x1: number, n1: number, x2: number, n2: number, options: EffectOptions & { haldane?: boolean } = {}): EffectEstimate {
  const { level = 0.95, haldane = false } = options;
  const { z } = groups(x1, n1, x2, n2, level);
  const h = haldane ? 0.5 : 0;
  const [a, b, c, d] = [x1 + h, n1 - x1 + h, x2 + h, n2 - x2 + h];
  const or = (a * d) / (b * c);
  if (a === 0 || b === 0 || c === 0 || d === 0) {
    return { estimate: or, lower: Number.NaN, upper: Number.NaN, level, method: 'Woolf logit (undefined with a zero cell; use haldane: true)' };
  }
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return { estimate: or, lower: or * Math.exp(-z * se), upper: or * Math.exp(z * se), level, method: haldane ? 'Woolf logit (Haldane +0.5)' : 'Woolf logit' };
}
