import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debit } from '../../src/audit/debit.js';
import { InvalidArgumentError } from '../../src/errors.js';

describe('debit', () => {
  it('checks the mean itself: "0.11" is impossible for n = 40 whatever the SD (scrutiny passes it)', () => {
    for (const sd of ['0.31', '0.32', '0.33']) expect(debit('0.11', sd, 40)).toMatchObject({ consistent: false, meanConsistent: false });
    expect(debit('0.10', '0.30', 40).consistent).toBe(true); // k = 4: sd = sqrt(4·36/(40·39)) = 0.3038
  });

  it('accepts exactly the mean/SD prints that some count of ones produces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))), ([n, k]) => {
        const mean = (k / n).toFixed(2);
        const sd = Math.sqrt((k * (n - k)) / (n * (n - 1))).toFixed(2);
        // toFixed is binary half-up on the double; ties are measure-zero here, so it stands in for a printout
        const result = debit(mean, sd, n, { rounding: ['half-up', 'half-down', 'half-even'] });
        expect(result.consistent).toBe(true);
        expect(result.numerators.some((r) => r.min <= k && k <= r.max)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('needs n >= 2', () => {
    expect(() => debit('0.5', '0.5', 1)).toThrow(InvalidArgumentError);
  });
});
