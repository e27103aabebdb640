import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { OUTCOMES } from '../../src/schema/record.js';
import { countTable, forEachCell, fromCounts, mergeCounts, isCountTable, type CountRow } from '../../src/stats/count-table.js';
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

  it('merge to the table of all their cells, types in order of first appearance and years sorted, aligned or not', () => {
    const row = fc.record({
      type: fc.constantFrom('spastic', 'mixed', 'athetoid', 'other', 'ataxic'),
      year: fc.option(fc.integer({ min: 2000, max: 2006 }), { nil: null }),
      outcome: fc.constantFrom(...OUTCOMES),
      count: fc.oneof(fc.constant(0), fc.nat(5), fc.integer({ min: 2 ** 40, max: 2 ** 41 })),
    });
    const table = fc.array(row, { maxLength: 12 }).map((rows) => fromCounts(rows));
    // tables counted over one layout (file chunks), so the aligned path is taken too
    const aligned = fc.array(fc.array(fc.nat(9), { minLength: 24, maxLength: 24 }), { minLength: 1, maxLength: 4 }).map((chunks) =>
      chunks.map((cs) => fromCounts(cs.map((count, k) => ({ type: ['a', 'b'][k % 2]!, year: 2000 + (Math.floor(k / 2) % 3), outcome: OUTCOMES[Math.floor(k / 6)]!, count })))),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(table, { maxLength: 5 }), aligned), (tables) => {
        const rows: CountRow[] = [];
        for (const t of tables) forEachCell(t, (type, year, outcome, count) => rows.push({ type, year, outcome, count }));
        const expected = fromCounts(rows);
        const merged = mergeCounts(...tables);
        expect(merged.types).toEqual(expected.types);
        expect(merged.years).toEqual(expected.years);
        expect([...merged.counts]).toEqual([...expected.counts]);
        expect(merged.total).toBe(expected.total);
      }),
      { numRuns: 500 },
    );
  });

  it('merge without touching their inputs', () => {
    const a = fromCounts([{ type: 'spastic', year: 2004, outcome: 'improved', count: 2 }]);
    const before = [...a.counts];
    const merged = mergeCounts(a, a);
    expect(merged.counts).not.toBe(a.counts);
    expect([...a.counts]).toEqual(before);
    expect(merged.total).toBe(4);
    expect(mergeCounts().total).toBe(0);
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
