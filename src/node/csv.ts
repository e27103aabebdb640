import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse, type CsvError } from 'csv-parse';
import { CohortValidationError, InputFormatError, InvalidArgumentError, describeValue } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { anyCohort } from '../schema/parse-records.js';
import { OUTCOMES, type CohortRecord } from '../schema/record.js';
import type { ParseResult, RejectedRow, ValidationMode } from '../schema/rejected.js';
import { validateRow, type RecordValidator } from '../schema/validate-row.js';
import type { CountTable } from '../stats/count-table.js';
import { detectDelimiter, mapHeader, rowObject, type CohortField, type HeaderMap } from './csv-header.js';
import { CountAccumulator, FastScanner, fastVocabulary } from './fast-scan.js';

/** A file path, a `file:` URL, or a stream / async iterable of bytes or text. */
export type CsvSource = string | URL | Readable | AsyncIterable<Uint8Array | string>;

/** Options of {@link readCohortCsv}, {@link streamCohortCsv} and {@link countCohortCsv}. */
export interface CohortCsvOptions<R = CohortRecord> {
  /** `'strict'` (default) throws after reading the whole file if any row was bad; `'lenient'` returns them. */
  mode?: ValidationMode;
  /** A cohort from `defineCohort` to check types and years against. */
  cohort?: RecordValidator<R>;
  /** Field delimiter; detected from the header line when omitted. */
  delimiter?: ',' | ';' | '\t';
  /** More header spellings, e.g. `{ 'diagnosis': 'type' }` (case-insensitive). */
  headerAliases?: Readonly<Record<string, CohortField>>;
  /** The name used in messages when the source is a stream. */
  file?: string;
  /** Called as the file is read (for progress displays): bytes read so far, and lines scanned. */
  onProgress?: (bytesRead: number, lines: number) => void;
  /** Stops reading when aborted (Ctrl-C); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** One data line of a CSV file: a record, or a rejected row with its line number. */
export type CsvRowResult<R> = { ok: true; line: number; record: R } | { ok: false; line: number; rejected: RejectedRow };

/** Everything {@link readCohortCsv} found. */
export interface CohortCsvResult<R> extends ParseResult<R> {
  /** The delimiter used. */
  delimiter: string;
  /** Header cells that map to no field; their values are not read. */
  ignoredColumns: string[];
}

/** What {@link countCohortCsv} found: counts instead of records. */
export interface CohortCsvCounts {
  table: CountTable;
  rejected: RejectedRow[];
  /** Data rows read (records + rejected; blank lines are neither). */
  rows: number;
  delimiter: string;
  ignoredColumns: string[];
  /** Threads that did the counting (1 unless `countCohortCsvParallel` split the file). */
  threads: number;
}

type Summary = { delimiter: string; ignoredColumns: string[] };

function sourceName(source: CsvSource, options: { file?: string }): string {
  if (options.file !== undefined) return options.file;
  if (typeof source === 'string') return source;
  if (source instanceof URL) return fileURLToPath(source);
  return '<stream>';
}

function openSource(source: CsvSource, chunkSize: number): AsyncIterable<Uint8Array | string> {
  if (typeof source === 'string' || source instanceof URL) return readFileChunks(source, chunkSize);
  if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) return source;
  throw new InvalidArgumentError('source', source, `expected a file path, URL or readable stream, got ${describeValue(source)}`);
}

// Reading a file into two reused 2 MB buffers keeps memory flat, and the next read runs while the
// current chunk is scanned. Everything kept past the next read is copied by the reader's users.
async function* readFileChunks(path: string | URL, size: number): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let current = 0;
  let pending = handle.read(buffers[0]!, 0, size, null);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) return;
      const chunk = buffers[current]!.subarray(0, bytesRead);
      current = 1 - current;
      pending = handle.read(buffers[current]!, 0, size, null);
      yield chunk;
    }
  } finally {
    await pending.catch(() => undefined); // a read may still be in flight when the consumer stops early
    await handle.close();
  }
}

const toBuffer = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

const isBlank = (cells: readonly string[]): boolean => cells.length === 1 && (cells[0] ?? '').trim() === '';

