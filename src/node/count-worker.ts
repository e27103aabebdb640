// Worker for countCohortCsvParallel: counts the lines of one byte range of a file.
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { defineCohort, type CohortDefinition } from '../schema/define-cohort.js';
import { anyCohort } from '../schema/parse-records.js';
import type { RejectedRow } from '../schema/rejected.js';
import type { RecordValidator } from '../schema/validate-row.js';
import type { CountRow } from '../stats/count-table.js';
import type { CohortField } from './csv-header.js';
import { CountAccumulator, FastScanner, fastVocabulary } from './fast-scan.js';

export interface WorkerTask {
  path: string;
  start: number;
  end: number;
  header: { columns: [CohortField, number][]; ignored: string[]; width: number };
  delimiter: number;
  cohort: CohortDefinition<string> | undefined;
}

export interface WorkerResult {
  rows: CountRow[];
  rejected: RejectedRow[];
  /** Lines read, so the caller can turn range-relative line numbers into file lines. */
  lines: number;
  /** The range held something only the sequential CSV path reads correctly. */
  unusual: boolean;
}

async function countRange(task: WorkerTask): Promise<WorkerResult> {
  const validator = (task.cohort ? defineCohort(task.cohort) : anyCohort) as RecordValidator<unknown>;
  const acc = new CountAccumulator();
  const rejected: RejectedRow[] = [];
  const header = { columns: new Map(task.header.columns), ignored: task.header.ignored, width: task.header.width };
  const sink = { count: (type: string, year: number, outcome: number, n: number) => acc.add(acc.typeIndex(type), year, outcome, n), rejected: (r: RejectedRow) => rejected.push(r) };
  const scanner = new FastScanner(header, task.delimiter, fastVocabulary(validator), validator, sink, 0);
  const handle = await open(task.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    let tail = Buffer.alloc(0);
    let position = task.start;
    while (position < task.end) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, task.end - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      const lastLF = chunk.lastIndexOf(10);
      if (lastLF === -1) {
        tail = Buffer.concat([tail, chunk]);
        continue;
      }
      const data = tail.length > 0 ? Buffer.concat([tail, chunk.subarray(0, lastLF + 1)]) : chunk.subarray(0, lastLF + 1);
      if (scanner.scan(data, 0, data.length)) return { rows: [], rejected: [], lines: 0, unusual: true };
      tail = Buffer.from(chunk.subarray(lastLF + 1));
    }
    if (tail.length > 0) {
      const last = Buffer.concat([tail, Buffer.from('\n')]);
      if (scanner.scan(last, 0, last.length)) return { rows: [], rejected: [], lines: 0, unusual: true };
    }
  } finally {
    await handle.close();
  }
  scanner.flush();
  return { rows: acc.rows(), rejected, lines: scanner.line, unusual: false };
}

if (parentPort) {
  const port = parentPort;
  countRange(workerData as WorkerTask).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
}
