import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { largestRemainderPercents } from '../../src/format/largest-remainder.js';
import { scaledFromString } from '../oracles.js';

describe('largestRemainderPercents', () => {
  it('gives the clinic table percents that sum to 100', () => {
    expect(largestRemainderPercents([2324, 1341, 501, 112], { decimals: 2 })).toEqual(['54.32', '31.35', '11.71', '2.62']);
  });

  it('breaks equal remainders by larger count, then earlier item', () => {
    expect(largestRemainderPercents([1, 1, 1])).toEqual(['33.4', '33.3', '33.3']);
    expect(largestRemainderPercents([1, 1, 1], { decimals: 0 })).toEqual(['34', '33', '33']);
    // 16.67, 16.67, 66.67: all remainders equal; the two missing units go to the count of 4, then to the first 1
    expect(largestRemainderPercents([1, 1, 4], { decimals: 0 })).toEqual(['17', '16', '67']);
  });

  it('sums to exactly 100, keeps zeros at 0 and stays within one last-digit unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 }).filter((a) => a.some((x) => x > 0)),
        fc.integer({ min: 0, max: 4 }),
        (counts, decimals) => {
          const printed = largestRemainderPercents(counts, { decimals });
          const units = printed.map((p) => scaledFromString(p, decimals));
          const T = 100n * 10n ** BigInt(decimals);
          expect(units.reduce((a, b) => a + b, 0n)).toBe(T);
          const N = BigInt(counts.reduce((a, b) => a + b, 0));
          counts.forEach((c, i) => {
            const exact = BigInt(c) * T; // share in units, times N
            const got = (units[i] as bigint) * N;
            expect(got - exact < N && exact - got < N).toBe(true);
            if (c === 0) expect(units[i]).toBe(0n);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('rejects empty, all-zero and non-count input', () => {
    expect(() => largestRemainderPercents([])).toThrow(InvalidArgumentError);
    expect(() => largestRemainderPercents([0, 0])).toThrow(/zero/);
    expect(() => largestRemainderPercents([1, -2])).toThrow(/counts\[1\]/);
  });

  it('does not mutate its input', () => {
    const counts = Object.freeze([3, 1, 2]);
    largestRemainderPercents(counts);
    expect(counts).toEqual([3, 1, 2]);
  });
});
