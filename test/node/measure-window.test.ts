// Counting a cohort's measures as the byte scanner reads them (histograms of whole units and level
// counts per cell) must give the count table that counting the validated records one by one gives:
// the same cells, counts per level, n, exact sums, range and quantiles, and the same rejections,
// whatever the column order, delimiter, line ending, decimals or spellings of the cells.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureCounts } from '../../src/describe/measure-counts.js';
import { countCohortCsv, readCohortCsv } from '../../src/node/csv.js';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { countTable } from '../../src/stats/count-table.js';
import { expectSameMeasures } from '../helpers.js';

const MEASURES = {
  age: { kind: 'number', min: 0, max: 120 },
  score: { kind: 'number' },
  months: { kind: 'integer', min: 0 },
  sex: { kind: 'category', values: ['female', 'male'], aliases: { f: 'female', m: 'male' } },
  gmfcs: { kind: 'ordinal', levels: [1, 2, 3, 4, 5] },
  // spellings of four bytes and more only, none of them one byte
  side: { kind: 'category', values: ['left', 'right', 'both sides'], aliases: { bilateral: 'both sides' } },
  // two short spellings compared at once, fourteen one-byte ones, and spellings learned past the sixteen compiled
  hand: { kind: 'category', values: ['left', 'right'], aliases: Object.fromEntries([...'abcdefghijklmn'].map((c, i) => [c, i % 2 ? 'right' : 'left'])) },
} as const;
const withYears = defineCohort({ types: ['spastic', 'mixed', 'other'], years: [2004, 2014], measures: MEASURES });
const anyYear = defineCohort({ types: ['spastic', 'mixed', 'other'], measures: MEASURES });

type Column = 'id' | 'type' | 'year' | 'outcome' | 'site' | keyof typeof MEASURES;

const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1300 }).map((u) => String(u / 10)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -500, max: 5000 }), fc.integer({ min: 0, max: 4 })).map(([u, d]) => (u / 10 ** d).toFixed(d)) },
  { weight: 1, arbitrary: fc.constantFrom('', '', '0', '-0', '12.', '.5', '007', '3.0', ' 12', '12 ', '1e1', '+4', '-1', '121', '120', '1.2.3', '-', '.', 'x', '99999999', '123456789012345678', '0.0000001') },
);
const CELLS: Record<Column, fc.Arbitrary<string>> = {
  id: fc.integer({ min: 1, max: 10 ** 6 }).map(String),
  type: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('spastic', 'mixed', 'other') }, { weight: 1, arbitrary: fc.constantFrom('Spastic', 'spastik', '') }),
  year: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2003, max: 2015 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('99999999999', '1890', '20O5', '') }),
  outcome: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('improved', 'unchanged', 'worsened', 'unknown') }, { weight: 1, arbitrary: fc.constantFrom('Improved', 'better') }),
  site: fc.constantFrom('north', '', 'a;b'),
  age: number,
  score: number,
  months: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('', '3.0', '3.5', '-2', '1e2', '100000000') }),
  sex: fc.constantFrom('female', 'male', 'f', 'm', 'F', 'Male', ' male', '', 'x', 'femal'),
  gmfcs: fc.constantFrom('1', '2', '3', '4', '5', '', '6', '1.0', 'III', ' 2'),
  side: fc.constantFrom('left', 'right', 'both sides', 'bilateral', 'Left', 'RIGHT', '', 'lef', 'lefty', 'left ', 'rightright', 'both', 'both sidesx', 'l'),
  hand: fc.constantFrom('left', 'right', 'a', 'n', 'LEFT', 'Right', 'B', 'left', 'right', '', 'x', 'lef', 'leftx', 'righ', 'l e', 'ab'),
};

const layout = fc
  .tuple(fc.boolean(), fc.boolean(), fc.subarray<Column>(['age', 'score', 'months', 'sex', 'gmfcs', 'side', 'hand']))
  .map(([id, site, measures]): Column[] => [...(id ? (['id'] as Column[]) : []), ...(site ? (['site'] as Column[]) : []), 'type', 'year', 'outcome', ...measures])
  .chain((columns) => fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }));

const file = layout.chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    delimiter: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.tuple(...columns.map((c) => CELLS[c])), { maxLength: 60 }),
    anyYear: fc.boolean(),
  }),
);


async function bothWays(text: string, cohort: typeof withYears) {
  const options = { cohort, mode: 'lenient' as const };
  const counted = await countCohortCsv(Readable.from([Buffer.from(text)]), options);
  const read = await readCohortCsv(Readable.from([Buffer.from(text)]), options);
  return { counted, read, expected: countTable(read.records, { measures: cohort.measures }) };
}

