import { InvalidArgumentError, describeValue } from '../errors.js';
import { pow10 } from '../format/rounding.js';
import { decimalUnits, rationalToNumber, type Rational } from './decimal.js';
import { GridAccumulator, type GridSums } from './exact-sums.js';

/**
 * A mergeable summary of numbers: enough for the mean, the variance and the range of any union
 * of the sketched sets, in constant space.
 */
export interface MomentSketch {
  /** How many values. */
  readonly n: number;
  /** Σx, with Neumaier's compensation. */
  readonly sum: number;
  /** Σ(x − x̄)², the corrected sum of squares: Welford's update, Chan et al.'s merge (no cancellation). */
  readonly m2: number;
  /** Smallest and largest value (`Infinity` and `-Infinity` when n = 0). */
  readonly min: number;
  readonly max: number;
  /**
   * Σu and Σu² exactly, u = x · 10^decimals on the finest decimal grid of the values; `null` when
   * some value is not a decimal of at most 15 places. Printed means and SDs are decided on these.
   */
  readonly grid: GridSums | null;
}

/** Builds a {@link MomentSketch} value by value, or from other sketches. */
export class MomentAccumulator {
  n = 0;
  private total = 0;
  private compensation = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private readonly grid = new GridAccumulator();

  /** Add one finite number. */
  add(x: number): void {
    this.grid.add(x);
    this.addFloat(x);
  }

  /** Add x whose decimal digits are already known: x = units / 10^decimals (no decimal search). */
  addUnits(x: number, units: number, decimals: number): void {
    this.grid.addUnits(units, decimals);
    this.addFloat(x);
  }

  private addFloat(x: number): void {
    this.n += 1;
    const t = this.total + x;
    this.compensation += Math.abs(this.total) >= Math.abs(x) ? this.total - t + x : x - t + this.total;
    this.total = t;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Merge in a sketch (Chan, Golub and LeVeque's pairwise update). */
  merge(s: MomentSketch): void {
    if (s.n === 0) return;
    const n = this.n + s.n;
    const otherMean = s.sum / s.n;
    const delta = otherMean - this.mean;
    this.m2 += s.m2 + (delta * delta * this.n * s.n) / n;
    this.mean += (delta * s.n) / n;
    const t = this.total + s.sum;
    this.compensation += Math.abs(this.total) >= Math.abs(s.sum) ? this.total - t + s.sum : s.sum - t + this.total;
    this.total = t;
    this.n = n;
    if (s.min < this.min) this.min = s.min;
    if (s.max > this.max) this.max = s.max;
    if (s.grid === null) this.grid.invalidate();
    else this.grid.addSums(s.grid);
  }

  sketch(): MomentSketch {
    return Object.freeze({ n: this.n, sum: this.total + this.compensation, m2: this.n > 1 ? Math.max(0, this.m2) : 0, min: this.min, max: this.max, grid: this.grid.sums() ?? null });
  }
}

/**
 * The moment sketch of some numbers (non-finite values are refused).
 *
 * @example
 * const s = momentSketch([7.2, 7.3]);
 * [s.n, s.min, s.max]; // [2, 7.2, 7.3]
 * s.grid;              // { decimals: 1, sum: 145n, sumOfSquares: 10513n }
 */
export function momentSketch(values: Iterable<number>): MomentSketch {
  const acc = new MomentAccumulator();
  let i = 0;
  for (const x of values) {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidArgumentError(`values[${i}]`, x, `values[${i}] must be a finite number, got ${describeValue(x)}`);
    acc.add(x);
    i += 1;
  }
  return acc.sketch();
}

/**
 * The sketch of `count` copies of x, without adding them one by one (a count table's numeric levels).
 *
 * @example
 * repeatedSketch(3, 1000).grid; // { decimals: 0, sum: 3000n, sumOfSquares: 9000n }
 */
export function repeatedSketch(x: number, count: number): MomentSketch {
  const parts = decimalUnits(x);
  const grid = parts === undefined ? null : { decimals: parts.decimals, sum: BigInt(parts.units) * BigInt(count), sumOfSquares: BigInt(parts.units) ** 2n * BigInt(count) };
  return Object.freeze({ n: count, sum: x * count, m2: 0, min: count > 0 ? x : Infinity, max: count > 0 ? x : -Infinity, grid: count > 0 ? grid : { decimals: 0, sum: 0n, sumOfSquares: 0n } });
}

/**
 * One sketch for the union of the sketched sets (sites or file chunks described separately).
 *
 * @example
 * mergeMomentSketches(momentSketch([1, 2]), momentSketch([3])).n; // 3
 */
export function mergeMomentSketches(...sketches: readonly MomentSketch[]): MomentSketch {
  const acc = new MomentAccumulator();
  for (const s of sketches) acc.merge(s);
  return acc.sketch();
}

/** The exact mean of a sketch on its decimal grid, or `undefined` (n = 0 or no grid). */
export function exactMean(s: MomentSketch): Rational | undefined {
  if (s.n === 0 || s.grid === null) return undefined;
  return { num: s.grid.sum, den: BigInt(s.n) * pow10(s.grid.decimals) };
}

/** The exact sample variance (n − 1 in the denominator) on the decimal grid, or `undefined` (n < 2 or no grid). */
export function exactVariance(s: MomentSketch): Rational | undefined {
  if (s.n < 2 || s.grid === null) return undefined;
  const n = BigInt(s.n);
  const num = n * s.grid.sumOfSquares - s.grid.sum * s.grid.sum;
  return { num: num < 0n ? 0n : num, den: n * (n - 1n) * pow10(2 * s.grid.decimals) };
}

/**
 * The mean of a sketch: from the exact decimal sums when the values are decimals, else Σx / n.
 *
 * @example
 * sketchMean(momentSketch([7.2, 7.3])); // 7.25
 */
export function sketchMean(s: MomentSketch): number {
  if (s.n === 0) return NaN;
  const exact = exactMean(s);
  return exact ? rationalToNumber(exact) : s.sum / s.n;
}

/**
 * The sample variance Σ(x − x̄)² / (n − 1) of a sketch (NaN for n < 2).
 *
 * @example
 * sketchVariance(momentSketch([1, 2, 3, 4])); // 1.6666666666666667
 */
export function sketchVariance(s: MomentSketch): number {
  if (s.n < 2) return NaN;
  const exact = exactVariance(s);
  return exact ? rationalToNumber(exact) : s.m2 / (s.n - 1);
}
