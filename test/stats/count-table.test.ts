import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { countTable, forEachCell, fromCounts, mergeCounts, isCountTable } from '../../src/stats/count-table.js';
import { recordArb } from '../helpers.js';

const cells = (t: ReturnType<typeof countTable>) => {
  const out: string[] = [];
  forEachCell(t, (type, year, outcome, count) => out.push(`${type}|${year}|${outcome}|${count}`));
  return out.sort();
};

describe('count tables', () => {
  it('count every record exactly once', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 200 }), (records) => {
        const t = countTable(records);
        expect(t.total).toBe(records.length);
        const expected = new Map<string, number>();
        for (const r of records) {
          const k = `${r.type}|${r.year}|${r.outcome}`;
          expected.set(k, (expected.get(k) ?? 0) + 1);
        }
        expect(cells(t)).toEqual([...expected].map(([k, c]) => `${k}|${c}`).sort());
      }),
    );
  });

  it('merge to the same table as counting everything at once', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 150 }), fc.nat(150), (records, cut) => {
        const merged = mergeCounts(countTable(records.slice(0, cut)), countTable(records.slice(cut)));
        expect(cells(merged)).toEqual(cells(countTable(records)));
        expect(merged.total).toBe(records.length);
      }),
    );
  });

  it('build from a published table, with unstated year and outcome', () => {
    const t = fromCounts([
      { type: 'spastic', count: 2324 },
      { type: 'mixed', count: 1341 },
      { type: 'spastic', year: 2010, outcome: 'improved', count: 1 },
    ]);
    expect(isCountTable(t)).toBe(true);
    expect(t.total).toBe(3666);
    expect(t.years).toEqual([2010, null]);
    expect(cells(t)).toEqual(['mixed|null|unknown|1341', 'spastic|2010|improved|1', 'spastic|null|unknown|2324']);
  });

  it('reject bad count rows with the argument named', () => {
    expect(() => fromCounts([{ type: 'a', count: -1 }])).toThrow(/rows\[0\]\.count/);
    expect(() => fromCounts([{ type: 'a', count: 1.5 }])).toThrow(InvalidArgumentError);
    expect(() => fromCounts([{ type: '', count: 1 }])).toThrow(/rows\[0\]\.type/);
    expect(() => fromCounts([{ type: 'a', count: 1, outcome: 'cured' as 'improved' }])).toThrow(/outcome/);
    expect(() => fromCounts([{ type: 'a', count: 1, year: 20.5 }])).toThrow(/year/);
    expect(() => mergeCounts({} as ReturnType<typeof fromCounts>)).toThrow(/not a count table/);
  });
});
