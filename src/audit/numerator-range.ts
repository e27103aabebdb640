import { InvalidArgumentError } from '../errors.js';
import { ceilDiv, floorDiv } from '../exact/integer-division.js';
import { assertPositiveCount } from '../exact/validate.js';
import { formatScaled, pow10, roundRational, type RoundingMode } from '../format/rounding.js';
import { readReported, type ReportedNumber } from './reported.js';
import { roundingInterval, roundingModes, type HalfUnitInterval, type RoundingOption } from './rounding-set.js';

/** An inclusive range of whole numbers. */
export interface IntRange {
  min: number;
  max: number;
}

/** Options shared by the percent checks. */
export interface PercentCheckOptions {
  /** One mode or a list (each value may be explained by any); default ordinary rounding, ties either way. */
  rounding?: RoundingOption;
  /** Read "31,34" as 31.34. */
  decimalComma?: boolean;
  /** The printed value is a proportion ("0.96"), not a percent. */
  proportion?: boolean;
}

/** A printed share read exactly: `digits` units of `1/scale`, i.e. value = digits / scale of the whole. */
export interface PrintedShare extends ReportedNumber {
  /** 100·10^decimals for a percent, 10^decimals for a proportion. */
  scale: bigint;
  /** The decimal mark it was read with: nearby values are printed the same way. */
  mark: '.' | ',';
}

export function readShare(reported: string, options: PercentCheckOptions = {}, argument = 'reported'): PrintedShare {
  const r = readReported(reported, { decimalComma: options.decimalComma ?? false, percentSign: !options.proportion, argument });
  const scale = (options.proportion ? 1n : 100n) * pow10(r.decimals);
  if (r.digits > scale) {
    const what = options.proportion ? 'a proportion above 1' : 'a percentage above 100';
    throw new InvalidArgumentError(argument, reported, `${argument} ${JSON.stringify(reported)} is ${what}, which no share of a whole can be`);
  }
  return { ...r, scale, mark: options.decimalComma ? ',' : '.' };
}

/** The numerators k in [0, n] whose value k/n·scale lies in the interval. */
export function numeratorsIn(interval: HalfUnitInterval, scale: bigint, n: bigint): { min: bigint; max: bigint } | null {
  const twoA = 2n * scale;
  let min = interval.loOpen ? floorDiv(interval.lo2 * n, twoA) + 1n : ceilDiv(interval.lo2 * n, twoA);
  let max = interval.hiOpen ? ceilDiv(interval.hi2 * n, twoA) - 1n : floorDiv(interval.hi2 * n, twoA);
  if (min < 0n) min = 0n;
  if (max > n) max = n;
  return min <= max ? { min, max } : null;
}

/** Per mode, the numerators that print as `share` out of n (null when none). */
export function rangesByMode(share: PrintedShare, n: number, modes: readonly RoundingMode[]): Map<RoundingMode, IntRange | null> {
  const big = BigInt(n);
  return new Map(
    modes.map((mode) => {
      const r = numeratorsIn(roundingInterval(share.digits, mode), share.scale, big);
      return [mode, r === null ? null : { min: Number(r.min), max: Number(r.max) }];
    }),
  );
}

/** The union of ranges that all contain the printed value's neighbourhood (so the union is one range). */
export function unionRange(ranges: Iterable<IntRange | null>): IntRange | null {
  let out: IntRange | null = null;
  for (const r of ranges) {
    if (r === null) continue;
    out = out === null ? { ...r } : { min: Math.min(out.min, r.min), max: Math.max(out.max, r.max) };
  }
  return out;
}

/**
 * Every numerator k out of `n` for which k/n prints as `reported` (under any of the given
 * rounding modes), as an inclusive range, or null when none does. Exact rational arithmetic on
 * the printed digits, never a floating-point tolerance.
 *
 * @example
 * numeratorRange('96', 4278);              // { min: 4086, max: 4128 }
 * numeratorRange('31.34', 4278);           // null: no k/4278 prints 31.34 under ordinary rounding
 * numeratorRange('31.34', 4278, { rounding: 'floor' }); // { min: 1341, max: 1341 }
 */
export function numeratorRange(reported: string, n: number, options: PercentCheckOptions = {}): IntRange | null {
  const share = readShare(reported, options);
  assertPositiveCount(n, 'n');
  return unionRange(rangesByMode(share, n, roundingModes(options.rounding)).values());
}

/** A possible print near an impossible one, with a numerator that gives it. */
export interface NearbyPrint {
  reported: string;
  numerator: number;
}

/**
 * The closest prints below and above `share` that some numerator out of n gives under `modes`.
 * Only meaningful when no numerator gives `share` itself.
 */
export function nearestPrints(share: PrintedShare, n: number, modes: readonly RoundingMode[]): { below?: NearbyPrint; above?: NearbyPrint } {
  const big = BigInt(n);
  const k0 = floorDiv(share.digits * big, share.scale); // the largest k with k/n·scale <= printed value
  const percentSuffix = share.text.trim().endsWith('%') ? '%' : '';
  const printOf = (k: bigint, pick: 'max' | 'min'): NearbyPrint | undefined => {
    if (k < 0n || k > big) return undefined;
    const prints = modes.map((m) => roundRational(k * share.scale, big, m));
    const chosen = prints.reduce((a, b) => (pick === 'max' ? (b > a ? b : a) : b < a ? b : a));
    const text = formatScaled(chosen, share.decimals);
    return { reported: (share.mark === ',' ? text.replace('.', ',') : text) + percentSuffix, numerator: Number(k) };
  };
  const below = printOf(k0, 'max');
  const above = printOf(k0 + 1n, 'min');
  return {
    ...(below !== undefined && below.reported !== share.text ? { below } : {}),
    ...(above !== undefined ? { above } : {}),
  };
}
