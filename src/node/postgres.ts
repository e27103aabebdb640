// Counting inside PostgreSQL: the GROUP BY of groupBySql through a client the caller made (node-postgres,
// `pg`, an optional peer dependency this module never imports), its groups validated as records.
import { InvalidArgumentError, describeValue } from '../errors.js';
import type { RecordValidator } from '../schema/validate-row.js';
import type { CountTable } from '../stats/count-table.js';
import { fromGroupedCounts, type RejectedGroup } from '../stats/grouped-counts.js';
import { groupBySql } from './duckdb.js';

/** What {@link countWithPostgres} needs of a client: `pg`'s `Client`, `Pool` or `PoolClient` all have it. */
export interface PostgresQueryable {
  query(sql: string): Promise<{ rows: readonly unknown[] }>;
}

/** Options of {@link countWithPostgres}. */
export interface PostgresCountOptions {
  cohort?: RecordValidator<unknown>;
  /** The table's schema (default: the connection's search path). */
  schema?: string;
  /** Column names, when they are not `type`, `year` and `outcome`. */
  columns?: { type?: string; year?: string; outcome?: string };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Count a table inside PostgreSQL with the portable GROUP BY ({@link groupBySql}), then validate
 * the groups as records and build a count table. Pass a connected `pg` client or pool (the `pg`
 * package is an optional peer dependency: this library never loads it). Columns may be text (as
 * a CSV loaded with COPY: values are checked as the CSV reader checks them) or typed; NULLs are
 * rejected as missing values. Rejected groups carry their counts but no line numbers.
 *
 * @example
 * const client = { query: async () => ({ rows: [{ type: 'spastic', year: 2005, outcome: 'improved', count: '3' }] }) };
 * const { table, sql } = await countWithPostgres(client, 'cohort');
 * [table.total, sql]; // [3, 'SELECT "type" AS type, "year" AS year, "outcome" AS outcome, COUNT(*) AS count FROM "cohort" GROUP BY 1, 2, 3']
 */
export async function countWithPostgres(client: PostgresQueryable, table: string, options: PostgresCountOptions = {}): Promise<{ table: CountTable; rejected: RejectedGroup[]; sql: string }> {
  if (typeof client !== 'object' || client === null || typeof client.query !== 'function') {
    throw new InvalidArgumentError('client', client, `expected a connected pg Client or Pool (something with query(sql)), got ${describeValue(client)}`);
  }
  if (typeof table !== 'string' || table === '') throw new InvalidArgumentError('table', table, `expected a table name, got ${describeValue(table)}`);
  const from = options.schema === undefined ? quoteIdent(table) : `${quoteIdent(options.schema)}.${quoteIdent(table)}`;
  const { type = 'type', year = 'year', outcome = 'outcome' } = options.columns ?? {};
  const sql = groupBySql(from, { type, year, outcome });
  const { rows } = await client.query(sql);
  // COUNT(*) is a bigint, which pg hands over as a string
  const groups = rows.map((row) => {
    const r = row as { type: unknown; year: unknown; outcome: unknown; count: unknown };
    return { type: r.type, year: r.year, outcome: r.outcome, count: typeof r.count === 'string' && /^\d+$/.test(r.count) ? BigInt(r.count) : (r.count as number | bigint) };
  });
  return { ...fromGroupedCounts(groups, options.cohort ? { cohort: options.cohort } : {}), sql };
}
