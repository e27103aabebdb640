import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPercent } from '../../src/audit/check-percent.js';
import { numeratorRange } from '../../src/audit/numerator-range.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';
import { bruteModes, bruteRange, printOf } from './brute.js';

const modeList = fc.subarray([...ROUNDING_MODES], { minLength: 1 });
// n with many exact ties at low decimals (multiples of 8, 40, 200) as well as arbitrary n
const nArb = fc.oneof(fc.integer({ min: 1, max: 600 }), fc.constantFrom(8, 16, 40, 80, 200, 400, 1000));
const ORDINARY: RoundingMode[] = ['half-up', 'half-down', 'half-even'];

describe('checkPercent and numeratorRange', () => {
  it("settle the clinic's figures", () => {
    expect(numeratorRange('96', 4278)).toEqual({ min: 4086, max: 4128 });
    const c = checkPercent('31.34', 4278);
    expect(c.consistent).toBe(false);
    expect(c.numerators).toBeNull();
    expect(c.modes).toEqual(['floor']);
    expect(c.nearest).toEqual({ below: { reported: '31.32', numerator: 1340 }, above: { reported: '31.35', numerator: 1341 } });
    expect(checkPercent('31.34', 4278, { rounding: 'floor' })).toMatchObject({ consistent: true, numerators: { min: 1341, max: 1341 } });
    expect(checkPercent('2.62', 4278).modes).toEqual(['half-up', 'half-down', 'half-even', 'ceil']);
  });

  it('read "96%", a decimal comma and proportions', () => {
    expect(checkPercent('96%', 4278).numerators).toEqual({ min: 4086, max: 4128 });
    expect(checkPercent('31,35', 4278, { decimalComma: true }).numerators).toEqual({ min: 1341, max: 1341 });
    expect(checkPercent('0.96', 4278, { proportion: true }).numerators).toEqual({ min: 4086, max: 4128 });
  });

  it('print the nearest possible values with the decimal mark of the input', () => {
    // k/25 is a multiple of 4%: 64% (16) and 68% (17) are the neighbours of 64.01%
    expect(checkPercent('64,01%', 25, { decimalComma: true }).nearest).toEqual({ below: { reported: '64,00%', numerator: 16 }, above: { reported: '68,00%', numerator: 17 } });
    expect(checkPercent('31,34', 4278, { decimalComma: true }).nearest).toEqual({ below: { reported: '31,32', numerator: 1340 }, above: { reported: '31,35', numerator: 1341 } });
  });

  it('treat an exact tie as the rule says: 1/8 = 12.5% prints 13 half-up, 12 half-down and half-even', () => {
    expect(checkPercent('13', 8).modes).toEqual(['half-up', 'ceil']);
    expect(checkPercent('12', 8).modes).toEqual(['half-down', 'half-even', 'floor']);
    expect(numeratorRange('13', 8, { rounding: 'half-down' })).toBeNull();
  });

  it('agree with brute force over every numerator (random n, decimals, modes, prints from real and arbitrary values)', () => {
    const reportedArb = fc.oneof(
      fc.tuple(nArb, fc.integer({ min: 0, max: 3 }), fc.constantFrom(...ROUNDING_MODES)).chain(([n, d, m]) =>
        fc.integer({ min: 0, max: n }).map((k) => ({ n, reported: printOf(k, n, d, m) })),
      ),
      fc.tuple(nArb, fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 2 })).map(([n, digits, d]) => ({
        n,
        reported: (digits / 10 ** d > 100 ? 100 : digits / 10 ** d).toFixed(d),
      })),
    );
    fc.assert(
      fc.property(reportedArb, modeList, ({ n, reported }, modes) => {
        const expected = bruteRange(reported, n, modes);
        expect(numeratorRange(reported, n, { rounding: modes })).toEqual(expected);
        const check = checkPercent(reported, n, { rounding: modes });
        expect(check.consistent).toBe(expected !== null);
        expect(check.modes).toEqual(bruteModes(reported, n));
      }),
      { numRuns: 400 },
    );
  });

  it('name the nearest possible prints, with nothing possible strictly between', () => {
    fc.assert(
      fc.property(nArb, fc.integer({ min: 0, max: 10000 }), (n, digits) => {
        const reported = (digits / 100).toFixed(2);
        const check = checkPercent(reported, n);
        if (check.consistent) return;
        const value = Number(reported);
        const { below, above } = check.nearest ?? {};
        const possible = new Set<number>();
        for (let k = 0; k <= n; k++) for (const m of ORDINARY) possible.add(Number(printOf(k, n, 2, m)));
        const lower = [...possible].filter((p) => p < value);
        const higher = [...possible].filter((p) => p > value);
        expect(below === undefined ? undefined : Number(below.reported)).toBe(lower.length ? Math.max(...lower) : undefined);
        expect(above === undefined ? undefined : Number(above.reported)).toBe(higher.length ? Math.min(...higher) : undefined);
        if (below) expect(ORDINARY.map((m) => printOf(below.numerator, n, 2, m))).toContain(below.reported);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['101', 10, /above 100/],
    ['abc', 10, /printed decimal number/],
    ['31,34', 10, /decimalComma/],
    ['-5', 10, /negative/],
    ['5', 0, /n must be at least 1/],
    ['5', 2.5, /whole number/],
  ])('reject %j of %j with a typed error', (reported, n, message) => {
    expect(() => checkPercent(reported, n)).toThrow(InvalidArgumentError);
    expect(() => checkPercent(reported, n)).toThrow(message);
  });

  it('refuse numbers, which have lost their printed decimals', () => {
    expect(() => checkPercent(96 as unknown as string, 100)).toThrow(/pass numbers as strings/);
  });
});
