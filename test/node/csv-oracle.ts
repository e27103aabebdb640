// A reference reader for cohort CSV: the whole text through csv-parse in one call, every row
// through zod (validateRow), line numbers counted from the text itself. It shares no code with the
// streaming reader beyond the row validator, so the byte scanner, the run splitting and the chunked
// reads are all checked against it.
import { parse } from 'csv-parse/sync';
import { DEFAULT_HEADER_ALIASES, type CohortField } from '../../src/node/csv-header.js';
import type { RejectedRow } from '../../src/schema/rejected.js';
import { validateRow, type RecordValidator } from '../../src/schema/validate-row.js';

export type OracleRow<R> = { ok: true; line: number; record: R } | { ok: false; line: number; rejected: RejectedRow };

/** Line breaks (LF, CRLF or a lone CR each once) in `text`. */
function breaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') n++;
    else if (text[i] === '\r' && text[i + 1] !== '\n') n++;
  }
  return n;
}

const withoutBreak = (raw: string) => raw.replace(/(\r\n|\n|\r)$/, '');

/**
 * The rows of a cohort CSV as the library's readers must yield them. `delimiter` is given, not
 * detected; the header is the first line that is not blank.
 */
export function oracleRows<R>(bytes: Uint8Array, delimiter: string, validator: RecordValidator<R>): OracleRow<R>[] {
  const text = Buffer.from(bytes);
  const records: { cells: string[]; start: number; end: number }[] = [];
  let at = 0;
  let failedAt: number | undefined;
  parse(text, {
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (cells: string[], context: { bytes: number }) => {
      records.push({ cells, start: at, end: context.bytes });
      at = context.bytes;
      return null;
    },
    on_skip: () => {
      failedAt ??= at;
    },
  });
  const bomLength = text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0;
  // line numbers in one pass: records come in file order
  let counted = 0;
  let linesBefore = 0;
  const lineOf = (offset: number) => {
    linesBefore += breaks(text.subarray(counted, offset).toString('latin1'));
    counted = offset;
    return 1 + linesBefore;
  };
  const raw = (r: { start: number; end: number }) => withoutBreak(text.subarray(Math.max(r.start, bomLength), r.end).toString('utf8'));
  const blank = (cells: string[]) => cells.length === 1 && cells[0]!.trim() === '';

  const headerIndex = records.findIndex((r) => !blank(r.cells));
  if (headerIndex < 0) throw new Error('oracle: no header');
  const header = records[headerIndex]!.cells;
  const columns = new Map<CohortField, number>();
  header.forEach((cell, i) => {
    const key = cell.trim().toLowerCase();
    const field = Object.hasOwn(DEFAULT_HEADER_ALIASES, key) ? DEFAULT_HEADER_ALIASES[key] : undefined;
    if (field !== undefined) columns.set(field, i);
  });
  const cell = (cells: string[], f: CohortField) => (columns.has(f) ? cells[columns.get(f)!] : undefined);

  const out: OracleRow<R>[] = [];
  for (const r of records.slice(headerIndex + 1)) {
    if (blank(r.cells)) continue;
    const line = lineOf(r.start);
    if (r.cells.length !== header.length) {
      out.push({ ok: false, line, rejected: { row: line, issues: [{ field: '(row)', value: raw(r), message: `expected ${header.length} fields as in the header, found ${r.cells.length}` }] } });
      continue;
    }
    const row = { id: cell(r.cells, 'id'), type: cell(r.cells, 'type'), year: cell(r.cells, 'year'), outcome: cell(r.cells, 'outcome') };
    const checked = validateRow(validator, row, line);
    out.push(checked.ok ? { ok: true, line, record: checked.record } : { ok: false, line, rejected: checked.rejected });
  }
  if (failedAt !== undefined) {
    const line = lineOf(failedAt);
    const message = `a quoted field opened on line ${line} is never closed, so the rest of the file (from line ${line}) could not be read`;
    out.push({ ok: false, line, rejected: { row: line, issues: [{ field: '(row)', value: undefined, message }] } });
  }
  return out;
}
