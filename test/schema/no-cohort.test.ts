// Without a cohort, records are still compared by their trimmed, lower-case spelling, and the CSV
// reader (byte scanner and csv-parse alike) agrees with parseRecords row for row.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCohortCsv, readCohortCsv } from '../../src/node/csv.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { parseRecords } from '../../src/schema/parse-records.js';
import { countTable, forEachCell, type CountTable } from '../../src/stats/count-table.js';

describe('parseRecords without a cohort', () => {
  it('trims and folds case, so one type is one type', () => {
    const { records, warnings } = parseRecords([
      { type: 'spastic', year: 2010, outcome: 'improved' },
      { type: ' spastic', year: 2010, outcome: 'Improved ' },
      { type: 'SPASTIC', year: '2011', outcome: 'UNKNOWN' },
    ]);
    expect(records.map((r) => [r.type, r.outcome])).toEqual([
      ['spastic', 'improved'],
      ['spastic', 'improved'],
      ['spastic', 'unknown'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('rejects a blank type as empty', () => {
    const { rejected } = parseRecords([{ type: '   ', year: 2010, outcome: 'improved' }], { mode: 'lenient' });
    expect(rejected[0]!.issues[0]).toMatchObject({ field: 'type', message: 'type is empty' });
  });

  it('warns about near-duplicate spellings and implausible years, with a suggestion', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => ({ type: 'spastic', year: 2010, outcome: 'improved' })),
      { type: 'spastik', year: -5, outcome: 'improved' },
      { type: 'mixed', year: 99999, outcome: 'improved' },
    ];
    const { records, warnings } = parseRecords(rows);
    expect(records).toHaveLength(7); // nothing dropped for a warning
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'similar-types', type: 'spastik', suggestion: 'spastic', count: 1, suggestionCount: 5 }),
      expect.objectContaining({ code: 'implausible-years', years: [{ year: -5, count: 1 }, { year: 99999, count: 1 }] }),
    ]);
  });

  it('with a cohort, misspellings are rejections rather than warnings', () => {
    const { rejected, warnings } = parseRecords([{ type: 'spastik', year: 2010, outcome: 'improved' }], { cohort: cerebralPalsyCohort, mode: 'lenient' });
    expect(rejected[0]!.issues[0]!.suggestion).toBe('spastic');
    expect(warnings).toEqual([]);
  });
});

const cellText = fc.oneof(
  fc.constantFrom('spastic', ' spastic', 'SPASTIC', 'Spastic ', 'spastik', 'dyskinetic', 'Mixed', '\u00a0mixed', '', ' ', 'É', 'é'),
  fc.constantFrom('2010', ' 2011', '-5', '99999', '20O5', ''),
  fc.constantFrom('improved', 'Improved', ' unknown', 'WORSENED', 'improvd', ''),
  fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'B', ' ', '1', '\u00a0', 'É') }),
);
const rowArb = fc.tuple(fc.constantFrom('', '7', 'x'), cellText, cellText, cellText);

const cells = (t: CountTable): string[] => {
  const out: string[] = [];
  forEachCell(t, (...c) => out.push(c.join('|')));
  return out.sort();
};

describe('the CSV reader agrees with parseRecords', () => {
  it('on the same rows, with and without a cohort, through the byte scanner and csv-parse (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 25 }), fc.boolean(), fc.boolean(), async (rows, withCohort, quotedHeader) => {
        const options = withCohort ? { cohort: cerebralPalsyCohort } : {};
        const objects = rows.map(([id, type, year, outcome]) => ({ id, type, year, outcome }));
        const expected = parseRecords(objects, { ...options, mode: 'lenient' });
        const text = `${quotedHeader ? '"id"' : 'id'},type,year,outcome\n${rows.map((r) => r.join(',')).join('\n')}\n`;
        const read = await readCohortCsv(Readable.from([Buffer.from(text)]), { ...options, mode: 'lenient' });
        expect(read.records).toStrictEqual(expected.records);
        expect(read.rejected).toStrictEqual(expected.rejected.map((r) => ({ ...r, row: r.row + 1 })));
        const counted = await countCohortCsv(Readable.from([Buffer.from(text)]), { ...options, mode: 'lenient' });
        expect(cells(counted.table)).toEqual(cells(countTable(expected.records)));
      }),
      { numRuns: 400 },
    );
  });
});
