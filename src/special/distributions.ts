// Thin wrappers over the @stdlib special functions, in the terms the statistics use.
// Upper tails are always computed directly (never 1 − cdf), and log tails survive underflow.
import betainc from '@stdlib/math-base-special-betainc';
import betaincinv from '@stdlib/math-base-special-betaincinv';
import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaincinv from '@stdlib/math-base-special-gammaincinv';
import gammaln from '@stdlib/math-base-special-gammaln';

/** The standard normal quantile of 1 − tail: z with P(Z > z) = tail. */
export function normalUpperQuantile(tail: number): number {
  return Math.SQRT2 * erfcinv(2 * tail);
}

/** z for a two-sided interval of the given level (1.959963984540054 at 0.95). */
export function zForLevel(level: number): number {
  return Math.SQRT2 * erfcinv(1 - level);
}

/** P(X > x) for X ~ chi-square(df), computed as the upper regularized incomplete gamma. */
export function chiSquareUpperTail(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** log P(X > x) for X ~ chi-square(df), accurate where the tail underflows (X² = 4192 on 3 df: −2092.18). */
export function logChiSquareUpperTail(x: number, df: number): number {
  const q = chiSquareUpperTail(x, df);
  if (q > 1e-280) return Math.log(q);
  return logUpperGamma(df / 2, x / 2);
}

/** The chi-square quantile with upper tail `tail`: x with P(X > x) = tail. */
export function chiSquareUpperQuantile(tail: number, df: number): number {
  return 2 * gammaincinv(tail, df / 2, true);
}

/** log Q(a, x) by its continued fraction (Lentz), valid and fast for x > a + 1. */
function logUpperGamma(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return -x + a * Math.log(x) - gammaln(a) + Math.log(h);
}

/** The Beta(a, b) quantile: x with I_x(a, b) = p (lower tail) or 1 − I_x(a, b) = p (upper). */
export function betaQuantile(p: number, a: number, b: number, upper = false): number {
  return betaincinv(p, a, b, upper);
}

/** I_x(a, b), or its upper tail 1 − I_x(a, b) computed directly. */
export function regularizedBeta(x: number, a: number, b: number, upper = false): number {
  return betainc(x, a, b, true, upper);
}

export { gammaln };

/** P(Z <= z) for the standard normal, computed from erfc so both tails keep full relative accuracy. */
export function normalLowerTail(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** P(Z > z) for the standard normal. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
