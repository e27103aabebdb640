import { InvalidArgumentError } from '../errors.js';
import { assertCount } from '../exact/validate.js';
import { ceilDiv, floorDiv } from '../exact/integer-division.js';
import { pow10, ROUNDING_MODES, type RoundingMode } from '../format/rounding.js';
import { numeratorsIn, readShare, type IntRange } from './numerator-range.js';
import { readReported } from './reported.js';
import { roundingInterval, roundingModes, type HalfUnitInterval, type RoundingOption } from './rounding-set.js';

/** Options of {@link debit}. */
export interface DebitOptions {
  /** One mode or a list; the mean and the SD are rounded by the same mode. Default ordinary rounding. */
  rounding?: RoundingOption;
}

/** The DEBIT verdict on a printed mean and SD of binary data. */
export interface DebitCheck {
  /** Some count k of ones gives both the printed mean and the printed SD (under one mode). */
  consistent: boolean;
  /** Some k gives the printed mean at all (GRIM for binary data). */
  meanConsistent: boolean;
  /** The counts of ones k that reproduce both, as runs of consecutive values. */
  numerators: IntRange[];
  /** Every one of the five modes under which some k reproduces both. */
  modes: RoundingMode[];
}

/** Inclusive bigint intervals, merged where they overlap or touch. */
function mergeRuns(runs: { min: bigint; max: bigint }[]): IntRange[] {
  const sorted = [...runs].sort((a, b) => (a.min < b.min ? -1 : a.min > b.min ? 1 : 0));
  const out: { min: bigint; max: bigint }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.min <= last.max + 1n) {
      if (r.max > last.max) last.max = r.max;
    } else out.push({ ...r });
  }
  return out.map((r) => ({ min: Number(r.min), max: Number(r.max) }));
}

/** The largest k in [lo, hi] with ok(k), for ok true up to some point and false after; lo - 1 when none. */
function lastTrue(lo: bigint, hi: bigint, ok: (k: bigint) => boolean): bigint {
  let a = lo - 1n; // ok(a) holds (or a is below the range)
  let b = hi + 1n; // ok(b) fails (or b is above the range)
  while (b - a > 1n) {
    const mid = (a + b) / 2n;
    if (ok(mid)) a = mid;
    else b = mid;
  }
  return a;
}

/**
 * The counts of ones k in [kMin, kMax] whose sample SD sqrt(k(N−k)/(N(N−1))), printed at
 * `decimals`, falls in the rounding interval: at most two runs, since k(N−k) rises to N/2 and
 * falls symmetrically. Found by bisection on the integer g = k(N−k), so the cost is O(log N).
 */
function sdRuns(interval: HalfUnitInterval, decimals: number, N: bigint, kMin: bigint, kMax: bigint): { min: bigint; max: bigint }[] {
  const den = N * (N - 1n);
  const M = 4n * pow10(2 * decimals); // (2·sd·10^d)² = M · g / den
  // g must satisfy gLo <= g <= gHi (whole numbers)
  let gLo: bigint;
  if (interval.lo2 < 0n) gLo = 0n;
  else {
    const b = interval.lo2 * interval.lo2 * den;
    gLo = interval.loOpen ? floorDiv(b, M) + 1n : ceilDiv(b, M);
  }
  const top = interval.hi2 * interval.hi2 * den;
  const gHi = interval.hiOpen ? ceilDiv(top, M) - 1n : floorDiv(top, M);
  if (gHi < gLo) return [];
  const half = N / 2n; // g(k) = k(N − k) strictly rises on [0, half]
  const g = (k: bigint) => k * (N - k);
  const a = lastTrue(0n, half, (k) => g(k) < gLo) + 1n; // first k with g >= gLo
  const b = lastTrue(0n, half, (k) => g(k) <= gHi); // last k with g <= gHi
  if (a > b) return [];
  const clip = (min: bigint, max: bigint) => {
    const lo = min > kMin ? min : kMin;
    const hi = max < kMax ? max : kMax;
    return lo <= hi ? [{ min: lo, max: hi }] : [];
  };
  return [...clip(a, b), ...clip(N - b, N - a)];
}

/**
 * DEBIT (Heathers & Brown 2019): are a printed mean and sample SD possible together for `n`
 * binary (0/1) observations? The mean must be k/n and the SD sqrt(k(n−k)/(n(n−1))) for the same
 * whole k. Checks the mean itself too: "0.11" with n = 40 is impossible whatever the SD. Exact
 * integer arithmetic, and O(log n): any n up to 2^53 is answered at once.
 *
 * @example
 * debit('0.53', '0.50', 1683).consistent; // true
 * debit('0.19', '0.35', 1683).consistent; // false
 * debit('0.11', '0.32', 40).meanConsistent; // false: no k/40 rounds to 0.11
 */
export function debit(mean: string, sd: string, n: number, options: DebitOptions = {}): DebitCheck {
  const m = readShare(mean, { proportion: true });
  const s = readReported(sd, { percentSign: false, argument: 'sd' });
  assertCount(n, 'n');
  if (n < 2) throw new InvalidArgumentError('n', n, `n must be at least 2 for a sample SD, got ${n}`);
  const requested = roundingModes(options.rounding);
  const N = BigInt(n);
  const runs = new Map<RoundingMode, { min: bigint; max: bigint }[]>();
  let meanConsistent = false;
  for (const mode of ROUNDING_MODES) {
    const ks = numeratorsIn(roundingInterval(m.digits, mode), m.scale, N);
    if (ks === null) continue;
    if (requested.includes(mode)) meanConsistent = true;
    const found = sdRuns(roundingInterval(s.digits, mode), s.decimals, N, ks.min, ks.max);
    if (found.length > 0) runs.set(mode, found);
  }
  const numerators = mergeRuns(requested.flatMap((mode) => runs.get(mode) ?? []));
  const modes = ROUNDING_MODES.filter((mode) => runs.has(mode));
  return { consistent: numerators.length > 0, meanConsistent, numerators, modes };
}
