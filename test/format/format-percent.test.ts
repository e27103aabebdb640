import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { formatPercent } from '../../src/format/format-percent.js';
import { ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';
import { roundByDistance, scaledFromString } from '../oracles.js';

describe('formatPercent', () => {
  it("prints the clinic's mixed-type share as ordinary rounding does, and 31.34 only under floor", () => {
    expect(formatPercent(1341, 4278, { decimals: 2 })).toBe('31.35');
    expect(formatPercent(1341, 4278, { decimals: 2, rounding: 'floor' })).toBe('31.34');
  });

  it('treats 1/8 = 12.5% as an exact tie', () => {
    expect(formatPercent(1, 8, { decimals: 0 })).toBe('13');
    expect(formatPercent(1, 8, { decimals: 0, rounding: 'half-even' })).toBe('12');
    expect(formatPercent(1, 8, { decimals: 0, rounding: 'half-down' })).toBe('12');
    expect(formatPercent(1, 8, { decimals: 1 })).toBe('12.5');
  });

  it('does not fall for binary floating point: exact ties round as the rationals they are', () => {
    // 1253/4000 = 31.325% and 201/20000 = 1.005% exactly; the float shortcuts get both wrong
    expect(Math.round((1253 / 4000) * 100 * 100) / 100).toBe(31.32);
    expect(((201 / 20000) * 100).toFixed(2)).toBe('1.00');
    expect(formatPercent(1253, 4000, { decimals: 2 })).toBe('31.33');
    expect(formatPercent(201, 20000, { decimals: 2 })).toBe('1.01');
    expect(formatPercent(1253, 4000, { decimals: 2, rounding: 'half-even' })).toBe('31.32');
  });

  it('defaults to one decimal, half-up', () => {
    expect(formatPercent(2, 3)).toBe('66.7');
    expect(formatPercent(0, 3)).toBe('0.0');
    expect(formatPercent(3, 3)).toBe('100.0');
  });

  it('matches the brute-force oracle for every mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom<RoundingMode>(...ROUNDING_MODES),
        ([k, n], decimals, rounding) => {
          const printed = formatPercent(k, n, { decimals, rounding });
          const expected = roundByDistance(BigInt(k) * 100n * 10n ** BigInt(decimals), BigInt(n), rounding);
          expect(scaledFromString(printed, decimals)).toBe(expected);
          expect(printed.split('.')[1]?.length ?? 0).toBe(decimals);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    [5, 4, 'numerator'],
    [1, 0, 'denominator'],
    [Number.NaN, 4, 'numerator'],
    [1.5, 4, 'numerator'],
    [-1, 4, 'numerator'],
    [1, Infinity, 'denominator'],
    [1, 2 ** 60, 'denominator'],
  ])('rejects formatPercent(%s, %s) naming %s', (k, n, argument) => {
    expect(() => formatPercent(k, n)).toThrow(InvalidArgumentError);
    try {
      formatPercent(k, n);
    } catch (e) {
      expect((e as InvalidArgumentError).argument).toBe(argument);
    }
  });

  it('rejects unknown options with a message listing the choices', () => {
    expect(() => formatPercent(1, 2, { rounding: 'up' as RoundingMode })).toThrow(/half-up/);
    expect(() => formatPercent(1, 2, { decimals: -1 })).toThrow(/decimals/);
  });
});
