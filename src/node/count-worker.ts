// Worker for countCohortCsvParallel: takes chunks from a shared counter until none is left and
// posts each chunk's counts. A chunk that fails is left to the main thread, which reports it.
import { parentPort, workerData } from 'node:worker_threads';
import { defineCohort, type CohortDefinition } from '../schema/define-cohort.js';
import { anyCohort } from '../schema/parse-records.js';
import type { RecordValidator } from '../schema/validate-row.js';
import { countChunk } from './count-chunk.js';
import type { CsvHead } from './csv-head.js';

export interface WorkerTask {
  path: string;
  head: CsvHead;
  dataStart: number;
  chunkBytes: number;
  chunks: number;
  /** Int32 counter of the next chunk to take, shared by every thread. */
  next: SharedArrayBuffer;
  cohort: CohortDefinition<string> | undefined;
  maxRejected: number;
  maxLineLength: number | undefined;
}

async function work(task: WorkerTask, post: (message: unknown) => void): Promise<void> {
  const validator = (task.cohort ? defineCohort(task.cohort) : anyCohort) as RecordValidator<unknown>;
  const next = new Int32Array(task.next);
  for (;;) {
    const k = Atomics.add(next, 0, 1);
    if (k >= task.chunks) return;
    const start = task.dataStart + k * task.chunkBytes;
    const result = await countChunk(task.path, task.head, k, start, k > 0, start + task.chunkBytes, { validator, maxRejected: task.maxRejected, maxLineLength: task.maxLineLength }).catch(() => undefined);
    if (result) post({ result });
  }
}

if (parentPort) {
  const port = parentPort;
  work(workerData as WorkerTask, (message) => port.postMessage(message)).finally(() => port.postMessage({ done: true }));
}
