import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CohortValidationError } from '../errors.js';
import type { Cohort } from '../schema/define-cohort.js';
import type { RejectedRow } from '../schema/rejected.js';
import { fromCounts, mergeCounts, type CountTable } from '../stats/count-table.js';
import { countCohortCsv, type CohortCsvCounts, type CohortCsvOptions } from './csv.js';
import { detectDelimiter, mapHeader } from './csv-header.js';
import type { WorkerResult, WorkerTask } from './count-worker.js';

/** Options of {@link countCohortCsvParallel}. */
export interface ParallelCountOptions extends Omit<CohortCsvOptions<unknown>, 'cohort' | 'onProgress'> {
  /** A cohort made by `defineCohort` (its definition is sent to the workers). */
  cohort?: Cohort<string>;
  /** Worker threads (default: the machine's available parallelism, at most 8). */
  workers?: number;
}

// Files smaller than this are counted on the calling thread: starting workers would cost more.
const MIN_PARALLEL_BYTES = 8 << 20;

function workerUrl(): { url: URL; source: boolean } {
  const here = import.meta.url;
  const ext = here.endsWith('.ts') ? '.ts' : here.endsWith('.cjs') ? '.cjs' : '.js';
  // This code may sit in src/node, dist/node or a shared chunk in dist/: look in both places.
  const url = [new URL(`./count-worker${ext}`, here), new URL(`./node/count-worker${ext}`, here)].find((u) => existsSync(u));
  if (url === undefined) throw new Error(`count-worker${ext} not found next to ${here}`);
  return { url, source: ext === '.ts' };
}

function runWorker(task: WorkerTask): Promise<WorkerResult> {
  const { url, source } = workerUrl();
  return new Promise((resolve, reject) => {
    // From TypeScript sources (the tests), the worker loads its module through tsx.
    const worker = source
      ? new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`, { eval: true, workerData: task })
      : new Worker(url, { workerData: task });
    worker.once('message', (message: WorkerResult | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}

/**
 * Count a large cohort CSV file on several threads: the file is split into byte ranges at line
 * ends, each worker counts its range with the byte scanner, and the count tables are merged.
 * Results (counts, rejected rows with their line numbers) are those of `countCohortCsv`; a file
 * that needs the general CSV parser (quotes, odd line ends) or is small is counted on one thread.
 *
 * @example
 * const { table } = await countCohortCsvParallel(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort, workers: 2 });
 * table.total; // 4278
 */
export async function countCohortCsvParallel(path: string, options: ParallelCountOptions = {}): Promise<CohortCsvCounts> {
  const { mode = 'strict', workers = Math.min(8, availableParallelism()), cohort } = options;
  const sequential = () => countCohortCsv(path, options);
  const size = (await stat(path)).size;
  if (workers < 2 || size < MIN_PARALLEL_BYTES) return sequential();

  // header and split points, read from the file's start and around each cut
  const handle = await open(path, 'r');
  let header;
  let headerEnd;
  let delimiter;
  const cuts: number[] = [];
  try {
    const head = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString('utf8');
    const lf = text.indexOf('\n');
    const firstLine = text.slice(0, lf === -1 ? undefined : lf).replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (lf === -1 || firstLine.trim() === '' || firstLine.includes('"')) return sequential();
    delimiter = options.delimiter ?? detectDelimiter(firstLine);
    header = mapHeader(firstLine.split(delimiter), options.headerAliases ?? {}, { file: path, line: 1 });
    headerEnd = Buffer.byteLength(text.slice(0, lf + 1));
    const probe = Buffer.alloc(1 << 16);
    for (let w = 1; w < workers; w++) {
      const guess = headerEnd + Math.floor(((size - headerEnd) * w) / workers);
      const { bytesRead: n } = await handle.read(probe, 0, probe.length, guess);
      const at = probe.subarray(0, n).indexOf(10);
      if (at === -1) return sequential();
      cuts.push(guess + at + 1);
    }
  } finally {
    await handle.close();
  }
  const bounds = [headerEnd, ...cuts, size];
  const definition = cohort ? { types: [...cohort.types], years: cohort.years, aliases: Object.fromEntries(cohort.aliases) } : undefined;
  const results = await Promise.all(
    bounds.slice(0, -1).map((start, i) =>
      runWorker({
        path,
        start,
        end: bounds[i + 1]!,
        header: { columns: [...header.columns], ignored: header.ignored, width: header.width },
        delimiter: delimiter.charCodeAt(0),
        cohort: definition as WorkerTask['cohort'],
      }),
    ),
  );
  if (results.some((r) => r.unusual)) return sequential();
  const rejected: RejectedRow[] = [];
  let lineOffset = 2; // data starts on line 2, after the header
  for (const r of results) {
    for (const row of r.rejected) rejected.push({ ...row, row: row.row + lineOffset });
    lineOffset += r.lines;
  }
  if (mode === 'strict' && rejected.length > 0) throw new CohortValidationError(rejected, path);
  const table: CountTable = mergeCounts(...results.map((r) => fromCounts(r.rows)));
  return { table, rejected, rows: table.total + rejected.length, delimiter, ignoredColumns: header.ignored, threads: results.length };
}
