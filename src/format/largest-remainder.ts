import { InvalidArgumentError } from '../errors.js';
import { assertCount, assertDecimals } from '../exact/validate.js';
import { formatScaled, pow10 } from './rounding.js';

/** Options of {@link largestRemainderPercents}. */
export interface LargestRemainderOptions {
  /** Digits after the decimal point (default 1). */
  decimals?: number;
}

/**
 * Percentages of `counts` that add up to exactly 100 at the given decimals (Hamilton's
 * largest-remainder method). Each share is first cut down to the last digit; the units
 * still missing from 100 go to the largest remainders. Ties in the remainder go to the
 * larger count, then to the earlier item, so the result does not depend on sorting.
 * Every result is within one last-digit unit of the exact share; a zero count stays 0.
 *
 * @example
 * largestRemainderPercents([1, 1, 1], { decimals: 1 }); // ['33.4', '33.3', '33.3']
 * largestRemainderPercents([2324, 1341, 501, 112], { decimals: 2 }); // ['54.32', '31.35', '11.71', '2.62']
 */
export function largestRemainderPercents(counts: readonly number[], options: LargestRemainderOptions = {}): string[] {
  const { decimals = 1 } = options;
  assertDecimals(decimals);
  if (!Array.isArray(counts) || counts.length === 0) {
    throw new InvalidArgumentError('counts', counts, 'counts must be a non-empty array of counts');
  }
  counts.forEach((c, i) => assertCount(c, `counts[${i}]`));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) throw new InvalidArgumentError('counts', counts, 'counts must not all be zero');

  return apportion(counts, 100n * pow10(decimals)).map((u) => formatScaled(u, decimals));
}

/**
 * Split `units` whole units in proportion to `weights` (non-negative integers, not all 0) by
 * Hamilton's method, with the tie rule of {@link largestRemainderPercents}. Exact: the result sums to `units`.
 */
export function apportion(weights: readonly number[], units: bigint): bigint[] {
  const n = BigInt(weights.reduce((a, b) => a + b, 0));
  const shares = weights.map((w, index) => {
    const exact = BigInt(w) * units;
    return { index, weight: w, floor: exact / n, remainder: exact % n };
  });
  let missing = units - shares.reduce((a, s) => a + s.floor, 0n);
  const order = [...shares].sort((a, b) =>
    a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1) : b.weight - a.weight || a.index - b.index,
  );
  const result = shares.map((s) => s.floor);
  for (const s of order) {
    if (missing === 0n) break;
    result[s.index] = s.floor + 1n;
    missing -= 1n;
  }
  return result;
}
