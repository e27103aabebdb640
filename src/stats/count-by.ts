import { assertOneOf } from '../exact/validate.js';
import { toCountTable, type CohortInput } from './count-table.js';
import { outcomesBy, type GroupKey, type GroupValue } from './group.js';

/** One value and how many records carry it. */
export interface KeyCount {
  key: GroupValue;
  count: number;
}

/**
 * How many records carry each value of `key`, most frequent first (ties keep dictionary order).
 * Values with no record are left out.
 *
 * @example
 * countBy([
 *   { type: 'mixed', year: 2010, outcome: 'improved' },
 *   { type: 'spastic', year: 2010, outcome: 'improved' },
 *   { type: 'spastic', year: 2011, outcome: 'unknown' },
 * ], 'type');
 * // [{ key: 'spastic', count: 2 }, { key: 'mixed', count: 1 }]
 */
export function countBy(input: CohortInput, key: GroupKey): KeyCount[] {
  assertOneOf(key, ['type', 'year', 'outcome'], 'key');
  return outcomesBy(toCountTable(input), key)
    .filter((g) => g.total > 0)
    .map((g) => ({ key: g.key, count: g.total }))
    .sort((a, b) => b.count - a.count);
}
