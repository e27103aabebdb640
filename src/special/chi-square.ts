// Upper tails are computed directly (never 1 − cdf), and log tails survive underflow.
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import { bisect } from '../inference/root.js';

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

/** A chi-square test's p-value and its log (which stays finite where the p-value underflows). */
export function chiSquarePValues(statistic: number, df: number): { pValue: number; logPValue: number } {
  return { pValue: chiSquareUpperTail(statistic, df), logPValue: logChiSquareUpperTail(statistic, df) };
}

/** The chi-square quantile with upper tail `tail`: x with P(X > x) = tail. */
export function chiSquareUpperQuantile(tail: number, df: number): number {
  // bracket by doubling, then bisect the upper tail (decreasing in x) to full precision
  let hi = Math.max(1, df);
  while (chiSquareUpperTail(hi, df) > tail) hi *= 2;
  return bisect((x) => chiSquareUpperTail(x, df) - tail, 0, hi);
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
