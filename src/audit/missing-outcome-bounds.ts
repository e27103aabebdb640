import { InvalidArgumentError } from '../errors.js';
import { assertCount } from '../exact/validate.js';

/** Bounds on an improvement rate when some outcomes are unknown. */
export interface MissingOutcomeBounds {
  /** All patients treated. */
  total: number;
  /** improved / (improved + notImproved): the rate among the followed-up (null when none was). */
  amongKnown: number | null;
  /** improved / total: every unknown outcome counted as not improved (the worst case). */
  worstCase: number;
  /** (improved + unknown) / total: every unknown outcome counted as improved (the best case). */
  bestCase: number;
  /** unknown / total. */
  unknownShare: number;
}

/**
 * How far an improvement rate can move when outcomes are missing: the worst case counts every
 * unknown outcome as not improved, the best case as improved. A rate among followed-up patients
 * (96%) and among all treated (92.6%) are different claims.
 *
 * @example
 * missingOutcomeBounds({ improved: 3963, notImproved: 165, unknown: 150 });
 * // { total: 4278, amongKnown: 0.96003…, worstCase: 0.92637…, bestCase: 0.96143…, unknownShare: 0.03506… }
 */
export function missingOutcomeBounds(counts: { improved: number; notImproved: number; unknown: number }): MissingOutcomeBounds {
  const { improved, notImproved, unknown } = counts;
  assertCount(improved, 'improved');
  assertCount(notImproved, 'notImproved');
  assertCount(unknown, 'unknown');
  const total = improved + notImproved + unknown;
  if (total === 0) throw new InvalidArgumentError('counts', counts, 'there are no patients: improved + notImproved + unknown is 0');
  const known = improved + notImproved;
  return {
    total,
    amongKnown: known === 0 ? null : improved / known,
    worstCase: improved / total,
    bestCase: (improved + unknown) / total,
    unknownShare: unknown / total,
  };
}
