// Which size N each group column of a table states: its own header ("(n = 120)", "(k = 12)",
// "(40 patients)"), an N row in the body, a
// heading that spans it and its neighbours, or the caption of a one-column table.
import { readCell } from './cell-grammar.js';
import { countOf, isCount, N_ROW, statedN } from './context.js';
import { fits } from './fits.js';
import { headerSize } from './header-size.js';
import type { Table } from './table.js';

/** The sizes {@link columnSizes} found. */
export interface ColumnSizes {
  /** Column → its N. */
  sizes: Map<number, number>;
  /** Body rows that state the sizes (not data). */
  nRows: Set<number>;
  /** Columns whose N is that of a heading spanning several group columns: weaker than their own. */
  fromSpanningHeading: Set<number>;
}

// a cell that only states a size: "N=126", "(n = 85)"
// a row of the whole sample's counts: "Total | 48,352,770 (100.0)" (its cells must be counts or 100%)
const TOTAL_ROW = /^(?:total|all|overall)(?:\s*\(?[nN]\)?)?$/i;
const SIZE_CELL = /^\(?\s*[nN]\s*=\s*\d[\d,\s\u00a0\u202f]*\)?$/;

/**
 * The N of each group column. A column's own header ("Treated (n = 120)") comes first; then a body
 * row that states the sizes ("Number of patients | 41 | 441", or cells that read "N=126"); then the
 * N of a heading spanning several group columns ("Study cohort (n = 482)" over "ADR present" and
 * "ADR absent"), which is the size of the group, not of each column under it; then the caption's N
 * (or the heading over the row labels) when the table has a single group column.
 */
export function columnSizes(table: Table, groupCols: readonly number[], decimalComma: boolean): ColumnSizes {
  const { grid, headerRows: H } = table;
  const own = new Map<number, number>();
  const spanning = new Map<number, number>();
  const prefix = (c: number, k: number) => table.columnLabels[c]!.split(' / ').slice(0, k + 1).join(' / ');
  for (const c of groupCols) {
    const parts = table.columnLabels[c]!.split(' / ');
    for (let k = parts.length - 1; k >= 0; k--) {
      const n = headerSize(parts[k]!);
      if (n === null) continue;
      const under = k === parts.length - 1 ? 1 : groupCols.filter((d) => prefix(d, k) === prefix(c, k)).length;
      (under > 1 ? spanning : own).set(c, n);
      break;
    }
  }
  const sizes = new Map(own);
  const nRows = new Set<number>();
  for (let r = H; r < grid.length; r++) {
    const label = table.rowLabels[r]!.replace(/[:.]$/, '').trim();
    const texts = groupCols.map((c) => grid[r]![c]!);
    const stated = texts.every((t) => t === '' || SIZE_CELL.test(t)) && texts.some((t) => t !== '');
    if (!stated && !N_ROW.test(label) && !TOTAL_ROW.test(label)) continue;
    // "Number of patients (%) | 4,669 (100) | 3,577 (76.6%)": each column's size, as a share of the row's 100% cell
    const hundred = texts.map((t) => readCell(t, { decimalComma })).find((v) => v.kind === 'pair' && isCount(v.first) && v.second.value === 100 && !v.second.negative);
    const rowWhole = hundred?.kind === 'pair' ? hundred.first.value : undefined;
    const counts = groupCols.map((c, k) => {
      const text = texts[k]!;
      if (text === '') return undefined;
      if (stated) return statedN(text.replace(/^\(/, ' '));
      const count = countOf(text, decimalComma);
      if (count !== null) return count;
      // "Number of patients | 8.5% (41)": the column's size, printed as a share of the heading over it
      const v = readCell(text, { decimalComma });
      const whole = spanning.get(c) ?? rowWhole;
      if (v.kind === 'pair' && isCount(v.first) && whole !== undefined && fits(v.first.value, whole, v.second)) return v.first.value;
      return v.kind === 'count-percent' && isCount(v.count) && whole !== undefined && fits(v.count.value, whole, v.percent) ? v.count.value : null;
    });
    if (counts.some((x) => x === null) || counts.every((x) => x === undefined)) continue;
    nRows.add(r);
    groupCols.forEach((c, k) => {
      const n = counts[k];
      if (n !== undefined && n !== null && !sizes.has(c)) sizes.set(c, n);
    });
  }
  const fromSpanningHeading = new Set<number>();
  for (const [c, n] of spanning) {
    if (sizes.has(c)) continue;
    sizes.set(c, n);
    fromSpanningHeading.add(c);
  }
  // a one-column table's size in its caption, or over its labels ("Trial characteristics (N=90) | n (%)")
  const captionN = statedN(table.caption ?? '') ?? (table.labelColumns > 0 ? headerSize(table.columnLabels[0] ?? '') : null);
  if (captionN !== null && groupCols.length === 1 && !sizes.has(groupCols[0]!)) sizes.set(groupCols[0]!, captionN);
  return { sizes, nRows, fromSpanningHeading };
}
