import type { Outcome } from '../schema/record.js';
import { forEachCellIndex, type CountTable } from './count-table.js';

/** A dimension of a cohort that records can be grouped by. */
export type GroupKey = 'type' | 'year' | 'outcome';
/** A value of a {@link GroupKey}: a type, a year (null when not stated) or an outcome. */
export type GroupValue = string | number | null;

/** Per group: its key value and its counts of each outcome, in `table.outcomes` order. */
export interface OutcomeGroup {
  key: GroupValue;
  outcomes: number[];
  total: number;
}

function keysOf(table: CountTable, key: GroupKey): readonly GroupValue[] {
  return key === 'type' ? table.types : key === 'year' ? table.years : table.outcomes;
}

/** Sum a count table over everything but `key` (all cells when `key` is null), in dictionary order. */
export function outcomesBy(table: CountTable, key: GroupKey | null): OutcomeGroup[] {
  const keys = key === null ? [null] : keysOf(table, key);
  const O = table.outcomes.length;
  const groups: OutcomeGroup[] = keys.map((k) => ({ key: k, outcomes: new Array<number>(O).fill(0), total: 0 }));
  forEachCellIndex(table, (t, y, o, c) => {
    const g = groups[key === 'type' ? t : key === 'year' ? y : key === 'outcome' ? o : 0] as OutcomeGroup;
    g.outcomes[o] = (g.outcomes[o] ?? 0) + c;
    g.total += c;
  });
  return groups;
}

/** The count of one outcome in a group. */
export function outcomeCount(table: CountTable, group: OutcomeGroup, outcome: Outcome): number {
  return group.outcomes[table.outcomes.indexOf(outcome)] ?? 0;
}
