// Does a sample of m whole numbers with a given sum and sum of squares exist (optionally within
// [lo, hi])? GRIMMER's question once the mean and SD are turned into sums. Exact for small samples
// and for unbounded values; a bounded search may stop at its budget, and then says so.
import { floorDiv } from '../exact/integer-division.js';

/** Inclusive bounds on every value; null is unbounded. */
export interface SampleBounds {
  lo: bigint | null;
  hi: bigint | null;
}

/** A witness sample as value → multiplicity, or why there is none. */
export type SampleSearch = { kind: 'found'; counts: Map<bigint, bigint> } | { kind: 'none' } | { kind: 'budget' };

/** A shared step counter, so one GRIMMER call never runs unbounded. */
export interface Budget {
  steps: number;
}

/** floor(sqrt(x)) for x >= 0. */
export function isqrt(x: bigint): bigint {
  if (x < 0n) throw new RangeError('isqrt of a negative number');
  if (x < 2n) return x;
  let r = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (r * r > x) r -= 1n;
  while ((r + 1n) * (r + 1n) <= x) r += 1n;
  return r;
}

/** Smallest sum of squares of m integers adding up to t: as equal as possible. */
export function minSquares(m: bigint, t: bigint): bigint {
  const f = floorDiv(t, m);
  const g = t - m * f;
  return (m - g) * f * f + g * (f + 1n) * (f + 1n);
}

/** Largest sum of squares of m integers in [lo, hi] adding up to t (requires lo*m <= t <= hi*m). */
function maxSquares(m: bigint, t: bigint, lo: bigint, hi: bigint): bigint {
  if (hi === lo) return m * lo * lo;
  const k = floorDiv(t - m * lo, hi - lo); // values at hi
  if (k >= m) return m * hi * hi;
  const rem = t - k * hi - (m - k) * lo; // 0 <= rem < hi - lo, carried by one value
  return rem === 0n ? k * hi * hi + (m - k) * lo * lo : k * hi * hi + (m - k - 1n) * lo * lo + (lo + rem) * (lo + rem);
}

/** Conditions every sample must meet: parity (x² ≡ x mod 2), the equal-values minimum, the bounds. */
export function plausible(m: bigint, t: bigint, e: bigint, b: SampleBounds): boolean {
  if ((e - t) % 2n !== 0n) return false;
  if (b.lo !== null && t < m * b.lo) return false;
  if (b.hi !== null && t > m * b.hi) return false;
  if (e < minSquares(m, t)) return false;
  if (b.lo !== null && b.hi !== null && e > maxSquares(m, t, b.lo, b.hi)) return false;
  return true;
}

const add = (counts: Map<bigint, bigint>, value: bigint, count = 1n) => {
  if (count > 0n) counts.set(value, (counts.get(value) ?? 0n) + count);
};

function balanced(m: bigint, t: bigint): Map<bigint, bigint> {
  const f = floorDiv(t, m);
  const g = t - m * f;
  const counts = new Map<bigint, bigint>();
  add(counts, f, m - g);
  add(counts, f + 1n, g);
  return counts;
}

function two(t: bigint, e: bigint, b: SampleBounds): SampleSearch {
  const d2 = 2n * e - t * t; // (x1 - x2)²
  if (d2 < 0n) return { kind: 'none' };
  const d = isqrt(d2);
  if (d * d !== d2 || (t + d) % 2n !== 0n) return { kind: 'none' };
  const x1 = (t + d) / 2n;
  const x2 = (t - d) / 2n;
  if ((b.hi !== null && x1 > b.hi) || (b.lo !== null && x2 < b.lo)) return { kind: 'none' };
  const counts = new Map<bigint, bigint>();
  add(counts, x1);
  add(counts, x2);
  return { kind: 'found', counts };
}

/**
 * Complete search over non-increasing samples x1 >= x2 >= ... (so each multiset is visited once),
 * pruned by {@link plausible}. Works on values shifted so the sum lies in [0, m).
 */
