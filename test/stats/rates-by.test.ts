import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratesBy } from '../../src/stats/rates-by.js';
import { improvementRate } from '../../src/stats/improvement-rate.js';
import { recordArb } from '../helpers.js';

describe('ratesBy', () => {
  it('gives one rate per group that matches the rate of that group alone', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 150 }), fc.constantFrom('type' as const, 'year' as const), (records, key) => {
        const rates = ratesBy(records, key, { basis: 'all' });
        expect(rates.reduce((a, r) => a + r.total, 0)).toBe(records.length);
        for (const rate of rates) {
          const { key: value, ...rest } = rate;
          expect(rest).toEqual(improvementRate(records.filter((r) => r[key] === value), { basis: 'all' }));
        }
        if (key === 'year') {
          const years = rates.map((r) => r.key as number);
          expect(years).toEqual([...years].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('rejects other keys', () => {
    expect(() => ratesBy([], 'outcome' as 'type')).toThrow(/key must be one of/);
  });
});
