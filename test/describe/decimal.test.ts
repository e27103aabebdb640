import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalUnits, isqrt, rationalToNumber, roundSqrtAt } from '../../src/describe/decimal.js';
import { ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';

// Oracle: √(num/den)·10^d rounded by looking at the candidates k and k + 1 and comparing squares.
function sqrtByDistance(num: bigint, den: bigint, d: number, mode: RoundingMode): bigint {
  const target = num * 10n ** BigInt(2 * d); // value² · den, in units of the last digit
  let k = 0n;
  while ((k + 1n) * (k + 1n) * den <= target) k += 1n;
  if (k * k * den === target) return k;
  if (mode === 'floor') return k;
  if (mode === 'ceil') return k + 1n;
  // distance to k vs k + 1: compare √x with k + ½, i.e. 4x with (2k + 1)²
  const c = 4n * target - (2n * k + 1n) ** 2n * den;
  if (c < 0n) return k;
  if (c > 0n) return k + 1n;
  return mode === 'half-up' ? k + 1n : mode === 'half-down' ? k : k % 2n === 0n ? k : k + 1n;
}

describe('roundSqrtAt', () => {
  it('matches the candidate search for every rounding mode', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 4n }), fc.integer({ min: 0, max: 2 }), fc.constantFrom(...ROUNDING_MODES), (num, den, d, mode) => {
        expect(roundSqrtAt({ num, den }, d, mode)).toBe(sqrtByDistance(num, den, d, mode));
      }),
      { numRuns: 2000 },
    );
  });

  it('sees exact ties: √(49/4) = 3.5', () => {
    expect(roundSqrtAt({ num: 49n, den: 4n }, 0, 'half-up')).toBe(4n);
    expect(roundSqrtAt({ num: 49n, den: 4n }, 0, 'half-down')).toBe(3n);
    expect(roundSqrtAt({ num: 49n, den: 4n }, 0, 'half-even')).toBe(4n);
    expect(roundSqrtAt({ num: 81n, den: 4n }, 0, 'half-even')).toBe(4n);
  });
});

describe('isqrt', () => {
  it('is the floor of the square root, also beyond the doubles', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), (n) => {
        const r = isqrt(n);
        expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('decimalUnits', () => {
  it('reads a double as the decimal it prints as', () => {
    expect(decimalUnits(7.3)).toEqual({ units: 73, decimals: 1 });
    expect(decimalUnits(-0.05)).toEqual({ units: -5, decimals: 2 });
    expect(decimalUnits(1e-7)).toEqual({ units: 1, decimals: 7 });
    expect(decimalUnits(120)).toEqual({ units: 120, decimals: 0 });
    expect(decimalUnits(1 / 3)).toBeUndefined();
    expect(decimalUnits(0.1 + 0.2)).toBeUndefined();
  });

  it('round-trips every short decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (u, d) => {
        const x = Number((u / 10 ** d).toFixed(d));
        const parts = decimalUnits(x)!;
        expect(parts.units / 10 ** parts.decimals).toBe(x);
        expect(String(x).split('.')[1]?.length ?? 0).toBe(parts.decimals);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('rationalToNumber', () => {
  it('is the nearest double within two units in the last place', () => {
    expect(rationalToNumber({ num: 1n, den: 3n })).toBe(1 / 3);
    const r = rationalToNumber({ num: 10n ** 30n + 1n, den: 3n * 10n ** 20n });
    expect(Math.abs(r - 1e10 / 3) / (1e10 / 3)).toBeLessThan(5e-16);
  });
});
