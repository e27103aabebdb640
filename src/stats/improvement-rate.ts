import { InvalidArgumentError } from '../errors.js';
import { assertDecimals, assertOneOf } from '../exact/validate.js';
import { formatPercent } from '../format/format-percent.js';
import { assertRoundingMode, type RoundingMode } from '../format/rounding.js';
import { rateInterval, type Interval, type IntervalOption } from '../inference/interval-option.js';
import { toCountTable, type CohortInput, type CountTable } from './count-table.js';
import { outcomeCount, outcomesBy, type OutcomeGroup } from './group.js';

/**
 * What a rate is divided by: `'known'` = patients whose outcome is known (followed up),
 * `'all'` = every patient treated, counting unknown outcomes as not improved.
 */
export type RateBasis = 'known' | 'all';

/** Options of {@link improvementRate} and {@link ratesBy}. */
export interface ImprovementRateOptions {
  /** Default `'known'`. */
  basis?: RateBasis;
  /** Decimals of the printed percent (default 1). */
  decimals?: number;
  /** Rounding of the printed percent (default `'half-up'`). */
  rounding?: RoundingMode;
  /** Add a confidence interval for the rate (default method 'wilson', level 0.95). */
  ci?: IntervalOption;
}

/** An improvement rate and everything needed to restate it. */
export interface ImprovementRate {
  improved: number;
  /** Records whose outcome is unknown. */
  unknown: number;
  /** All records. */
  total: number;
  /** The count divided by: `total - unknown` for basis 'known', `total` for 'all'. */
  denominator: number;
  basis: RateBasis;
  /** improved / denominator, or null when the denominator is 0. */
  proportion: number | null;
  /** The printed percent without '%', or null when the denominator is 0. */
  percent: string | null;
  /** With the `ci` option: the interval for the rate (null when the denominator is 0). */
  ci?: Interval | null;
}

export function rateOfGroup(table: CountTable, group: OutcomeGroup, options: Required<Omit<ImprovementRateOptions, 'ci'>> & Pick<ImprovementRateOptions, 'ci'>): ImprovementRate {
  const { basis, decimals, rounding } = options;
  const improved = outcomeCount(table, group, 'improved');
  const unknown = outcomeCount(table, group, 'unknown');
  const denominator = basis === 'known' ? group.total - unknown : group.total;
  const rate: ImprovementRate = {
    improved,
    unknown,
    total: group.total,
    denominator,
    basis,
    proportion: denominator === 0 ? null : improved / denominator,
    percent: denominator === 0 ? null : formatPercent(improved, denominator, { decimals, rounding }),
  };
  if (options.ci !== undefined) rate.ci = rateInterval(improved, denominator, options.ci);
  return rate;
}

export function checkRateOptions(options: ImprovementRateOptions): Required<Omit<ImprovementRateOptions, 'ci'>> & Pick<ImprovementRateOptions, 'ci'> {
  const { basis = 'known', decimals = 1, rounding = 'half-up', ci } = options;
  assertOneOf(basis, ['known', 'all'], 'basis');
  assertDecimals(decimals);
  assertRoundingMode(rounding);
  return { basis, decimals, rounding, ...(ci !== undefined ? { ci } : {}) };
}

/**
 * The share of patients who improved. The result says which basis it used: a rate among
 * followed-up patients and a rate among all treated are different claims.
 *
 * @example
 * const records = [
 *   { type: 'spastic', year: 2010, outcome: 'improved' },
 *   { type: 'spastic', year: 2010, outcome: 'unchanged' },
 *   { type: 'mixed', year: 2011, outcome: 'unknown' },
 * ] as const;
 * improvementRate(records).percent;                    // '50.0'
 * improvementRate(records, { basis: 'all' }).percent;  // '33.3'
 * improvementRate(records, { ci: { method: 'wilson' } }).ci; // { lower: 0.0945…, upper: 0.9054…, method: 'wilson', level: 0.95 }
 */
export function improvementRate(input: CohortInput, options: ImprovementRateOptions = {}): ImprovementRate {
  const checked = checkRateOptions(options);
  const table = toCountTable(input);
  if (table.total === 0) throw new InvalidArgumentError('records', input, 'there are no records to count');
  return rateOfGroup(table, outcomesBy(table, null)[0] as OutcomeGroup, checked);
}
