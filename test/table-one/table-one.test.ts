import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { ROUNDING_MODES } from '../../src/format/rounding.js';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { countTable, fromCounts } from '../../src/stats/count-table.js';
import { chiSquareIndependence } from '../../src/inference/independence.js';
import { fisherWorkLowerBound } from '../../src/inference/fisher-network.js';
import { TABLE_ONE_FISHER_WORK } from '../../src/table-one/p-values.js';
import { tableOne } from '../../src/table-one/table-one.js';
import type { TableOne } from '../../src/table-one/types.js';
import { roundByDistance } from '../oracles.js';
import { deepFreeze } from '../helpers.js';

const cohort = defineCohort({
  types: ['spastic', 'mixed', 'athetoid'],
  measures: {
    age: { kind: 'number', min: 0, max: 120, unit: 'years', label: 'Age' },
    sex: { kind: 'category', values: ['female', 'male'], label: 'Sex' },
    gmfcs: { kind: 'ordinal', levels: [1, 2, 3, 4, 5], label: 'GMFCS' },
    months: { kind: 'integer', min: 0 },
  },
});
const r = (type: string, age?: number, sex?: string, gmfcs?: number, months?: number) => ({ type, year: 2010, outcome: 'improved', age, sex, gmfcs, months });
const { records } = cohort.parse([r('spastic', 6.5, 'female', 1, 12), r('spastic', 8, 'male', 2, 24), r('mixed', 9.25, 'female', 5), r('mixed', undefined, undefined, 3, 6), r('spastic', 7.2, 'male', 1, 3)]);
const text = (t: TableOne) => t.rows.map((row) => [row.label, ...row.cells.map((c) => c.text)]);

