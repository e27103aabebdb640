import { InvalidArgumentError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { chiSquareUpperQuantile } from '../special/chi-square.js';
import { normalUpperQuantile, zForLevel } from '../special/normal.js';
import { poissonDensity } from '../special/poisson.js';
import { assertCounts, assertLevel } from './assert.js';
import { alphaOf } from './root.js';

/** Methods of {@link multinomialCI}. */
export type MultinomialCIMethod = 'goodman' | 'quesenberry-hurst' | 'sison-glaz' | 'wilson';

/** Options of {@link multinomialCI}. */
export interface MultinomialCIOptions {
  /** Default 'sison-glaz'. */
  method?: MultinomialCIMethod;
  level?: number;
}

/** One category's share with its interval. */
export interface MultinomialInterval {
  estimate: number;
  lower: number;
  upper: number;
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

function scoreIntervals(counts: readonly number[], n: number, q: number): MultinomialInterval[] {
  return counts.map((x) => {
    const p = x / n;
    const root = Math.sqrt(q * q + 4 * x * q * (1 - p));
    // exactly 0 and 1 at the ends (in floating point the formula can land a hair inside them)
    return { estimate: p, lower: x === 0 ? 0 : clip((q + 2 * x - root) / (2 * (n + q))), upper: x === n ? 1 : clip((q + 2 * x + root) / (2 * (n + q))) };
  });
}

// ν(c) of Sison & Glaz (1995) in May & Johnson's Edgeworth form. The cumulants of each truncated
// Poisson are computed directly as central moments over its window [λ − c, λ + c]: deriving them
// from factorial moments (as DescTools does) cancels terms of size λ⁴ and loses ~1e-6 for λ ≈ 4000.
function coverage(c: number, counts: readonly number[], n: number): number {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let logProbX = 0;
  for (const lambda of counts) {
    const a = lambda + c;
    const b = Math.max(lambda - c, 0);
    const weights: number[] = [];
    for (let y = b; y <= a; y++) weights.push(poissonDensity(y, lambda));
    const den = weights.reduce((x, w) => x + w, 0);
    let shift = 0; // mean − λ
    weights.forEach((w, i) => (shift += ((b + i - lambda) * w) / den));
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    weights.forEach((w, i) => {
      const d = b + i - lambda - shift;
      const q = w / den;
      m2 += d * d * q;
      m3 += d * d * d * q;
      m4 += d * d * d * d * q;
    });
    s1 += lambda + shift;
    s2 += m2;
    s3 += m3;
    s4 += m4 - 3 * m2 * m2;
    logProbX += Math.log(den);
  }
  const z = (n - s1) / Math.sqrt(s2);
  const g1 = s3 / s2 ** 1.5;
  const g2 = s4 / s2 ** 2;
  const poly = 1 + (g1 * (z ** 3 - 3 * z)) / 6 + (g2 * (z ** 4 - 6 * z ** 2 + 3)) / 24 + (g1 ** 2 * (z ** 6 - 15 * z ** 4 + 45 * z ** 2 - 15)) / 72;
  const f = (poly * Math.exp(-(z ** 2) / 2)) / Math.sqrt(2 * Math.PI);
  return (Math.exp(logProbX) * f) / Math.sqrt(s2) / poissonDensity(n, n);
}

function sisonGlaz(counts: readonly number[], n: number, level: number): MultinomialInterval[] {
  // c is the integer with ν(c) < level < ν(c + 1); ν(0) is taken as 0, as DescTools and MultinomialCI do.
  // ν grows with c, so the first c + 1 whose coverage exceeds the level is found by bisection.
  const nu = (cc: number) => (cc === 0 ? 0 : coverage(cc, counts, n));
  let hi = 1;
  while (hi < n && nu(hi) <= level) hi = Math.min(n, hi * 2);
  let lo = Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (nu(mid) > level) hi = mid;
    else lo = mid;
  }
  const c = nu(hi) > level && hi > 0 ? hi - 1 : hi;
  const nuC = nu(c);
  const gamma = (level - nuC) / (nu(c + 1) - nuC);
  return counts.map((x) => {
    const p = x / n;
    return { estimate: p, lower: clip(p - c / n), upper: clip(p + (c + 2 * gamma) / n) };
  });
}

/**
 * Confidence intervals for the shares of a multinomial (a type distribution), one per count, in
 * input order.
 * - `sison-glaz` (default): simultaneous, the May–Johnson algorithm as DescTools and MultinomialCI
 *   (not statsmodels' clipped variant), with the truncated-Poisson moments computed directly.
 * - `goodman`: simultaneous score intervals with a Bonferroni chi-square quantile qchisq(1 − α/k, 1).
 * - `quesenberry-hurst`: simultaneous score intervals with qchisq(1 − α, k − 1).
 * - `wilson`: per-category Wilson intervals: **not simultaneous**.
 *
 * @example
 * multinomialCI([2324, 1341, 501, 112], { method: 'goodman' })[0];
 * // { estimate: 0.5432…, lower: 0.5241…, upper: 0.5621… }
 */
export function multinomialCI(counts: readonly number[], options: MultinomialCIOptions = {}): MultinomialInterval[] {
  const { method = 'sison-glaz', level = 0.95 } = options;
  const n = assertCounts(counts, 'counts', 2);
  if (n === 0) throw new InvalidArgumentError('counts', counts, 'counts must not all be zero');
  assertOneOf(method, ['goodman', 'quesenberry-hurst', 'sison-glaz', 'wilson'], 'method');
  assertLevel(level);
  const alpha = alphaOf(level);
  const k = counts.length;
  switch (method) {
    case 'goodman':
      return scoreIntervals(counts, n, normalUpperQuantile(alpha / (2 * k)) ** 2);
    case 'quesenberry-hurst':
      return scoreIntervals(counts, n, chiSquareUpperQuantile(alpha, k - 1));
    case 'wilson':
      return scoreIntervals(counts, n, zForLevel(level) ** 2);
    case 'sison-glaz':
      return sisonGlaz(counts, n, 1 - alpha);
  }
}
