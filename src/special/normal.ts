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

const SQRT_PI = 1.772453850905516027298167483341;

/**
 * The scaled complementary error function e^(x²) erfc(x) for x ≥ 0, without overflow or
 * underflow for large x (Laplace's continued fraction, evaluated by Lentz's method).
 */
export function erfcx(x: number): number {
  if (x < 3) return Math.exp(x * x) * erfc(x);
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const ak = k / 2;
    d = x + ak * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + ak / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (SQRT_PI * f);
}

/** log P(Z > z) for the standard normal, finite however far out z is. */
export function logNormalUpperTail(z: number): number {
  const u = z / Math.SQRT2;
  if (u < 3) return Math.log(normalUpperTail(z));
  return Math.log(0.5 * erfcx(u)) - u * u;
}
