// One measurement in a fresh process (so peak RSS is this path's alone): node bench/ingest-runner.mjs <path> <file>
// Prints one JSON line: { path, rows, ms, cpuMs, maxRssMB }. `ms` is the work itself, after the modules
// are loaded, and `cpuMs` its CPU time (every thread of the process); for cli-summarize both are the
// whole CLI process, from its start to its exit.
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { CEREBRAL_PALSY, defineCohort, cohortRecordSchema } from '../dist/index.js';
import { countCohortCsv, countCohortCsvParallel, countWithDuckDB, readCohortColumns, readCohortCsv, streamCohortColumns, streamCohortCsv, streamCohortCsvBatches } from '../dist/node/index.js';
import { countLines, wordScan } from './word-scanner.mjs';

const [path, file] = process.argv.slice(2);
const cohort = defineCohort({ ...CEREBRAL_PALSY, years: [2004, 2014] });
const start = performance.now();
const cpu0 = process.cpuUsage();
let rows = 0;
let maxRssMB;
let cpuMs;
switch (path) {
  case 'line-count':
    rows = countLines(file);
    break;
  case 'word-scanner':
    rows = wordScan(file).rows;
    break;
  case 'fast-1-thread':
    rows = (await countCohortCsv(file, { cohort })).rows;
    break;
  case 'fast-2-threads':
    rows = (await countCohortCsvParallel(file, { cohort, workers: 2 })).rows;
    break;
  case 'fast-2-forced':
    rows = (await countCohortCsvParallel(file, { cohort, workers: 2, parallel: 'always' })).rows;
    break;
  case 'cli-summarize': {
    const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
    const probe = fileURLToPath(new URL('./usage-at-exit.cjs', import.meta.url));
    const run = spawnSync(process.execPath, ['--require', probe, cli, 'summarize', file, '--cohort', 'cerebral-palsy', '--lenient', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`summarize exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    const summary = JSON.parse(run.stdout);
    rows = summary.records + summary.rejectedCount;
    maxRssMB = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)[1]) / 1024;
    cpuMs = Number(/cpu-us=(\d+)/.exec(run.stderr)[1]) / 1000;
    break;
  }
  case 'columns-batches':
    for await (const batch of streamCohortColumns(file, { cohort })) rows += batch.length;
    break;
  case 'read-columns':
    rows = (await readCohortColumns(file, { cohort })).columns.length;
    break;
  case 'read-records':
    rows = (await readCohortCsv(file, { cohort })).records.length;
    break;
  case 'stream-records':
    for await (const row of streamCohortCsv(file, { cohort })) if (row.ok) rows += 1;
    break;
  case 'stream-batches':
    for await (const batch of streamCohortCsvBatches(file, { cohort })) for (const row of batch) if (row.ok) rows += 1;
    break;
  case 'duckdb-1-thread':
  case 'duckdb-2-threads':
    rows = (await countWithDuckDB(file, { cohort, threads: path.startsWith('duckdb-1') ? 1 : 2 })).table.total;
    break;
  case 'csv-parse-loop':
  case 'csv-parse-zod': {
    const counts = new Map();
    const parser = createReadStream(file).pipe(parse({ columns: true }));
    for await (const record of parser) {
      const r = path === 'csv-parse-zod' ? cohortRecordSchema.parse(record) : record;
      const key = `${r.type}|${r.year}|${r.outcome}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      rows += 1;
    }
    break;
  }
  default:
    throw new Error(`unknown path ${path}`);
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ path, rows, ms, cpuMs: cpuMs ?? (cpu.user + cpu.system) / 1000, maxRssMB: maxRssMB ?? process.resourceUsage().maxRSS / 1024 }));
