import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { formatPercent } from '../../src/format/format-percent.js';
import { countTable, fromCounts } from '../../src/stats/count-table.js';
import { typeDistribution } from '../../src/stats/type-distribution.js';
import { deepFreeze, naiveCount, recordArb } from '../helpers.js';

const clinic = fromCounts([
  { type: 'spastic', count: 2324 },
  { type: 'mixed', count: 1341 },
  { type: 'athetoid', count: 501 },
  { type: 'other', count: 112 },
]);

describe('typeDistribution', () => {
  it("reproduces the clinic's table from its published counts", () => {
    const d = typeDistribution(clinic, { decimals: 2 });
    expect(d.total).toBe(4278);
    expect(d.rows.map((r) => [r.type, r.count, r.percent])).toEqual([
      ['spastic', 2324, '54.32'],
      ['mixed', 1341, '31.35'],
      ['athetoid', 501, '11.71'],
      ['other', 112, '2.62'],
    ]);
    expect(d.rows[1]?.proportion).toBe(1341 / 4278);
    expect(typeDistribution(clinic, { decimals: 2, rounding: 'floor' }).rows.map((r) => r.percent)).toEqual(['54.32', '31.34', '11.71', '2.61']);
  });

  it('counts sum to the total and agree with naive counting, from records or counts', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 200 }), (records) => {
        const d = typeDistribution(deepFreeze(records));
        expect(d.rows.reduce((a, r) => a + r.count, 0)).toBe(records.length);
        for (const row of d.rows) {
          expect(row.count).toBe(naiveCount(records, 'type', row.type));
          expect(row.percent).toBe(formatPercent(row.count, records.length));
        }
        const counts = d.rows.map((r) => r.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
        expect(typeDistribution(countTable(records))).toEqual(d);
      }),
    );
  });

  it('follows a given order and lists vocabulary types with no records', () => {
    const d = typeDistribution(clinic, { order: ['other', 'ataxic', 'spastic'] });
    expect(d.rows.map((r) => [r.type, r.count])).toEqual([
      ['other', 112],
      ['ataxic', 0],
      ['spastic', 2324],
      ['mixed', 1341],
      ['athetoid', 501],
    ]);
  });

  it('refuses an empty cohort and bad options', () => {
    expect(() => typeDistribution([])).toThrow(InvalidArgumentError);
    expect(() => typeDistribution(clinic, { decimals: 1.5 })).toThrow(/decimals/);
    expect(() => typeDistribution({} as never)).toThrow(/array of records or a count table/);
  });
});
