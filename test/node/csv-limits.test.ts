// Hostile shapes of CSV: each is read in linear time (the time for twice the input is at most
// 2.5 times the time for the input: CPU time of this process, the best of five, so other work on
// the machine matters less) or refused at once with a typed error.
import { readdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFormatError, LineTooLongError } from '../../src/errors.js';
import { countCohortCsv, readCohortCsv, streamCohortCsv } from '../../src/node/csv.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';

const dir = mkdtempSync(join(tmpdir(), 'to-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bestMs(run: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** The time for input of size `factor` × n over the time for size n. */
async function growth(make: (n: number) => Buffer, n: number, read: (b: Buffer) => Promise<unknown>, factor = 2): Promise<number> {
  const small = make(n);
  const large = make(factor * n);
  await read(small); // warm up
  return (await bestMs(() => read(large))) / (await bestMs(() => read(small)));
}

const rows = (n: number, eol: string) => {
  const types = ['spastic', 'mixed', 'athetoid'];
  let text = `id,type,year,outcome${eol}`;
  for (let i = 0; i < n; i++) text += `${i},${types[i % 3]},${2004 + (i % 11)},improved${eol}`;
  return text;
};
const lenient = { mode: 'lenient' as const, cohort: cerebralPalsyCohort };

describe('line endings', () => {
  it("reads a CR-only file (Excel's CSV for Macintosh) exactly as the same file with LF", async () => {
    const cr = await readCohortCsv(Readable.from([rows(1000, '\r')]), lenient);
    const lf = await readCohortCsv(Readable.from([rows(1000, '\n')]), lenient);
    expect(cr.rejected).toEqual([]);
    expect(cr.records).toEqual(lf.records);
    const lines: number[] = [];
    for await (const r of streamCohortCsv(Readable.from(['type,year,outcome\rspastic,2005,improved\r\rmixed,2006,unknown\r']))) lines.push(r.line);
    expect(lines).toEqual([2, 4]);
  });

  it('reads CR-only files in linear time', async () => {
    // 4x the rows: linear time gives 4, quadratic 16; 8 leaves room for a loaded machine (2x at 2.5 failed once)
    const ratio = await growth((n) => Buffer.from(rows(n, '\r')), 100_000, (b) => countCohortCsv(Readable.from([b]), lenient), 4);
    expect(ratio).toBeLessThan(8);
  });

  it('keeps no stray CR or LF in the last field when line endings are mixed, after a quote too', async () => {
    const text = 'type,year,outcome\r\n"spastic",2005,improved\nmixed,2006,"unknown"\r\n"ath""etoid",2007,improved\rathetoid,2008,worsened\n';
    const { records, rejected } = await readCohortCsv(Readable.from([text]), { mode: 'lenient' });
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.type, r.outcome])).toEqual([
      ['spastic', 'improved'],
      ['mixed', 'unknown'],
      ['ath"etoid', 'improved'],
      ['athetoid', 'worsened'],
    ]);
  });
});

describe('long lines', () => {
  it('refuses a line longer than maxLineLength at once, with its line number', async () => {
    const text = `type,year,outcome\nspastic,2005,improved\n${'x'.repeat(3 << 20)}`;
    const error = await countCohortCsv(Readable.from([text]), { maxLineLength: 1 << 20, file: 'long.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineTooLongError);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as LineTooLongError).line).toBe(3);
    expect((error as Error).message).toMatch(/^long\.csv:3: line 3 is longer than 1048576 bytes/);
  });

  it('stops reading a file without any line break after about maxLineLength bytes', async () => {
    let served = 0;
    async function* endless() {
      for (;;) {
        served += 1 << 16;
        yield Buffer.alloc(1 << 16, 'a');
      }
    }
    await expect(countCohortCsv(endless(), { maxLineLength: 4 << 20 })).rejects.toThrow(LineTooLongError);
    expect(served).toBeLessThan(16 << 20);
  });

  it('reads a long quoted record in linear time', async () => {
    const make = (n: number) => Buffer.from(`type,year,outcome\n"${'a,'.repeat(n)}",2005,improved\nspastic,2005,improved\n`);
    // one multi-megabyte string per size: allocation makes 2x noisy, so compare 4x (quadratic would be 16x)
    const ratio = await growth(make, 1 << 19, (b) => readCohortCsv(Readable.from([b]), { mode: 'lenient' }), 4);
    // linear is 4, quadratic 16; beside the other test files a collection in the large run alone reached 8.05
    expect(ratio).toBeLessThan(10);
  });

  it('reads a header of 100,000 columns in linear time', async () => {
    const make = (n: number) => {
      const names = Array.from({ length: n }, (_, i) => `c${i}`);
      const values = names.map(() => 'x');
      return Buffer.from(`${names.join(',')},type,year,outcome\n${values.join(',')},spastic,2005,improved\n`);
    };
    const { records } = await readCohortCsv(Readable.from([make(100_000)]));
    expect(records).toEqual([{ type: 'spastic', year: 2005, outcome: 'improved', id: undefined }]);
    const ratio = await growth(make, 50_000, (b) => readCohortCsv(Readable.from([b])), 4);
    // linear is 4, quadratic 16; on a loaded machine a garbage collection in the small run alone reached 7
    expect(ratio).toBeLessThan(10);
  });

  it('names a few header cells, not all, when a column is missing', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const error = (await readCohortCsv(Readable.from([`${header}\n`]), { file: 'wide.csv' }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(InputFormatError);
    expect(error.message.length).toBeLessThan(500);
    expect(error.message).toContain('and 99988 more');
  });
});

describe('encodings and file handles', () => {
  it('says a UTF-16 file is UTF-16 and how to fix it', async () => {
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('type,year,outcome\n', 'utf16le')]), Buffer.from('type,year,outcome\nspastic,2005,improved\n', 'utf16le')]) {
      const error = (await readCohortCsv(Readable.from([bytes]), { file: 'u16.csv' }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(InputFormatError);
      expect(error.message).toBe('u16.csv: this file is UTF-16 text; save it as UTF-8 (in Excel: Save As, "CSV UTF-8") and read it again');
    }
  });

  it('closes the file when the header is bad (missing or duplicate column, UTF-16)', async () => {
    const openFds = () => readdirSync('/proc/self/fd').length;
    const files = ['id,kind,year,outcome\n1,spastic,2005,improved\n', 'type,type,year,outcome\n', '\uFEFF'];
    const paths = files.map((text, i) => {
      const path = join(dir, `bad-${i}.csv`);
      writeFileSync(path, text);
      return path;
    });
    const u16 = join(dir, 'u16.csv');
    writeFileSync(u16, Buffer.from('type,year,outcome\n', 'utf16le'));
    paths.push(u16);
    const before = openFds();
    for (let i = 0; i < 50; i++) for (const path of paths) await expect(countCohortCsv(path)).rejects.toThrow(InputFormatError);
    expect(openFds()).toBeLessThanOrEqual(before + 2);
  });
});
