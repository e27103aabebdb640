import { InvalidArgumentError, describeValue } from '../errors.js';
import { exactFraction } from '../format/format-decimal.js';
import { decimalUnits, rationalToNumber, type Rational } from './decimal.js';

/**
 * A mergeable summary of a distribution for quantiles. While the values take at most `limit`
 * distinct values it is **exact**: every distinct value with its count (ages to a tenth of a year
 * from 0 to 120 are 1201 values). Beyond, it becomes a **relative-error** sketch (DDSketch,
 * Masson, Rim and Lee 2019): values are counted in logarithmic buckets, bucket i holding
 * γ^(i−1) < |x| ≤ γ^i with γ = (1 + α)/(1 − α), each read back as 2γ^i/(γ + 1), which is within
 * α·|x| of every value in it. Any quantile is then within α (relative) of an order statistic's
 * value; an interpolated quantile between two values of one sign is too.
 */
export interface QuantileSketch {
  readonly n: number;
  readonly method: 'exact' | 'relative';
  /** The relative accuracy α of a `'relative'` sketch; 0 when exact. */
  readonly alpha: number;
  /** Distinct values (exact) or bucket values (relative), ascending. */
  readonly values: readonly number[];
  /** How many values each entry of `values` stands for. */
  readonly counts: readonly number[];
}

/** Distinct values a count table keeps exactly before its quantile sketch turns relative. */
export const EXACT_QUANTILE_VALUES = 2048;
/** Relative accuracy α of a relative quantile sketch (0.5%). */
export const QUANTILE_SKETCH_ALPHA = 0.005;

/** Builds a {@link QuantileSketch}. `limit: Infinity` keeps it exact whatever the data. */
export class QuantileAccumulator {
  n = 0;
  private exact: Map<number, number> | undefined = new Map();
  private positive = new Map<number, number>();
  private negative = new Map<number, number>();
  private zeros = 0;
  private readonly logGamma: number;

  constructor(
    private readonly limit = EXACT_QUANTILE_VALUES,
    readonly alpha = QUANTILE_SKETCH_ALPHA,
  ) {
    if (!(alpha > 0 && alpha < 1)) throw new InvalidArgumentError('alpha', alpha, `alpha must be between 0 and 1, got ${describeValue(alpha)}`);
    this.logGamma = Math.log((1 + alpha) / (1 - alpha));
  }

  add(x: number, count = 1): void {
    this.n += count;
    if (this.exact !== undefined) {
      const key = x === 0 ? 0 : x; // one key for 0 and -0
      this.exact.set(key, (this.exact.get(key) ?? 0) + count);
      if (this.exact.size > this.limit) this.toRelative();
      return;
    }
    this.addRelative(x, count);
  }

  private addRelative(x: number, count: number): void {
    if (x === 0) this.zeros += count;
    else {
      const store = x > 0 ? this.positive : this.negative;
      const i = Math.ceil(Math.log(Math.abs(x)) / this.logGamma);
      store.set(i, (store.get(i) ?? 0) + count);
    }
  }

  private toRelative(): void {
    const exact = this.exact!;
    this.exact = undefined;
    for (const [x, c] of exact) this.addRelative(x, c);
  }

  merge(s: QuantileSketch): void {
    if (s.method === 'relative' && this.exact !== undefined) this.toRelative();
    if (s.method === 'relative' && s.alpha !== this.alpha) {
      throw new InvalidArgumentError('sketch', s.alpha, `cannot merge quantile sketches of relative accuracy ${s.alpha} and ${this.alpha}`);
    }
    s.values.forEach((x, i) => this.add(x, s.counts[i]!));
  }

  sketch(): QuantileSketch {
    if (this.exact !== undefined) {
      const values = [...this.exact.keys()].sort((a, b) => a - b);
      return Object.freeze({ n: this.n, method: 'exact', alpha: 0, values, counts: values.map((v) => this.exact!.get(v)!) });
    }
    const gamma = Math.exp(this.logGamma);
    const at = (i: number) => (2 * gamma ** i) / (gamma + 1);
    const entries: [number, number][] = [];
    for (const [i, c] of this.negative) entries.push([-at(i), c]);
    if (this.zeros > 0) entries.push([0, this.zeros]);
    for (const [i, c] of this.positive) entries.push([at(i), c]);
    entries.sort((a, b) => a[0] - b[0]);
    return Object.freeze({ n: this.n, method: 'relative', alpha: this.alpha, values: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) });
  }
}

