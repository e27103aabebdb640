import { open } from 'node:fs/promises';
import { InputFormatError, TreatmentOutcomesError } from '../errors.js';
import type { RecordValidator } from '../schema/validate-row.js';
import type { CountTable } from '../stats/count-table.js';
import { fromGroupedCounts, type RejectedGroup } from '../stats/grouped-counts.js';
import { detectDelimiter, mapHeader, type CohortField } from './csv-header.js';

/** Options of {@link countWithDuckDB}. */
export interface DuckDBCountOptions {
  cohort?: RecordValidator<unknown>;
  /** DuckDB threads (default: DuckDB's own default, all cores). */
  threads?: number;
  /** 'csv' (default, by extension) or 'parquet'. */
  format?: 'csv' | 'parquet';
  headerAliases?: Readonly<Record<string, CohortField>>;
}

// The slice of @duckdb/node-api this adapter uses; the package is an optional peer dependency.
interface DuckDBModule {
  DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckDBConnection> }> };
}
interface DuckDBConnection {
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
  closeSync?(): void;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The GROUP BY this adapter runs; the same query runs on Postgres, BigQuery or Spark, and its
 * result goes through `fromGroupedCounts`.
 *
 * @example
 * groupBySql('cohort', { type: 'type', year: 'year', outcome: 'outcome' });
 * // 'SELECT "type" AS type, "year" AS year, "outcome" AS outcome, COUNT(*) AS count FROM cohort GROUP BY 1, 2, 3'
 */
export function groupBySql(from: string, columns: { type: string; year: string; outcome: string }): string {
  return `SELECT ${quoteIdent(columns.type)} AS type, ${quoteIdent(columns.year)} AS year, ${quoteIdent(columns.outcome)} AS outcome, COUNT(*) AS count FROM ${from} GROUP BY 1, 2, 3`;
}

/**
 * Count a CSV or Parquet file inside DuckDB (for files larger than memory or than one machine's
 * patience), then validate the groups and build a count table. Needs the optional peer
 * dependency `@duckdb/node-api`; nothing else in the library loads it. Rejected groups carry
 * their counts but no line numbers: use `countCohortCsv` to find the lines.
 *
 * @example
 * const { table } = await countWithDuckDB(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort });
 * table.total; // 4278
 */
export async function countWithDuckDB(path: string, options: DuckDBCountOptions = {}): Promise<{ table: CountTable; rejected: RejectedGroup[]; sql: string }> {
  let duckdb: DuckDBModule;
  try {
    duckdb = (await import('@duckdb/node-api' as string)) as DuckDBModule;
  } catch (error) {
    throw new TreatmentOutcomesError('missing-peer-dependency', 'countWithDuckDB needs the optional peer dependency @duckdb/node-api: npm install @duckdb/node-api', { cause: error });
  }
  const format = options.format ?? (path.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
  let columns = { type: 'type', year: 'year', outcome: 'outcome' };
  if (format === 'csv') {
    // map the header the way the CSV reader does, so aliases and case work the same
    const handle = await open(path, 'r');
    let head: string;
    try {
      const buf = Buffer.alloc(1 << 16);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    } finally {
      await handle.close();
    }
    const firstLine = head.split('\n').find((l) => l.trim() !== '')?.replace(/\r$/, '') ?? '';
    if (firstLine === '') throw new InputFormatError(`${path}: the file is empty (no header line)`, { file: path, line: 1 });
    const cells = firstLine.split(detectDelimiter(firstLine)).map((c) => c.replace(/^"|"$/g, ''));
    const header = mapHeader(cells, options.headerAliases ?? {}, { file: path, line: 1 });
    const name = (f: CohortField) => cells[header.columns.get(f)!]!;
    columns = { type: name('type'), year: name('year'), outcome: name('outcome') };
  }
  const from = format === 'csv' ? `read_csv(${quoteString(path)}, header = true, all_varchar = true)` : `read_parquet(${quoteString(path)})`;
  const sql = groupBySql(from, columns);
  const instance = await duckdb.DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
  const connection = await instance.connect();
  try {
    const rows = (await connection.runAndReadAll(sql)).getRows();
    const groups = rows.map(([type, year, outcome, count]) => ({ type, year, outcome, count: count as bigint }));
    return { ...fromGroupedCounts(groups, options.cohort ? { cohort: options.cohort } : {}), sql };
  } finally {
    connection.closeSync?.();
  }
}
