import { InvalidArgumentError } from '../errors.js';
import { assertPositiveCount } from '../exact/validate.js';
import { numeratorsIn, readShare, type IntRange, type PercentCheckOptions } from './numerator-range.js';
import { roundingInterval, roundingModes, type HalfUnitInterval } from './rounding-set.js';

/** Options of {@link inferDenominators}. */
export interface InferDenominatorsOptions extends PercentCheckOptions {
  /** Smallest n to try (default 1). */
  min?: number;
  /** Largest n to try (default 100 000). */
  max?: number;
  /** Keep only the n for which numerators exist that also sum to exactly n (the percents are a partition). */
  partition?: boolean;
  /** Return at most this many candidates (the smallest). */
  limit?: number;
}

/** A denominator under which every printed percent is possible. */
export interface DenominatorCandidate {
  n: number;
  /** numerators[i]: the numerators out of n that print as percents[i]. */
  numerators: IntRange[];
  /** With `partition`: one choice of numerators that sums to n. */
  example?: number[];
  /** With `partition`: a divisor > 1 shared by n and the example, so n / divisor fits too and n is ambiguous. */
  commonDivisor?: number;
}

/** The union of the modes' intervals: they all contain the printed value, so it is one interval. */
function unionInterval(intervals: readonly HalfUnitInterval[]): HalfUnitInterval {
  let lo2 = intervals[0]!.lo2;
  let hi2 = intervals[0]!.hi2;
  for (const i of intervals) {
    if (i.lo2 < lo2) lo2 = i.lo2;
    if (i.hi2 > hi2) hi2 = i.hi2;
  }
  return {
    lo2,
    hi2,
    loOpen: intervals.every((i) => i.lo2 !== lo2 || i.loOpen),
    hiOpen: intervals.every((i) => i.hi2 !== hi2 || i.hiOpen),
  };
}

// Exact integer division on safe integers: correct the float quotient by integer checks.
function floorDivN(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q;
}
const ceilDivN = (a: number, b: number): number => -floorDivN(-a, b);

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Every denominator n in [min, max] for which each printed percent is possible, with the
 * numerators that give each. With `partition: true`, only the n for which numerators can also
 * sum to exactly n. Exact arithmetic on the printed digits; integer-only inner loop.
 *
 * @example
 * inferDenominators(['54.32', '31.34', '11.71', '2.62'], { partition: true, limit: 1 });
 * // [{ n: 1793, numerators: [{ min: 974, max: 974 }, …], example: [974, 562, 210, 47] }]
 */
export function inferDenominators(percents: readonly string[], options: InferDenominatorsOptions = {}): DenominatorCandidate[] {
  const { min = 1, max = 100_000, partition = false, limit = Infinity } = options;
  if (!Array.isArray(percents) || percents.length === 0) throw new InvalidArgumentError('percents', percents, 'percents must be a non-empty array of printed percents');
  assertPositiveCount(min, 'min');
  assertPositiveCount(max, 'max');
  if (min > max) throw new InvalidArgumentError('max', max, `max (${max}) must not be below min (${min})`);
  if (limit !== Infinity) assertPositiveCount(limit, 'limit');
  const modes = roundingModes(options.rounding);
  const shares = percents.map((p) => readShare(p, options));
  const intervals = shares.map((s) => unionInterval(modes.map((m) => roundingInterval(s.digits, m))));

  const safe = intervals.every((iv, i) => Number(iv.hi2) * max <= Number.MAX_SAFE_INTEGER && Number(2n * shares[i]!.scale) <= Number.MAX_SAFE_INTEGER);
  const numbers = intervals.map((iv, i) => ({ lo2: Number(iv.lo2), hi2: Number(iv.hi2), loOpen: iv.loOpen, hiOpen: iv.hiOpen, twoA: Number(2n * shares[i]!.scale) }));
  const rangeAt = (i: number, n: number): IntRange | null => {
    if (!safe) {
      const r = numeratorsIn(intervals[i]!, shares[i]!.scale, BigInt(n));
      return r === null ? null : { min: Number(r.min), max: Number(r.max) };
    }
    const iv = numbers[i]!;
    const lo = Math.max(0, iv.loOpen ? floorDivN(iv.lo2 * n, iv.twoA) + 1 : ceilDivN(iv.lo2 * n, iv.twoA));
    const hi = Math.min(n, iv.hiOpen ? ceilDivN(iv.hi2 * n, iv.twoA) - 1 : floorDivN(iv.hi2 * n, iv.twoA));
    return lo <= hi ? { min: lo, max: hi } : null;
  };

  // Most decimals first: the most restrictive print rejects most n before the others are computed.
  const order = shares.map((s, i) => ({ i, d: s.decimals })).sort((a, b) => b.d - a.d).map((x) => x.i);
  const out: DenominatorCandidate[] = [];
  const ranges: IntRange[] = new Array<IntRange>(shares.length);
  for (let n = min; n <= max && out.length < limit; n++) {
    let possible = true;
    for (let j = 0; j < order.length && possible; j++) {
      const i = order[j]!;
      const r = rangeAt(i, n);
      if (r === null) possible = false;
      else ranges[i] = r;
    }
    if (!possible) continue;
    if (!partition) {
      out.push({ n, numerators: ranges.map((r) => ({ ...r })) });
      continue;
    }
    let low = 0;
    let high = 0;
    for (const r of ranges) {
      low += r.min;
      high += r.max;
    }
    if (n < low || n > high) continue;
    let spare = n - low;
    const example = ranges.map((r) => {
      const add = Math.min(spare, r.max - r.min);
      spare -= add;
      return r.min + add;
    });
    const divisor = example.reduce(gcd, n);
    out.push({ n, numerators: ranges.map((r) => ({ ...r })), example, ...(divisor > 1 ? { commonDivisor: divisor } : {}) });
  }
  return out;
}
