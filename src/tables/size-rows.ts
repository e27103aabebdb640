// "Gravidity | 682 | 519 | 163" over "1 | 217 (31.8%) | 157 (30.3%) | ...": a row of bare counts
// that the rows under it add up to, column by column, is those rows' own size (the values missing
// from the column's N left out), as the "a row that has its own n" asks.
import type { CellNumber } from './cell-grammar.js';
import { percentsComplete } from './split-levels.js';
import type { ReadCell } from './table-claims.js';

type Cells = readonly (readonly (ReadCell | undefined)[])[];

const bareCount = (cell: ReadCell | undefined): number | undefined => {
  const v = cell?.value;
  return v?.kind === 'number' && Number.isInteger(v.value.value) && v.value.value > 0 && !v.value.percent && !v.value.bound && !v.value.negative ? v.value.value : undefined;
};

/**
 * The sizes rows of bare counts give the rows under them: a row whose every group cell is one
 * whole number, followed by two or more rows of "n (%)" cells whose counts add up to that number
 * in every column and whose percents add up to 100 in most of them. Keyed "row column", as the table reader's
 * other row sizes are.
 *
 * @example
 * // "Race | 707 | 534 | 173" then five levels adding up to 707, 534 and 173:
 * // Map { '8 1' → 707, '8 2' → 534, '8 3' → 173, '9 1' → 707, ... }
 */
export function countedSizeRows(cells: Cells, groupCols: readonly number[], headerRows: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = headerRows; r < cells.length; r++) {
    const sizes = groupCols.map((c) => bareCount(cells[r]?.[c]));
    if (groupCols.length === 0 || sizes.some((n) => n === undefined)) continue;
    let end = r + 1;
    while (end < cells.length && groupCols.every((c) => { const v = cells[end]?.[c]?.value; return v?.kind === 'count-percent' && v.total === undefined && !v.count.bound && !v.percent.bound; })) end++;
    if (end - r - 1 < 2) continue;
    const levels = (c: number) => cells.slice(r + 1, end).map((row) => row[c]!.value as { count: CellNumber; percent: CellNumber });
    // (one column's percents may be misprinted: most must add up to 100)
    const addsUp = groupCols.every((c, k) => levels(c).reduce((s, x) => s + x.count.value, 0) === sizes[k]) && groupCols.filter((c) => percentsComplete(levels(c))).length * 2 > groupCols.length;
    if (!addsUp) continue;
    for (let q = r + 1; q < end; q++) groupCols.forEach((c, k) => out.set(`${q} ${c}`, sizes[k]!));
  }
  return out;
}
