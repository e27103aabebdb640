import { floorDiv } from '../exact/integer-division.js';
import { assertPositiveCount } from '../exact/validate.js';
import { pow10, roundRational, ROUNDING_MODES, type RoundingMode } from '../format/rounding.js';
import { readReported } from './reported.js';
import { roundingModes, type RoundingOption } from './rounding-set.js';

/** Options of {@link checkMean}. */
export interface CheckMeanOptions {
  /** Items per observation (a scale of 3 items summed per person): the sum is a whole number of 1/items. Default 1. */
  items?: number;
  /** One mode or a list; default ordinary rounding, ties either way. */
  rounding?: RoundingOption;
  /** The mean is printed as a percentage ("5.19" meaning 0.0519), as scrutiny's `percent = TRUE`. */
  percent?: boolean;
  /** Read "5,19" as 5.19. */
  decimalComma?: boolean;
}

/** The GRIM verdict on one printed mean. */
export interface MeanCheck {
  consistent: boolean;
  /** Every one of the five modes under which some integer total reproduces the print. */
  modes: RoundingMode[];
  /**
   * The whole-number totals S (sum of all item scores) whose mean S/(n·items) prints as reported;
   * null when none does, or when they exceed Number.MAX_SAFE_INTEGER and no number holds them
   * exactly (then read `exactTotals`).
   */
  totals: { min: number; max: number } | null;
  /** The same totals as exact decimal strings, whatever their size (null when none fits). */
  exactTotals: { min: string; max: string } | null;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * GRIM: can the mean of `n` integer-valued observations (each the sum of `items` integer items)
 * print as `reported`? Exact: the mean must be S / (n · items) for a whole number S.
 *
 * @example
 * checkMean('5.19', 28).consistent; // false: no S/28 rounds to 5.19
 * checkMean('5.25', 28).consistent; // true: 147/28 = 5.25
 * // above 2^53 no number holds the totals exactly, so `totals` is null and `exactTotals` has them
 * checkMean('5.25', 9e15).exactTotals; // { min: '47205000000000000', max: '47295000000000000' }
 */
export function checkMean(reported: string, n: number, options: CheckMeanOptions = {}): MeanCheck {
  const { items = 1, percent = false } = options;
  const r = readReported(reported, { signed: true, percentSign: percent, decimalComma: options.decimalComma ?? false });
  assertPositiveCount(n, 'n');
  assertPositiveCount(items, 'items');
  const requested = roundingModes(options.rounding);
  const decimals = r.decimals + (percent ? 2 : 0);
  const x = r.negative ? -r.digits : r.digits; // the printed mean, in units of 10^-decimals
  const N = BigInt(n) * BigInt(items);
  const unit = pow10(decimals);
  // Rounding is monotone in S, so the totals that print as x under one mode form an interval
  // around x·N/unit; find its ends by bisection (exact, and sign-agnostic unlike closed forms).
  const s0 = floorDiv(x * N, unit);
  const width = N / unit + 2n; // a print covers at most about N/unit totals
  const print = (s: bigint, mode: RoundingMode) => roundRational(s * unit, N, mode);
  const firstWhere = (lo: bigint, hi: bigint, ok: (s: bigint) => boolean): bigint => {
    while (lo < hi) {
      const mid = floorDiv(lo + hi, 2n);
      if (ok(mid)) hi = mid;
      else lo = mid + 1n;
    }
    return lo;
  };
  const rangeFor = (mode: RoundingMode): { min: bigint; max: bigint } | null => {
    const min = firstWhere(s0 - width, s0 + 2n, (s) => print(s, mode) >= x);
    const max = firstWhere(s0 - 1n, s0 + width + 1n, (s) => print(s, mode) > x) - 1n;
    return min <= max ? { min, max } : null;
  };
  const ranges = new Map(ROUNDING_MODES.map((m) => [m, rangeFor(m)] as const));
  const modes = ROUNDING_MODES.filter((m) => ranges.get(m) !== null);
  let exact: { min: bigint; max: bigint } | null = null;
  for (const m of requested) {
    const r = ranges.get(m);
    if (!r) continue;
    exact = exact === null ? { ...r } : { min: r.min < exact.min ? r.min : exact.min, max: r.max > exact.max ? r.max : exact.max };
  }
  const safe = (x: bigint) => x <= MAX_SAFE && x >= -MAX_SAFE;
  return {
    consistent: exact !== null,
    modes,
    totals: exact !== null && safe(exact.min) && safe(exact.max) ? { min: Number(exact.min), max: Number(exact.max) } : null,
    exactTotals: exact === null ? null : { min: exact.min.toString(), max: exact.max.toString() },
  };
}
