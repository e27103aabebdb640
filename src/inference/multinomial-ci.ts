import { InvalidArgumentError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { chiSquareUpperQuantile } from '../special/chi-square.js';
import { normalUpperQuantile, zForLevel } from '../special/normal.js';
import { logPoissonLowerTail, logPoissonUpperTail, poissonDensity } from '../special/poisson.js';
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

/** Moments of Y ~ Poisson(λ) restricted to the window [b, a]: its probability, mean shift and central moments. */
interface WindowMoments {
  probability: number;
  shift: number;
  m2: number;
  m3: number;
  m4: number;
}

// Windows up to this many terms are summed directly; wider ones use closed forms, so the cost of
// ν(c) does not grow with the counts.
const DIRECT_WINDOW = 5000;

/** The window's moments by summing its terms (central moments computed directly, about the window's own mean). */
export function summedMoments(lambda: number, b: number, a: number): WindowMoments {
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
  return { probability: den, shift, m2, m3, m4 };
}

/**
 * The window's moments in closed form. With Mᵣ = E[(Y − λ)^r; b ≤ Y ≤ a], Stein's identity
 * E[(Y − λ) g(Y)] = λ E[g(Y + 1) − g(Y)] with g = (y − λ)^(r−1) on the window gives
 * Mᵣ = λ Σⱼ₍ⱼ₌₀..ᵣ₋₂₎ C(r − 1, j) Mⱼ + λ [(b − λ)^(r−1) f(b − 1) − (a + 1 − λ)^(r−1) f(a)],
 * with f the Poisson density and M₀ = 1 − P(Y < b) − P(Y > a) from the incomplete gamma function.
 */
export function closedFormMoments(lambda: number, b: number, a: number): WindowMoments {
  const below = b > 0 ? Math.exp(logPoissonLowerTail(b - 1, lambda)) : 0;
  const above = Math.exp(logPoissonUpperTail(a + 1, lambda));
  const M0 = 1 - below - above;
  const fb = b > 0 ? poissonDensity(b - 1, lambda) : 0;
  const fa = poissonDensity(a, lambda);
  const lo = b - lambda;
  const hi = a + 1 - lambda;
  const edge = (r: number) => lambda * (lo ** (r - 1) * fb - hi ** (r - 1) * fa);
  const M1 = edge(1);
  const M2 = lambda * M0 + edge(2);
  const M3 = lambda * (M0 + 2 * M1) + edge(3);
  const M4 = lambda * (M0 + 3 * M1 + 3 * M2) + edge(4);
  const e1 = M1 / M0;
  const e2 = M2 / M0;
  const e3 = M3 / M0;
  const e4 = M4 / M0;
  return {
    probability: M0,
    shift: e1,
    m2: e2 - e1 * e1,
    m3: e3 - 3 * e1 * e2 + 2 * e1 ** 3,
    m4: e4 - 4 * e1 * e3 + 6 * e1 * e1 * e2 - 3 * e1 ** 4,
  };
}

// ν(c) of Sison & Glaz (1995) in May & Johnson's Edgeworth form. The cumulants of each truncated
// Poisson come from its central moments over the window [λ − c, λ + c] (deriving them from
// factorial moments, as DescTools does, cancels terms of size λ⁴ and loses ~1e-6 for λ ≈ 4000).
function coverage(c: number, counts: readonly number[], n: number): number {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let logProbX = 0;
  for (const lambda of counts) {
    const a = lambda + c;
    const b = Math.max(lambda - c, 0);
    const w = a - b + 1 <= DIRECT_WINDOW ? summedMoments(lambda, b, a) : closedFormMoments(lambda, b, a);
    s1 += lambda + w.shift;
    s2 += w.m2;
    s3 += w.m3;
    s4 += w.m4 - 3 * w.m2 * w.m2;
    logProbX += Math.log(w.probability);
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
