import { InvalidArgumentError, describeValue } from '../errors.js';
import { ceilDiv, floorDiv } from '../exact/integer-division.js';
import { assertPositiveCount } from '../exact/validate.js';
import { formatScaled, pow10 } from '../format/rounding.js';
import { checkMean } from './check-mean.js';
import { findIntegerSample, minSquares, type Budget, type SampleBounds } from './integer-sample.js';
import { readReported } from './reported.js';
import { roundingInterval, roundingModes, type HalfUnitInterval, type RoundingOption } from './rounding-set.js';

/** Options of {@link grimmer}. */
export interface GrimmerOptions {
  /** Items per observation (a sum score of 3 items): each value is a whole number of 1/items. Default 1. */
  items?: number;
  /** One mode or a list (the mean and the SD may each be explained by any); default ordinary rounding. */
  rounding?: RoundingOption;
  /** Read "5,19" as 5.19. */
  decimalComma?: boolean;
  /** The lowest and highest possible value of one observation (a 1–7 Likert item: [1, 7]). */
  scale?: readonly [number, number];
  /** Work limit of the sample search (default 10^6 steps); past it the verdict is left undecided. */
  maxSteps?: number;
}

/** Why a mean and SD cannot go together. */
export type GrimmerReason = 'mean' | 'scale' | 'sd-granularity' | 'sd-parity' | 'sd-too-small' | 'no-sample';

/** The GRIMMER verdict on a printed mean and SD. */
export interface GrimmerCheck {
  /** Some sample of n whole-number observations (within `scale`) prints as both the mean and the SD. */
  consistent: boolean;
  /** GRIM: some whole-number total prints as the mean. */
  meanConsistent: boolean;
  /** False when the search stopped at its work limit; the verdict is then `consistent: true`, never an accusation. */
  decided: boolean;
  /** When inconsistent: 'mean' (GRIM fails), 'scale' (outside what the range allows), 'sd-granularity' (no sum
   * of squares gives the SD), 'sd-parity' (only sums of squares of the wrong parity do), 'sd-too-small' (smaller than whole numbers with
   * that mean can vary, e.g. 0.00 for a mean of 4.30), 'no-sample' (the sums exist
   * but no whole numbers have them, as for some n of 2 to 4). */
  reason?: GrimmerReason;
  /** One sample that reproduces both prints, as value → count (values are item means when items > 1). */
  sample?: { value: number; count: number }[];
  /** When the mean is possible but the SD is not: the closest SDs, at the printed decimals, that are possible. */
  nearest?: { below?: string; above?: string };
}

interface Core {
  consistent: boolean;
  decided: boolean;
  reason?: GrimmerReason;
  sample?: { value: number; count: number }[];
}

const MAX_SUMS = 100_000;

function unionInterval(digits: bigint, modes: ReturnType<typeof roundingModes>): HalfUnitInterval {
  const all = modes.map((m) => roundingInterval(digits, m));
  let out = all[0]!;
  for (const r of all.slice(1)) {
    const lo = r.lo2 < out.lo2 || (r.lo2 === out.lo2 && !r.loOpen) ? { lo2: r.lo2, loOpen: r.loOpen } : { lo2: out.lo2, loOpen: out.loOpen };
    const hi = r.hi2 > out.hi2 || (r.hi2 === out.hi2 && !r.hiOpen) ? { hi2: r.hi2, hiOpen: r.hiOpen } : { hi2: out.hi2, hiOpen: out.hiOpen };
    out = { ...lo, ...hi };
  }
  return out;
}

/** Sums S = Σ T and sums of squares Q = Σ T² (T the whole-number item totals) that fit the printed SD. */
function core(sums: { min: bigint; max: bigint }, sdDigits: bigint, sdDecimals: number, n: bigint, items: bigint, modes: ReturnType<typeof roundingModes>, bounds: SampleBounds, budget: Budget): Core {
  const sd = unionInterval(sdDigits, modes);
  // The SD s of x = T/items: 2·s·10^d lies in [lo2, hi2], and s² = (nQ − S²) / (n(n − 1)·items²).
  // So c·(nQ − S²) lies in [lo2²·w, hi2²·w] with c = 4·10^(2d) and w = n(n − 1)·items².
  const c = 4n * pow10(2 * sdDecimals);
  const w = n * (n - 1n) * items * items;
  const loClosed = sd.lo2 < 0n || !sd.loOpen;
  const lo2 = sd.lo2 < 0n ? 0n : sd.lo2;
  const sumsCount = sums.max - sums.min + 1n;
  const mid = sums.min + sumsCount / 2n;
  let sawRange = false;
  let sawParity = false;
  let sawAboveMinimum = false;
  let decided = true;
  const count = sumsCount > BigInt(MAX_SUMS) ? BigInt(MAX_SUMS) : sumsCount;
  for (let i = 0n; i < count; i++) {
    if (--budget.steps < 0) {
      decided = false;
      break;
    }
    // from the middle outwards: mid, mid+1, mid-1, ...
    const s = i % 2n === 0n ? mid + i / 2n : mid - (i + 1n) / 2n;
    if (s < sums.min || s > sums.max) continue;
    const base = c * s * s;
    const qLo = loClosed ? ceilDiv(lo2 * lo2 * w + base, c * n) : floorDiv(lo2 * lo2 * w + base, c * n) + 1n;
    const qHi = sd.hiOpen ? ceilDiv(sd.hi2 * sd.hi2 * w + base, c * n) - 1n : floorDiv(sd.hi2 * sd.hi2 * w + base, c * n);
    if (qLo > qHi) continue;
    sawRange = true;
    // no sample has a smaller sum of squares than equal (or nearly equal) values
    const least = minSquares(n, s);
    if (least > qHi) continue;
    sawAboveMinimum = true;
    // Q ≡ S (mod 2), because T² ≡ T
    const from = qLo > least ? qLo : least;
    const start = (from - s) % 2n === 0n ? from : from + 1n;
    if (start > qHi) continue;
    sawParity = true;
    for (let q = start; q <= qHi; q += 2n) {
      const found = findIntegerSample(n, s, q, bounds, budget);
      if (found.kind === 'found') {
        const sample = [...found.counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([v, k]) => ({ value: Number(v) / Number(items), count: Number(k) }));
        return { consistent: true, decided: true, sample };
      }
      if (found.kind === 'budget') {
        decided = false;
        break;
      }
      if (budget.steps < 0) break;
    }
  }
  if (count < sumsCount || budget.steps < 0) decided = false;
  if (!decided) return { consistent: true, decided: false };
  return { consistent: false, decided: true, reason: !sawRange ? 'sd-granularity' : !sawAboveMinimum ? 'sd-too-small' : !sawParity ? 'sd-parity' : 'no-sample' };
}

