import { InvalidArgumentError, LimitExceededError } from '../errors.js';
import { assertPositiveCount } from '../exact/validate.js';
import { numeratorsIn, readShare, type IntRange, type PercentCheckOptions } from './numerator-range.js';
import { roundingInterval, roundingModes, type HalfUnitInterval } from './rounding-set.js';

/** Options shared by {@link inferDenominators}, `iterateDenominators` and `countDenominators`. */
export interface DenominatorSearchOptions extends PercentCheckOptions {
  /** Smallest n to try (default 1). */
  min?: number;
  /** Largest n to try (default 100 000). */
  max?: number;
  /** Keep only the n for which numerators exist that also sum to exactly n (the percents are a partition). */
  partition?: boolean;
  /**
   * The most denominators one search may test one by one before it has an answer (default 10^8, a
   * few seconds). Past the point where the answer repeats (every n qualifies, none does, or a
   * fixed pattern recurs) nothing is tested one by one, so this bounds only the percents whose
   * pattern starts very late (many decimals); such a search is refused at once, not cut short.
   */
  maxScan?: number;
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

/** What happens for every n from `from` on: each qualifies, none does, or a pattern repeats every `period`. */
export type DenominatorRegime = { kind: 'all'; from: number } | { kind: 'none'; from: number } | { kind: 'periodic'; from: number; period: number } | { kind: 'unknown' };

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
function gcdN(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;
const ceilBig = (a: bigint, b: bigint): bigint => (a + b - 1n) / b; // a >= 0, b > 0
const BEYOND = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
const toN = (x: bigint): number => Number(x > BEYOND ? BEYOND : x);

/** Per percent: the interval of values that print as it, with the scale it is measured in. */
interface Bound {
  interval: HalfUnitInterval;
  scale: bigint;
  lo2: number;
  hi2: number;
  twoA: number;
}

/**
 * Where the answer starts repeating. For each percent, the numerators out of n run from
 * L(n) = ⌈λn⌉ to U(n) = ⌊μn⌋ (λ, μ the ends of its interval as fractions of the whole, open ends
 * one off). L ≤ λn + ε and U ≥ μn − ε with ε < 1 known exactly, so past a computable n every
 * range is non-empty; for a partition ΣL ≥ nΣλ and ΣU ≤ nΣμ decide "never" at once, and
 * Σλ < 1 < Σμ gives "always" past a computable n. Only when Σλ or Σμ is exactly 1 does the
 * answer depend on n modulo the denominators of the λ (or μ): it repeats with that period.
 */
function regimeOf(bounds: readonly Bound[], partition: boolean): DenominatorRegime {
  const D = bounds.reduce((a, b) => lcm(a, 2n * b.scale), 1n);
  let from = 1n;
  let period = 1n;
  let sumLo = 0n;
  let sumHi = 0n;
  let slackLo = 0n;
  let slackHi = 0n;
  let strictLo = false;
  let strictHi = false;
  const loDenominators: bigint[] = [];
  const hiDenominators: bigint[] = [];
  for (const b of bounds) {
    const A = 2n * b.scale;
    const unit = D / A;
    const a = b.interval.lo2 * unit; // λ·D
    const h = b.interval.hi2 * unit; // μ·D
    const qLo = b.interval.lo2 === 0n ? 1n : A / gcd(b.interval.lo2, A);
    const qHi = b.interval.hi2 === 0n ? 1n : A / gcd(b.interval.hi2, A);
    // below: L = 0 exactly when λ < 0; otherwise L ≤ λn + εL
    const aPlus = a < 0n ? 0n : a;
    const epsLo = a < 0n ? 0n : b.interval.loOpen ? D : D - D / qLo;
    let hPlus = h;
    let epsHi = b.interval.hiOpen ? D : D - D / qHi;
    if (h > D) {
      // U = n exactly once μn − ε ≥ n
      const t = ceilBig(epsHi, h - D);
      if (t > from) from = t;
      hPlus = D;
      epsHi = 0n;
    }
    // every range non-empty: (μ⁺ − λ⁺)n ≥ εL + εU
    const width = hPlus - aPlus;
    if (width > 0n) {
      const t = ceilBig(epsLo + epsHi, width);
      if (t > from) from = t;
    } else if (epsLo + epsHi > 0n) return { kind: 'unknown' };
    sumLo += aPlus;
    sumHi += hPlus;
    slackLo += epsLo;
    slackHi += epsHi;
    if (a >= 0n && b.interval.loOpen) strictLo = true;
    if (h <= D && b.interval.hiOpen) strictHi = true;
    if (a > 0n) loDenominators.push(qLo);
    if (h <= D) hiDenominators.push(qHi);
  }
  if (!partition) return { kind: 'all', from: toN(from) };
  if (sumLo > D || (sumLo === D && strictLo) || sumHi < D || (sumHi === D && strictHi)) return { kind: 'none', from: 1 };
  if (sumLo < D) {
    const t = ceilBig(slackLo, D - sumLo);
    if (t > from) from = t;
  } else if (slackLo > 0n) period = loDenominators.reduce(lcm, period);
  if (sumHi > D) {
    const t = ceilBig(slackHi, sumHi - D);
    if (t > from) from = t;
  } else if (slackHi > 0n) period = hiDenominators.reduce(lcm, period);
  if (from >= BEYOND) return { kind: 'unknown' };
  return period === 1n ? { kind: 'all', from: toN(from) } : period >= BEYOND ? { kind: 'unknown' } : { kind: 'periodic', from: toN(from), period: Number(period) };
}

/**
 * A compiled search: `test(n)` decides one denominator (its ranges left in `mins` / `maxs`),
 * `candidate(n)` builds the result object for the last n tested, and `regime` says where the
 * answer repeats. Integer arithmetic throughout; floats only where every product is a safe integer.
 */
export class DenominatorSearch {
  readonly min: number;
  readonly max: number;
  readonly partition: boolean;
  readonly maxScan: number;
  readonly regime: DenominatorRegime;
  // plain arrays, not Float64Array: their small integers stay unboxed in the candidates built from them
  readonly mins: number[];
  readonly maxs: number[];
  private readonly bounds: Bound[];
  private readonly order: number[];
  private readonly safeUpTo: number;

  constructor(percents: readonly string[], options: DenominatorSearchOptions = {}) {
    const { min = 1, max = 100_000, partition = false, maxScan = 100_000_000 } = options;
    if (!Array.isArray(percents) || percents.length === 0) throw new InvalidArgumentError('percents', percents, 'percents must be a non-empty array of printed percents');
    assertPositiveCount(min, 'min');
    assertPositiveCount(max, 'max');
    if (min > max) throw new InvalidArgumentError('max', max, `max (${max}) must not be below min (${min})`);
    assertPositiveCount(maxScan, 'maxScan');
    const modes = roundingModes(options.rounding);
    this.bounds = percents.map((p) => {
      const share = readShare(p, options);
      const interval = unionInterval(modes.map((m) => roundingInterval(share.digits, m)));
      return { interval, scale: share.scale, lo2: Number(interval.lo2), hi2: Number(interval.hi2), twoA: Number(2n * share.scale) };
    });
    this.min = min;
    this.max = max;
    this.partition = partition;
    this.maxScan = maxScan;
    this.regime = regimeOf(this.bounds, partition);
    this.mins = new Array<number>(percents.length).fill(0);
    this.maxs = new Array<number>(percents.length).fill(0);
    // the float path needs |lo2|·n, hi2·n and twoA to be safe integers
    const big = this.bounds.reduce((a, b) => Math.max(a, Math.abs(b.lo2), Math.abs(b.hi2), b.twoA), 1);
    this.safeUpTo = this.bounds.every((b) => b.twoA <= Number.MAX_SAFE_INTEGER) ? Math.floor(Number.MAX_SAFE_INTEGER / big) : 0;
    // Most decimals first: the most restrictive print rejects most n before the others are computed.
    this.order = this.bounds.map((b, i) => ({ i, s: b.twoA })).sort((x, y) => y.s - x.s).map((x) => x.i);
  }

  /** The n this search will test one by one at most, in [from, to]: the part before the answer repeats. */
  scanEnd(): number {
    const r = this.regime;
    if (r.kind === 'unknown') return this.max;
    if (r.kind === 'periodic') return Math.min(this.max, r.from + r.period - 1);
    return Math.min(this.max, r.from - 1);
  }

  /** Refuse, before any work, a search that would test more than `maxScan` denominators one by one. */
  assertScanWithinLimit(to: number = this.scanEnd()): void {
    const scanned = to - this.min + 1;
    if (scanned <= this.maxScan) return;
    const why =
      this.regime.kind === 'unknown'
        ? 'these percents give no point past which the answer repeats'
        : `the answer only repeats from n = ${this.regime.from}${this.regime.kind === 'periodic' ? ` with period ${this.regime.period}` : ''}`;
    throw new LimitExceededError(
      'maxScan',
      this.maxScan,
      scanned,
      `the search would test ${scanned} denominators one by one (${why}), more than maxScan (${this.maxScan}); narrow min and max, or raise maxScan`,
    );
  }

  /** Does n qualify? Leaves each percent's numerator range in mins / maxs. */
  test(n: number): boolean {
    const { mins, maxs } = this;
    for (let j = 0; j < this.order.length; j++) {
      const i = this.order[j]!;
      const b = this.bounds[i]!;
      let lo: number;
      let hi: number;
      if (n <= this.safeUpTo) {
        lo = b.interval.loOpen ? floorDivN(b.lo2 * n, b.twoA) + 1 : ceilDivN(b.lo2 * n, b.twoA);
        hi = b.interval.hiOpen ? ceilDivN(b.hi2 * n, b.twoA) - 1 : floorDivN(b.hi2 * n, b.twoA);
        if (lo <= 0) lo = 0; // also turns -0 into 0
        if (hi > n) hi = n;
      } else {
        const r = numeratorsIn(b.interval, b.scale, BigInt(n));
        if (r === null) return false;
        lo = Number(r.min);
        hi = Number(r.max);
      }
      if (lo > hi) return false;
      mins[i] = lo;
      maxs[i] = hi;
    }
    if (!this.partition) return true;
    let low = 0;
    let high = 0;
    for (let i = 0; i < mins.length; i++) {
      low += mins[i]!;
      high += maxs[i]!;
    }
    return n >= low && n <= high;
  }

  /** The result object for n, which must have just passed {@link test}. */
  candidate(n: number): DenominatorCandidate {
    const { mins, maxs } = this;
    const k = mins.length;
    const numerators: IntRange[] = new Array<IntRange>(k);
    for (let i = 0; i < k; i++) numerators[i] = { min: mins[i]!, max: maxs[i]! };
    if (!this.partition) return { n, numerators };
    let spare = n;
    for (let i = 0; i < k; i++) spare -= mins[i]!;
    const example = new Array<number>(k);
    let divisor = n;
    for (let i = 0; i < k; i++) {
      const add = Math.min(spare, maxs[i]! - mins[i]!);
      spare -= add;
      example[i] = mins[i]! + add;
      if (divisor > 1) divisor = gcdN(divisor, example[i]!);
    }
    return divisor > 1 ? { n, numerators, example, commonDivisor: divisor } : { n, numerators, example };
  }
}
