// The readers (byte scanner, csv-parse on the runs it cannot read, chunked input) must yield exactly
// what csv-parse + zod yield on the whole text: the same records, rejections, messages and line
// numbers, whatever the delimiter, column order, line endings, quoting or chunk size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { countCohortCsv, readCohortCsv, rowBatches, streamCohortCsv } from '../../src/node/csv.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { anyCohort } from '../../src/schema/parse-records.js';
import type { RecordValidator } from '../../src/schema/validate-row.js';
import { countTable, forEachCell } from '../../src/stats/count-table.js';
import { oracleRows } from './csv-oracle.js';

type Field = 'id' | 'type' | 'year' | 'outcome' | 'site' | 'notes';
type Eol = '\n' | '\r\n' | '\r';

const HEADER_SPELLINGS: Record<Field, readonly string[]> = {
  id: ['id', 'ID', 'patient_id'],
  type: ['type', 'Type', 'cp type', 'subtype'],
  year: ['year', 'YEAR', 'treatment_year'],
  outcome: ['outcome', 'Outcome', 'result'],
  site: ['site'],
  notes: ['Notes'],
};
const wild = fc.string({ maxLength: 5, unit: fc.constantFrom('a', 'b', '1', ' ', '\u00a0', 'é', ';', ',', '\t', '"', '\n', '\r') });
const CELLS: Record<Field, fc.Arbitrary<string>> = {
  id: fc.oneof(fc.string({ maxLength: 4, unit: fc.constantFrom('1', '2', 'x', '-') }), wild),
  type: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('spastic', 'mixed', 'athetoid', 'other', 'ataxic', 'hypotonic') },
    { weight: 2, arbitrary: fc.constantFrom('Spastic', ' spastic', 'MIXED', 'dyskinetic', 'other types', 'spastik', '', 'spastic diplegia', 'mixed type') },
    { weight: 1, arbitrary: wild },
  ),
  year: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 2002, max: 2016 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('1999', '20O5', '02010', '-2010', '2010.0', ' 2010', '99999999999', '0', '12345', '') },
    { weight: 1, arbitrary: wild },
  ),
  outcome: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('improved', 'unchanged', 'worsened', 'unknown') },
    { weight: 1, arbitrary: fc.constantFrom('Improved', 'improvd', ' unknown ', '', 'IMPROVED') },
    { weight: 1, arbitrary: wild },
  ),
  site: fc.oneof(fc.constantFrom('a', 'north', ''), wild),
  notes: fc.oneof(fc.constantFrom('', 'ok', 'see file'), wild),
};

/** A cell as written in the file: plain, or quoted (with doubled quotes, maybe a line break inside). */
const written = (cell: fc.Arbitrary<string>) =>
  fc.tuple(cell, fc.nat(9), fc.constantFrom('\n', '\r\n', '\r')).map(([text, k, eol]) => {
    if (k < 7) return text;
    const inner = k === 9 ? `${text.slice(0, 2)}${eol}${text.slice(2)}` : text;
    return `"${inner.replace(/"/g, '""')}"`;
  });

const layout = fc
  .tuple(fc.boolean(), fc.subarray<Field>(['site', 'notes']))
  .map(([id, extra]): Field[] => [...(id ? (['id'] as Field[]) : []), 'type', 'year', 'outcome', ...extra])
  .chain((fields) => fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length }));

const file = layout.chain((fields) =>
  fc.record({
    fields: fc.constant(fields),
    delimiter: fc.constantFrom(',', ';', '\t'),
    header: fc.tuple(...fields.map((f) => fc.constantFrom(...HEADER_SPELLINGS[f]).chain((name) => fc.constantFrom(name, `"${name}"`)))),
    rows: fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.tuple(...fields.map((f) => written(CELLS[f]))) },
        { weight: 1, arbitrary: fc.array(written(fc.oneof(...fields.map((f) => CELLS[f]))), { minLength: 1, maxLength: 7 }) },
        { weight: 1, arbitrary: fc.constantFrom([''], ['   '], ['\u00a0']) },
      ),
      { maxLength: 25 },
    ),
    eol: fc.constantFrom<Eol | 'mixed'>('\n', '\r\n', '\r', 'mixed'),
    mixed: fc.array(fc.constantFrom<Eol>('\n', '\r\n', '\r'), { minLength: 27, maxLength: 27 }),
    finalBreak: fc.boolean(),
    bom: fc.boolean(),
    cohort: fc.boolean(),
  }),
);

type FileShape = typeof file extends fc.Arbitrary<infer T> ? T : never;

function text(f: FileShape): Buffer {
  const { delimiter, header, rows, eol, mixed, finalBreak, bom } = f;
  const lines = [header.join(delimiter), ...rows.map((r) => r.join(delimiter))];
  const end = (i: number) => (eol === 'mixed' ? mixed[i % mixed.length]! : eol);
  const body = lines.map((l, i) => (i < lines.length - 1 || finalBreak ? l + end(i) : l)).join('');
  return Buffer.from((bom ? '\uFEFF' : '') + body);
}

const cohort = defineCohort({ types: ['spastic', 'mixed', 'athetoid', 'other'], years: [2004, 2014], aliases: { dyskinetic: 'athetoid', 'other types': 'other' } });

