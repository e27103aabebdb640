import { constants } from 'node:buffer';
import { CohortValidationError, LineTooLongError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { anyCohort } from '../schema/parse-records.js';
import { OUTCOMES, type CohortRecord } from '../schema/record.js';
import type { ParseResult, RejectedRow, ValidationMode } from '../schema/rejected.js';
import type { RecordValidator } from '../schema/validate-row.js';
import { RecordMeasureCounter } from '../describe/measure-counts.js';
import type { MeasureDefinitions } from '../schema/measures.js';
import { withMeasures, type CountTable } from '../stats/count-table.js';
import { MeasureWindow } from './measure-window.js';
import { parseRun, runEnd } from './csv-exact.js';
import { readHead, type CsvHead } from './csv-head.js';
import type { CohortField } from './csv-header.js';
import { ByteWindow, sourceName, type CsvSource } from './csv-input.js';
import { FastScanner, knownVocabulary, type FastRowSink } from './fast-scan.js';
import { RejectLog, type RejectOptions, type RejectReason } from './reject-log.js';

export type { CsvSource } from './csv-input.js';
export type { RejectReason } from './reject-log.js';

/** Lines longer than this (in bytes) stop the read with a `LineTooLongError` unless `maxLineLength` says otherwise. */
export const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

/**
 * The line limit of a read: `maxLineLength`, but never past half the longest JavaScript string
 * (~256 Mi): the read window at most doubles past the limit before it is checked, so a raised limit
 * still ends a longer line with a `LineTooLongError`, not V8's "Cannot create a string longer than…".
 */
export const lineLimit = (maxLineLength: number | undefined): number => Math.min(maxLineLength ?? DEFAULT_MAX_LINE_LENGTH, Math.floor(constants.MAX_STRING_LENGTH / 2));

/** Options of {@link readCohortCsv}, {@link streamCohortCsv} and {@link countCohortCsv}. */
export interface CohortCsvOptions<R = CohortRecord> extends RejectOptions {
  /** `'strict'` (default) throws after reading the whole file if any row was bad; `'lenient'` returns them. */
  mode?: ValidationMode;
  /** A cohort from `defineCohort` to check types and years against. */
  cohort?: RecordValidator<R>;
  /** Field delimiter; detected from the header line when omitted. */
  delimiter?: ',' | ';' | '\t';
  /** More header spellings, e.g. `{ 'diagnosis': 'type' }` or `{ 'age at entry': 'age' }` for a measure (case-insensitive). */
  headerAliases?: Readonly<Record<string, CohortField | (string & {})>>;
  /** The name used in messages when the source is a stream. */
  file?: string;
  /** Called as the file is read (for progress displays): bytes read so far, and lines scanned. */
  onProgress?: (bytesRead: number, lines: number) => void;
  /** Stops reading when aborted (Ctrl-C); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** A line (or quoted record) longer than this many bytes stops the read with `LineTooLongError` (default 16 MiB). */
  maxLineLength?: number;
}

/** One data line of a CSV file: a record, or a rejected row with its line number. */
export type CsvRowResult<R> = { ok: true; line: number; record: R } | { ok: false; line: number; rejected: RejectedRow };

/** What every reader reports besides its rows. */
interface CsvSummary {
  /** The delimiter used. */
  delimiter: string;
  /** Header cells that map to no field; their values are not read. */
  ignoredColumns: string[];
}

/** Rejected rows beyond those kept. */
export interface RejectCounts {
  /** Every rejected row, kept in `rejected` or not. */
  rejectedCount: number;
  /** Rejected rows counted by field and reason, most frequent first. */
  rejectReasons: RejectReason[];
}

/** Everything {@link readCohortCsv} found. */
export interface CohortCsvResult<R> extends ParseResult<R>, CsvSummary, RejectCounts {}

/** What {@link countCohortCsv} found: counts instead of records. */
export interface CohortCsvCounts extends CsvSummary, RejectCounts {
  table: CountTable;
  /** The first `maxRejected` rejected rows (all by default), in line order. */
  rejected: RejectedRow[];
  /** Data rows read (records + rejected; blank lines are neither). */
  rows: number;
  /** Threads that did the counting (1 unless `countCohortCsvParallel` split the file). */
  threads: number;
}

/** What the reader calls back with, besides the counts it keeps itself. */
export interface RowHandlers<R> {
  rejected(row: RejectedRow): void;
  /** Records as the fast path builds them (known vocabularies). */
  rows?: FastRowSink;
  /** Records of a validator the fast path does not know. */
  record?(record: R, line: number): void;
  /** The scanner's type names, whose indexes `rows` receives (called once, before any row; the list grows). */
  typeNames?(names: readonly string[]): void;
}

const textDecoder = new TextDecoder();
const LF = 10;
const CR = 13;

/** The end of the last complete line in `buf[from, end)`; a CR at the very end may be half of a CRLF. */
function lastLineEnd(buf: Uint8Array, from: number, end: number, eof: boolean): number {
  for (let i = end - 1; i >= from; i--) {
    const b = buf[i];
    if (b === LF || (b === CR && (eof || i < end - 1))) return i + 1;
  }
  return from;
}

/** A byte range of a file whose header is known (for counting on several threads). */
export interface CsvRange {
  head: CsvHead;
  /** Read from here; with `align`, from the first line start at or after it. */
  start: number;
  align: boolean;
  /** Stop at the first record boundary at or after this offset. */
  until: number;
  /** Line number given to the first line read. */
  firstLine: number;
}

/** Where a read started and stopped, in bytes of the source. */
interface ReadExtent {
  start: number;
  end: number;
}

const isLineStart = (buf: Uint8Array, p: number): boolean => buf[p - 1] === LF || (buf[p - 1] === CR && buf[p] !== LF);

/**
 * The reader behind the public functions: the byte scanner for the common case, csv-parse for
 * each run of records it cannot read, then the scanner again. Yields after each chunk, so callers
 * can hand on what the handlers collected and apply backpressure; returns the scanner (counts).
 */
export async function* readRows<R>(
  source: CsvSource,
  options: CohortCsvOptions<R>,
  handlers: RowHandlers<R>,
  chunk: number,
  range?: CsvRange,
): AsyncGenerator<void, CsvSummary & ReadExtent & { scanner: FastScanner<R> }> {
  const file = sourceName(source, options);
  const validator = (options.cohort ?? anyCohort) as RecordValidator<R>;
  const maxLineLength = lineLimit(options.maxLineLength);
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const from = range ? Math.max(0, range.align ? range.start - 1 : range.start) : 0;
  const window = await ByteWindow.open(source, chunk, from);
  try {
    let head: CsvHead;
    let extentStart: number;
    if (range) {
      head = range.head;
      await window.more(window.start);
      const first = window.start;
      let p = first + (range.align && range.start > 0 ? 1 : 0);
      if (p > first) while (p < window.end && !isLineStart(window.buf, p)) p++;
      if (p === window.end && !window.eof && p > first) throw new LineTooLongError(file, range.firstLine, maxLineLength);
      window.start = p;
      extentStart = window.offset + p;
    } else {
      const measures = Object.keys((validator as { measures?: object }).measures ?? {});
      head = await readHead(window, { file, delimiter: options.delimiter, headerAliases: options.headerAliases ?? {}, maxLineLength, measures });
      extentStart = window.offset + window.start;
    }
    const { header, delimiter } = head;
    // the byte scanner reads type, year and outcome only: rows with measures take the exact path
    const known = knownVocabulary(validator as RecordValidator<unknown>, anyCohort as RecordValidator<unknown>);
    // measures are counted by the scanner; records with measures are built by zod (the scanner builds type, year and outcome)
    const counting = handlers.rows === undefined && handlers.record === undefined;
    const vocabulary = header.measures.size > 0 && !counting ? undefined : known;
    const definitions = (validator as { measures?: MeasureDefinitions }).measures;
    const measures = header.measures.size > 0 && counting && known && definitions ? new MeasureWindow(definitions, header.measures, header.width, delimiter.charCodeAt(0)) : undefined;
    const sink = { rejected: handlers.rejected, ...(handlers.record ? { record: handlers.record } : {}) };
    const scanner = new FastScanner<R>(header, delimiter.charCodeAt(0), validator, vocabulary, sink, vocabulary ? handlers.rows : undefined, range ? range.firstLine : head.firstDataLine, measures);
    handlers.typeNames?.(scanner.typeNames);
    for (const t of vocabulary === undefined ? (known?.types ?? []) : []) scanner.typeIndex(t); // the cohort's order of types, as the fast path keeps it
    const byte = delimiter.charCodeAt(0);
    const done = () => ({ delimiter, ignoredColumns: header.ignored, scanner, start: extentStart, end: window.offset + window.start });
    for (;;) {
      signal?.throwIfAborted();
      const { buf, dv, end, eof } = window;
      let pos = window.start;
      let stop = lastLineEnd(buf, pos, end, eof);
      if (eof && stop < end) {
        buf[end] = LF; // the last line has no line break: the slack holds one
        stop = end + 1;
      }
      let last = false;
      if (range) {
        // a range ends at the first line start at or after `until` (or the record that spans it)
        const until = range.until - window.offset;
        if (pos >= until) return done();
        if (until <= stop) {
          let p = Math.max(until, pos + 1);
          while (p < stop && !isLineStart(buf, p)) p++;
          stop = p;
          last = true;
        }
      }
      while (pos < stop && pos < end) {
        const at = scanner.scan(buf, dv, pos, stop);
        if (at >= stop) {
          pos = stop;
          break;
        }
        const runStop = runEnd(buf, at, end, byte, eof);
        if (runStop < 0) {
          pos = at; // the record goes on past the data read so far
          last = false;
          break;
        }
        takeExactRun(scanner, buf, at, runStop, delimiter);
        pos = runStop;
        if (last && pos >= stop) break;
      }
      window.start = Math.min(pos, end);
      onProgress?.(window.bytesRead, scanner.line);
      yield;
      if ((eof && pos >= end) || (last && pos >= stop)) return done();
      if (end - pos > maxLineLength) throw new LineTooLongError(file, scanner.line, maxLineLength);
      await window.more(window.start);
    }
  } finally {
    await window.close();
  }
}

function takeExactRun<R>(scanner: FastScanner<R>, buf: Uint8Array, from: number, to: number, delimiter: string): void {
  const { records, failed } = parseRun(buf, from, to, delimiter);
  for (const record of records) {
    scanner.takeCells(record.cells, record.text, scanner.line);
    scanner.line += record.breaks;
  }
  if (failed) {
    const line = scanner.line;
    const message =
      failed.error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? `a quoted field opened on line ${line} is never closed, so the rest of the file (from line ${line}) could not be read`
        : failed.error.message;
    scanner.reject({ row: line, issues: [{ field: '(row)', value: undefined, message }] });
    scanner.line += 1;
  }
}

/**
 * A cohort's measures on a table whose file had none of their columns: every value missing (a
 * table with measures says so, rather than leaving them out).
 */
function withMissingMeasures(table: CountTable, cohort: unknown): CountTable {
  const definitions = (cohort as { measures?: MeasureDefinitions } | undefined)?.measures ?? {};
  if (table.measures !== undefined || Object.keys(definitions).length === 0) return table;
  return withMeasures(table, new RecordMeasureCounter(definitions).measuresOn(table));
}

/** Record objects as zod would return them, built from the fast path's indexes. */
function recordRows<R>(push: (record: R, line: number) => void): FastRowSink {
  return {
    row(_t, type, year, o, id, line) {
      push({ type, year, outcome: OUTCOMES[o], id } as R, line);
    },
    rowBytes(_t, type, year, o, buf, idStart, idEnd, line) {
      const id = idEnd > idStart ? textDecoder.decode(buf.subarray(idStart, idEnd)) : undefined;
      push({ type, year, outcome: OUTCOMES[o], id } as R, line);
    },
  };
}

/** Rows of the reader in batches, in line order, reading `chunk` bytes at a time. */
export async function* rowBatches<R>(source: CsvSource, options: CohortCsvOptions<R>, chunk = 1 << 18): AsyncGenerator<CsvRowResult<R>[], CsvSummary> {
  let batch: CsvRowResult<R>[] = [];
  const push = (record: R, line: number) => void batch.push({ ok: true, line, record });
  const handlers: RowHandlers<R> = { rejected: (row) => void batch.push({ ok: false, line: row.row, rejected: row }), record: push, rows: recordRows(push) };
  const reading = readRows(source, options, handlers, chunk);
  for (let step = await reading.next(); ; step = await reading.next()) {
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
    if (step.done) return { delimiter: step.value.delimiter, ignoredColumns: step.value.ignoredColumns };
  }
}

/**
 * Read a cohort CSV row by row without holding the file in memory. Yields each data line as a
 * validated record or as a rejected row with its 1-based line number (header = line 1); blank
 * lines are skipped. Throws `InputFormatError` when the header lacks a required column or
 * repeats one, or the file is UTF-16. Handles a UTF-8 BOM, LF, CRLF or CR line ends (mixed, too),
 * `,` `;` or tab, and quoted fields with delimiters and newlines; a ragged row or an unreadable
 * quote is reported, never skipped. Well-formed lines are checked by a byte scanner; anything
 * unusual goes through csv-parse and zod.
 *
 * @example
 * let rows = 0;
 * for await (const row of streamCohortCsv(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort })) {
 *   if (!row.ok) console.error(row.line, row.rejected.issues);
 *   rows += 1;
 * }
 * rows; // 4278
 */
export async function* streamCohortCsv<R = CohortRecord>(source: CsvSource, options: CohortCsvOptions<R> = {}): AsyncGenerator<CsvRowResult<R>, CsvSummary> {
  const rows = rowBatches(source, options);
  let step = await rows.next();
  while (!step.done) {
    yield* step.value;
    step = await rows.next();
  }
  return step.value;
}

/**
 * {@link streamCohortCsv} in batches: arrays of rows in line order, a few thousand at a time.
 * The same rows and checks, with one await per batch instead of one per row, for pipelines that
 * process millions of records.
 *
 * @example
 * let rows = 0;
 * for await (const batch of streamCohortCsvBatches(dataPath('sample-cohort.csv'))) rows += batch.length;
 * rows; // 4278
 */
export function streamCohortCsvBatches<R = CohortRecord>(source: CsvSource, options: CohortCsvOptions<R> = {}): AsyncGenerator<CsvRowResult<R>[], CsvSummary> {
  return rowBatches(source, options);
}

/**
 * Read a whole cohort CSV into `{ records, rejected }` (as `parseRecords` returns), streaming
 * so that only the records are held in memory. In strict mode (default) a file with any bad row
 * throws one `CohortValidationError` listing the bad rows with their lines. With `maxRejected`,
 * only that many rejected rows are kept; `rejectedCount` and `rejectReasons` count them all.
 *
 * @example
 * const { records, rejected } = await readCohortCsv(dataPath('sample-cohort.csv'), { mode: 'lenient', cohort: cerebralPalsyCohort });
 * [records.length, rejected.length]; // [4278, 0]
 */
export async function readCohortCsv<R = CohortRecord>(source: CsvSource, options: CohortCsvOptions<R> = {}): Promise<CohortCsvResult<R>> {
  const { mode = 'strict' } = options;
  assertOneOf(mode, ['strict', 'lenient'], 'mode');
  const records: R[] = [];
  const log = new RejectLog(options);
  const push = (record: R) => void records.push(record);
  const reading = readRows(source, options, { rejected: (row) => log.add(row), record: push, rows: recordRows(push) }, 1 << 20);
  let step = await reading.next();
  for (; !step.done; step = await reading.next()) await log.flush();
  await log.flush();
  if (mode === 'strict' && log.count > 0) throw new CohortValidationError(log.kept, sourceName(source, options), log.count);
  return { records, rejected: log.kept, rejectedCount: log.count, rejectReasons: log.byReason(), delimiter: step.value.delimiter, ignoredColumns: step.value.ignoredColumns };
}

/**
 * Count a cohort CSV into a count table without creating a record object per row: the fast path
 * for large files (memory stays flat whatever the file size). Validation and rejected rows are
 * exactly those of {@link readCohortCsv}; `maxRejected` bounds the rejected rows kept, and
 * `onRejected` sees every one (to write them to a file, say).
 *
 * @example
 * const { table, rejected, rows } = await countCohortCsv(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort });
 * [table.total, rejected.length, rows]; // [4278, 0, 4278]
 */
export async function countCohortCsv(source: CsvSource, options: CohortCsvOptions<unknown> = {}): Promise<CohortCsvCounts> {
  const { mode = 'strict' } = options;
  assertOneOf(mode, ['strict', 'lenient'], 'mode');
  const log = new RejectLog(options);
  const reading = readRows(source, options, { rejected: (row) => log.add(row) }, 1 << 21);
  let step = await reading.next();
  for (; !step.done; step = await reading.next()) await log.flush();
  await log.flush();
  if (mode === 'strict' && log.count > 0) throw new CohortValidationError(log.kept, sourceName(source, options), log.count);
  const table = withMissingMeasures(step.value.scanner.table(), options.cohort);
  return {
    table,
    rejected: log.kept,
    rejectedCount: log.count,
    rejectReasons: log.byReason(),
    rows: table.total + log.count,
    threads: 1,
    delimiter: step.value.delimiter,
    ignoredColumns: step.value.ignoredColumns,
  };
}