describe('measures counted by the byte scanner', () => {
  it('equal the measures counted from the validated records (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const text = [f.columns.join(f.delimiter), ...f.rows.map((r) => r.join(f.delimiter))].map((l) => l + f.eol).join('');
        const { counted, read, expected } = await bothWays(text, f.anyYear ? anyYear : withYears);
        expect(counted.rejected).toStrictEqual(read.rejected);
        expect(counted.rows).toBe(read.records.length + read.rejected.length);
        expect(Object.keys(counted.table.measures ?? {}).sort()).toEqual(Object.keys(MEASURES).sort());
        expectSameMeasures(counted.table, expected);
      }),
      { numRuns: 400 },
    );
  });

  it('puts every cell on its own decimal grid when another cell needs a finer one', async () => {
    const lines = ['type,year,outcome,age'];
    for (let i = 0; i < 500; i++) lines.push(`spastic,2005,improved,${i % 50}`);
    lines.push('mixed,2006,unknown,7.125', 'spastic,2005,improved,0.5');
    const { counted, expected } = await bothWays(`${lines.join('\n')}\n`, withYears);
    expectSameMeasures(counted.table, expected);
    const age = counted.table.measures!.age as Extract<MeasureCounts, { cells: unknown }>;
    const decimals = age.cells.filter((c) => c !== null).map((c) => c.moments.grid?.decimals);
    expect(decimals.sort()).toEqual([1, 3]);
  });

  it('counts a value more often than a histogram byte holds, then refines and widens the histogram', async () => {
    const lines = ['type,year,outcome,age,gmfcs'];
    for (let i = 0; i < 1500; i++) lines.push(`spastic,2005,improved,${i % 3 === 0 ? 12 : 13},${1 + (i % 5)}`);
    lines.push('spastic,2005,improved,12.25,', 'spastic,2005,improved,110,2');
    for (let i = 0; i < 600; i++) lines.push(`spastic,2005,improved,13,3`);
    const { counted, expected } = await bothWays(`${lines.join('\n')}\n`, withYears);
    expectSameMeasures(counted.table, expected);
    const age = counted.table.measures!.age as Extract<MeasureCounts, { cells: unknown }>;
    const cell = age.cells.find((c) => c !== null)!;
    expect(cell.quantiles.counts).toEqual([500, 1, 1600, 1]);
  });

  it('counts a value more often than a 16-bit bin holds', async () => {
    const lines = ['type,year,outcome,months'];
    for (let i = 0; i < 66_000; i++) lines.push(`spastic,2005,improved,${i < 65_600 ? 7 : 8}`);
    const { counted, expected } = await bothWays(`${lines.join('\n')}\n`, withYears);
    expectSameMeasures(counted.table, expected);
    const months = counted.table.measures!.months as Extract<MeasureCounts, { cells: unknown }>;
    expect(months.cells.find((c) => c !== null)!.quantiles.counts).toEqual([65_600, 400]);
  });

  it('moves a wide grid into the cells\' maps when the count window grows past its room', async () => {
    // 4001 units on the grid, then 150 years × 8 type slots × 4 outcomes of cells: more than a grid holds
    const lines = ['type,year,outcome,months'];
    for (let i = 0; i <= 4000; i += 40) lines.push(`mixed,2000,improved,${i}`, `spastic,2001,unknown,${4000 - i}`);
    for (let y = 1900; y < 2050; y += 7) lines.push(`other,${y},worsened,${y % 4001}`, `mixed,${y},improved,${(y * 13) % 4001}`);
    const { counted, expected } = await bothWays(`${lines.join('\n')}\n`, anyYear);
    expectSameMeasures(counted.table, expected);
  });

  it('sums squares past 2^53 exactly (values near the largest the grid holds)', async () => {
    const lines = ['type,year,outcome,score'];
    for (let i = 0; i < 5; i++) lines.push(`spastic,2005,improved,${67_000_000 - i}`, `spastic,2005,improved,-${66_000_000 + i}`);
    const { counted, expected } = await bothWays(`${lines.join('\n')}\n`, withYears);
    expectSameMeasures(counted.table, expected);
    const score = counted.table.measures!.score as Extract<MeasureCounts, { cells: unknown }>;
    const cell = score.cells.find((c) => c !== null)!;
    expect(cell.moments.grid?.sumOfSquares).toBe([0, 1, 2, 3, 4].reduce((a, i) => a + BigInt(67_000_000 - i) ** 2n + BigInt(66_000_000 + i) ** 2n, 0n));
  });

  it('rejects and accepts values at bounds that are and are not whole numbers of units, as zod does', async () => {
    const bounded = defineCohort({
      types: ['spastic'],
      measures: { dose: { kind: 'number', min: 0.5, max: 99.95 }, weight: { kind: 'number', min: -3, max: 120 }, tiny: { kind: 'number', min: 0.1, max: 0.3 } },
    });
    const values = ['0.5', '0.49', '0.50', '0.499999999', '99.95', '99.950', '99.951', '99.9500001', '100', '-3', '-3.01', '-3.00', '-2.999999999', '120', '120.0', '120.000000001', '0.1', '0.3', '0.30', '0.300000001', '0.09', '0.2', '7', ''];
    const lines = ['type,year,outcome,dose,weight,tiny'];
    for (const a of values) for (const b of values.slice(8, 20)) lines.push(`spastic,2005,improved,${a},${b},${values[(a.length + b.length) % values.length]}`);
    const options = { cohort: bounded, mode: 'lenient' as const };
    const text = `${lines.join('\n')}\n`;
    const counted = await countCohortCsv(Readable.from([Buffer.from(text)]), options);
    const read = await readCohortCsv(Readable.from([Buffer.from(text)]), options);
    expect(counted.rejected).toStrictEqual(read.rejected);
    expect(read.rejected.length).toBeGreaterThan(50);
    expectSameMeasures(counted.table, countTable(read.records, { measures: bounded.measures }));
  });

  it('reads each cohort with its own bounds when two share a layout and measure names', async () => {
    // compiled loops are reused by layout; the bounds written into one must not reach the other
    const lines = ['type,year,outcome,age,months'];
    for (let k = 0; k < 400; k++) lines.push(`spastic,2005,improved,${k % 2 ? '30' : '90'},${k % 3 ? '5' : '50'}`);
    const text = `${lines.join('\n')}\n`;
    const wide = defineCohort({ types: ['spastic'], measures: { age: { kind: 'number', min: 0, max: 120 }, months: { kind: 'integer', min: 0 } } });
    const narrow = defineCohort({ types: ['spastic'], measures: { age: { kind: 'number', min: 0, max: 60 }, months: { kind: 'integer', min: 0, max: 12 } } });
    for (const cohort of [wide, narrow, wide]) {
      const options = { cohort, mode: 'lenient' as const };
      const counted = await countCohortCsv(Readable.from([Buffer.from(text)]), options);
      const read = await readCohortCsv(Readable.from([Buffer.from(text)]), options);
      expect(counted.rejected).toStrictEqual(read.rejected);
      // narrow: 200 ages of 90, 134 months of 50, 67 rows with both
      expect(counted.rejectedCount).toBe(cohort === narrow ? 267 : 0);
      expectSameMeasures(counted.table, countTable(read.records, { measures: cohort.measures }));
    }
  });

  it('counts a file read in many short ranges as the records say, whatever its line breaks', async () => {
    // the loop first reads a file's bytes in ranges of a few KB that end at line breaks: rows
    // across them, quoted cells (one holding a line break) and rows only zod takes must count as one read
    const sexes = ['female', 'male', '', 'Male', '"male"', 'x'];
    const notes = ['', 'ok', '"a, b"', '"two\nlines"', '"say ""hi"""'];
    for (const eol of ['\n', '\r\n', '\r']) {
      const lines = ['id,type,year,outcome,age,sex,note,gmfcs,months'];
      for (let i = 0; i < 4000; i++) {
        const age = i % 97 === 0 ? '121' : i % 89 === 0 ? '' : String(((i * 37) % 800) / 10);
        const sex = sexes[i % 6 === 5 && i % 7 !== 0 ? 0 : i % 6];
        lines.push(`${i},${['spastic', 'mixed', 'other'][i % 3]},${2004 + (i % 11)},improved,${age},${sex},${notes[i % 131 === 0 ? 3 : i % 5]},${1 + (i % 5)},${i % 43}`);
      }
      const { counted, read, expected } = await bothWays(`${lines.join(eol)}${eol}`, withYears);
      expect(counted.rejected).toStrictEqual(read.rejected);
      expect(read.rejected.length).toBeGreaterThan(40);
      expect(counted.table.total).toBe(read.records.length);
      expectSameMeasures(counted.table, expected);
    }
  });

  it('counts a year far outside the others and values too wide for a histogram', async () => {
    const lines = ['type,year,outcome,score,months'];
    for (let i = 0; i < 300; i++) lines.push(`mixed,${2000 + (i % 3)},improved,${i * 1000}.5,${i % 7}`);
    lines.push('other,99999999999,worsened,-3.25,4', 'other,2001,worsened,,');
    const { counted, expected } = await bothWays(`${lines.join('\n')}\n`, anyYear);
    expectSameMeasures(counted.table, expected);
  });

  it('counts two level measures together per cell, missing values included, while the window grows', async () => {
    // sex x gmfcs counted as one combination per row; years arriving one by one make the window lay its cells out again
    const sexes = ['female', 'male', '', 'm', 'F'];
    const levels = ['1', '2', '3', '4', '5', ''];
    const lines = ['type,year,outcome,sex,gmfcs,age'];
    for (let i = 0; i < 3000; i++) lines.push(`${['spastic', 'mixed', 'other'][i % 3]},${1990 + Math.floor(i / 100)},improved,${sexes[i % 5]},${levels[(i * 7) % 6]},${i % 40}`);
    lines.push('spastic,2005,improved,x,3,4', 'mixed,2006,unknown,male,6,5', 'other,2007,worsened,,,');
    const { counted, read, expected } = await bothWays(`${lines.join('\n')}\n`, anyYear);
    expect(counted.rejected).toStrictEqual(read.rejected);
    expect(read.rejected.map((r) => r.row)).toEqual([3002, 3003]);
    expectSameMeasures(counted.table, expected);
    const sex = counted.table.measures!.sex as Extract<MeasureCounts, { counts: unknown }>;
    expect([...sex.counts].reduce((a, b) => a + b, 0)).toBe(4 * 600); // one row in five has no sex
  });

  it('reads a cell it has seen before by its bytes, also once the grid has more decimals', async () => {
    // cells that share their first four bytes, a longer cell after its prefix, and cells seen before
    // and after the grid gains decimals (remembered units are on the old grid)
    const cells = ['12', '26.5', '26.55', '26.5x', '0012', '12', '7', '26.5', '1.125', '12', '26.5', '26.55', '7', '12 ', '26.5', '-12', '12'];
    const lines = ['type,year,outcome,score,months'];
    for (let r = 0; r < 3; r++) cells.forEach((cell, i) => lines.push(`spastic,2005,improved,${cell},${cells[(i + r) % cells.length]!.replace('.', '')}`));
    const { counted, read, expected } = await bothWays(`${lines.join('\n')}\n`, withYears);
    expect(counted.rejected).toStrictEqual(read.rejected);
    expect(read.rejected.length).toBeGreaterThan(3);
    expectSameMeasures(counted.table, expected);
    const score = counted.table.measures!.score as Extract<MeasureCounts, { cells: unknown }>;
    expect(score.cells.find((c) => c !== null)!.moments.grid?.decimals).toBe(3);
  });

  it('tells apart level cells that share their first bytes, and learns a spelling zod accepts', async () => {
    // 'left ' is left (learned from zod, then matched by the loop); 'lefty' shares its first four bytes and
    // its length, 'rightright' its first eight, 'both sidesx' those of 'both sides'
    const cells = ['left ', 'left ', 'lefty', 'right', 'rightright', 'both sides', 'both sidesx', 'bilateral', '', 'left', 'lefty'];
    const lines = ['type,year,outcome,side'];
    for (let r = 0; r < 30; r++) for (const cell of cells) lines.push(`spastic,2005,improved,${cell}`);
    const { counted, read, expected } = await bothWays(`${lines.join('\n')}\n`, withYears);
    expect(counted.rejected).toStrictEqual(read.rejected);
    expect(read.rejected.length).toBe(30 * 4);
    expectSameMeasures(counted.table, expected);
  });

  it('reads the number shapes the compiled loop leaves out of line as zod does', async () => {
    const shapes = ['-12.5', '1234', '12.3456', '.5', '12.', '-0', '-0.0', '007', '0.0000001', '99999999', '1234567890', '-', '.', '1.2.3', '+4', '12e1', '120.5', '-3'];
    const lines = ['type,year,outcome,score,age'];
    for (const a of shapes) for (const b of shapes) lines.push(`spastic,2005,improved,${a},${b}`);
    const { counted, read, expected } = await bothWays(`${lines.join('\n')}\n`, withYears);
    expect(counted.rejected).toStrictEqual(read.rejected);
    expect(read.rejected.length).toBeGreaterThan(100);
    expectSameMeasures(counted.table, expected);
  });

  it('reports every value of a cohort whose file has none of its measure columns as missing', async () => {
    const { counted } = await bothWays('type,year,outcome\nspastic,2005,improved\n', withYears);
    const sex = counted.table.measures!.sex as Extract<MeasureCounts, { counts: unknown }>;
    expect([...sex.counts].reduce((a, b) => a + b, 0)).toBe(0);
    expect(counted.table.total).toBe(1);
  });
});