function search(m: bigint, t: bigint, e: bigint, b: SampleBounds, budget: Budget): SampleSearch {
  if (--budget.steps < 0) return { kind: 'budget' };
  if (!plausible(m, t, e, b)) return { kind: 'none' };
  const f = floorDiv(t, m);
  if (f !== 0n) {
    // shift every value by -f: the sum drops by m·f and the squares by 2f·t - m·f²
    const shifted = search(m, t - m * f, e - 2n * f * t + m * f * f, { lo: b.lo === null ? null : b.lo - f, hi: b.hi === null ? null : b.hi - f }, budget);
    if (shifted.kind !== 'found') return shifted;
    const counts = new Map<bigint, bigint>();
    for (const [v, c] of shifted.counts) add(counts, v + f, c);
    return { kind: 'found', counts };
  }
  if (m === 1n) return e === t * t ? { kind: 'found', counts: new Map([[t, 1n]]) } : { kind: 'none' };
  if (m === 2n) return two(t, e, b);
  if (e === minSquares(m, t)) return { kind: 'found', counts: balanced(m, t) };
  // the largest value is at least the mean (t/m, here in [0, 1)) and at most sqrt(e)
  let top = isqrt(e);
  if (b.hi !== null && b.hi < top) top = b.hi;
  const bottom = t > 0n ? 1n : 0n;
  let exhausted = true;
  for (let x = top; x >= bottom; x--) {
    const rest = search(m - 1n, t - x, e - x * x, { lo: b.lo, hi: x }, budget);
    if (rest.kind === 'found') {
      add(rest.counts, x);
      return rest;
    }
    if (rest.kind === 'budget') exhausted = false;
    if (budget.steps < 0) return { kind: 'budget' };
  }
  return exhausted ? { kind: 'none' } : { kind: 'budget' };
}

/**
 * Unbounded values, m >= 5: every sum of squares that meets parity and the equal-values minimum is
 * reachable (checked exhaustively for m = 5..12 up to 700 above the minimum, and it carries over
 * from m to m + 1 by adding a 0 or a 1). So build one greedily: take the largest value that leaves
 * the rest plausible, until what is left is as equal as possible; the last four are searched exactly.
 */
function greedy(m: bigint, t: bigint, e: bigint, budget: Budget): SampleSearch {
  const counts = new Map<bigint, bigint>();
  const none: SampleBounds = { lo: null, hi: null };
  while (m > 4n) {
    if (--budget.steps < 0) return { kind: 'budget' };
    if (e === minSquares(m, t)) {
      for (const [v, c] of balanced(m, t)) add(counts, v, c);
      return { kind: 'found', counts };
    }
    // largest x with x² + (t - x)²/(m - 1) <= e, from the continuous relaxation, then step down
    const disc = (m - 1n) * (m * e - t * t);
    let x = floorDiv(t + isqrt(disc < 0n ? 0n : disc), m) + 1n;
    for (;; x--) {
      if (--budget.steps < 0) return { kind: 'budget' };
      if (!plausible(m - 1n, t - x, e - x * x, none)) continue;
      if (m - 1n > 4n) break;
      const rest = search(4n, t - x, e - x * x, none, budget);
      if (rest.kind === 'found') {
        add(counts, x);
        for (const [v, c] of rest.counts) add(counts, v, c);
        return { kind: 'found', counts };
      }
      if (rest.kind === 'budget') return rest;
    }
    add(counts, x);
    m -= 1n;
    t -= x;
    e -= x * x;
  }
  return search(m, t, e, none, budget); // only reached when called with m <= 4
}

/** Find m whole numbers (within `bounds`) with sum `t` and sum of squares `e`, or show there are none. */
export function findIntegerSample(m: bigint, t: bigint, e: bigint, bounds: SampleBounds, budget: Budget): SampleSearch {
  if (!plausible(m, t, e, bounds)) return { kind: 'none' };
  if (bounds.lo === null && bounds.hi === null && m > 4n) return greedy(m, t, e, budget);
  return search(m, t, e, bounds, budget);
}