describe('tableOne', () => {
  it('lays out variables, levels and Missing rows, overall first, types in the cohort order', () => {
    const t = tableOne(records, { by: 'type', cohort });
    expect(t.columns.map((c) => c.heading)).toEqual(['Overall (n = 5)', 'spastic (n = 3)', 'mixed (n = 2)']);
    expect(text(t)).toEqual([
      ['Age (years), mean (SD)', '7.7 (1.2)', '7.2 (0.8)', '9.3 (–)'],
      ['Missing', '1 (20.0)', '0 (0.0)', '1 (50.0)'],
      ['Sex, n (%)', '', '', ''],
      ['female', '2 (50.0)', '1 (33.3)', '1 (100.0)'],
      ['male', '2 (50.0)', '2 (66.7)', '0 (0.0)'],
      ['Missing', '1 (20.0)', '0 (0.0)', '1 (50.0)'],
      ['GMFCS, n (%)', '', '', ''],
      ['1', '2 (40.0)', '2 (66.7)', '0 (0.0)'],
      ['2', '1 (20.0)', '1 (33.3)', '0 (0.0)'],
      ['3', '1 (20.0)', '0 (0.0)', '1 (50.0)'],
      ['4', '0 (0.0)', '0 (0.0)', '0 (0.0)'],
      ['5', '1 (20.0)', '0 (0.0)', '1 (50.0)'],
      ['months, mean (SD)', '11.3 (9.3)', '13.0 (10.5)', '6.0 (–)'],
      ['Missing', '1 (20.0)', '0 (0.0)', '1 (50.0)'],
    ]);
    expect(t.notes[0]).toMatch(/percent of the records with a value/);
  });

  it('prints a tie as the rounding mode says: the mean 7.25 of 6.5 and 8', () => {
    const two = records.filter((x) => x.age === 6.5 || x.age === 8);
    const cell = (rounding: (typeof ROUNDING_MODES)[number]) => tableOne(two, { cohort, variables: ['age'], rounding, overall: 'first' }).rows[0]!.cells[0]!.text;
    expect(['half-up', 'half-down', 'half-even', 'floor', 'ceil'].map((m) => cell(m as never))).toEqual(['7.3 (1.1)', '7.2 (1.1)', '7.2 (1.1)', '7.2 (1.0)', '7.3 (1.1)']);
  });

  it('percents of all records with percentOf: all, and Missing rows always with missing: always', () => {
    const t = tableOne(records, { cohort, variables: ['sex'], percentOf: 'all', missing: 'always' });
    expect(text(t)).toEqual([
      ['Sex, n (%)', ''],
      ['female', '2 (40.0)'],
      ['male', '2 (40.0)'],
      ['Missing', '1 (20.0)'],
    ]);
    expect(text(tableOne(records, { cohort, variables: ['gmfcs'], missing: 'always' })).at(-1)).toEqual(['Missing', '0 (0.0)']);
  });

  it('puts the overall column last or leaves it out', () => {
    expect(tableOne(records, { by: 'type', cohort, overall: 'last' }).columns.map((c) => c.key)).toEqual(['spastic', 'mixed', 'overall']);
    expect(tableOne(records, { by: 'type', cohort, overall: false }).columns.map((c) => c.key)).toEqual(['spastic', 'mixed']);
  });

  it('takes per-variable labels, decimals and summaries, and decimals for percents and statistics apart', () => {
    const t = tableOne(records, { cohort, variables: [{ name: 'age', label: 'Age at entry', decimals: 2, continuous: 'median-iqr' }, 'sex'], decimals: { percent: 0, continuous: 1 } });
    expect(text(t).slice(0, 4)).toEqual([
      ['Age at entry, median [IQR]', '7.60 [7.03, 8.31]'],
      ['Missing', '1 (20)'],
      ['Sex, n (%)', ''],
      ['female', '2 (50)'],
    ]);
  });

  it('groups by a category measure; records without it are in the overall column only (and a note says so)', () => {
    const t = tableOne(records, { by: 'sex', cohort, variables: ['type'] });
    expect(t.columns.map((c) => c.heading)).toEqual(['Overall (n = 5)', 'female (n = 2)', 'male (n = 2)']);
    expect(text(t)[1]).toEqual(['spastic', '3 (60.0)', '1 (50.0)', '2 (100.0)']);
    expect(t.notes.at(-1)).toBe('1 record without sex is in the overall column only.');
  });

  it('reads records without a cohort: numbers are continuous, other values categories', () => {
    const plain = [
      { type: 'a', year: 2010, outcome: 'improved' as const, score: 3, site: 'north' },
      { type: 'b', year: 2011, outcome: 'unknown' as const, score: 5, site: 'south' },
      { type: 'b', year: 2011, outcome: 'unknown' as const, score: null, site: '' },
    ];
    const t = tableOne(plain, { by: 'type', variables: ['score', 'site', 'outcome', 'year'] });
    expect(text(t)).toEqual([
      ['score, mean (SD)', '4.0 (1.4)', '3.0 (–)', '5.0 (–)'],
      ['Missing', '1 (33.3)', '0 (0.0)', '1 (50.0)'],
      ['site, n (%)', '', '', ''],
      ['north', '1 (50.0)', '1 (100.0)', '0 (0.0)'],
      ['south', '1 (50.0)', '0 (0.0)', '1 (100.0)'],
      ['Missing', '1 (33.3)', '0 (0.0)', '1 (50.0)'],
      ['Outcome, n (%)', '', '', ''],
      ['improved', '1 (33.3)', '1 (100.0)', '0 (0.0)'],
      ['unchanged', '0 (0.0)', '0 (0.0)', '0 (0.0)'],
      ['worsened', '0 (0.0)', '0 (0.0)', '0 (0.0)'],
      ['unknown', '2 (66.7)', '0 (0.0)', '2 (100.0)'],
      ['Year, n (%)', '', '', ''],
      ['2010', '1 (33.3)', '1 (100.0)', '0 (0.0)'],
      ['2011', '2 (66.7)', '0 (0.0)', '2 (100.0)'],
    ]);
    expect(text(tableOne(plain, {}))[0]).toEqual(['Outcome, n (%)', '']);
  });

  it('says why a p-value is missing', () => {
    const t = tableOne(records, { by: 'type', cohort, variables: ['age', 'sex'], pValues: true });
    expect(t.rows[0]!.pValue).toMatchObject({ value: null, text: '', test: null });
    expect(t.rows[0]!.pValue!.reason).toMatch(/mixed has one value/);
    expect(t.rows[2]!.pValue!.test).toBe('fisher');
    expect(t.notes).toContain("p: Fisher's exact test.");
  });

  it("says so when Fisher's exact test would take too long and χ² stands in", () => {
    // GMFCS by type of 130 patients: expected counts below 5, and more than 5·10^7 steps for the exact test
    // (R's fisher.test fails on it with its default workspace; with a larger one it gives 0.75653)
    const counts = [[2, 5, 8, 3, 1], [1, 8, 11, 5, 5], [0, 7, 12, 6, 6], [3, 18, 13, 6, 8]];
    const rows = ['spastic', 'mixed', 'athetoid'].flatMap((type, i) => counts[i]!.flatMap((k, l) => Array.from({ length: k }, () => ({ type, year: 2010, outcome: 'improved', gmfcs: l + 1 }))));
    const wide = defineCohort({ types: ['spastic', 'mixed', 'athetoid'], measures: { gmfcs: cohort.measures.gmfcs } });
    const three = tableOne(wide.parse(rows).records, { by: 'type', cohort: wide, pValues: true });
    expect(three.rows[0]!.pValue).toMatchObject({ test: 'fisher' }); // three groups: the exact test is quick
    expect(three.rows[0]!.pValue!.value).toBeCloseTo(0.7800890493, 8); // R: fisher.test on the 3×5 table
    const fourTypes = defineCohort({ types: ['spastic', 'mixed', 'athetoid', 'other'], measures: { gmfcs: cohort.measures.gmfcs } });
    const all = [...rows, ...counts[3]!.flatMap((k, l) => Array.from({ length: k }, () => ({ type: 'other', year: 2010, outcome: 'improved', gmfcs: l + 1 })))];
    const t = tableOne(fourTypes.parse(all).records, { by: 'type', cohort: fourTypes, pValues: true });
    const p = t.rows[0]!.pValue!;
    expect(p.test).toBe('chi-square');
    expect(p.value).toBeCloseTo(0.7529393811, 9); // R: chisq.test(correct = FALSE) on the same table
    expect(p.note).toBe("Pearson's χ², although an expected count is below 5: Fisher's exact test needs more than 2e7 steps for this 4×5 table of 128 (stopped there)");
    // its margins do not show it (the first stage is small): the exact test ran until its budget was spent
    expect(fisherWorkLowerBound(counts)).toBeLessThan(TABLE_ONE_FISHER_WORK);
    expect(p.exactWork).toBeGreaterThan(TABLE_ONE_FISHER_WORK);
    expect(p.exactWork).toBeLessThan(TABLE_ONE_FISHER_WORK + 10_000);
    expect(t.notes).toContain(`p for ${t.rows[0]!.label}: ${p.note}.`);
    expect(tableOne(fourTypes.parse(all).records, { by: 'type', cohort: fourTypes, pValues: { categorical: 'fisher' } }).rows[0]!.pValue).toMatchObject({ value: null, test: null });
  });

  it("falls back to χ² before any step when a large table's margins show Fisher's test cannot finish", () => {
    // 4 types × 6 levels of 2450 patients, one level rare (expected counts below 5): the first column
    // alone splits some 10^8 ways over the rows
    const levels = ['a', 'b', 'c', 'd', 'e', 'f'];
    const counts = [[300, 200, 150, 100, 50, 2], [250, 180, 120, 90, 40, 3], [200, 150, 100, 70, 30, 1], [150, 100, 80, 60, 20, 4]];
    const types = ['spastic', 'mixed', 'athetoid', 'other'];
    const big = defineCohort({ types, measures: { level: { kind: 'category', values: levels } } });
    const rows = types.flatMap((type, i) => counts[i]!.flatMap((k, l) => Array.from({ length: k }, () => ({ type, year: 2010, outcome: 'improved', level: levels[l] }))));
    const t = tableOne(big.parse(rows).records, { by: 'type', cohort: big, pValues: true });
    const p = t.rows[0]!.pValue!;
    expect(p.test).toBe('chi-square');
    expect(p.exactWork).toBe(0);
    expect(p.value).toBeCloseTo(chiSquareIndependence(counts, { correct: false }).pValue, 12);
    expect(p.note).toMatch(/^Pearson's χ², although an expected count is below 5: Fisher's exact test needs more than 2e7 steps for this 4×6 table of 2450 \(at least [1-9]e\d+, counted from its margins before starting\)$/);
    expect(t.notes).toContain(`p for ${t.rows[0]!.label}: ${p.note}.`);
    // asked for Fisher's test only: left empty, with the reason
    const only = tableOne(big.parse(rows).records, { by: 'type', cohort: big, pValues: { categorical: 'fisher' } }).rows[0]!.pValue!;
    expect(only).toMatchObject({ value: null, test: null, exactWork: 0 });
    expect(only.reason).toMatch(/needs more than 2e7 steps/);
  });

  it('counts the splits of the largest column as the lower bound of the exact test, as a brute-force count does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 3 }), (table) => {
        const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
        const cols = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
        // rows are the shorter side here (2 or 3 rows of 3 columns)
        const c = Math.max(...cols);
        let ways = 0;
        const visit = (i: number, left: number): void => {
          if (i === rows.length) {
            if (left === 0) ways++;
            return;
          }
          for (let v = 0; v <= Math.min(rows[i]!, left); v++) visit(i + 1, left - v);
        };
        visit(0, c);
        expect(fisherWorkLowerBound(table)).toBe(ways);
      }),
    );
  });

  it('does not change its input', () => {
    const frozen = deepFreeze(records.map((x) => ({ ...x })));
    expect(() => tableOne(frozen, { by: 'type', cohort, pValues: true })).not.toThrow();
  });

  it('refuses what it cannot do, naming the option', () => {
    const fail = (input: unknown, options: unknown, pattern: RegExp) => expect(() => tableOne(input as never, options as never)).toThrow(pattern);
    fail('nope', {}, /array of records or a count table/);
    fail(records, { cohort, pValues: true }, /give `by`/);
    fail(records, { cohort, rounding: 'up' }, /rounding must be one of/);
    fail(records, { cohort, decimals: -1 }, /decimals must be a whole number/);
    fail(records, { cohort, by: 'age' }, /is a number/);
    fail(records, { cohort, variables: ['age', 'age'] }, /listed twice/);
    fail(records, { cohort, variables: [{ name: 'sex', kind: 'continuous' }] }, /not numbers/);
    fail([{ type: 'a', year: 1, outcome: 'improved', score: 'x' }, { type: 'a', year: 1, outcome: 'improved', score: 2 }], { variables: [{ name: 'score', kind: 'continuous' }] }, /not numbers/);
    fail(fromCounts([{ type: 'a', count: 3 }]), { variables: ['age'] }, /has no measure "age"/);
    fail(countTable(records, { measures: cohort.measures }), { by: 'sex' }, /grouped by type, year or outcome/);
    expect(InvalidArgumentError).toBeDefined();
  });
});

