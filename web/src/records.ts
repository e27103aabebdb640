// Cohort records dropped as CSV: read in the page, validated as the library validates them.
import { parse } from 'csv-parse/browser/esm/sync';
import { parseRecords } from '../../src/schema/parse-records.js';
import type { RejectedRow } from '../../src/schema/rejected.js';
import { countTable, type CountTable } from '../../src/stats/count-table.js';

/** Records read from a CSV file: the counts, and every row that was left out with why. */
export interface RecordsFile {
  name: string;
  table: CountTable;
  /** Rows left out, numbered as lines of the file (the header is line 1). */
  rejected: RejectedRow[];
}

/** Read a cohort CSV (columns type, year, outcome; others ignored), keeping the valid rows. */
export function readRecordsCsv(text: string, name: string): RecordsFile {
  const rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  if (rows.length === 0) throw new Error(`${name}: no records (a header line and one line per patient: type, year, outcome)`);
  const missing = ['type', 'year', 'outcome'].filter((c) => !Object.hasOwn(rows[0]!, c));
  if (missing.length > 0) throw new Error(`${name}: no ${missing.join(', ')} column (found ${Object.keys(rows[0]!).join(', ')})`);
  const { records, rejected } = parseRecords(
    rows.map((r) => ({ type: r.type, year: r.year, outcome: r.outcome })),
    { mode: 'lenient' },
  );
  if (records.length === 0) throw new Error(`${name}: none of the ${rows.length} rows is a valid record (${rejected[0]?.issues[0]?.message ?? 'no reason given'})`);
  return { name, table: countTable(records), rejected: rejected.map((r) => ({ ...r, row: r.row + 1 })) };
}
