import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { countCohortCsvParallel } from '../../src/node/count-parallel.js';
import { countCohortCsv } from '../../src/node/csv.js';
import { parallelPlan, workersToStart } from '../../src/node/count-plan.js';
import { CEREBRAL_PALSY } from '../../src/schema/cerebral-palsy.js';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { forEachCell, type CountTable } from '../../src/stats/count-table.js';

const dir = mkdtempSync(join(tmpdir(), 'to-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cohort = defineCohort({ ...CEREBRAL_PALSY, years: [2004, 2014] });
const cells = (t: CountTable) => {
  const out: string[] = [];
  forEachCell(t, (...c) => out.push(c.join('|')));
  return out.sort();
};

function bigFile(name: string, rows: number, extra: (i: number) => string | undefined): string {
  const types = ['spastic', 'mixed', 'athetoid', 'other'];
  const outcomes = ['improved', 'unchanged', 'worsened', 'unknown'];
  const lines = ['\uFEFFid,type,year,outcome'];
  for (let i = 0; i < rows; i++) lines.push(extra(i) ?? `${i},${types[i % 4]},${2004 + (i % 11)},${outcomes[(i * 7) % 4]}`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('parallelPlan', () => {
  it('tries workers only on files a fast core takes longer to count than a worker takes to repay', () => {
    // a 10^7-row file of the benchmark (294 MB) is counted on one thread; 10^8 rows are not
    expect(parallelPlan.minBytes).toBeGreaterThan(294e6);
    expect(parallelPlan.minBytes).toBeLessThan(2.9e9);
  });
});

describe('workersToStart', () => {
  it('starts a worker per idle core, and only for work that outlasts starting it', () => {
    expect(workersToStart({ threads: 2, chunksLeft: 30, perChunkMs: 25, idleCores: 1 })).toBe(1);
    expect(workersToStart({ threads: 4, chunksLeft: 30, perChunkMs: 25, idleCores: 1.9 })).toBe(2);
    expect(workersToStart({ threads: 4, chunksLeft: 30, perChunkMs: 25, idleCores: 0.5 })).toBe(0); // the other core is busy
    expect(workersToStart({ threads: 2, chunksLeft: 3, perChunkMs: 25, idleCores: 1 })).toBe(0); // 75 ms of work left
    expect(workersToStart({ threads: 1, chunksLeft: 30, perChunkMs: 25, idleCores: 3 })).toBe(0);
    expect(workersToStart({ threads: 8, chunksLeft: 2, perChunkMs: 500, idleCores: 7 })).toBe(2); // no more workers than chunks
  });
});

describe('countCohortCsvParallel', () => {
  it('counts a large file on two threads exactly as on one, rejected lines included', async () => {
    const path = bigFile('big.csv', 400_000, (i) => (i === 5 ? 'x,spastik,2005,improved' : i === 250_001 ? '' : i === 399_998 ? 'y,mixed,1999,improved' : undefined));
    const one = await countCohortCsv(path, { cohort, mode: 'lenient' });
    const two = await countCohortCsvParallel(path, { cohort, mode: 'lenient', workers: 2, parallel: 'always', chunkBytes: 1 << 20 });
    expect(cells(two.table)).toEqual(cells(one.table));
    expect(two.rejected).toEqual(one.rejected);
    expect(two.rejected.map((r) => r.row)).toEqual([7, 400_000]);
    expect(two.rows).toBe(one.rows);
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    // 11 MB: counted on one thread, as countCohortCsv does, before a worker could repay its start
    const auto = await countCohortCsvParallel(path, { cohort, mode: 'lenient', workers: 2 });
    expect(cells(auto.table)).toEqual(cells(one.table));
    expect(auto.rejected).toEqual(one.rejected);
    expect(auto.threads).toBe(1);
  });

  it('counts a file with a quoted field as one thread does', async () => {
    const path = bigFile('quoted.csv', 400_000, (i) => (i === 200_000 ? `${i},"mixed",2005,improved` : undefined));
    const one = await countCohortCsv(path, { cohort });
    const two = await countCohortCsvParallel(path, { cohort, workers: 2, parallel: 'always', chunkBytes: 1 << 20 });
    expect(cells(two.table)).toEqual(cells(one.table));
  });

  it('counts quoted records that span chunk boundaries, CRLF and CR lines, as one thread does', async () => {
    const path = bigFile('straddle.csv', 300_000, (i) =>
      i % 9973 === 0 ? `${i},"mi\nxed",2005,improved` : i % 7919 === 0 ? `${i},"spa""stic",2006,unknown\r` : i % 5003 === 0 ? `${i},"spastic",2007,"improved"\r\n` : undefined,
    );
    const one = await countCohortCsv(path, { cohort, mode: 'lenient' });
    for (const chunkBytes of [1 << 12, 50_000, 1 << 20]) {
      const two = await countCohortCsvParallel(path, { cohort, mode: 'lenient', workers: 2, chunkBytes, parallel: 'always' });
      expect(cells(two.table)).toEqual(cells(one.table));
      expect(two.rejected).toEqual(one.rejected);
      expect(two.rejectedCount).toBe(one.rejectedCount);
    }
  });

  it('alone, counts the rest of the file as one range, with spanning records and every rejected row handed on', async () => {
    // the path of a file large enough to try workers, on a file of 12 MB
    const minBytes = parallelPlan.minBytes;
    parallelPlan.minBytes = 8 << 20;
    onTestFinished(() => void (parallelPlan.minBytes = minBytes));
    // 3 chunks of 4 MB (after the first, starting a worker would cost more than the rest takes); the
    // first boundary falls among records with a line break inside, so the range is counted again from a record's end
    const path = bigFile('alone.csv', 400_000, (i) => (i > 150_000 && i < 190_000 ? `${i},"mi\nxed",2005,improved` : i % 1000 === 7 ? `${i},spastik,2005,improved` : undefined));
    const handedOne: number[] = [];
    const one = await countCohortCsv(path, { cohort, mode: 'lenient', maxRejected: 3, onRejected: (r) => void handedOne.push(r.row) });
    const handed: number[] = [];
    const alone = await countCohortCsvParallel(path, { cohort, mode: 'lenient', workers: 2, chunkBytes: 4 << 20, maxRejected: 3, onRejected: (r) => void handed.push(r.row) });
    expect(alone.threads).toBe(1);
    expect(cells(alone.table)).toEqual(cells(one.table));
    expect(alone.rejected).toEqual(one.rejected);
    expect(alone.rejectedCount).toBe(one.rejectedCount);
    expect(handed).toEqual(handedOne);
    expect(handed.length).toBe(one.rejectedCount);
  });

  it('throws the same validation error in strict mode', async () => {
    const path = bigFile('strict.csv', 400_000, (i) => (i === 399_999 ? 'z,banana,2005,improved' : undefined));
    await expect(countCohortCsvParallel(path, { cohort, workers: 2, parallel: 'always', chunkBytes: 1 << 20 })).rejects.toThrow(/row 400001, type/);
  });
});
