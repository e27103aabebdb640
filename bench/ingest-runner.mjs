// One measurement in a fresh process (so peak RSS is this path's alone): node bench/ingest-runner.mjs <path> <file>
// Prints one JSON line: { path, rows, ms, maxRssMB }.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { CEREBRAL_PALSY, defineCohort, cohortRecordSchema } from '../dist/index.js';
import { countCohortCsv, countCohortCsvParallel, countWithDuckDB, readCohortColumns, readCohortCsv, streamCohortColumns, streamCohortCsv, streamCohortCsvBatches } from '../dist/node/index.js';

const [path, file] = process.argv.slice(2);
const cohort = defineCohort({ ...CEREBRAL_PALSY, years: [2004, 2014] });
const start = performance.now();
let rows = 0;
switch (path) {
  case 'fast-1-thread':
    rows = (await countCohortCsv(file, { cohort })).rows;
    break;
  case 'fast-2-workers':
    rows = (await countCohortCsvParallel(file, { cohort, workers: 2 })).rows;
    break;
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
console.log(JSON.stringify({ path, rows, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
