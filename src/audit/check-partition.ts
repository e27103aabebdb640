import { InvalidArgumentError } from '../errors.js';
import { assertCount, assertPositiveCount } from '../exact/validate.js';
import { formatScaled, pow10 } from '../format/rounding.js';
import { readShare, type PercentCheckOptions } from './numerator-range.js';
import { roundingModes } from './rounding-set.js';

/** One part of a whole: its printed percent and, where stated, its count. */
export interface PartitionPart {
  percent: string;
  numerator?: number;
}

/** What {@link checkPartition} found. */
export interface PartitionCheck {
  /** Sum of the stated counts (null when no part states one). */
  countSum: number | null;
  /** The counts sum to the total (null when not every part states a count). */
  countsMatch: boolean | null;
  /** The printed percents added up exactly, at the largest number of decimals among them. */
  percentSum: string;
  /** The range the sum of that many rounded parts can take when the parts make up 100%. */
  band: { min: string; max: string };
  percentSumOk: boolean;
}

/**
 * Do the parts of a whole add up? Counts must sum to the total; rounded percents need not sum to
 * 100, but they can only miss it by what rounding allows: each part may be off by half a last
 * digit under ordinary rounding (a whole digit, one way, under floor or ceil). Four parts at two
 * decimals may sum to 99.98–100.02; 98.0 is never explained by rounding.
 *
 * @example
 * checkPartition({ total: 4278, parts: [
 *   { percent: '54.32', numerator: 2324 }, { percent: '31.34', numerator: 1341 },
 *   { percent: '11.71', numerator: 501 }, { percent: '2.62', numerator: 112 },
 * ] }); // { countSum: 4278, countsMatch: true, percentSum: '99.99', band: { min: '99.98', max: '100.02' }, percentSumOk: true }
 */
export function checkPartition(
  partition: { total: number; parts: readonly PartitionPart[] },
  options: PercentCheckOptions = {},
): PartitionCheck {
  const { total, parts } = partition;
  assertPositiveCount(total, 'total');
  if (!Array.isArray(parts) || parts.length === 0) throw new InvalidArgumentError('parts', parts, 'parts must be a non-empty array');
  const modes = roundingModes(options.rounding);
  const shares = parts.map((p) => readShare(p.percent, options));
  const d = Math.max(...shares.map((s) => s.decimals));
  // Everything in units of 10^-d percent (or of the proportion); each part's error bounds in half-units of its own last digit.
  let sum = 0n;
  let below2 = 0n; // how far (×2, in units) the sum may fall under the exact total
  let above2 = 0n;
  for (const s of shares) {
    const lift = pow10(d - s.decimals);
    sum += s.digits * lift;
    // printed − exact: half-modes within ±½ digit; floor in (−1, 0]; ceil in [0, 1).
    const down = modes.some((m) => m === 'floor') ? 2n : modes.some((m) => m.startsWith('half')) ? 1n : 0n;
    const up = modes.some((m) => m === 'ceil') ? 2n : modes.some((m) => m.startsWith('half')) ? 1n : 0n;
    below2 += down * lift;
    above2 += up * lift;
  }
  const whole = (options.proportion ? 1n : 100n) * pow10(d);
  const min2 = 2n * whole - below2;
  const max2 = 2n * whole + above2;
  const half = (x2: bigint, dir: 'down' | 'up') => (dir === 'down' ? x2 / 2n : (x2 + 1n) / 2n);
  const counted = parts.filter((p) => p.numerator !== undefined);
  counted.forEach((p, i) => assertCount(p.numerator, `parts[${i}].numerator`));
  const countSum = counted.length === 0 ? null : counted.reduce((a, p) => a + (p.numerator ?? 0), 0);
  return {
    countSum,
    countsMatch: counted.length === parts.length ? countSum === total : null,
    percentSum: formatScaled(sum, d),
    // printed sums are multiples of the last digit, so the band is the printable sums inside it
    band: { min: formatScaled(half(min2, 'up'), d), max: formatScaled(half(max2, 'down'), d) },
    percentSumOk: 2n * sum >= min2 && 2n * sum <= max2,
  };
}