describe('tableOne from a count table equals tableOne from its records', () => {
  const arb = fc.array(
    fc.record({
      type: fc.constantFrom('spastic', 'mixed', 'athetoid'),
      year: fc.integer({ min: 2004, max: 2006 }),
      outcome: fc.constantFrom('improved', 'unchanged', 'worsened', 'unknown'),
      age: fc.option(fc.integer({ min: 0, max: 1200 }).map((u) => u / 10), { nil: undefined }),
      sex: fc.option(fc.constantFrom('female', 'male'), { nil: undefined }),
      gmfcs: fc.option(fc.constantFrom(1, 2, 3, 4, 5), { nil: undefined }),
      months: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 60 },
  );
  it('for every grouping, summary and rounding mode (texts and p-values)', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('type', 'year', 'outcome', null), fc.constantFrom('mean-sd', 'median-iqr'), fc.constantFrom(...ROUNDING_MODES), (rows, by, continuous, rounding) => {
        const recs = cohort.parse(rows).records;
        const options = { by, cohort, continuous, rounding, pValues: by !== null, variables: ['age', 'sex', 'gmfcs', 'months', 'outcome'] } as const;
        const fromRecords = tableOne(recs, options);
        const fromTable = tableOne(countTable(recs, { measures: cohort.measures }), options);
        const strip = (t: TableOne) => ({ columns: t.columns.map((c) => [c.key, c.n]), rows: t.rows.map((x) => [x.label, x.cells.map((c) => c.text), x.pValue?.text]) });
        expect(strip(fromTable)).toEqual(strip(fromRecords));
      }),
      { numRuns: 300 },
    );
  });
});