async function streamed(bytes: Buffer, validator: RecordValidator<unknown> | undefined, pieces: number[]) {
  const parts: Buffer[] = [];
  let at = 0;
  for (const p of pieces) {
    const to = Math.min(bytes.length, at + p);
    if (to > at) parts.push(bytes.subarray(at, to));
    at = to;
  }
  if (at < bytes.length) parts.push(bytes.subarray(at));
  const rows: unknown[] = [];
  for await (const r of streamCohortCsv(Readable.from(parts), validator ? { cohort: validator } : {})) rows.push(r);
  return rows;
}

async function inChunks(bytes: Buffer, validator: RecordValidator<unknown> | undefined, chunk: number) {
  const rows: unknown[] = [];
  for await (const batch of rowBatches(Readable.from([bytes]), validator ? { cohort: validator } : {}, chunk)) rows.push(...batch);
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'to-fast-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows of `bytes` written to a file and read `chunk` bytes at a time (files are read straight into the scanner's buffers). */
async function fromFile(bytes: Buffer, validator: RecordValidator<unknown> | undefined, chunk: number) {
  const path = join(dir, 'cohort.csv');
  writeFileSync(path, bytes);
  const rows: unknown[] = [];
  for await (const batch of rowBatches(path, validator ? { cohort: validator, file: '<stream>' } : { file: '<stream>' }, chunk)) rows.push(...batch);
  return rows;
}

const cellsOf = (t: ReturnType<typeof countTable>) => {
  const out: string[] = [];
  forEachCell(t, (...c) => out.push(c.join('|')));
  return out.sort();
};

describe('readers = csv-parse + zod on the whole text', () => {
  it('give identical records, rejections, messages and lines for any layout, delimiter and line ending (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }), fc.integer({ min: 1, max: 48 }), async (f, pieces, chunk) => {
        const bytes = text(f);
        const validator = (f.cohort ? cohort : undefined) as RecordValidator<unknown> | undefined;
        const expected = oracleRows(bytes, f.delimiter, validator ?? (anyCohort as RecordValidator<unknown>));
        expect(await streamed(bytes, validator, pieces)).toStrictEqual(expected);
        expect(await inChunks(bytes, validator, chunk)).toStrictEqual(expected);
        expect(await fromFile(bytes, validator, chunk)).toStrictEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('count exactly what they read (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const bytes = text(f);
        const options = { mode: 'lenient' as const, ...(f.cohort ? { cohort } : {}) };
        const { records, rejected } = await readCohortCsv(Readable.from([bytes]), options);
        const counted = await countCohortCsv(Readable.from([bytes]), options);
        expect(counted.rejected).toStrictEqual(rejected);
        expect(counted.rejectedCount).toBe(rejected.length);
        expect(counted.rows).toBe(records.length + rejected.length);
        expect(cellsOf(counted.table)).toEqual(cellsOf(countTable(records)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('fast path', () => {
  it('switches to the general path at the first quote and keeps line numbers', async () => {
    const text = 'type,year,outcome\nspastic,2005,improved\n"mixed",2006,unknown\nmixed,2007,"im\nproved"\nathetoid,2008,improved\n';
    const rows = [];
    for await (const r of streamCohortCsv(Readable.from([text]), { cohort: cerebralPalsyCohort })) rows.push([r.line, r.ok]);
    expect(rows).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [6, true],
    ]);
  });

  it('counts years far apart without a huge table (found by the equivalence property)', async () => {
    const text = 'id,type,year,outcome\n,spastic,99999999999,improved\n,improved,2004,improved\n';
    expect(await streamed(Buffer.from(text), undefined, [])).toStrictEqual(oracleRows(Buffer.from(text), ',', anyCohort));
    const counted = await countCohortCsv(Readable.from([text]), { mode: 'lenient' });
    expect(counted.table.years).toEqual([2004, 99999999999]);
  });

  it('finds a byte order mark and a quoted header however small the reads (found by the equivalence property)', async () => {
    const bytes = Buffer.from('\uFEFF"year",type,outcome\n2005,spastic,improved\n');
    for (const chunk of [1, 2, 3, 64]) expect(await inChunks(bytes, undefined, chunk)).toStrictEqual(oracleRows(bytes, ',', anyCohort));
  });

  it('matches spellings of every length, and more of them than the loop holds as constants', async () => {
    const types = Array.from({ length: 40 }, (_, k) => `${'t'.repeat(1 + (k % 13))}${k}${k % 5 === 0 ? 'é' : ''}`);
    const lines = ['year,type,outcome'];
    for (let i = 0; i < 2000; i++) lines.push(`${2000 + (i % 30)},${types[(i * 7) % types.length]},${['improved', 'unknown', 'Worsened', 'x'][i % 4]}`);
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const expected = oracleRows(bytes, ',', anyCohort);
    expect(await streamed(bytes, undefined, [])).toStrictEqual(expected);
    expect(await inChunks(bytes, undefined, 100)).toStrictEqual(expected);
    expect(await fromFile(bytes, undefined, 100)).toStrictEqual(expected);
  });

  it('throws in strict mode with every bad line', async () => {
    await expect(countCohortCsv(Readable.from(['type,year,outcome\nspastic,2005,improved\nbad,2005,improved\n']), { cohort, file: 'x.csv' })).rejects.toThrow(/x\.csv: 1 invalid row/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    await expect(countCohortCsv(Readable.from(['type,year,outcome\n']), { signal: controller.signal })).rejects.toThrow(/interrupted/);
  });
});
