// Binomial density and tails. The density uses Loader's saddle-point form (as R's dbinom), which
// keeps full relative accuracy for large n where exp(log-choose + …) would lose digits.
import betainc from '@stdlib/math-base-special-betainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import log1p from '@stdlib/math-base-special-log1p';

const LN_SQRT_2PI = 0.918938533204672741780329736406; // log(sqrt(2π))
const LN_2PI = 1.837877066409345483560659472811;

/** log(n!) − log(√(2π n) (n/e)^n): the error of Stirling's formula. */
export function stirlerr(n: number): number {
  if (n <= 15) return gammaln(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** x log(x/np) + np − x, computed without cancellation when x ≈ np (Loader 2000). */
export function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}

/** log P(X = x) for X ~ Binomial(n, p), x an integer in [0, n]. */
export function logBinomialDensity(x: number, n: number, p: number): number {
  const q = 1 - p;
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) return n === 0 ? 0 : p < 0.1 ? -bd0(n, n * q) - n * p : n * log1p(-p);
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + log1p(-x / n);
  return lc - 0.5 * lf;
}

/** P(X = x) for X ~ Binomial(n, p). */
export function binomialDensity(x: number, n: number, p: number): number {
  return Math.exp(logBinomialDensity(x, n, p));
}

/** P(X >= k), computed directly as I_p(k, n − k + 1). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return betainc(p, k, n - k + 1, true, false);
}

/** P(X <= k), computed directly as the upper tail of I_p(k + 1, n − k). */
export function binomialLowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betainc(p, k + 1, n - k, true, true);
}

// @stdlib's betainc loses accuracy (about 1e-11 relative) when both of its parameters are large;
// there the tails are summed term by term from Loader's density, moving away from the mode so
// the terms shrink and the sum can stop once they no longer count.
const LARGE = 10_000;

function sumAway(from: number, step: 1 | -1, n: number, p: number): number {
  let sum = 0;
  for (let i = from; i >= 0 && i <= n; i += step) {
    const term = binomialDensity(i, n, p);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return sum;
}

/** P(X >= k) to full relative accuracy, also where both incomplete-beta parameters are large. */
export function binomialUpperTailPrecise(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (Math.min(k, n - k + 1) < LARGE) return binomialUpperTail(k, n, p);
  return k > n * p ? sumAway(k, 1, n, p) : 1 - sumAway(k - 1, -1, n, p);
}

/** P(X <= k) to full relative accuracy, also where both incomplete-beta parameters are large. */
export function binomialLowerTailPrecise(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (Math.min(k + 1, n - k) < LARGE) return binomialLowerTail(k, n, p);
  return k < n * p ? sumAway(k, -1, n, p) : 1 - sumAway(k + 1, 1, n, p);
}