interface Context<R> {
  file: string;
  validator: RecordValidator<R>;
  delimiter: string;
  headerAliases: Readonly<Record<string, CohortField>>;
}

/**
 * The general path: csv-parse for quotes, embedded delimiters and newlines and odd line ends.
 * Reads from `line` on; reads the header first when it is not known yet.
 */
async function* csvParseRows<R>(input: AsyncIterable<Uint8Array | string>, ctx: Context<R>, known: HeaderMap | undefined, firstLine: number): AsyncGenerator<CsvRowResult<R>[], HeaderMap | undefined> {
  const skipped: CsvError[] = [];
  const parser = parse({
    bom: true,
    delimiter: ctx.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) skipped.push(error);
    },
  });
  const stream = Readable.from(input);
  stream.on('error', (error) => parser.destroy(error));
  stream.pipe(parser);
  let header = known;
  let line = firstLine; // csv-parse's own count drifts on CRLF inside quotes: count from the raw text
  let batch: CsvRowResult<R>[] = [];
  for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    const start = line;
    const text = raw.replace(/\r?\n$|\r$/, ''); // raw may or may not end with its record delimiter
    line += 1 + (text.match(/\n/g)?.length ?? 0);
    if (isBlank(record)) continue;
    if (header === undefined) {
      header = mapHeader(record, ctx.headerAliases, { file: ctx.file, line: start });
      continue;
    }
    if (record.length !== header.width) {
      batch.push({ ok: false, line: start, rejected: { row: start, issues: [{ field: '(row)', value: text, message: `expected ${header.width} fields as in the header, found ${record.length}` }] } });
    } else {
      const checked = validateRow(ctx.validator, rowObject(record, header), start);
      batch.push(checked.ok ? { ok: true, line: start, record: checked.record } : { ok: false, line: start, rejected: checked.rejected });
    }
    if (batch.length >= 4096) {
      yield batch;
      batch = [];
    }
  }
  for (const error of skipped) {
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? `a quoted field opened on or after line ${line} is never closed, so the rest of the file (from line ${line}) could not be read`
        : error.message;
    batch.push({ ok: false, line, rejected: { row: line, issues: [{ field: '(row)', value: undefined, message }] } });
  }
  if (batch.length > 0) yield batch;
  return header;
}

/**
 * The reader behind the public functions: the byte scanner for the common case, csv-parse from the
 * first unusual line on. Yields rows in line order, in batches; counts into `acc` when given.
 */
