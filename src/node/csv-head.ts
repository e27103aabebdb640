// Finding the header of a cohort CSV: past a BOM and blank lines, up to its line break (LF, CRLF or
// a lone CR, as Excel's "CSV (Macintosh)" writes), each byte looked at once.
import { InputFormatError } from '../errors.js';
import { parseRun, recordEnd } from './csv-exact.js';
import type { ByteWindow } from './csv-input.js';
import { detectDelimiter, mapHeader, type CohortField, type HeaderMap } from './csv-header.js';
import { LineTooLongError } from '../errors.js';

const LF = 10;
const CR = 13;

/** What the header says, and the line the data starts on. */
export interface CsvHead {
  header: HeaderMap;
  delimiter: ',' | ';' | '\t';
  headerLine: number;
  firstDataLine: number;
}

interface HeadOptions {
  file: string;
  delimiter: ',' | ';' | '\t' | undefined;
  headerAliases: Readonly<Record<string, CohortField | (string & {})>>;
  maxLineLength: number;
  /** The cohort's measure names: columns read beside type, year and outcome. */
  measures?: readonly string[];
}

/** UTF-16 text has a NUL in every other byte of ASCII; a byte order mark says so outright. */
function looksUtf16(buf: Uint8Array, end: number): boolean {
  if (end >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  const n = Math.min(end, 64) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (buf[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return Math.max(even, odd) >= n / 4 && Math.min(even, odd) === 0;
}

/** Read the header from the start of `window`; leaves `window.start` at the first data line. */
export async function readHead(window: ByteWindow, options: HeadOptions): Promise<CsvHead> {
  const { file, maxLineLength } = options;
  // enough bytes to see a byte order mark or UTF-16, however small the reads
  do await window.more(window.start);
  while (window.end - window.start < 64 && !window.eof);
  const first = window.buf.subarray(window.start, window.end);
  if (looksUtf16(first, first.length)) {
    throw new InputFormatError(`${file}: this file is UTF-16 text; save it as UTF-8 (in Excel: Save As, "CSV UTF-8") and read it again`, { file, line: 1 });
  }
  let i = window.start + (first.length >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0);
  let line = 1;
  let searched = i; // bytes before this hold no line break: each byte is looked at once
  for (;;) {
    const { buf, end, eof } = window;
    let j = searched;
    while (j < end && buf[j] !== LF && buf[j] !== CR) j++;
    searched = j;
    if ((j === end && !eof) || (buf[j] === CR && j + 1 === end && !eof)) {
      if (end - i > maxLineLength) throw new LineTooLongError(file, line, maxLineLength);
      await window.more(i);
      searched += window.start - i;
      i = window.start;
      continue;
    }
    const text = new TextDecoder().decode(buf.subarray(i, j));
    const next = j === end ? end : buf[j] === CR && buf[j + 1] === LF ? j + 2 : j + 1;
    if (text.trim() === '') {
      if (j === end) throw new InputFormatError(`${file}: the file is empty (no header line)`, { file, line: 1 });
      line++;
      i = next;
      searched = next;
      continue;
    }
    const delimiter = options.delimiter ?? detectDelimiter(text);
    if (!text.includes('"')) {
      window.start = next;
      return { header: mapHeader(text.split(delimiter), options.headerAliases, { file, line }, options.measures), delimiter, headerLine: line, firstDataLine: line + 1 };
    }
    // a quoted header: csv-parse reads it, however many lines it spans
    const recordStop = recordEnd(buf, i, end, delimiter.charCodeAt(0), eof);
    if (recordStop < 0) {
      if (end - i > maxLineLength) throw new LineTooLongError(file, line, maxLineLength);
      await window.more(i);
      searched = window.start;
      i = window.start;
      continue;
    }
    const { records, failed } = parseRun(buf, i, recordStop, delimiter);
    const record = records[0];
    if (failed || record === undefined) throw new InputFormatError(`${file}:${line}: a quoted field in the header is never closed`, { file, line });
    window.start = recordStop;
    return { header: mapHeader(record.cells, options.headerAliases, { file, line }, options.measures), delimiter, headerLine: line, firstDataLine: line + Math.max(1, record.breaks) };
  }
}
