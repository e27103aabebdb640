import { decimalUnits } from './decimal.js';

const SMALL = 2 ** 52;
const SQUARE_SAFE = 2 ** 26;

/** A whole-number sum that stays exact: doubles while they are exact, a bigint beyond. */
class WholeSum {
  private small = 0;
  private big = 0n;
  add(u: number): void {
    this.small += u; // exact: |small| ≤ 2^52 and |u| ≤ 2^52 keep the sum within 2^53
    if (this.small > SMALL || this.small < -SMALL) this.spill();
  }
  addBig(u: bigint): void {
    this.big += u;
  }
  private spill(): void {
    this.big += BigInt(this.small);
    this.small = 0;
  }
  value(): bigint {
    return this.big + BigInt(this.small);
  }
  scale(factor: bigint): void {
    this.big = this.value() * factor;
    this.small = 0;
  }
}

/** Σu and Σu² of values on a common decimal grid of `decimals` places (u = x · 10^decimals). */
export interface GridSums {
  decimals: number;
  sum: bigint;
  sumOfSquares: bigint;
}

/**
 * Exact Σx and Σx² of decimal values: each value is read as its shortest decimal, all are put on
 * the finest grid seen so far, and the sums are whole numbers of grid units. Becomes `undefined`
 * (for good) once a value is not a decimal of at most 15 places.
 */
export class GridAccumulator {
  decimals = 0;
  private readonly s = new WholeSum();
  private readonly q = new WholeSum();
  private onGrid = true;

  /** Add x; false once the values have left every decimal grid. */
  add(x: number): boolean {
    if (!this.onGrid) return false;
    const parts = decimalUnits(x);
    if (parts === undefined) return (this.onGrid = false);
    this.addUnits(parts.units, parts.decimals);
    return true;
  }

  /** Add a value given as `units / 10^decimals` (the CSV reader's digits). */
  addUnits(units: number, decimals: number): void {
    if (decimals > this.decimals) this.rescale(decimals);
    let u = units;
    if (decimals < this.decimals) {
      u = units * 10 ** (this.decimals - decimals);
      if (!Number.isSafeInteger(u)) {
        const big = BigInt(units) * 10n ** BigInt(this.decimals - decimals);
        this.s.addBig(big);
        this.q.addBig(big * big);
        return;
      }
    }
    if (u > SMALL || u < -SMALL) {
      this.s.addBig(BigInt(u));
    } else this.s.add(u);
    if (u <= SQUARE_SAFE && u >= -SQUARE_SAFE) this.q.add(u * u);
    else this.q.addBig(BigInt(u) ** 2n);
  }

  /** Merge in another accumulator's sums. */
  addSums(other: GridSums): void {
    if (other.decimals > this.decimals) this.rescale(other.decimals);
    const lift = 10n ** BigInt(this.decimals - other.decimals);
    this.s.addBig(other.sum * lift);
    this.q.addBig(other.sumOfSquares * lift * lift);
  }

  invalidate(): void {
    this.onGrid = false;
  }

  private rescale(decimals: number): void {
    const lift = 10n ** BigInt(decimals - this.decimals);
    this.s.scale(lift);
    this.q.scale(lift * lift);
    this.decimals = decimals;
  }

  /** The sums, or `undefined` when some value was not a decimal. */
  sums(): GridSums | undefined {
    return this.onGrid ? { decimals: this.decimals, sum: this.s.value(), sumOfSquares: this.q.value() } : undefined;
  }
}
