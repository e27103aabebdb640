import { InvalidArgumentError } from '../errors.js';
import { assertDecimals } from '../exact/validate.js';
import { formatPercent } from '../format/format-percent.js';
import { assertRoundingMode, type RoundingMode } from '../format/rounding.js';
import { shareIntervals, type Interval, type IntervalOption } from '../inference/interval-option.js';
import { toCountTable, type CohortInput } from './count-table.js';
import { outcomesBy } from './group.js';

/** Options of {@link typeDistribution}. */
export interface TypeDistributionOptions {
  /** Decimals of the printed percent (default 1). */
  decimals?: number;
  /** Rounding of the printed percent (default `'half-up'`). */
  rounding?: RoundingMode;
  /**
   * Row order. Default: most frequent first. A list of types puts those first in that
   * order (listing them even with a count of 0, as a fixed-vocabulary table does); other types follow.
   */
  order?: readonly string[];
  /** Add a confidence interval to every row (per-row methods, or simultaneous ones such as 'sison-glaz'). */
  ci?: IntervalOption;
}

/** One row of a type distribution. */
export interface TypeDistributionRow {
  type: string;
  count: number;
  /** count / total as a double. */
  proportion: number;
  /** The percent as printed at the requested decimals and rounding, without '%'. */
  percent: string;
  /** With the `ci` option: the interval for the proportion. */
  ci?: Interval;
}

/** The case mix of a cohort. */
export interface TypeDistribution {
  total: number;
  rows: TypeDistributionRow[];
}

/**
 * Count records by type and print each share as a journal would: each percent rounded on its
 * own exact fraction (so the percents may not sum to 100; see `largestRemainderPercents`).
 *
 * @example
 * const d = typeDistribution(fromCounts([
 *   { type: 'spastic', count: 2324 }, { type: 'mixed', count: 1341 },
 *   { type: 'athetoid', count: 501 }, { type: 'other', count: 112 },
 * ]), { decimals: 2 });
 * d.rows.map((r) => r.percent); // ['54.32', '31.35', '11.71', '2.62']
 * const withCi = typeDistribution(fromCounts([{ type: 'spastic', count: 2324 }, { type: 'other', count: 1954 }]), { decimals: 2, ci: { method: 'wilson' } });
 * formatInterval(withCi.rows[0].ci, { decimals: 2 }); // '95% CI 52.83–55.81, Wilson'
 */
export function typeDistribution(input: CohortInput, options: TypeDistributionOptions = {}): TypeDistribution {
  const { decimals = 1, rounding = 'half-up', order } = options;
  assertDecimals(decimals);
  assertRoundingMode(rounding);
  const table = toCountTable(input);
  if (table.total === 0) throw new InvalidArgumentError('records', input, 'there are no records to count');
  const counts = new Map<string, number>();
  for (const g of outcomesBy(table, 'type')) if (g.total > 0) counts.set(g.key as string, g.total);

  const byCount = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  const types = order === undefined ? byCount : [...new Set([...order, ...byCount])];
  const rows: TypeDistributionRow[] = types.map((type) => {
    const count = counts.get(type) ?? 0;
    return { type, count, proportion: count / table.total, percent: formatPercent(count, table.total, { decimals, rounding }) };
  });
  if (options.ci !== undefined) {
    const intervals = shareIntervals(rows.map((r) => r.count), table.total, options.ci);
    rows.forEach((r, i) => (r.ci = intervals[i]));
  }
  return { total: table.total, rows };
}
