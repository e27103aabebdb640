import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMean } from '../../src/audit/check-mean.js';
import { formatScaled, roundRational, ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';

function bruteTotals(reported: string, n: number, items: number, modes: readonly RoundingMode[]) {
  const d = reported.split('.')[1]?.length ?? 0;
  const N = n * items;
  const value = Number(reported);
  let min = Infinity;
  let max = -Infinity;
  const lo = Math.floor((value - 2) * N);
  const hi = Math.ceil((value + 2) * N);
  for (let s = lo; s <= hi; s++) {
    if (modes.some((m) => formatScaled(roundRational(BigInt(s) * 10n ** BigInt(d), BigInt(N), m), d) === reported)) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
  }
  return min === Infinity ? null : { min, max };
}

describe('checkMean (GRIM)', () => {
  it('decides the textbook cases', () => {
    expect(checkMean('5.19', 28).consistent).toBe(false);
    expect(checkMean('5.25', 28)).toMatchObject({ consistent: true, totals: { min: 147, max: 147 } });
    expect(checkMean('3.33', 3, { items: 2 }).consistent).toBe(true); // 20 / 6
  });

  it('agrees with brute force over totals, negative means and ties included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: -800, max: 800 }),
        fc.integer({ min: 0, max: 2 }),
        fc.subarray([...ROUNDING_MODES], { minLength: 1 }),
        (n, items, digits, d, modes) => {
          const reported = formatScaled(BigInt(digits), d);
          if (reported === '-0' || /^-0\.0*$/.test(reported)) return;
          const result = checkMean(reported, n, { items, rounding: modes });
          const expected = bruteTotals(reported, n, items, modes);
          expect(result.totals).toEqual(expected);
          expect(result.consistent).toBe(expected !== null);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('checkMean beyond 2^53', () => {
  it('gives totals exactly, as decimal strings, and no inexact numbers', () => {
    // 5.25 of N = 9·10^15 under ties either way: every S with 5.245·N ≤ S ≤ 5.255·N, both ends ties
    const r = checkMean('5.25', 9e15);
    expect(r.consistent).toBe(true);
    expect(r.totals).toBeNull();
    expect(r.exactTotals).toEqual({ min: (5245n * 9n * 10n ** 12n).toString(), max: (5255n * 9n * 10n ** 12n).toString() });
    // one more than a tie: the half-up range of 5.25 of N = 2^53 − 1 (odd) ends at ⌈5.255·N⌉ − 1
    const N = BigInt(Number.MAX_SAFE_INTEGER);
    const half = checkMean('5.25', Number.MAX_SAFE_INTEGER, { rounding: 'half-up' });
    expect(half.exactTotals).toEqual({ min: ((5245n * N + 999n) / 1000n).toString(), max: ((5255n * N + 999n) / 1000n - 1n).toString() });
    expect(checkMean('5.25', 28).exactTotals).toEqual({ min: '147', max: '147' });
  });
});