async function* scanRows<R>(source: CsvSource, options: CohortCsvOptions<R>, wantRecords: boolean, acc?: CountAccumulator): AsyncGenerator<CsvRowResult<R>[], Summary> {
  const file = sourceName(source, options);
  const validator = (options.cohort ?? anyCohort) as RecordValidator<R>;
  // Counting reads big chunks; yielding records reads smaller ones, so fewer records wait in a batch.
  const iterator = openSource(source, wantRecords ? 1 << 18 : 1 << 21)[Symbol.asyncIterator]();
  const { signal, onProgress } = options;
  let bytesRead = 0;
  let linesRead = (): number => 0;
  const nextChunk = async (): Promise<Buffer | undefined> => {
    signal?.throwIfAborted();
    const { value, done } = await iterator.next();
    if (done) return undefined;
    const chunk = toBuffer(value);
    bytesRead += chunk.byteLength;
    onProgress?.(bytesRead, linesRead());
    return chunk;
  };

  // the header: everything up to the first LF after some non-blank text
  let buf: Buffer = Buffer.alloc(0);
  let headerEnd = -1;
  for (;;) {
    const text = buf.toString('utf8');
    const m = /^(\uFEFF?(?:[ \t]*\r?\n)*)([^\n]*\S[^\n]*)\n/.exec(text);
    if (m) {
      headerEnd = Buffer.byteLength(m[0]);
      break;
    }
    const chunk = await nextChunk();
    if (chunk === undefined) break;
    buf = Buffer.concat([buf, chunk]); // a copy: chunks of a file share one reused buffer
  }
  const headText = buf.toString('utf8', 0, headerEnd === -1 ? buf.length : headerEnd);
  const firstLine = headText.replace(/^\uFEFF/, '').split('\n').find((l) => l.trim() !== '') ?? '';
  const delimiter = options.delimiter ?? detectDelimiter(firstLine);
  const ctx: Context<R> = { file, validator, delimiter, headerAliases: options.headerAliases ?? {} };
  const rest = async function* (from: Buffer): AsyncGenerator<Buffer> {
    if (from.length > 0) yield from;
    for (let c = await nextChunk(); c !== undefined; c = await nextChunk()) yield Buffer.from(c);
  };

  const count = (row: CsvRowResult<R>) => {
    if (acc && row.ok) {
      const r = row.record as unknown as CohortRecord;
      acc.add(acc.typeIndex(r.type), r.year, OUTCOMES.indexOf(r.outcome));
    }
  };
  const slow = async function* (input: AsyncIterable<Buffer>, header: HeaderMap | undefined, line: number) {
    const parsed = csvParseRows<R>(input, ctx, header, line);
    let step = await parsed.next();
    while (!step.done) {
      step.value.forEach(count);
      yield wantRecords ? step.value : step.value.filter((r) => !r.ok);
      step = await parsed.next();
    }
    return step.value;
  };

  const headerCells = firstLine.replace(/\r$/, '').split(delimiter);
  if (headerEnd === -1 || firstLine.includes('"') || delimiter.length !== 1) {
    // no complete header line yet, or a quoted header: the general path reads it all
    const header = yield* slow(rest(buf), undefined, 1);
    if (header === undefined) throw new InputFormatError(`${file}: the file is empty (no header line)`, { file, line: 1 });
    return { delimiter, ignoredColumns: header.ignored };
  }
  const headerLine = headText.replace(/^\uFEFF/, '').split('\n').findIndex((l) => l.trim() !== '') + 1;
  const header = mapHeader(headerCells, ctx.headerAliases, { file, line: headerLine });

  let batch: CsvRowResult<R>[] = [];
  const sink = {
    count: acc ? (type: string, year: number, outcome: number, n: number) => acc.add(acc.typeIndex(type), year, outcome, n) : () => {},
    rejected: (row: RejectedRow) => batch.push({ ok: false, line: row.row, rejected: row }),
    ...(wantRecords ? { record: (record: R, line: number) => batch.push({ ok: true, line, record }) } : {}),
  };
  const scanner = new FastScanner<R>(header, delimiter.charCodeAt(0), fastVocabulary(validator as RecordValidator<unknown>), validator, sink, headerLine + 1);
  linesRead = () => scanner.line;
  // Lines are scanned in place inside each chunk; only a line cut by a chunk boundary is copied.
  let tail: Buffer = Buffer.from(buf.subarray(headerEnd));
  let fallback: { data: Buffer; offset: number; line: number } | undefined;
  for (let chunk = await nextChunk(); ; chunk = await nextChunk()) {
    if (chunk === undefined) {
      if (tail.length > 0) {
        const last = tail[tail.length - 1] === 10 ? tail : Buffer.concat([tail, Buffer.from('\n')]);
        const unusual = scanner.scan(last, 0, last.length);
        if (unusual) fallback = { data: tail, offset: unusual.offset, line: unusual.line };
      }
      break;
    }
    const firstLF = chunk.indexOf(10);
    if (firstLF === -1) {
      tail = Buffer.concat([tail, chunk]);
      continue;
    }
    const joined = tail.length > 0 ? Buffer.concat([tail, chunk.subarray(0, firstLF + 1)]) : chunk.subarray(0, firstLF + 1);
    let unusual = scanner.scan(joined, 0, joined.length);
    if (unusual) {
      fallback = { data: Buffer.concat([joined, chunk.subarray(firstLF + 1)]), offset: unusual.offset, line: unusual.line };
      break;
    }
    const lastLF = chunk.lastIndexOf(10);
    unusual = scanner.scan(chunk, firstLF + 1, lastLF + 1);
    if (unusual) {
      fallback = { data: Buffer.from(chunk.subarray(unusual.offset)), offset: 0, line: unusual.line };
      break;
    }
    tail = Buffer.from(chunk.subarray(lastLF + 1));
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  scanner.flush();
  if (batch.length > 0) {
    yield batch;
    batch = [];
  }
  if (fallback) {
    // from the first unusual line to the end: the general CSV path, with the header known
    yield* slow(rest(Buffer.from(fallback.data.subarray(fallback.offset))), header, fallback.line);
  }
  return { delimiter, ignoredColumns: header.ignored };
}

/**
 * Read a cohort CSV row by row without holding the file in memory. Yields each data line as a
 * validated record or as a rejected row with its 1-based line number (header = line 1); blank
 * lines are skipped. Throws `InputFormatError` when the header lacks a required column or
 * repeats one. Handles a UTF-8 BOM, CRLF, `,` `;` or tab, and quoted fields with delimiters and
 * newlines; a ragged row or an unreadable quote is reported, never skipped. Well-formed lines
 * are checked by a byte scanner; anything unusual goes through csv-parse and zod.
 *
 * @example
 * let rows = 0;
 * for await (const row of streamCohortCsv(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort })) {
 *   if (!row.ok) console.error(row.line, row.rejected.issues);
 *   rows += 1;
 * }
 * rows; // 4278
 */
export async function* streamCohortCsv<R = CohortRecord>(source: CsvSource, options: CohortCsvOptions<R> = {}): AsyncGenerator<CsvRowResult<R>, Summary> {
  const rows = scanRows(source, options, true);
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
export function streamCohortCsvBatches<R = CohortRecord>(source: CsvSource, options: CohortCsvOptions<R> = {}): AsyncGenerator<CsvRowResult<R>[], Summary> {
  return scanRows(source, options, true);
}

/**
 * Read a whole cohort CSV into `{ records, rejected }` (as `parseRecords` returns), streaming
 * so that only the records are held in memory. In strict mode (default) a file with any bad row
 * throws one `CohortValidationError` listing every bad row with its line.
 *
 * @example
 * const { records, rejected } = await readCohortCsv(dataPath('sample-cohort.csv'), { mode: 'lenient', cohort: cerebralPalsyCohort });
 * [records.length, rejected.length]; // [4278, 0]
 */
export async function readCohortCsv<R = CohortRecord>(source: CsvSource, options: CohortCsvOptions<R> = {}): Promise<CohortCsvResult<R>> {
  const { mode = 'strict' } = options;
  assertOneOf(mode, ['strict', 'lenient'], 'mode');
  const records: R[] = [];
  const rejected: RejectedRow[] = [];
  const rows = scanRows(source, options, true);
  let step = await rows.next();
  while (!step.done) {
    for (const row of step.value) {
      if (row.ok) records.push(row.record);
      else rejected.push(row.rejected);
    }
    step = await rows.next();
  }
  if (mode === 'strict' && rejected.length > 0) throw new CohortValidationError(rejected, sourceName(source, options));
  return { records, rejected, ...step.value };
}

/**
 * Count a cohort CSV into a count table without creating a record object per row: the fast path
 * for large files (memory stays flat whatever the file size). Validation and rejected rows are
 * exactly those of {@link readCohortCsv}.
 *
 * @example
 * const { table, rejected, rows } = await countCohortCsv(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort });
 * [table.total, rejected.length, rows]; // [4278, 0, 4278]
 */
export async function countCohortCsv(source: CsvSource, options: CohortCsvOptions<unknown> = {}): Promise<CohortCsvCounts> {
  const { mode = 'strict' } = options;
  assertOneOf(mode, ['strict', 'lenient'], 'mode');
  const acc = new CountAccumulator();
  const rejected: RejectedRow[] = [];
  const rows = scanRows(source, options, false, acc);
  let step = await rows.next();
  while (!step.done) {
    for (const row of step.value) if (!row.ok) rejected.push(row.rejected);
    step = await rows.next();
  }
  if (mode === 'strict' && rejected.length > 0) throw new CohortValidationError(rejected, sourceName(source, options));
  const table = acc.table();
  return { table, rejected, rows: table.total + rejected.length, threads: 1, ...step.value };
}
