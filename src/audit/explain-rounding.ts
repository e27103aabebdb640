import { InvalidArgumentError } from '../errors.js';
import { assertPart } from '../exact/validate.js';
import { ROUNDING_MODES, roundRational, formatScaled, type RoundingMode } from '../format/rounding.js';
import { readShare, type PercentCheckOptions } from './numerator-range.js';

/** A printed percent with the counts behind it. */
export interface CountedPrint {
  reported: string;
  numerator: number;
  denominator: number;
}

/** Which rounding rules reproduce a table. */
export interface RoundingExplanation {
  /** The modes that reproduce every item (empty when no single rule explains the table). */
  modes: RoundingMode[];
  items: {
    reported: string;
    numerator: number;
    denominator: number;
    /** The modes that reproduce this item. */
    modes: RoundingMode[];
    /** What each mode prints for it. */
    prints: Record<RoundingMode, string>;
  }[];
}

/**
 * Which of the five rounding rules reproduce every printed percent of a table from its counts,
 * and which reproduce each item.
 *
 * @example
 * explainRounding([
 *   { reported: '54.32', numerator: 2324, denominator: 4278 },
 *   { reported: '31.34', numerator: 1341, denominator: 4278 },
 *   { reported: '2.62', numerator: 112, denominator: 4278 },
 * ]).modes; // []: 31.34 needs floor, 2.62 rules floor out
 */
export function explainRounding(items: readonly CountedPrint[], options: Pick<PercentCheckOptions, 'decimalComma' | 'proportion'> = {}): RoundingExplanation {
  if (!Array.isArray(items) || items.length === 0) throw new InvalidArgumentError('items', items, 'items must be a non-empty array of { reported, numerator, denominator }');
  const explained = items.map((item, i) => {
    const share = readShare(item.reported, options);
    assertPart(item.numerator, item.denominator, `items[${i}].numerator`, `items[${i}].denominator`);
    const prints = Object.fromEntries(
      ROUNDING_MODES.map((m) => [m, formatScaled(roundRational(BigInt(item.numerator) * share.scale, BigInt(item.denominator), m), share.decimals)]),
    ) as Record<RoundingMode, string>;
    const printed = formatScaled(share.digits, share.decimals);
    return { reported: item.reported, numerator: item.numerator, denominator: item.denominator, modes: ROUNDING_MODES.filter((m) => prints[m] === printed), prints };
  });
  return { modes: ROUNDING_MODES.filter((m) => explained.every((e) => e.modes.includes(m))), items: explained };
}
