import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { countTable, forEachCell, mergeCounts } from '../../src/stats/count-table.js';
import { expectSameMeasures } from '../helpers.js';

const cohort = defineCohort({
  types: ['a', 'b', 'c'],
  measures: { age: { kind: 'number' }, sex: { kind: 'category', values: ['f', 'm'] }, level: { kind: 'ordinal', levels: [1, 2, 3] } },
});
const record = fc.record({
  type: fc.constantFrom('a', 'b', 'c'),
  year: fc.integer({ min: 2000, max: 2003 }),
  outcome: fc.constantFrom('improved', 'unchanged', 'worsened', 'unknown'),
  age: fc.option(fc.integer({ min: 0, max: 400 }).map((u) => u / 10), { nil: undefined }),
  sex: fc.option(fc.constantFrom('f', 'm'), { nil: undefined }),
  level: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }),
});


describe('measures in count tables', () => {
  it('counts categories per cell and sketches numbers per cell', () => {
    const { records } = cohort.parse([
      { type: 'a', year: 2000, outcome: 'improved', age: 5.5, sex: 'f', level: 2 },
      { type: 'a', year: 2000, outcome: 'improved', age: 6, sex: 'm' },
      { type: 'b', year: 2001, outcome: 'unknown' },
    ]);
    const t = countTable(records, { measures: cohort.measures });
    const cell = (t.types.indexOf('a') * t.years.length + t.years.indexOf(2000)) * 4 + 0;
    const sex = t.measures!.sex!;
    const age = t.measures!.age!;
    if (!('counts' in sex) || !('cells' in age)) throw new Error('kinds');
    expect([...sex.counts.subarray(cell * 2, cell * 2 + 2)]).toEqual([1, 1]);
    expect(age.cells[cell]!.moments.n).toBe(2);
    expect(age.cells[cell]!.quantiles.values).toEqual([5.5, 6]);
    expect(age.cells.filter((c) => c !== null)).toHaveLength(1);
    let counted = 0;
    forEachCell(t, (_t, _y, _o, n) => (counted += n));
    expect(counted).toBe(3);
  });

  it('merging tables merges their measures: the same cells as counting all records at once', () => {
    fc.assert(
      fc.property(fc.array(fc.array(record, { maxLength: 25 }), { minLength: 1, maxLength: 4 }), (parts) => {
        const tables = parts.map((p) => countTable(p, { measures: cohort.measures }));
        const merged = mergeCounts(...tables);
        const whole = countTable(parts.flat(), { measures: cohort.measures });
        expectSameMeasures(merged, whole);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to merge a measure defined differently', () => {
    const r = [{ type: 'a', year: 2000, outcome: 'improved' as const, x: 1 }];
    const a = countTable(r, { measures: { x: { kind: 'number' } } });
    const b = countTable(r, { measures: { x: { kind: 'integer' } } });
    expect(() => mergeCounts(a, b)).toThrow(/defined differently/);
  });

  it('leaves tables without measures as they were', () => {
    expect(countTable([{ type: 'a', year: 2000, outcome: 'improved' }]).measures).toBeUndefined();
  });
});
