// Row percentages with no Total column: "< 40 | 178 (98.89) | 2 (1.11)" under "Survivors, n = 328 |
// Non-survivors, n = 25" are shares of the 180 patients under 40, not of each column.
import { checkPartition } from '../audit/check-partition.js';
import type { CellNumber } from './cell-grammar.js';
import { isCount } from './context.js';
import { fits } from './fits.js';
import type { ReadCell } from './table-claims.js';

/** Rows of this reading needed before a table is taken to print row percentages. */
const ROWS_NEEDED = 3;

/**
 * The rows of a table that print percentages of the row: two or more groups, every one a count and
 * percent, their percents adding up to 100 within rounding, each fitting the sum of the row's counts,
 * and some not fitting the column's N. Only when at least three rows read so (one such row can be
 * chance; `rowsNeeded` changes that, for one row of a table already known to be so); then every row
 * that fits its sum is returned, as row → that sum. Empty otherwise.
 *
 * @example
 * // rows "178 (98.89) | 2 (1.11)", "112 (94.92) | 6 (5.08)", "38 (69.09) | 17 (30.91)" under n = 328 and n = 25:
 * // Map { r1 → 180, r2 → 118, r3 → 55 }
 */
export function rowPercentSums(cells: readonly (readonly (ReadCell | undefined)[])[], groupCols: readonly number[], colN: ReadonlyMap<number, number>, headerRows: number, rowsNeeded = ROWS_NEEDED): Map<number, number> {
  const sums = new Map<number, number>();
  let decisive = 0;
  if (groupCols.length < 2) return sums;
  for (let r = headerRows; r < cells.length; r++) {
    const values = groupCols.map((c) => cells[r]?.[c]?.value);
    if (values.some((v) => v === undefined || v.kind !== 'count-percent' || v.total !== undefined || v.count.bound || v.percent.bound || !isCount(v.count))) continue;
    const cps = values as { count: CellNumber; percent: CellNumber }[];
    const sum = cps.reduce((t, x) => t + x.count.value, 0);
    if (sum === 0 || !checkPartition({ total: sum, parts: cps.map((x) => ({ percent: x.percent.digits, numerator: x.count.value })) }).percentSumOk) continue;
    if (!cps.every((x) => fits(x.count.value, sum, x.percent))) continue;
    sums.set(r, sum);
    if (groupCols.some((c, k) => !fits(cps[k]!.count.value, colN.get(c) ?? 0, cps[k]!.percent))) decisive += 1;
  }
  return decisive >= rowsNeeded ? sums : new Map();
}
