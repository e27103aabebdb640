// Chi-square tails from the regularized incomplete gamma functions (special/incomplete-gamma):
// upper tails are computed directly (never 1 − cdf), and log tails survive underflow.
import { bisect } from '../inference/root.js';
import { logGammaTail } from './incomplete-gamma.js';

/** P(X > x) for X ~ chi-square(df). */
export function chiSquareUpperTail(x: number, df: number): number {
  return Math.exp(logChiSquareUpperTail(x, df));
}

/** log P(X > x) for X ~ chi-square(df), finite where the tail underflows (X² = 4192 on 3 df: −2092.18). */
export function logChiSquareUpperTail(x: number, df: number): number {
  if (x <= 0) return 0;
  return logGammaTail(df / 2, x / 2, true);
}

/** A chi-square test's p-value and its log (which stays finite where the p-value underflows). */
export function chiSquarePValues(statistic: number, df: number): { pValue: number; logPValue: number } {
  const logPValue = logChiSquareUpperTail(statistic, df);
  return { pValue: Math.exp(logPValue), logPValue };
}

/** Bracket [0, hi] with f(hi) ≥ target for f increasing in x. */
function bracket(f: (x: number) => number, target: number, df: number): number {
  let hi = Math.max(1, 2 * df);
  while (f(hi) < target) hi *= 2;
  return hi;
}

/** The chi-square quantile with upper tail `tail`: x with P(X > x) = tail. */
export function chiSquareUpperQuantile(tail: number, df: number): number {
  const target = Math.log(tail);
  const f = (x: number) => -logChiSquareUpperTail(x, df); // increasing in x
  return bisect((x) => f(x) + target, 0, bracket(f, -target, df));
}

/** The chi-square quantile with lower tail `tail`: x with P(X ≤ x) = tail, solved on the lower tail itself. */
export function chiSquareLowerQuantile(tail: number, df: number): number {
  const target = Math.log(tail);
  const f = (x: number) => (x <= 0 ? -Infinity : logGammaTail(df / 2, x / 2, false));
  return bisect((x) => f(x) - target, 0, bracket(f, target, df));
}
