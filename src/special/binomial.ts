// Binomial density and tails to full relative accuracy for every n up to 2^53 − 1.
// The density uses Loader's saddle-point form (as R's dbinom) with the deviation x − np carried
// in double-double, so neither a large n nor a density near the bottom of the double range
// costs digits. The tails are chosen by a fixed rule (see logBinomialTail).
import { complementError, twoProduct } from './double-double.js';
import { log1mExp } from './log-space.js';
import { bd0, stirlerr } from './saddle-point.js';
import { logBetaAsymptotic, logBetaContinuedFraction, logBetaFactor } from './incomplete-beta.js';

export { bd0, stirlerr };

const LN_2PI = 1.837877066409345483560659472811;

/** n·p as a double-double [hi, lo]. */
function meanOf(n: number, p: number): [number, number] {
  return twoProduct(n, p);
}

/** log P(X = x) for X ~ Binomial(n, p), x an integer in [0, n]. */
export function logBinomialDensity(x: number, n: number, p: number): number {
  if (x < 0 || x > n) return -Infinity;
  const q = 1 - p;
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) return n * (p < 0.5 ? Math.log1p(-p) : Math.log(q));
  if (x === n) return n * Math.log(p);
  const [mh, ml] = meanOf(n, p);
  const d = x - mh - ml; // x − np, accurate to a few units in the last place of the deviation itself
  const np = mh + ml;
  const nq = n - mh - ml;
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, np, d) - bd0(n - x, nq, -d);
  const lf = LN_2PI + Math.log(x) + Math.log((n - x) / n); // not log1p(−x/n): x/n near 1 loses n − x
  return lc - 0.5 * lf;
}

/** P(X = x) for X ~ Binomial(n, p). */
export function binomialDensity(x: number, n: number, p: number): number {
  return Math.exp(logBinomialDensity(x, n, p));
}

// Below this many parameters on the short side the tail is summed term by term.
const DIRECT_MAX = 100;
// BASYM (DiDonato & Morris) within this fraction of the smaller parameter of the mean, as TOMS 708.
const ASYMPTOTIC_BAND = 0.03;

/**
 * log Σ f(i) for i = k, k + step, … while the terms matter: the tail on the far side of the
 * mode, where the terms only shrink. The term ratio is exact up to rounding; every 64 terms the
 * density is recomputed from Loader's form, so rounding never builds up over a long sum.
 */
function logTermSum(k: number, n: number, p: number, step: 1 | -1): number {
  const logLead = logBinomialDensity(k, n, p);
  if (logLead === -Infinity) return -Infinity;
  const q = 1 - p;
  const qe = complementError(p, q);
  const odds = step === 1 ? (p / q) * (1 - qe / q) : (q + qe) / p;
  let term = 1;
  let sum = 1;
  let i = k;
  for (let j = 1; step === 1 ? i < n : i > 0; j++) {
    term *= step === 1 ? ((n - i) / (i + 1)) * odds : (i / (n - i + 1)) * odds;
    i += step;
    if ((j & 63) === 0) term = Math.exp(logBinomialDensity(i, n, p) - logLead);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return logLead + Math.log(sum);
}

/**
 * log I_x(a, b) on the small side (λ = a − (a + b) x ≥ 0), for a, b above DIRECT_MAX: the
 * asymptotic expansion near the mean, the continued fraction elsewhere.
 */
function logSmallBetaTail(a: number, b: number, x: number, y: number, lambda: number): number {
  if (lambda <= ASYMPTOTIC_BAND * Math.min(a, b)) return logBetaAsymptotic(a, b, lambda);
  return logBetaFactor(a, b, x, y, lambda) + logBetaContinuedFraction(a, b, x, y, lambda);
}

/** log P(X ≥ k) for k ≥ (n + 1) p, the short side: I_p(k, n − k + 1). */
function logShortUpper(k: number, n: number, p: number, lambda: number): number {
  const a = k;
  const b = n - k + 1;
  if (Math.min(a, b) <= DIRECT_MAX) return logTermSum(k, n, p, 1);
  return logSmallBetaTail(a, b, p, 1 - p, lambda);
}

/** log P(X ≤ k) for k + 1 ≤ (n + 1) p, the short side: I_q(n − k, k + 1), λ = (n + 1) p − k − 1. */
function logShortLower(k: number, n: number, p: number, lambda: number): number {
  const a = n - k;
  const b = k + 1;
  if (Math.min(a, b) <= DIRECT_MAX) return logTermSum(k, n, p, -1);
  return logSmallBetaTail(a, b, 1 - p, p, lambda);
}

/**
 * log P(X ≥ k) (`upper`) or log P(X ≤ k) for X ~ Binomial(n, p), to full relative accuracy for
 * every k and n up to 2^53 − 1, also where the tail itself underflows.
 *
 * The rule: the tail on the far side of the mean (k ≥ (n + 1)p for the upper tail) is computed
 * directly, the other one as its complement, so no result suffers cancellation. The far-side
 * tail, written as the incomplete beta I(a, b) with a, b the two parameters and λ its distance
 * from the mean in counts, is
 * - a direct sum of terms from Loader's density when min(a, b) ≤ 100 (small x, or x near n);
 * - otherwise DiDonato and Morris' asymptotic expansion (BASYM) when λ ≤ 0.03·min(a, b);
 * - otherwise their continued fraction (BFRAC), which converges quickly that far out.
 * λ is computed from n·p in double-double.
 */
export function logBinomialTail(k: number, n: number, p: number, upper: boolean): number {
  const from = upper ? k : k + 1; // P(X ≤ k) = 1 − P(X ≥ k + 1)
  if (from <= 0) return upper ? 0 : -Infinity;
  if (from > n) return upper ? -Infinity : 0;
  if (p === 0) return upper ? -Infinity : 0;
  if (p === 1) return upper ? 0 : -Infinity;
  const [h, l] = twoProduct(n + 1, p);
  const lambda = from - h - l; // from − (n + 1) p
  if (lambda >= 0) {
    const small = logShortUpper(from, n, p, lambda);
    return upper ? small : log1mExp(small);
  }
  const small = logShortLower(from - 1, n, p, -lambda);
  return upper ? log1mExp(small) : small;
}

/** P(X ≥ k) for X ~ Binomial(n, p) (1 for k ≤ 0, 0 for k > n). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  return Math.exp(logBinomialTail(k, n, p, true));
}

/** P(X ≤ k) for X ~ Binomial(n, p) (0 for k < 0, 1 for k ≥ n). */
export function binomialLowerTail(k: number, n: number, p: number): number {
  return Math.exp(logBinomialTail(k, n, p, false));
}

/** Same as {@link binomialUpperTail} (kept for callers written when only this one was precise). */
export const binomialUpperTailPrecise = binomialUpperTail;
/** Same as {@link binomialLowerTail}. */
export const binomialLowerTailPrecise = binomialLowerTail;
