import { Readable } from 'node:stream';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import fc from 'fast-check';
import { countCohortCsv, readCohortCsv } from '../../src/node/csv.js';
import { parseCohortFile } from '../../src/schema/cohort-file.js';
import { countTable } from '../../src/stats/count-table.js';
import { defineCohort } from '../../src/schema/define-cohort.js';

const cohort = defineCohort({
  types: ['spastic', 'mixed'],
  measures: {
    age: { kind: 'number', min: 0, max: 120, unit: 'years' },
    gmfcs: { kind: 'ordinal', levels: [1, 2, 3, 4, 5] },
    sex: { kind: 'category', values: ['female', 'male'], aliases: { f: 'female', m: 'male' } },
    followUpMonths: { kind: 'integer', min: 0 },
  },
});
const base = { type: 'spastic', year: 2010, outcome: 'improved' };

describe('measures in records', () => {
  it('reads numbers from text, levels and categories case-insensitively, and types the fields', () => {
    const { records } = cohort.parse([{ ...base, age: ' 7.5', gmfcs: '3', sex: ' F ', followUpMonths: '24' }]);
    expect(records).toEqual([{ ...base, age: 7.5, gmfcs: 3, sex: 'female', followUpMonths: 24 }]);
    expectTypeOf(records[0]!.gmfcs).toEqualTypeOf<1 | 2 | 3 | 4 | 5 | undefined>();
    expectTypeOf(records[0]!.sex).toEqualTypeOf<'female' | 'male' | undefined>();
    expectTypeOf(records[0]!.age).toEqualTypeOf<number | undefined>();
  });

  it('treats absent, null and blank values as missing, not as errors', () => {
    const { records, rejected } = cohort.parse([base, { ...base, age: '', gmfcs: null, sex: '  ', followUpMonths: undefined }], { mode: 'lenient' });
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.age, r.gmfcs, r.sex, r.followUpMonths])).toEqual([
      [undefined, undefined, undefined, undefined],
      [undefined, undefined, undefined, undefined],
    ]);
  });

  it('rejects bad values with the row, field, raw value, a message and a suggestion', () => {
    const { records, rejected } = cohort.parse(
      [
        { ...base, age: 'NA', gmfcs: 6, sex: 'femal', followUpMonths: 2.5 },
        { ...base, age: 130, followUpMonths: -1 },
        { ...base, age: '7,5' },
      ],
      { mode: 'lenient' },
    );
    expect(records).toEqual([]);
    expect(rejected).toEqual([
      {
        row: 1,
        issues: [
          { field: 'age', value: 'NA', message: 'age must be a number such as 7.5 (leave it empty when not known), got "NA"' },
          { field: 'gmfcs', value: 6, message: 'gmfcs must be one of 1, 2, 3, 4, 5, got 6' },
          { field: 'sex', value: 'femal', message: 'sex must be one of female, male, got "femal"', suggestion: 'female' },
          { field: 'followUpMonths', value: 2.5, message: 'followUpMonths must be a whole number such as 12 (leave it empty when not known), got 2.5' },
        ],
      },
      {
        row: 2,
        issues: [
          { field: 'age', value: 130, message: 'age must be from 0 to 120 years, got 130' },
          { field: 'followUpMonths', value: -1, message: 'followUpMonths must be at least 0, got -1' },
        ],
      },
      { row: 3, issues: [{ field: 'age', value: '7,5', message: 'age must be a number such as 7.5 (leave it empty when not known), got "7,5"' }] },
    ]);
  });

  it('refuses definitions that cannot work', () => {
    const bad = (measures: unknown) => () => defineCohort({ types: ['a'], measures: measures as never });
    expect(bad({ type: { kind: 'number' } })).toThrow(/record field/);
    expect(bad({ age: { kind: 'decimal' } })).toThrow(InvalidArgumentError);
    expect(bad({ age: { kind: 'number', min: 5, max: 1 } })).toThrow(/min \(5\) is above max \(1\)/);
    expect(bad({ sex: { kind: 'category', values: [] } })).toThrow(/non-empty array/);
    expect(bad({ sex: { kind: 'category', values: ['f', 'F'] } })).toThrow(/listed twice/);
    expect(bad({ sex: { kind: 'category', values: ['female'], aliases: { x: 'male' } } })).toThrow(/not one of the values/);
    expect(bad({ age: { kind: 'number' }, AGE: { kind: 'number' } })).toThrow(/twice/);
    expect(bad({ ' age': { kind: 'number' } })).toThrow(/surrounding spaces/);
  });

  it('keeps the definitions on the cohort', () => {
    expect(Object.keys(cohort.measures)).toEqual(['age', 'gmfcs', 'sex', 'followUpMonths']);
    expect(cohort.measures.age).toEqual({ kind: 'number', min: 0, max: 120, unit: 'years' });
    expect(Object.isFrozen(cohort.measures)).toBe(true);
  });
});

