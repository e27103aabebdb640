import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertDecimals } from '../exact/validate.js';
import { assertRoundingMode, formatScaled, pow10, roundRational, type RoundingMode } from './rounding.js';

/** The exact value of a finite double as a fraction numerator / 2^k (doubling is exact in binary). */
export function exactFraction(x: number): [bigint, bigint] {
  let scaled = x;
  let den = 1n;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    den *= 2n;
  }
  return [BigInt(scaled), den];
}

/**
 * Print a double with fixed decimals, rounding its exact binary value (not a product such as
 * x * 100, which carries its own rounding error). `scale` multiplies first, exactly: 100 prints a
 * proportion as a percent.
 *
 * @example
 * formatDecimal(0.5282855379414282, { decimals: 2, scale: 100 }); // '52.83'
 * formatDecimal(2.675, { decimals: 2 }); // '2.67' (the double 2.675 is just below 2.675)
 */
export function formatDecimal(x: number, options: { decimals?: number; rounding?: RoundingMode; scale?: number } = {}): string {
  const { decimals = 1, rounding = 'half-up', scale = 1 } = options;
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidArgumentError('x', x, `x must be a finite number, got ${describeValue(x)}`);
  if (!Number.isInteger(scale) || scale < 1) throw new InvalidArgumentError('scale', scale, 'scale must be a positive whole number');
  assertDecimals(decimals);
  assertRoundingMode(rounding);
  const [num, den] = exactFraction(x);
  return formatScaled(roundRational(num * BigInt(scale) * pow10(decimals), den, rounding), decimals);
}
