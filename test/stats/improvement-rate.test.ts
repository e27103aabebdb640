import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { improvementRate } from '../../src/stats/improvement-rate.js';
import { fromCounts } from '../../src/stats/count-table.js';
import { deepFreeze, naiveCount, recordArb } from '../helpers.js';

describe('improvementRate', () => {
  const table = fromCounts([
    { type: 'a', outcome: 'improved', count: 3963 },
    { type: 'a', outcome: 'unchanged', count: 135 },
    { type: 'a', outcome: 'worsened', count: 30 },
    { type: 'a', outcome: 'unknown', count: 150 },
  ]);

  it('divides by the known outcomes by default and says so', () => {
    expect(improvementRate(table, { decimals: 0 })).toEqual({
      improved: 3963,
      unknown: 150,
      total: 4278,
      denominator: 4128,
      basis: 'known',
      proportion: 3963 / 4128,
      percent: '96',
    });
  });

  it('divides by everyone treated with basis all', () => {
    const r = improvementRate(table, { basis: 'all' });
    expect([r.denominator, r.percent, r.basis]).toEqual([4278, '92.6', 'all']);
  });

  it('gives null, not NaN, when no outcome is known', () => {
    const r = improvementRate(fromCounts([{ type: 'a', count: 5 }]));
    expect([r.denominator, r.proportion, r.percent]).toEqual([0, null, null]);
  });

  it('agrees with naive counting', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 100 }), (records) => {
        const r = improvementRate(deepFreeze(records), { basis: 'all' });
        expect(r.improved).toBe(naiveCount(records, 'outcome', 'improved'));
        expect(r.unknown).toBe(naiveCount(records, 'outcome', 'unknown'));
        expect(r.denominator).toBe(records.length);
        const known = improvementRate(records);
        expect(known.denominator).toBe(records.length - r.unknown);
      }),
    );
  });

  it('rejects bad options and empty input', () => {
    expect(() => improvementRate(table, { basis: 'treated' as 'all' })).toThrow(/basis must be one of/);
    expect(() => improvementRate([])).toThrow(/no records/);
  });
});
