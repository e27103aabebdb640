import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { formatScaled, ROUNDING_MODES, roundRational } from '../../src/format/rounding.js';
import { roundByDistance } from '../oracles.js';

describe('roundRational', () => {
  it('rounds exact ties by each rule', () => {
    expect(ROUNDING_MODES.map((m) => roundRational(25n, 2n, m))).toEqual([13n, 12n, 12n, 12n, 13n]);
    expect(ROUNDING_MODES.map((m) => roundRational(35n, 2n, m))).toEqual([18n, 17n, 18n, 17n, 18n]);
  });

  it('rounds negative ties as the contract says: half-up away from zero, half-down towards zero', () => {
    expect(ROUNDING_MODES.map((m) => roundRational(-25n, 2n, m))).toEqual([-13n, -12n, -12n, -13n, -12n]);
  });

  it('agrees with a nearest-candidate oracle on random fractions, ties included', () => {
    const fraction = fc.oneof(
      fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n })),
      // exact ties: (2k+1)/2 scaled by a random factor
      fc.tuple(fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 1000n })).map(([k, f]) => [(2n * k + 1n) * f, 2n * f] as [bigint, bigint]),
    );
    fc.assert(
      fc.property(fraction, fc.constantFrom(...ROUNDING_MODES), ([num, den], mode) => {
        expect(roundRational(num, den, mode)).toBe(roundByDistance(num, den, mode));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a non-positive denominator', () => {
    expect(() => roundRational(1n, 0n, 'half-up')).toThrow(InvalidArgumentError);
  });

  it('takes safe integers as well as bigints, and refuses other numbers with a typed error', () => {
    expect(roundRational(5, 2, 'half-down')).toBe(2n);
    expect(roundRational(-7, 2n, 'half-up')).toBe(-4n);
    for (const bad of [2.5, Number.NaN, 2 ** 53, '5'] as unknown[]) {
      expect(() => roundRational(bad as number, 2, 'half-up')).toThrow(InvalidArgumentError);
      expect(() => roundRational(5, bad as number, 'half-up')).toThrow(InvalidArgumentError);
    }
  });

  it('refuses an unknown rounding mode instead of rounding half-even', () => {
    expect(() => roundRational(25n, 2n, 'nearest' as 'half-up')).toThrow(/mode must be one of 'half-up'/);
    expect(() => roundRational(24n, 2n, 'nearest' as 'half-up')).toThrow(InvalidArgumentError); // even without a tie
  });
});

describe('formatScaled', () => {
  it('places the decimal point and pads', () => {
    expect(formatScaled(3135n, 2)).toBe('31.35');
    expect(formatScaled(5n, 2)).toBe('0.05');
    expect(formatScaled(-5n, 2)).toBe('-0.05');
    expect(formatScaled(96n, 0)).toBe('96');
  });
});
