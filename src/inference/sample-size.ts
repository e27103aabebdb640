import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { betaQuantile } from '../special/beta.js';
import { assertLevel } from './assert.js';
import { levelConstants } from './level.js';
import { bisect } from './root.js';

/** Interval methods for precision and sample size (R presize's prec_prop). */
export type PrecisionMethod = 'wilson' | 'agresti-coull' | 'clopper-pearson' | 'wald';

/** The precision a study of n gives for a proportion. */
export interface ProportionPrecision {
  proportion: number;
  n: number;
  level: number;
  method: PrecisionMethod;
  /** Half the width of the interval (presize's conf.width / 2). */
  halfWidth: number;
  /** The interval itself: centre ± halfWidth (Wilson and Agresti–Coull centre on the adjusted proportion). */
  lower: number;
  upper: number;
}

/** The sample size needed for a proportion to be estimated within a half-width. */
export interface ProportionSampleSize {
  proportion: number;
  /** The smallest whole n whose half-width is at most the target. */
  n: number;
  /** The n (not rounded) at which the half-width equals the target: what presize reports. */
  exactN: number;
  /** The half-width at `n`. */
  halfWidth: number;
  targetHalfWidth: number;
  level: number;
  method: PrecisionMethod;
}

const METHODS: readonly PrecisionMethod[] = ['wilson', 'agresti-coull', 'clopper-pearson', 'wald'];

function checkProportion(p: unknown): asserts p is number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new InvalidArgumentError('proportion', p, `proportion must be a number from 0 to 1, got ${describeValue(p)}`);
  }
}

/** [centre − h, centre + h] at a (possibly fractional) n, as presize computes it. */
function interval(p: number, n: number, method: PrecisionMethod, alpha: number, z: number): { half: number; lower: number; upper: number } {
  const z2 = z * z;
  switch (method) {
    case 'wald': {
      const half = z * Math.sqrt((p * (1 - p)) / n);
      return { half, lower: p - half, upper: p + half };
    }
    case 'wilson': {
      const half = ((z * Math.sqrt(n)) / (n + z2)) * Math.sqrt(p * (1 - p) + z2 / (4 * n));
      const centre = (n * p + z2 / 2) / (n + z2);
      return { half, lower: centre - half, upper: centre + half };
    }
    case 'agresti-coull': {
      const nt = n + z2;
      const centre = (p * n + 0.5 * z2) / nt;
      const half = z * Math.sqrt((centre * (1 - centre)) / nt);
      return { half, lower: centre - half, upper: centre + half };
    }
    case 'clopper-pearson': {
      // presize's 'exact': Clopper–Pearson at x = p·n, which need not be whole
      const x = p * n;
      const lower = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
      const upper = x === n ? 1 : betaQuantile(alpha / 2, x + 1, n - x, true);
      return { half: (upper - lower) / 2, lower, upper };
    }
  }
}

/**
 * The precision a study of `n` gives for a proportion: the half-width of its confidence interval,
 * as R presize's `prec_prop(p, n, conf.level, method)` (whose conf.width is twice it). Methods:
 * 'wilson' (default), 'agresti-coull', 'clopper-pearson' (presize's 'exact', at x = p·n) and 'wald'.
 *
 * @example
 * precisionForProportion({ proportion: 0.15, n: 50 }).halfWidth; // 0.09859… (presize: conf.width 0.1972)
 */
export function precisionForProportion(options: { proportion: number; n: number; level?: number; method?: PrecisionMethod }): ProportionPrecision {
  const { proportion, n, level = 0.95, method = 'wilson' } = options;
  checkProportion(proportion);
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('n', n, `n must be a positive number, got ${describeValue(n)}`);
  assertLevel(level);
  assertOneOf(method, METHODS, 'method');
  const { alpha, z } = levelConstants(level);
  const { half, lower, upper } = interval(proportion, n, method, alpha, z);
  return { proportion, n, level, method, halfWidth: half, lower, upper };
}

/**
 * The sample size for estimating a proportion within `halfWidth`: the n at which the interval's
 * half-width equals it (`exactN`, what R presize's `prec_prop(p, conf.width = 2 · halfWidth)`
 * reports, here solved to full precision rather than to uniroot's 10⁻⁴) and the smallest whole n
 * that reaches it (`n`). An auditor can then say whether a study was large enough for the
 * precision it prints.
 *
 * @example
 * sampleSizeForProportion({ proportion: 0.15, halfWidth: 0.1 });   // { n: 49, exactN: 48.585…, … }
 */
export function sampleSizeForProportion(options: { proportion: number; halfWidth: number; level?: number; method?: PrecisionMethod }): ProportionSampleSize {
  const { proportion, halfWidth, level = 0.95, method = 'wilson' } = options;
  checkProportion(proportion);
  if (typeof halfWidth !== 'number' || !(halfWidth > 0 && halfWidth < 0.5)) {
    throw new InvalidArgumentError('halfWidth', halfWidth, `halfWidth must be a number between 0 and 0.5, got ${describeValue(halfWidth)}`);
  }
  assertLevel(level);
  assertOneOf(method, METHODS, 'method');
  const { alpha, z } = levelConstants(level);
  const half = (n: number) => interval(proportion, n, method, alpha, z).half;
  let exactN: number;
  if (method === 'wald') {
    exactN = (proportion * (1 - proportion)) / (halfWidth / z) ** 2;
    if (exactN === 0) throw new InvalidArgumentError('proportion', proportion, 'the Wald interval has no width at a proportion of 0 or 1; use another method');
  } else {
    let lo = 1e-9;
    let hi = 1;
    while (half(hi) > halfWidth) {
      lo = hi;
      hi *= 2;
      if (hi > 2 ** 53) throw new InvalidArgumentError('halfWidth', halfWidth, `no n up to 2^53 reaches a half-width of ${halfWidth}`);
    }
    exactN = half(lo) <= halfWidth ? lo : bisect((n) => half(n) - halfWidth, lo, hi);
  }
  // the smallest whole n at or below the target (the half-width falls with n, up to rounding)
  let n = Math.max(1, Math.ceil(exactN - 1e-9 * exactN));
  while (half(n) > halfWidth) n += 1;
  while (n > 1 && half(n - 1) <= halfWidth) n -= 1;
  return { proportion, n, exactN, halfWidth: half(n), targetHalfWidth: halfWidth, level, method };
}
