import { assertDecimals, assertPart } from '../exact/validate.js';
import { assertRoundingMode, formatScaled, pow10, roundRational, type RoundingMode } from './rounding.js';

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Digits after the decimal point (default 1). */
  decimals?: number;
  /** Rounding rule (default `'half-up'`). */
  rounding?: RoundingMode;
}

/**
 * The percentage `100 · numerator / denominator` as it would be printed, without the `%` sign.
 * Decided on the exact fraction with integer arithmetic: 1/8 is exactly 12.5%, a tie.
 *
 * @example
 * formatPercent(1341, 4278, { decimals: 2 });                     // '31.35'
 * formatPercent(1341, 4278, { decimals: 2, rounding: 'floor' });  // '31.34'
 * formatPercent(1, 8, { decimals: 0 });                           // '13'
 * formatPercent(1, 8, { decimals: 0, rounding: 'half-even' });    // '12'
 */
export function formatPercent(numerator: number, denominator: number, options: FormatPercentOptions = {}): string {
  const { decimals = 1, rounding = 'half-up' } = options;
  assertPart(numerator, denominator, 'numerator', 'denominator');
  assertDecimals(decimals);
  assertRoundingMode(rounding);
  return formatScaled(scaledPercent(numerator, denominator, decimals, rounding), decimals);
}

/** The printed percentage as an integer count of last-digit units (31.35% at 2 decimals is 3135n). */
export function scaledPercent(numerator: number, denominator: number, decimals: number, rounding: RoundingMode): bigint {
  return roundRational(BigInt(numerator) * 100n * pow10(decimals), BigInt(denominator), rounding);
}