describe('printed percents and means are the exact values rounded', () => {
  it('match a rounding-by-distance oracle on the exact fractions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 40 }), fc.constantFrom(...ROUNDING_MODES), fc.integer({ min: 0, max: 3 }), (units, rounding, decimals) => {
        const recs = units.map((u, i) => ({ type: 'spastic', year: 2010, outcome: 'improved' as const, age: u / 10, sex: i % 3 === 0 ? 'female' : 'male' }));
        const t = tableOne(recs, { cohort, variables: ['age', 'sex'], rounding, decimals });
        const cell = t.rows[0]!.cells[0]!;
        if (cell.kind !== 'mean-sd') throw new Error('mean cell');
        const sum = BigInt(units.reduce((a, b) => a + b, 0));
        const expected = roundByDistance(sum * 10n ** BigInt(decimals), BigInt(units.length) * 10n, rounding);
        expect(cell.meanText!.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1')).toBe(expected.toString());
        const females = recs.filter((x) => x.sex === 'female').length;
        const pct = t.rows[2]!.cells[0]!;
        if (pct.kind !== 'count') throw new Error('count cell');
        expect(pct.percent!.replace('.', '').replace(/^0+(?=\d)/, '')).toBe(roundByDistance(BigInt(females) * 100n * 10n ** BigInt(decimals), BigInt(recs.length), rounding).toString());
      }),
      { numRuns: 500 },
    );
  });
});
