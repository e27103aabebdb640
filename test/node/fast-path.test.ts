// The byte scanner and the csv-parse + zod path must accept and reject exactly the same rows,
// with the same records and messages. A quoted header sends a whole file down the general path.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCohortCsv, readCohortCsv, streamCohortCsv } from '../../src/node/csv.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { countTable, forEachCell } from '../../src/stats/count-table.js';

const cell = fc.oneof(
  fc.constantFrom('spastic', 'mixed', 'Spastic', ' spastic', 'dyskinetic', 'spastik', '', 'other types', 'athetoid', 'ataxic'),
  fc.constantFrom('2004', '2010', '2014', '1999', '20O5', '02010', '-2010', '2010.0', ' 2010', '99999999999'),
  fc.constantFrom('improved', 'unknown', 'Improved', 'improvd', 'worsened', 'unchanged', ''),
  fc.string({ maxLength: 5, unit: fc.constantFrom('a', 'b', '1', ' ', '\u00a0', 'é', ';') }),
);
const row = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.string({ maxLength: 3, unit: fc.constantFrom('1', '2', 'x') }), cell, cell, cell).map((r) => r.join(',')) },
  { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 6 }).map((r) => r.join(',')) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\u00a0', '\t') },
);
const cohort = defineCohort({ types: ['spastic', 'mixed', 'athetoid', 'other'], years: [2004, 2014], aliases: { dyskinetic: 'athetoid', 'other types': 'other' } });

async function read(text: string, withCohort: boolean) {
  const rows: unknown[] = [];
  for await (const r of streamCohortCsv(Readable.from([Buffer.from(text)]), withCohort ? { cohort } : {})) rows.push(r);
  return rows;
}

describe('fast path = exact path', () => {
  it('gives identical records, rejections and messages (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), fc.boolean(), fc.constantFrom('\n', '\r\n'), async (rows, withCohort, eol) => {
        const body = rows.join(eol) + eol;
        const fast = await read(`id,type,year,outcome${eol}${body}`, withCohort);
        const exact = await read(`"id",type,year,outcome${eol}${body}`, withCohort);
        expect(fast).toStrictEqual(exact);
      }),
      { numRuns: 1000 },
    );
  });

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

  it('reads a file split into chunks anywhere', async () => {
    const text = 'id,type,year,outcome\r\n1,spastic,2005,improved\r\n2,mixed,2006,unknown\r\n\r\n3,Mixed,2007,worsened\r\n';
    const whole = await read(text, true);
    for (let cut = 1; cut < text.length; cut += 3) {
      const rows = [];
      for await (const r of streamCohortCsv(Readable.from([Buffer.from(text.slice(0, cut)), Buffer.from(text.slice(cut))]), { cohort })) rows.push(r);
      expect(rows).toStrictEqual(whole);
    }
  });
});

describe('countCohortCsv', () => {
  it('counts exactly what readCohortCsv reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), async (rows) => {
        const text = `id,type,year,outcome\n${rows.join('\n')}\n`;
        const { records, rejected } = await readCohortCsv(Readable.from([text]), { cohort, mode: 'lenient' });
        const counted = await countCohortCsv(Readable.from([text]), { cohort, mode: 'lenient' });
        expect(counted.rejected).toStrictEqual(rejected);
        expect(counted.rows).toBe(records.length + rejected.length);
        const cells = (t: ReturnType<typeof countTable>) => {
          const out: string[] = [];
          forEachCell(t, (...c) => out.push(c.join('|')));
          return out.sort();
        };
        expect(cells(counted.table)).toEqual(cells(countTable(records)));
      }),
      { numRuns: 200 },
    );
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

describe('fast path regressions', () => {
  it('counts years far apart without a huge table (found by the equivalence property)', async () => {
    const text = 'id,type,year,outcome\n,spastic,99999999999,improved\n,improved,2004,improved\n';
    const fast = await read(text, false);
    const exact = await read(`"id",type,year,outcome\n${text.split('\n').slice(1).join('\n')}`, false);
    expect(fast).toStrictEqual(exact);
    const counted = await countCohortCsv(Readable.from([text]), { mode: 'lenient' });
    expect(counted.table.years).toEqual([2004, 99999999999]);
  });
});
