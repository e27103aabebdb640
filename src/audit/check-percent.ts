import { assertPositiveCount } from '../exact/validate.js';
import { ROUNDING_MODES, type RoundingMode } from '../format/rounding.js';
import {
  nearestPrints,
  rangesByMode,
  readShare,
  unionRange,
  type IntRange,
  type NearbyPrint,
  type PercentCheckOptions,
} from './numerator-range.js';
import { roundingModes } from './rounding-set.js';

/** The verdict on one printed percentage. */
export interface PercentCheck {
  /** Some numerator out of n prints as reported under the requested rounding. */
  consistent: boolean;
  /** Those numerators, or null. */
  numerators: IntRange | null;
  /** Every one of the five modes under which some numerator reproduces the print (requested or not). */
  modes: RoundingMode[];
  reported: string;
  n: number;
  decimals: number;
  /** The modes the verdict was reached under. */
  rounding: RoundingMode[];
  /** When inconsistent: the closest possible prints on either side, with a numerator for each. */
  nearest?: { below?: NearbyPrint; above?: NearbyPrint };
}

/**
 * Can a share of `n` print as `reported`? The printed digits fix the decimals ("96" has none,
 * "96.0" has one). By default "rounded" means ordinary rounding with ties either way.
 *
 * @example
 * checkPercent('31.34', 4278);
 * // { consistent: false, numerators: null, modes: ['floor'], … nearest: { below: { reported: '31.32', numerator: 1340 }, above: { reported: '31.35', numerator: 1341 } } }
 * checkPercent('96%', 4278).numerators; // { min: 4086, max: 4128 }
 */
export function checkPercent(reported: string, n: number, options: PercentCheckOptions = {}): PercentCheck {
  const share = readShare(reported, options);
  assertPositiveCount(n, 'n');
  const requested = roundingModes(options.rounding);
  const all = rangesByMode(share, n, ROUNDING_MODES);
  const numerators = unionRange(requested.map((m) => all.get(m) ?? null));
  const result: PercentCheck = {
    consistent: numerators !== null,
    numerators,
    modes: ROUNDING_MODES.filter((m) => all.get(m) !== null),
    reported,
    n,
    decimals: share.decimals,
    rounding: requested,
  };
  if (numerators === null) result.nearest = nearestPrints(share, n, requested);
  return result;
}