describe('measures in CSV files', () => {
  it('reads measure columns by name (any case), leaves other columns ignored, and reports bad cells by line', async () => {
    const text = 'id,type,year,outcome,Age,SEX,gmfcs,followupmonths,site\n1,spastic,2010,improved,7.5,f,2,12,A\n2,mixed,2011,unknown,,,,,B\n3,mixed,2011,unknown,abc,x,9,1,C\n';
    const { records, rejected, ignoredColumns } = await readCohortCsv(Readable.from([text]), { cohort, mode: 'lenient' });
    expect(ignoredColumns).toEqual(['site']);
    expect(records).toEqual([
      { id: '1', type: 'spastic', year: 2010, outcome: 'improved', age: 7.5, sex: 'female', gmfcs: 2, followUpMonths: 12 },
      { id: '2', type: 'mixed', year: 2011, outcome: 'unknown', age: undefined, sex: undefined, gmfcs: undefined, followUpMonths: undefined },
    ]);
    expect(rejected.map((r) => [r.row, r.issues.map((i) => i.field)])).toEqual([[4, ['age', 'gmfcs', 'sex']]]);
  });

  it('maps a measure from another header spelling through headerAliases', async () => {
    const text = 'type,year,outcome,age at entry\nspastic,2010,improved,4\n';
    const { records } = await readCohortCsv(Readable.from([text]), { cohort, headerAliases: { 'Age at entry': 'age' } });
    expect(records[0]?.age).toBe(4);
  });

  it("keeps the cohort's order of types when counting a file with measures (as without)", async () => {
    const text = 'type,year,outcome,age\nmixed,2010,improved,3\nspastic,2010,improved,4\n';
    expect((await countCohortCsv(Readable.from([text]), { cohort })).table.types).toEqual(['spastic', 'mixed']);
  });

  it('lets a file without measure columns through, every measure missing', async () => {
    const { records } = await readCohortCsv(Readable.from(['type,year,outcome\nspastic,2010,improved\n']), { cohort });
    expect(records).toEqual([{ type: 'spastic', year: 2010, outcome: 'improved', id: undefined }]);
  });
});

describe('measures in counted CSV files', () => {
  const cell = fc.oneof(fc.constantFrom('', '7.5', '12', ' 3 ', 'x', '-1', '130', '1e1'), fc.constantFrom('f', 'm', 'female', 'MALE', '', 'other'), fc.constantFrom('1', '5', '6', ''));
  it('count the same measures per cell as countTable on the records read (exact path, lenient)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('spastic', 'mixed', 'Mixed', 'x'), fc.constantFrom('2010', '2011'), cell, cell, cell, fc.integer({ min: 0, max: 40 })), { maxLength: 30 }), async (rows) => {
        const text = `type,year,outcome,age,sex,gmfcs,followUpMonths\n${rows.map(([t, y, a, s, g, f]) => [t, y, 'improved', a, s, g, f].join(',')).join('\n')}\n`;
        const { records } = await readCohortCsv(Readable.from([text]), { cohort, mode: 'lenient' });
        const counted = await countCohortCsv(Readable.from([text]), { cohort, mode: 'lenient' });
        // countTable lists types as first seen; put the records in the counted table's order so the cells line up
        const order = (t: string) => counted.table.types.indexOf(t);
        const expected = countTable([...records].sort((a, b) => order(a.type) - order(b.type)), { measures: cohort.measures });
        expect(counted.table.total).toBe(expected.total);
        expect(Object.keys(counted.table.measures ?? {})).toEqual(Object.keys(cohort.measures));
        for (const name of Object.keys(cohort.measures)) {
          const a = counted.table.measures![name]!;
          const b = expected.measures![name]!;
          if ('counts' in a && 'counts' in b) expect([...a.counts]).toEqual([...b.counts]);
          else if ('cells' in a && 'cells' in b) expect(a.cells.map((c) => c && [c.moments.n, c.moments.grid, c.quantiles])).toEqual(b.cells.map((c) => c && [c.moments.n, c.moments.grid, c.quantiles]));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('measures in cohort files', () => {
  it('are read and checked by defineCohort, problems named by their path', () => {
    const c = parseCohortFile({ types: ['a'], measures: { score: { kind: 'integer', min: 0 } } });
    expect(c.measures).toEqual({ score: { kind: 'integer', min: 0 } });
    expect(c.parse([{ type: 'a', year: 2010, outcome: 'improved', score: '4' }]).records[0]).toMatchObject({ score: 4 });
    expect(() => parseCohortFile({ types: ['a'], measures: { score: { kind: 'decimal' } } }, { file: 'c.yaml' })).toThrow(/c\.yaml: invalid cohort file:\nmeasures\.score: .*kind must be/);
    expect(() => parseCohortFile({ types: ['a'], measures: ['age'] })).toThrow(/measures must map column names to definitions/);
  });
});
