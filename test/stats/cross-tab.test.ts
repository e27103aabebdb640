import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossTab } from '../../src/stats/cross-tab.js';
import { countBy } from '../../src/stats/count-by.js';
import { recordArb } from '../helpers.js';

describe('crossTab', () => {
  it('has margins that sum to the total and cells that match naive counting', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 150 }), (records) => {
        const t = crossTab(records, 'type', 'outcome');
        expect(t.rowTotals.reduce((a, b) => a + b, 0)).toBe(records.length);
        expect(t.colTotals.reduce((a, b) => a + b, 0)).toBe(records.length);
        t.rows.forEach((row, i) =>
          t.cols.forEach((col, j) => {
            expect(t.counts[i]?.[j]).toBe(records.filter((r) => r.type === row && r.outcome === col).length);
          }),
        );
      }),
    );
  });

  it('refuses the same key twice', () => {
    expect(() => crossTab([], 'type', 'type')).toThrow(/must differ/);
  });
});

describe('countBy', () => {
  it('counts each value, most frequent first', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 150 }), (records) => {
        const counts = countBy(records, 'outcome');
        expect(counts.reduce((a, c) => a + c.count, 0)).toBe(records.length);
        for (const { key, count } of counts) expect(count).toBe(records.filter((r) => r.outcome === key).length);
        const ns = counts.map((c) => c.count);
        expect(ns).toEqual([...ns].sort((a, b) => b - a));
      }),
    );
  });
});
