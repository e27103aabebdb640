// Counting one byte range of a file with its header known: the unit of work of the threads.
import type { RejectedRow } from '../schema/rejected.js';
import type { RecordValidator } from '../schema/validate-row.js';
import type { CountRow } from '../stats/count-table.js';
import { readRows } from './csv.js';
import type { CsvHead } from './csv-head.js';
import { RejectLog, type RejectReason } from './reject-log.js';

/** What counting one range found; line numbers count from 0 at the range's first line. */
export interface ChunkResult {
  index: number;
  /** The range read: from a line start to the first record boundary at or after its nominal end. */
  start: number;
  end: number;
  lines: number;
  rows: CountRow[];
  rejected: RejectedRow[];
  rejectedCount: number;
  reasons: RejectReason[];
}

export interface ChunkOptions {
  validator: RecordValidator<unknown>;
  maxRejected: number;
  maxLineLength: number | undefined;
  onRejected?: (row: RejectedRow) => void | Promise<void>;
  signal?: AbortSignal;
}

/** Count `[start, until)` of `path` (from the first line start at or after `start` when `align`). */
export async function countChunk(path: string, head: CsvHead, index: number, start: number, align: boolean, until: number, options: ChunkOptions): Promise<ChunkResult> {
  const log = new RejectLog({ maxRejected: options.maxRejected, ...(options.onRejected ? { onRejected: options.onRejected } : {}) });
  const readOptions = { cohort: options.validator, ...(options.maxLineLength ? { maxLineLength: options.maxLineLength } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const reading = readRows(path, readOptions, { rejected: (row) => log.add(row) }, 1 << 21, { head, start, align, until, firstLine: 0 });
  let step = await reading.next();
  for (; !step.done; step = await reading.next()) await log.flush();
  await log.flush();
  const { scanner } = step.value;
  return { index, start: step.value.start, end: step.value.end, lines: scanner.line, rows: scanner.countRows(), rejected: log.kept, rejectedCount: log.count, reasons: log.byReason() };
}
