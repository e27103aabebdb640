// The exact path for the lines the byte scanner does not read: csv-parse, on a run of records cut
// at a record boundary, so the scanner can take over again right after it.
import { parse, type CsvError } from 'csv-parse/sync';

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** Records of one run at most: after them the scanner tries again (it reads simple quotes itself). */
const MAX_RUN_RECORDS = 64;

/**
 * Where the record starting at `from` ends (just after its line break), following csv-parse's
 * rules with `relax_quotes`: a quote opens a quoted field only at the start of a field, `""` inside
 * one is a quote, and a closing quote followed by anything but a delimiter or line break makes the
 * field plain text from there. Returns `end` when the data ends inside the record and `eof`, or -1
 * when more data is needed to tell.
 */
export function recordEnd(buf: Uint8Array, from: number, end: number, delimiter: number, eof: boolean): number {
  const more = eof ? end : -1;
  let i = from;
  let fieldStart = true;
  while (i < end) {
    const b = buf[i]!;
    if (fieldStart && b === QUOTE) {
      let j = i + 1;
      for (;;) {
        const close = buf.indexOf(QUOTE, j);
        if (close < 0 || close >= end) return more;
        if (close + 1 >= end) return more;
        const after = buf[close + 1]!;
        if (after === QUOTE) {
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (b === delimiter) fieldStart = true;
    else if (b === LF) return i + 1;
    else if (b === CR) {
      if (i + 1 >= end) return more;
      return buf[i + 1] === LF ? i + 2 : i + 1;
    }
    i++;
  }
  return more;
}

/** True when the line starting at `from` has a quote before its line break (the scanner may stop there). */
function lineHasQuote(buf: Uint8Array, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const b = buf[i];
    if (b === QUOTE) return true;
    if (b === LF || b === CR) return false;
  }
  return false;
}

/** Where a run of unusual records starting at `from` ends; -1 when more data is needed. */
export function runEnd(buf: Uint8Array, from: number, end: number, delimiter: number, eof: boolean): number {
  let at = from;
  for (let n = 0; n < MAX_RUN_RECORDS; n++) {
    const next = recordEnd(buf, at, end, delimiter, eof);
    if (next < 0) return n === 0 ? -1 : at;
    at = next;
    if (at >= end || !lineHasQuote(buf, at, end)) break;
  }
  return at;
}

/** One record of the exact path: its cells, raw text without its line break, first line, and lines it spans. */
export interface ExactRecord {
  cells: string[];
  text: string;
  start: number;
  breaks: number;
}

/** Count line breaks (LF, CRLF or a lone CR each count once) in `buf[from, to)`. */
export function countBreaks(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b === LF) n++;
    else if (b === CR && buf[i + 1] !== LF) n++;
  }
  return n;
}

const textDecoder = new TextDecoder();

function withoutBreak(buf: Uint8Array, from: number, to: number): string {
  let end = to;
  if (end > from && buf[end - 1] === LF) end--;
  if (end > from && buf[end - 1] === CR) end--;
  return textDecoder.decode(buf.subarray(from, end));
}

/**
 * Parse `buf[from, to)` with csv-parse. `to` must be a record boundary (from {@link runEnd}) or the
 * end of the input. Returns the records, and the csv-parse error of a record it could not read
 * (an unclosed quote) with the offset where that record starts.
 */
export function parseRun(buf: Uint8Array, from: number, to: number, delimiter: string): { records: ExactRecord[]; failed?: { offset: number; error: CsvError } } {
  const records: ExactRecord[] = [];
  let failed: { offset: number; error: CsvError } | undefined;
  let at = from;
  parse(Buffer.from(buf.buffer, buf.byteOffset + from, to - from), {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (cells: string[], context: { bytes: number }) => {
      const end = from + context.bytes;
      records.push({ cells, text: withoutBreak(buf, at, end), start: at, breaks: countBreaks(buf, at, end) });
      at = end;
      return null;
    },
    on_skip: (error) => {
      if (error && failed === undefined) failed = { offset: at, error };
    },
  });
  return failed ? { records, failed } : { records };
}
