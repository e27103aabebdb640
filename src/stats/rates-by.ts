import { assertOneOf } from '../exact/validate.js';
import { toCountTable, type CohortInput } from './count-table.js';
import { outcomesBy } from './group.js';
import { checkRateOptions, rateOfGroup, type ImprovementRate, type ImprovementRateOptions } from './improvement-rate.js';

/** An improvement rate of one group. */
export interface GroupRate extends ImprovementRate {
  /** The type, or the year (null for "not stated"). */
  key: string | number | null;
}

/**
 * Improvement rates per type (most records first) or per year (ascending).
 *
 * @example
 * ratesBy([
 *   { type: 'spastic', year: 2010, outcome: 'improved' },
 *   { type: 'mixed', year: 2010, outcome: 'worsened' },
 * ], 'type').map((r) => [r.key, r.percent]);
 * // [['spastic', '100.0'], ['mixed', '0.0']]
 */
export function ratesBy(input: CohortInput, key: 'type' | 'year', options: ImprovementRateOptions = {}): GroupRate[] {
  assertOneOf(key, ['type', 'year'], 'key');
  const checked = checkRateOptions(options);
  const table = toCountTable(input);
  const groups = outcomesBy(table, key).filter((g) => g.total > 0);
  if (key === 'type') groups.sort((a, b) => b.total - a.total);
  return groups.map((g) => ({ key: g.key, ...rateOfGroup(table, g, checked) }));
}
