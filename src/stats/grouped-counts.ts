import { InvalidArgumentError } from '../errors.js';
import { anyCohort } from '../schema/parse-records.js';
import type { CohortRecord } from '../schema/record.js';
import type { RowIssue } from '../schema/rejected.js';
import { validateRow, type RecordValidator } from '../schema/validate-row.js';
import { fromCounts, type CountRow, type CountTable } from './count-table.js';

/** One row of a GROUP BY type, year, outcome result from a database or engine. */
export interface GroupedCount {
  type: unknown;
  year: unknown;
  outcome: unknown;
  count: number | bigint;
}

/** A group whose values did not validate: every record in it is rejected. */
export interface RejectedGroup {
  group: { type: unknown; year: unknown; outcome: unknown };
  count: number;
  issues: RowIssue[];
}

/**
 * Validate the result of `SELECT type, year, outcome, COUNT(*) … GROUP BY type, year, outcome` run in
 * any engine (DuckDB, Postgres, BigQuery, Spark) and build a count table. Each group is checked as a
 * record would be (aliases and case normalised by a cohort); groups that fail are returned with
 * their counts, so nothing is lost, though line numbers are not known.
 *
 * @example
 * const { table, rejected } = fromGroupedCounts([
 *   { type: 'Spastic', year: '2005', outcome: 'improved', count: 3n },
 *   { type: 'spastik', year: 2005, outcome: 'improved', count: 1 },
 * ], { cohort: cerebralPalsyCohort });
 * [table.total, rejected[0].count, rejected[0].issues[0].suggestion]; // [3, 1, 'spastic']
 */
export function fromGroupedCounts<R = CohortRecord>(
  groups: readonly GroupedCount[],
  options: { cohort?: RecordValidator<R> } = {},
): { table: CountTable; rejected: RejectedGroup[] } {
  if (!Array.isArray(groups)) throw new InvalidArgumentError('groups', groups, 'groups must be an array of { type, year, outcome, count }');
  const validator = (options.cohort ?? anyCohort) as RecordValidator<R>;
  const rows: CountRow[] = [];
  const rejected: RejectedGroup[] = [];
  groups.forEach((g, i) => {
    const count = Number(g.count);
    if (!Number.isSafeInteger(count) || count < 0) throw new InvalidArgumentError(`groups[${i}].count`, g.count, `groups[${i}].count must be a non-negative whole number`);
    if (count === 0) return;
    const year = typeof g.year === 'bigint' ? Number(g.year) : g.year;
    const checked = validateRow(validator, { type: g.type, year, outcome: g.outcome }, i + 1);
    if (checked.ok) {
      const r = checked.record as unknown as CohortRecord;
      rows.push({ type: r.type, year: r.year, outcome: r.outcome, count });
    } else rejected.push({ group: { type: g.type, year: g.year, outcome: g.outcome }, count, issues: checked.rejected.issues });
  });
  return { table: fromCounts(rows), rejected };
}
