import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CohortValidationError, InputFormatError } from '../../src/errors.js';
import { readCohortCsv, streamCohortCsv } from '../../src/node/csv.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { defineCohort } from '../../src/schema/define-cohort.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const lenient = { mode: 'lenient' as const, cohort: cerebralPalsyCohort };

describe('readCohortCsv', () => {
  it('reads a UTF-8 BOM and CRLF line ends', async () => {
    const { records, rejected } = await readCohortCsv(fixture('bom-crlf.csv'));
    expect(rejected).toEqual([]);
    expect(records).toEqual([
      { id: '1', type: 'spastic', year: 2005, outcome: 'improved' },
      { id: '2', type: 'mixed', year: 2006, outcome: 'unknown' },
    ]);
  });

  it('keeps quoted delimiters and newlines inside fields and counts lines from where a record starts', async () => {
    const rows = [];
    for await (const row of streamCohortCsv(fixture('quoted.csv'))) rows.push(row);
    expect(rows.map((r) => (r.ok ? [r.line, r.record.type] : [r.line, 'rejected']))).toEqual([
      [2, 'spastic, bilateral'],
      [3, 'mixed\ntype'],
      [5, 'athetoid'],
    ]);
  });

  it('detects semicolons and tabs, or takes the delimiter given', async () => {
    expect((await readCohortCsv(fixture('semicolon.csv'))).records).toHaveLength(2);
    expect((await readCohortCsv(fixture('semicolon.csv'))).delimiter).toBe(';');
    expect((await readCohortCsv(fixture('tab.csv'))).records[0]).toEqual({ id: '1', type: 'spastic', year: 2005, outcome: 'improved' });
    const forced = await readCohortCsv(fixture('semicolon.csv'), { delimiter: ',', mode: 'lenient' }).catch((e: unknown) => e);
    expect(forced).toBeInstanceOf(InputFormatError);
  });

  it('skips blank lines without counting them as records or rejects, keeping line numbers true', async () => {
    const lines: number[] = [];
    for await (const row of streamCohortCsv(fixture('blank-lines.csv'))) lines.push(row.line);
    expect(lines).toEqual([3, 6]);
  });

  it('reports ragged rows with their line, never drops them', async () => {
    const { records, rejected } = await readCohortCsv(fixture('ragged.csv'), lenient);
    expect(records.map((r) => r.id)).toEqual(['1', '4']);
    expect(rejected).toEqual([
      { row: 3, issues: [{ field: '(row)', value: '2,mixed,2006', message: 'expected 4 fields as in the header, found 3' }] },
      { row: 4, issues: [{ field: '(row)', value: '3,athetoid,2007,improved,extra', message: 'expected 4 fields as in the header, found 5' }] },
    ]);
  });

  it('reports unknown types with a suggestion, and maps aliases', async () => {
    const { records, rejected } = await readCohortCsv(fixture('unknown-type.csv'), lenient);
    expect(records).toEqual([{ id: '2', type: 'athetoid', year: 2006, outcome: 'improved' }]);
    expect(rejected.map((r) => [r.row, r.issues[0]?.field, r.issues[0]?.value, r.issues[0]?.suggestion])).toEqual([
      [2, 'type', 'spastik', 'spastic'],
      [4, 'type', 'banana', undefined],
    ]);
  });

  it("reports year 20O5, a misspelled outcome and a year outside the cohort's range", async () => {
    const cohort = defineCohort({ types: ['spastic', 'mixed'], years: [2004, 2014] });
    const { rejected } = await readCohortCsv(fixture('bad-values.csv'), { mode: 'lenient', cohort });
    expect(rejected).toEqual([
      { row: 2, issues: [{ field: 'year', value: '20O5', message: 'year must be a whole number such as 2005, got "20O5"' }] },
      { row: 3, issues: [{ field: 'outcome', value: 'improvd', message: expect.stringContaining('outcome must be one of'), suggestion: 'improved' }] },
      { row: 4, issues: [{ field: 'year', value: '1999', message: 'year must be from 2004 to 2014' }] },
    ]);
  });

  it('throws one CohortValidationError in strict mode, naming the file and every bad line', async () => {
    const error = await readCohortCsv(fixture('bad-values.csv'), { cohort: cerebralPalsyCohort }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CohortValidationError);
    const e = error as CohortValidationError;
    expect(e.file).toBe(fixture('bad-values.csv'));
    expect(e.rejected.map((r) => r.row)).toEqual([2, 3]);
    expect(e.message).toContain('2 invalid rows');
  });

  it('matches headers case-insensitively and lists the columns it ignores', async () => {
    const result = await readCohortCsv(fixture('extra-columns.csv'), lenient);
    expect(result.records).toEqual([{ id: '1', type: 'spastic', year: 2005, outcome: 'improved' }]);
    expect(result.ignoredColumns).toEqual(['Site', 'Notes']);
  });

  it('refuses duplicate and missing columns with the line and column named', async () => {
    await expect(readCohortCsv(fixture('duplicate-headers.csv'))).rejects.toThrow(/:1: columns 2 \("type"\) and 5 \("Type"\) both give "type"/);
    await expect(readCohortCsv(fixture('missing-column.csv'))).rejects.toThrow(/:1: no column for "type" in the header/);
    await expect(readCohortCsv(fixture('empty.csv'))).rejects.toThrow(InputFormatError);
    const fixed = await readCohortCsv(fixture('missing-column.csv'), { headerAliases: { kind: 'type' } });
    expect(fixed.records).toEqual([{ id: '1', type: 'spastic', year: 2005, outcome: 'improved' }]);
  });

  it('ignores a __proto__ header without polluting any prototype', async () => {
    const { records } = await readCohortCsv(fixture('proto-header.csv'));
    expect(records).toEqual([{ id: '1', type: 'spastic', year: 2005, outcome: 'improved' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(records[0])).toBe(Object.prototype);
  });

  it('reports an unclosed quote instead of losing the rest of the file silently', async () => {
    const { records, rejected } = await readCohortCsv(fixture('unclosed-quote.csv'), lenient);
    expect(records).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.row).toBe(3);
    expect(rejected[0]?.issues[0]?.message).toMatch(/never closed.*from line 3/);
  });

  it('keeps a stray quote as part of the value and reports it', async () => {
    const { records, rejected } = await readCohortCsv(fixture('stray-quote.csv'), lenient);
    expect(records.map((r) => r.id)).toEqual(['2']);
    expect(rejected[0]).toMatchObject({ row: 2, issues: [{ field: 'type', value: '"a"b' }] });
  });

  it('reads streams and async iterables of text chunks split anywhere', async () => {
    const text = 'type,year,outcome\r\nspastic,2005,improved\r\n"mi\r\nxed",2006,unknown\r\n';
    for (let cut = 1; cut < text.length; cut += 7) {
      const { records, rejected } = await readCohortCsv(Readable.from([text.slice(0, cut), text.slice(cut)]), { mode: 'lenient' });
      expect(records.map((r) => r.type)).toEqual(['spastic', 'mi\r\nxed']);
      expect(rejected).toEqual([]);
    }
  });

  it('streams a large generated file row by row', async () => {
    async function* big() {
      yield 'id,type,year,outcome\n';
      for (let i = 0; i < 200; i++) {
        let chunk = '';
        for (let j = 0; j < 500; j++) chunk += `${i * 500 + j},spastic,${2004 + (j % 11)},improved\n`;
        yield chunk;
      }
    }
    let n = 0;
    let last = 0;
    for await (const row of streamCohortCsv(big())) {
      if (!row.ok) throw new Error('unexpected rejection');
      n += 1;
      last = row.line;
    }
    expect(n).toBe(100_000);
    expect(last).toBe(100_001);
  });
});
