import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';

/** The standard normal quantile of 1 − tail: z with P(Z > z) = tail. */
export function normalUpperQuantile(tail: number): number {
  return Math.SQRT2 * erfcinv(2 * tail);
}

/** z for a two-sided interval of the given level (1.959963984540054 at 0.95). */
export function zForLevel(level: number): number {
  return Math.SQRT2 * erfcinv(1 - level);
}

/** P(Z <= z) for the standard normal, computed from erfc so both tails keep full relative accuracy. */
export function normalLowerTail(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** P(Z > z) for the standard normal. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
