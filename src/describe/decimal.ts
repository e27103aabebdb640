// Measured values are read as the decimals they were written as (7.3 is 73 tenths, not the
// double nearest to 7.3), so a mean of 7.25 is a tie to round, as it is on paper.
import { pow10, roundRational, type RoundingMode } from '../format/rounding.js';

/** Most decimal places a value may have to count as a decimal (beyond, statistics fall back to doubles). */
export const MAX_DECIMALS = 15;

const POW10 = /* @__PURE__ */ Array.from({ length: MAX_DECIMALS + 1 }, (_, k) => 10 ** k);

/**
 * A finite double as the shortest decimal that reads back as it: `units / 10^decimals`, with
 * `units` a safe integer. `undefined` when that needs more than {@link MAX_DECIMALS} places or
 * more than 15 significant digits (1/3, 1e-20): such values are not on a decimal grid.
 * 7.3 is { units: 73, decimals: 1 } and -0.05 is { units: -5, decimals: 2 }.
 */
export function decimalUnits(x: number): { units: number; decimals: number } | undefined {
  if (Number.isSafeInteger(x)) return { units: x, decimals: 0 };
  if (!Number.isFinite(x)) return undefined;
  for (let d = 1; d <= MAX_DECIMALS; d++) {
    const scale = POW10[d]!;
    const units = Math.round(x * scale);
    if (!Number.isSafeInteger(units) || Math.abs(units) > 1e15) return undefined;
    if (units / scale === x) return { units, decimals: d };
  }
  return undefined;
}

/** An exact rational number `num / den` with `den > 0`. */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** A rational as the nearest double (to within a unit or two in the last place). */
export function rationalToNumber(r: Rational): number {
  const limit = 2n ** 53n;
  const abs = r.num < 0n ? -r.num : r.num;
  if (abs < limit && r.den < limit) return Number(r.num) / Number(r.den);
  // scale so the integer quotient carries about 64 significant bits
  const shift = BigInt(Math.max(0, 64 - (abs.toString(2).length - r.den.toString(2).length)));
  return Number((r.num << shift) / r.den) / 2 ** Number(shift);
}

/** The rational printed at `decimals` places under `mode`, as an integer count of last-digit units. */
export function roundRationalAt(value: Rational, decimals: number, mode: RoundingMode): bigint {
  return roundRational(value.num * pow10(decimals), value.den, mode);
}

/** floor(√n) for n ≥ 0 (Newton's method on bigints). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // the double estimate is close; Newton steps from above converge to the floor
  if (x * x > n || (x + 1n) * (x + 1n) <= n) {
    x = n;
    let y = (x + 1n) / 2n;
    while (y < x) {
      x = y;
      y = (x + n / x) / 2n;
    }
  }
  return x;
}

/**
 * √(num / den) printed at `decimals` places under `mode`, decided exactly: the result r has
 * r ≤ √v · 10^d < r + 1 compared through squares, so even a tie (√v = x.5 exactly) is seen:
 * √(49/4) = 3.5 prints 4 half-up and half-even, 3 half-down.
 */
export function roundSqrtAt(value: Rational, decimals: number, mode: RoundingMode): bigint {
  const a = value.num * pow10(2 * decimals); // √v · 10^d = √(a / den)
  const b = value.den;
  const r = isqrt(a / b); // floor(√(a/b)) = floor(√floor(a/b))
  const exact = r * r * b === a;
  if (exact || mode === 'floor') return r;
  if (mode === 'ceil') return r + 1n;
  const twice = (2n * r + 1n) * (2n * r + 1n) * b; // compare 4a with (2r + 1)² b
  if (4n * a < twice) return r;
  if (4n * a > twice) return r + 1n;
  if (mode === 'half-up') return r + 1n;
  if (mode === 'half-down') return r;
  return r % 2n === 0n ? r : r + 1n;
}
