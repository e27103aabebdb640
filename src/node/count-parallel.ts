import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { CohortValidationError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import type { Cohort } from '../schema/define-cohort.js';
import { anyCohort } from '../schema/parse-records.js';
import type { RejectedRow } from '../schema/rejected.js';
import type { RecordValidator } from '../schema/validate-row.js';
import { fromCounts, type CountRow } from '../stats/count-table.js';
import { countChunk, type ChunkOptions, type ChunkResult } from './count-chunk.js';
import { DECIDE_MS, idleCores, parallelPlan, workersToStart } from './count-plan.js';
import type { WorkerTask } from './count-worker.js';
import { countCohortCsv, lineLimit, type CohortCsvCounts, type CohortCsvOptions } from './csv.js';
import { readHead } from './csv-head.js';
import { ByteWindow } from './csv-input.js';
import type { RejectReason } from './reject-log.js';

/** Options of {@link countCohortCsvParallel}. */
export interface ParallelCountOptions extends Omit<CohortCsvOptions<unknown>, 'cohort' | 'onProgress'> {
  /** A cohort made by `defineCohort` (its definition is sent to the workers). */
  cohort?: Cohort<string>;
  /** Threads to count on, this one included (default: the machine's available parallelism, at most 8; never more than that). */
  workers?: number;
  /** Bytes per unit of work handed to a thread (default 8 MiB). */
  chunkBytes?: number;
  /**
   * `'auto'` (default): one thread, as `countCohortCsv`, for files under about 675 MB (about
   * 2.3 × 10^7 rows of `id,type,year,outcome`: counted before a worker could repay its start);
   * for larger files workers only as many as there are idle cores, judged while this thread counts
   * the first chunks, and only when the rest of the file repays them. `'always'`: start them at once
   * whatever the file and the machine (for tests and benchmarks). `workers` is a maximum.
   */
  parallel?: 'auto' | 'always';
}

/** Threads at most, whatever is asked: more only cost memory and start-up. */
export const MAX_THREADS = 16;
/** Bytes per unit of work: small enough to balance a busy core, large enough to cost little to hand out. */
const CHUNK_BYTES = 8 << 20;

function workerUrl(): { url: URL; source: boolean } {
  const here = import.meta.url;
  const ext = here.endsWith('.ts') ? '.ts' : here.endsWith('.cjs') ? '.cjs' : '.js';
  // This code may sit in src/node, dist/node or a shared chunk in dist/: look in both places.
  const url = [new URL(`./count-worker${ext}`, here), new URL(`./node/count-worker${ext}`, here)].find((u) => existsSync(u));
  if (url === undefined) throw new Error(`count-worker${ext} not found next to ${here}`);
  return { url, source: ext === '.ts' };
}

// loaded when the first worker starts: a count on one thread (most counts) never pays for it
const workerThreads = () => import('node:worker_threads');

async function startWorker(task: WorkerTask, onResult: (result: ChunkResult) => void): Promise<Worker> {
  const { Worker } = await workerThreads();
  const { url, source } = workerUrl();
  // From TypeScript sources (the tests), the worker loads its module through tsx.
  const worker = source
    ? new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`, { eval: true, workerData: task })
    : new Worker(url, { workerData: task });
  worker.on('message', (message: { result?: ChunkResult }) => {
    if (message.result) onResult(message.result);
  });
  worker.on('error', () => undefined); // its chunks are counted here instead
  worker.unref();
  return worker;
}

/**
 * Count a large cohort CSV file on several threads: the file is cut into chunks at line starts,
 * each thread (this one too) takes the next chunk from a shared counter, and the tables are merged
 * in file order. Results (counts, rejected rows with their line numbers) are those of
 * `countCohortCsv`. Workers start only when the first chunk shows the rest is worth it; when they
 * are slow (a busy core) this thread takes more chunks, and at the end it counts any chunk still
 * in a worker's hands itself rather than wait, so more threads are never much slower than one.
 * A quoted record is read where it is; only a chunk that a quoted record spans into is counted
 * again, from that record's end.
 *
 * @example
 * const { table } = await countCohortCsvParallel(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort, workers: 2 });
 * table.total; // 4278
 */
export async function countCohortCsvParallel(path: string, options: ParallelCountOptions = {}): Promise<CohortCsvCounts> {
  const { mode = 'strict', cohort, signal } = options;
  assertOneOf(options.parallel ?? 'auto', ['auto', 'always'], 'parallel');
  const always = options.parallel === 'always';
  const cores = availableParallelism();
  const threads = Math.max(1, Math.min(options.workers ?? Math.min(8, cores), always ? MAX_THREADS : cores, MAX_THREADS));
  const size = (await stat(path)).size;
  // measures are read on this thread (the workers count type, year and outcome)
  const measured = Object.keys(cohort?.measures ?? {}).length > 0;
  if (threads < 2 || (size < parallelPlan.minBytes && !always) || measured) return countCohortCsv(path, options);
  signal?.throwIfAborted();
  const idle = idleCores();

  const window = await ByteWindow.open(path, 1 << 16);
  let head;
  let dataStart;
  try {
    head = await readHead(window, { file: path, delimiter: options.delimiter, headerAliases: options.headerAliases ?? {}, maxLineLength: lineLimit(options.maxLineLength) });
    dataStart = window.offset + window.start;
  } finally {
    await window.close();
  }
  const chunkBytes = Math.max(1 << 12, Math.floor(options.chunkBytes ?? CHUNK_BYTES));
  const chunks = Math.max(1, Math.ceil((size - dataStart) / chunkBytes));
  const validator = (cohort ?? anyCohort) as RecordValidator<unknown>;
  const maxRejected = options.maxRejected ?? Infinity;
  const chunkOptions: ChunkOptions = { validator, maxRejected, maxLineLength: options.maxLineLength, ...(signal ? { signal } : {}) };
  const nominal = (k: number) => dataStart + k * chunkBytes;
  // chunk k, or with `last` the chunks k to last as one range (what this thread counts when no worker helps)
  const count = (k: number, start = nominal(k), align = k > 0, more: Partial<ChunkOptions> = {}, last = k) => countChunk(path, head, k, start, align, nominal(last + 1), { ...chunkOptions, ...more });

  const results = new ChunkResults(chunks);
  const next = new SharedArrayBuffer(4);
  const take = () => Atomics.add(new Int32Array(next), 0, 1);
  const workers: Worker[] = [];
  const stopWorkers = () => workers.forEach((w) => void w.terminate());
  const startWorkers = async (n: number) => {
    const definition = cohort ? { types: [...cohort.types], ...(cohort.years ? { years: cohort.years } : {}), aliases: Object.fromEntries(cohort.aliases) } : undefined;
    const task: WorkerTask = { path, head, dataStart, chunkBytes, chunks, next, cohort: definition, maxRejected, maxLineLength: options.maxLineLength };
    for (let w = 0; w < n; w++) workers.push(await startWorker(task, (r) => results.set(r)));
    // stopped while they started
    if (signal?.aborted) stopWorkers();
  };
  signal?.addEventListener('abort', stopWorkers, { once: true });
  let perChunk = 0;
  try {
    if (always) await startWorkers(threads - 1);
    else {
      // count here until the per-chunk cost and the cores left idle meanwhile are known, then decide
      const started = performance.now();
      let counted = 0;
      for (let k = take(); k < chunks; k = take()) {
        results.set(await count(k));
        counted++;
        if (performance.now() - started >= DECIDE_MS) break;
      }
      perChunk = (performance.now() - started) / counted;
      const first = Math.min(chunks, Atomics.load(new Int32Array(next), 0));
      const helpers = workersToStart({ threads, chunksLeft: chunks - first, perChunkMs: perChunk, idleCores: idle() });
      if (helpers > 0) await startWorkers(helpers);
      else if (first < chunks) {
        // alone: the rest in one range, as countCohortCsv reads it (one range per chunk costs more)
        Atomics.store(new Int32Array(next), 0, chunks);
        results.setRange(await count(first, nominal(first), first > 0, {}, chunks - 1), chunks - 1);
      }
    }
    for (let k = take(); k < chunks; k = take()) if (!results.has(k)) results.set(await count(k));
    // chunks still in a worker's hands: wait about as long as one takes here, then count them here rather than wait for a slow core
    for (let k = 0; k < chunks; k++) {
      if (!results.has(k)) await results.settled(k, Math.max(perChunk, 20));
      if (!results.has(k)) results.set(await count(k));
    }
  } finally {
    signal?.removeEventListener('abort', stopWorkers);
    stopWorkers();
  }
  signal?.throwIfAborted();
  return merge(results, { count, mode, path, options, threads: workers.length + 1, delimiter: head.delimiter, ignoredColumns: head.header.ignored, firstLine: head.firstDataLine, dataStart, maxRejected });
}

/** Chunk results as they arrive from any thread; the first for each chunk is kept. */
class ChunkResults {
  private readonly results: (ChunkResult | undefined)[];
  private readonly waiting = new Map<number, () => void>();
  private readonly spans = new Map<number, number>();

  constructor(chunks: number) {
    this.results = new Array<ChunkResult | undefined>(chunks);
  }

  has(k: number): boolean {
    return this.results[k] !== undefined;
  }

  set(result: ChunkResult): void {
    this.results[result.index] ??= result;
    this.waiting.get(result.index)?.();
  }

  /** A result for chunks `result.index` to `last` read as one range: the chunks after the first are empty, starting where it ended. */
  setRange(result: ChunkResult, last: number): void {
    this.set(result);
    this.spans.set(result.index, last);
    for (let k = result.index + 1; k <= last; k++) this.set({ index: k, start: result.end, end: result.end, lines: 0, rows: [], rejected: [], rejectedCount: 0, reasons: [] });
  }

  /** The last chunk the result of chunk k covers. */
  lastOf(k: number): number {
    return this.spans.get(k) ?? k;
  }

  /** Wait until chunk `k` is in, or `ms` have passed. */
  settled(k: number, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiting.set(k, () => {
        this.waiting.delete(k);
        done();
      });
    });
  }

  all(): ChunkResult[] {
    return this.results as ChunkResult[];
  }
}

interface MergeContext {
  count: (k: number, start?: number, align?: boolean, more?: Partial<ChunkOptions>, last?: number) => Promise<ChunkResult>;
  mode: string;
  path: string;
  options: ParallelCountOptions;
  threads: number;
  delimiter: string;
  ignoredColumns: string[];
  firstLine: number;
  dataStart: number;
  maxRejected: number;
}

/** Add the chunks up in file order; a chunk that did not start where the previous one ended is counted again from there. */
async function merge(chunks: ChunkResults, ctx: MergeContext): Promise<CohortCsvCounts> {
  const results = chunks.all();
  const rows: CountRow[] = [];
  const rejected: RejectedRow[] = [];
  const reasons = new Map<string, RejectReason>();
  let rejectedCount = 0;
  let line = ctx.firstLine;
  let expected = ctx.dataStart;
  const { onRejected } = ctx.options;
  for (let k = 0; k < results.length; k++) {
    let r = results[k]!;
    if (r.start !== expected) r = await ctx.count(k, expected, false, {}, chunks.lastOf(k)); // a quoted record ran into this chunk // a quoted record ran into this chunk
    if (onRejected && r.rejected.length < r.rejectedCount) {
      // not every rejected row came back: read the chunk again here to hand each one on, in order
      const offset = line;
      await ctx.count(k, r.start, false, { maxRejected: 0, onRejected: (row) => onRejected({ ...row, row: row.row + offset }) }, chunks.lastOf(k));
    } else if (onRejected) for (const row of r.rejected) await onRejected({ ...row, row: row.row + line });
    for (const row of r.rejected) if (rejected.length < ctx.maxRejected) rejected.push({ ...row, row: row.row + line });
    for (const reason of r.reasons) {
      const key = `${reason.field}\n${reason.reason}`;
      const entry = reasons.get(key);
      if (entry) entry.count += reason.count;
      else reasons.set(key, { ...reason, firstRow: reason.firstRow + line });
    }
    rejectedCount += r.rejectedCount;
    rows.push(...r.rows);
    line += r.lines;
    expected = r.end;
  }
  if (ctx.mode === 'strict' && rejectedCount > 0) throw new CohortValidationError(rejected, ctx.path, rejectedCount);
  const table = fromCounts(rows);
  const rejectReasons = [...reasons.values()].sort((a, b) => b.count - a.count || a.firstRow - b.firstRow);
  return { table, rejected, rejectedCount, rejectReasons, rows: table.total + rejectedCount, delimiter: ctx.delimiter, ignoredColumns: ctx.ignoredColumns, threads: ctx.threads };
}
