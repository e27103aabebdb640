import { InvalidArgumentError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { forEachCellIndex, toCountTable, type CohortInput } from './count-table.js';
import type { GroupKey, GroupValue } from './group.js';

/** A two-way table of counts. */
export interface CrossTab {
  rowKey: GroupKey;
  colKey: GroupKey;
  rows: GroupValue[];
  cols: GroupValue[];
  /** counts[i][j]: records with rows[i] and cols[j]. */
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

const KEYS = ['type', 'year', 'outcome'] as const;

/**
 * Cross-tabulate two dimensions, e.g. type × outcome. Rows and columns keep dictionary order
 * (types as first seen, years ascending, outcomes improved → unknown) and drop all-zero lines.
 *
 * @example
 * const t = crossTab([
 *   { type: 'spastic', year: 2010, outcome: 'improved' },
 *   { type: 'mixed', year: 2010, outcome: 'worsened' },
 * ], 'type', 'outcome');
 * t.cols;   // ['improved', 'worsened']
 * t.counts; // [[1, 0], [0, 1]]
 */
export function crossTab(input: CohortInput, rowKey: GroupKey, colKey: GroupKey): CrossTab {
  assertOneOf(rowKey, KEYS, 'rowKey');
  assertOneOf(colKey, KEYS, 'colKey');
  if (rowKey === colKey) throw new InvalidArgumentError('colKey', colKey, 'rowKey and colKey must differ');
  const table = toCountTable(input);
  const dims = { type: table.types, year: table.years, outcome: table.outcomes } as const;
  const full = dims[rowKey].map(() => new Array<number>(dims[colKey].length).fill(0));
  forEachCellIndex(table, (t, y, o, c) => {
    const at = { type: t, year: y, outcome: o };
    const line = full[at[rowKey]] as number[];
    line[at[colKey]] = (line[at[colKey]] ?? 0) + c;
  });
  const keepRows = full.map((line) => line.some((c) => c > 0));
  const keepCols = dims[colKey].map((_, j) => full.some((line) => (line[j] ?? 0) > 0));
  const counts = full.filter((_, i) => keepRows[i]).map((line) => line.filter((_, j) => keepCols[j]));
  const colTotals = counts.length === 0 ? [] : (counts[0] as number[]).map((_, j) => counts.reduce((a, line) => a + (line[j] ?? 0), 0));
  return {
    rowKey,
    colKey,
    rows: dims[rowKey].filter((_, i) => keepRows[i]),
    cols: dims[colKey].filter((_, j) => keepCols[j]),
    counts,
    rowTotals: counts.map((line) => line.reduce((a, b) => a + b, 0)),
    colTotals,
    total: table.total,
  };
}
