import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CohortValidationError } from '../../src/errors.js';
import { readCohortColumns, streamCohortColumns, type CohortColumns } from '../../src/node/csv-columns.js';
import { streamCohortCsv } from '../../src/node/csv.js';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { anyCohort } from '../../src/schema/parse-records.js';
import { OUTCOMES, type CohortRecord } from '../../src/schema/record.js';
import type { RecordValidator } from '../../src/schema/validate-row.js';

const cohort = defineCohort({ types: ['spastic', 'mixed', 'athetoid', 'other'], years: [2004, 2014], aliases: { dyskinetic: 'athetoid' } });
// the same rules, but a validator the byte scanner knows nothing about: every row goes through zod
const opaque: RecordValidator<CohortRecord> = { schema: anyCohort.schema, suggest: anyCohort.suggest };

const line = fc.tuple(
  fc.constantFrom('', '7', 'p-1', 'x y'),
  fc.constantFrom('spastic', 'Mixed', 'athetoid', 'dyskinetic', 'other', 'spastik', '', 'ataxic'),
  fc.constantFrom('2004', '2010', '2014', '1999', '20O5', '2020'),
  fc.constantFrom('improved', 'unknown', 'Worsened', 'unchanged', 'improvd'),
);
const csv = fc
  .tuple(fc.array(fc.oneof({ weight: 9, arbitrary: line.map((cells) => cells.join(',')) }, { weight: 1, arbitrary: fc.constantFrom('', '"spastic",2005,"improved",1', 'mixed,2006') }), { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([rows, eol]) => `id,type,year,outcome${eol}${rows.join(eol)}${eol}`);

/** The columns' rows as records (as readCohortCsv returns them), with their lines. */
function asRows(c: CohortColumns): { line: number; record: CohortRecord }[] {
  return Array.from({ length: c.length }, (_, i) => ({
    line: c.line[i]!,
    record: { type: c.types[c.type[i]!]!, year: c.year[i]!, outcome: OUTCOMES[c.outcome[i]!]!, ...(c.id?.[i] !== undefined ? { id: c.id[i] } : {}) },
  }));
}

async function expected(text: string, validator: RecordValidator<unknown> | undefined) {
  const rows: { line: number; record: CohortRecord }[] = [];
  const rejected = [];
  for await (const r of streamCohortCsv(Readable.from([text]), validator ? { cohort: validator } : {})) {
    if (r.ok) rows.push({ line: r.line, record: r.record as CohortRecord });
    else rejected.push(r.rejected);
  }
  return { rows, rejected };
}

const validators = fc.constantFrom<[string, RecordValidator<unknown> | undefined]>(['cohort', cohort as RecordValidator<unknown>], ['none', undefined], ['opaque', opaque as RecordValidator<unknown>]);

describe('readCohortColumns', () => {
  it('holds exactly the records and rejected rows the row reader yields (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(csv, validators, fc.boolean(), async (text, [, validator], ids) => {
        const want = await expected(text, validator);
        const got = await readCohortColumns(Readable.from([text]), { mode: 'lenient', ids, ...(validator ? { cohort: validator } : {}) });
        // ids are kept only when asked for
        const wanted = want.rows.map(({ line, record: { id, ...rest } }) => ({ line, record: ids && id !== undefined ? { ...rest, id } : rest }));
        expect(asRows(got.columns)).toEqual(wanted);
        expect(got.rejected).toEqual(want.rejected);
        expect(got.rejectedCount).toBe(want.rejected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the cohort types their codes in the cohort order', async () => {
    const { columns } = await readCohortColumns(Readable.from(['type,year,outcome\nmixed,2005,improved\nspastic,2006,unknown\n']), { cohort });
    expect(columns.types).toEqual(['spastic', 'mixed', 'athetoid', 'other']);
    expect([...columns.type]).toEqual([1, 0]);
    expect([...columns.outcome]).toEqual([0, 3]);
    expect(columns.id).toBeUndefined();
  });

  it('throws in strict mode with every bad line', async () => {
    const error = await readCohortColumns(Readable.from(['type,year,outcome\nspastic,2005,improved\nbad,2005,improved\n']), { cohort, file: 'x.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CohortValidationError);
    expect((error as CohortValidationError).rejected.map((r) => r.row)).toEqual([3]);
  });
});

describe('streamCohortColumns', () => {
  it('yields batches that add up to readCohortColumns, each with the rows rejected since the last (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(csv, validators, fc.integer({ min: 1, max: 9 }), async (text, [, validator], batchSize) => {
        const options = validator ? { cohort: validator } : {};
        const whole = await readCohortColumns(Readable.from([text]), { ...options, mode: 'lenient' });
        const rows: ReturnType<typeof asRows> = [];
        const rejected = [];
        let previousLast = 0;
        let pending: number[] = []; // lines rejected in the batch before, to check against this batch's first row
        for await (const batch of streamCohortColumns(Readable.from([text]), { ...options, batchSize })) {
          expect(batch.length).toBeLessThanOrEqual(batchSize);
          const first = batch.length > 0 ? batch.line[0]! : Infinity;
          for (const l of pending) expect(l).toBeLessThan(first);
          for (const r of batch.rejected) expect(r.row).toBeGreaterThan(previousLast);
          pending = batch.rejected.map((r) => r.row);
          if (batch.length > 0) previousLast = batch.line[batch.length - 1]!;
          rows.push(...asRows(batch));
          rejected.push(...batch.rejected);
        }
        expect(rows).toEqual(asRows(whole.columns));
        expect(rejected).toEqual(whole.rejected);
      }),
      { numRuns: 200 },
    );
  });
});
