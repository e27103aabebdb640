import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse, type CsvError } from 'csv-parse';
import { CohortValidationError, InputFormatError, InvalidArgumentError, describeValue } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { anyCohort } from '../schema/parse-records.js';
import type { CohortRecord } from '../schema/record.js';
import type { ParseResult, RejectedRow, ValidationMode } from '../schema/rejected.js';
import { validateRow, type RecordValidator } from '../schema/validate-row.js';
import { detectDelimiter, mapHeader, rowObject, type CohortField, type HeaderMap } from './csv-header.js';

/** A file path, a `file:` URL, or a stream / async iterable of bytes or text. */
export type CsvSource = string | URL | Readable | AsyncIterable<Uint8Array | string>;

/** Options of {@link readCohortCsv} and {@link streamCohortCsv}. */
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

function sourceName(source: CsvSource, options: { file?: string }): string {
  if (options.file !== undefined) return options.file;
  if (typeof source === 'string') return source;
  if (source instanceof URL) return fileURLToPath(source);
  return '<stream>';
}

function openSource(source: CsvSource): AsyncIterable<Uint8Array | string> {
  if (typeof source === 'string' || source instanceof URL) return createReadStream(source);
  if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) return source;
  throw new InvalidArgumentError('source', source, `expected a file path, URL or readable stream, got ${describeValue(source)}`);
}

/** Read just enough of the source to see the header line, then hand back everything read. */
async function peekHeader(source: AsyncIterable<Uint8Array | string>): Promise<{ head: Buffer[]; rest: AsyncIterator<Uint8Array | string>; firstLine: string }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let text = '';
  for (;;) {
    const { value, done } = await iterator.next();
    if (done) break;
    const chunk = typeof value === 'string' ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    head.push(chunk);
    text += chunk.toString('utf8');
    if (/\S.*\n/.test(text) || text.length > 1 << 20) break;
  }
  const firstLine = text.replace(/^\uFEFF/, '').split('\n').find((l) => l.trim() !== '') ?? '';
  return { head, rest: iterator, firstLine };
}

async function* concat(head: Buffer[], rest: AsyncIterator<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  yield* head;
  for (;;) {
    const { value, done } = await rest.next();
    if (done) return;
    yield value;
  }
}

const isBlank = (cells: readonly string[]): boolean => cells.length === 1 && (cells[0] ?? '').trim() === '';

/**
 * Read a cohort CSV row by row without holding the file in memory. Yields each data line as a
 * validated record or as a rejected row with its 1-based line number (header = line 1); blank
 * lines are skipped. Throws `InputFormatError` when the header lacks a required column or
 * repeats one. Handles a UTF-8 BOM, CRLF, `,` `;` or tab, and quoted fields with delimiters and
 * newlines; a ragged row or an unreadable quote is reported, never skipped.
 *
 * @example
 * let rows = 0;
 * for await (const row of streamCohortCsv(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort })) {
 *   if (!row.ok) console.error(row.line, row.rejected.issues);
 *   rows += 1;
 * }
 * rows; // 4278
 */
export async function* streamCohortCsv<R = CohortRecord>(
  source: CsvSource,
  options: CohortCsvOptions<R> = {},
): AsyncGenerator<CsvRowResult<R>, { delimiter: string; ignoredColumns: string[] }> {
  const file = sourceName(source, options);
  const validator = (options.cohort ?? anyCohort) as RecordValidator<R>;
  const { head, rest, firstLine } = await peekHeader(openSource(source));
  const delimiter = options.delimiter ?? detectDelimiter(firstLine);
  const skipped: CsvError[] = [];
  const parser = parse({
    bom: true,
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) skipped.push(error);
    },
  });
  const input = Readable.from(concat(head, rest));
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let header: HeaderMap | undefined;
  let line = 1; // line on which the next record starts; csv-parse's own count drifts on CRLF inside quotes
  for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    const start = line;
    const text = raw.replace(/\r?\n$|\r$/, ''); // raw may or may not end with its record delimiter
    line += 1 + (text.match(/\n/g)?.length ?? 0);
    if (isBlank(record)) continue;
    if (header === undefined) {
      header = mapHeader(record, options.headerAliases ?? {}, { file, line: start });
      continue;
    }
    if (record.length !== header.width) {
      const rejected: RejectedRow = {
        row: start,
        issues: [{ field: '(row)', value: text, message: `expected ${header.width} fields as in the header, found ${record.length}` }],
      };
      yield { ok: false, line: start, rejected };
      continue;
    }
    const checked = validateRow(validator, rowObject(record, header), start);
    yield checked.ok ? { ok: true, line: start, record: checked.record } : { ok: false, line: start, rejected: checked.rejected };
  }
  for (const error of skipped) {
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? `a quoted field opened on or after line ${line} is never closed, so the rest of the file (from line ${line}) could not be read`
        : error.message;
    yield { ok: false, line, rejected: { row: line, issues: [{ field: '(row)', value: undefined, message }] } };
  }
  if (header === undefined) {
    throw new InputFormatError(`${file}: the file is empty (no header line)`, { file, line: 1 });
  }
  return { delimiter, ignoredColumns: header.ignored };
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
  const rows = streamCohortCsv(source, options);
  let step = await rows.next();
  while (!step.done) {
    if (step.value.ok) records.push(step.value.record);
    else rejected.push(step.value.rejected);
    step = await rows.next();
  }
  if (mode === 'strict' && rejected.length > 0) throw new CohortValidationError(rejected, sourceName(source, options));
  return { records, rejected, ...step.value };
}