/**
 * The quantile sketch of some numbers; exact unless they take more than `limit` distinct values.
 *
 * @example
 * quantileSketch([3, 1, 3]); // { n: 3, method: 'exact', alpha: 0, values: [1, 3], counts: [1, 2] }
 */
export function quantileSketch(values: Iterable<number>, options: { limit?: number; alpha?: number } = {}): QuantileSketch {
  const acc = new QuantileAccumulator(options.limit ?? EXACT_QUANTILE_VALUES, options.alpha ?? QUANTILE_SKETCH_ALPHA);
  let i = 0;
  for (const x of values) {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidArgumentError(`values[${i}]`, x, `values[${i}] must be a finite number, got ${describeValue(x)}`);
    acc.add(x);
    i += 1;
  }
  return acc.sketch();
}

/**
 * One quantile sketch for the union of the sketched sets. Exact sketches stay exact while the
 * union has at most {@link EXACT_QUANTILE_VALUES} distinct values.
 *
 * @example
 * mergeQuantileSketches(quantileSketch([1, 2]), quantileSketch([2, 5])).counts; // [1, 2, 1]
 */
export function mergeQuantileSketches(...sketches: readonly QuantileSketch[]): QuantileSketch {
  const alpha = sketches.find((s) => s.method === 'relative')?.alpha ?? QUANTILE_SKETCH_ALPHA;
  const acc = new QuantileAccumulator(EXACT_QUANTILE_VALUES, alpha);
  for (const s of sketches) acc.merge(s);
  return acc.sketch();
}

/** The value at 0-based rank k of the sketched values. */
function orderStatistic(s: QuantileSketch, k: number): number {
  let seen = 0;
  for (let i = 0; i < s.values.length; i++) {
    seen += s.counts[i]!;
    if (k < seen) return s.values[i]!;
  }
  return s.values[s.values.length - 1]!;
}

function checkProbability(p: number): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new InvalidArgumentError('p', p, `p must be a probability from 0 to 1, got ${describeValue(p)}`);
}

/** h = (n − 1)p split into its whole part and its fraction, exactly. */
function position(n: number, p: number): { index: number; fraction: Rational } {
  const [pNum, pDen] = exactFraction(p);
  const h = BigInt(n - 1) * pNum;
  const index = h / pDen;
  return { index: Number(index), fraction: { num: h - index * pDen, den: pDen } };
}

/**
 * R's type-7 quantile (its default, and numpy's 'linear'): with h = (n − 1)p,
 * x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) over the sorted values (0-based). Exact for an exact
 * sketch; within the sketch's α otherwise.
 *
 * @example
 * sketchQuantile(quantileSketch([1, 2, 3, 4]), 0.25); // 1.75
 */
export function sketchQuantile(s: QuantileSketch, p: number): number {
  checkProbability(p);
  if (s.n === 0) return NaN;
  const exact = s.method === 'exact' ? exactQuantile(s, p) : undefined;
  if (exact !== undefined) return rationalToNumber(exact);
  const { index, fraction } = position(s.n, p);
  const lo = orderStatistic(s, index);
  if (fraction.num === 0n) return lo;
  const hi = orderStatistic(s, index + 1);
  const g = Number(fraction.num) / Number(fraction.den);
  return lo + g * (hi - lo);
}

/**
 * The type-7 quantile as an exact rational, for an exact sketch whose two order statistics are
 * decimals; `undefined` otherwise.
 */
export function exactQuantile(s: QuantileSketch, p: number): Rational | undefined {
  checkProbability(p);
  if (s.n === 0 || s.method !== 'exact') return undefined;
  const { index, fraction } = position(s.n, p);
  const lo = decimalUnits(orderStatistic(s, index));
  if (lo === undefined) return undefined;
  if (fraction.num === 0n) return { num: BigInt(lo.units), den: 10n ** BigInt(lo.decimals) };
  const hi = decimalUnits(orderStatistic(s, index + 1));
  if (hi === undefined) return undefined;
  const d = Math.max(lo.decimals, hi.decimals);
  const a = BigInt(lo.units) * 10n ** BigInt(d - lo.decimals);
  const b = BigInt(hi.units) * 10n ** BigInt(d - hi.decimals);
  return { num: a * fraction.den + fraction.num * (b - a), den: fraction.den * 10n ** BigInt(d) };
}