function boundsOf(scale: readonly [number, number] | undefined, items: number): SampleBounds {
  if (scale === undefined) return { lo: null, hi: null };
  const [a, b] = scale;
  if (!Number.isFinite(a) || !Number.isFinite(b) || a > b) {
    throw new InvalidArgumentError('scale', scale, `scale must be [min, max] with min <= max, got ${describeValue(scale)}`);
  }
  return { lo: BigInt(Math.ceil(a * items - 1e-9)), hi: BigInt(Math.floor(b * items + 1e-9)) };
}

/**
 * GRIMMER: can n whole-number observations (each the sum of `items` whole-number items) have a mean
 * and a sample SD (n − 1) that print as reported? Decided exactly: every total the mean allows is
 * tried, every sum of squares the SD allows, and then whether whole numbers with that sum and sum of
 * squares exist (with `scale`, within the range). A search that would run too long is left
 * undecided (`decided: false`) and never reported as impossible.
 *
 * @example
 * grimmer('5.23', '2.55', 35).consistent; // false
 * grimmer('5.23', '2.55', 31).consistent; // true
 * grimmer('3.10', '1.37', 10).sample;     // [{ value: 2, count: 4 }, { value: 3, count: 4 }, { value: 5, count: 1 }, { value: 6, count: 1 }]
 */
export function grimmer(mean: string, sd: string, n: number, options: GrimmerOptions = {}): GrimmerCheck {
  assertPositiveCount(n, 'n');
  if (n < 2) throw new InvalidArgumentError('n', n, `n must be at least 2 for a sample SD, got ${n}`);
  const items = options.items ?? 1;
  assertPositiveCount(items, 'items');
  const decimalComma = options.decimalComma ?? false;
  const s = readReported(sd, { percentSign: false, decimalComma, argument: 'sd' });
  const modes = roundingModes(options.rounding);
  const bounds = boundsOf(options.scale, items);
  const m = checkMean(mean, n, { items, rounding: modes, decimalComma });
  if (!m.consistent || m.totals === null) return { consistent: false, meanConsistent: false, decided: true, reason: 'mean' };
  const N = BigInt(n);
  const k = BigInt(items);
  let totals = { min: BigInt(m.totals.min), max: BigInt(m.totals.max) };
  if (bounds.lo !== null && bounds.hi !== null) {
    const lo = bounds.lo * N;
    const hi = bounds.hi * N;
    totals = { min: totals.min > lo ? totals.min : lo, max: totals.max < hi ? totals.max : hi };
    if (totals.min > totals.max) return { consistent: false, meanConsistent: true, decided: true, reason: 'scale' };
  }
  const maxSteps = options.maxSteps ?? 1_000_000;
  const verdict = core(totals, s.digits, s.decimals, N, k, modes, bounds, { steps: maxSteps });
  if (!verdict.consistent && verdict.reason === 'no-sample' && bounds.lo !== null) {
    // possible for whole numbers at large, not within the range: say so
    if (core(totals, s.digits, s.decimals, N, k, modes, { lo: null, hi: null }, { steps: maxSteps }).consistent) verdict.reason = 'scale';
  }
  const result: GrimmerCheck = { ...verdict, meanConsistent: true };
  if (!verdict.consistent) {
    // the nearest possible SDs, within one shared work limit (none is named once it runs out)
    const budget: Budget = { steps: maxSteps };
    const possible = (digits: bigint) => {
      const r = core(totals, digits, s.decimals, N, k, modes, bounds, budget);
      return r.consistent && r.decided;
    };
    const nearest: { below?: string; above?: string } = {};
    for (let d = s.digits - 1n; d >= 0n && d >= s.digits - 50n && budget.steps > 0; d--) {
      if (possible(d)) {
        nearest.below = formatScaled(d, s.decimals);
        break;
      }
    }
    for (let d = s.digits + 1n; d <= s.digits + 50n && budget.steps > 0; d++) {
      if (possible(d)) {
        nearest.above = formatScaled(d, s.decimals);
        break;
      }
    }
    result.nearest = nearest;
  }
  return result;
}
