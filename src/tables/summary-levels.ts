// Levels printed under a variable's own summary row: "AST (U/L), mean ± SD | 77 ± 61" then its
// "range | 17-638" row, then "Normal (< 40 U/L), No. (%)" and "Elevated, No. (%)".
import type { ReadCell } from './table-claims.js';
import type { Table } from './table.js';
import { knownExclusive } from './table-partitions.js';
import { RANGE_CELL, type Variable } from './variables.js';

// the words that make the row a summary: ", Mean ± SD", "(median, IQR)"
const SUMMARY_WORDS = /\s*[,;(]?\s*\b(?:mean|median|average)\b.*$/i;

const isSummary = (row: readonly (ReadCell | undefined)[], groupCols: readonly number[]) =>
  groupCols.some((c) => {
    const k = row[c]?.value.kind;
    return k === 'mean-sd' || k === 'spread';
  }) && groupCols.every((c) => { const k = row[c]?.value.kind; return k === undefined || k === 'mean-sd' || k === 'spread' || k === 'empty' || k === 'text'; });
const isCountRow = (row: readonly (ReadCell | undefined)[], groupCols: readonly number[]) =>
  groupCols.some((c) => { const k = row[c]?.value.kind; return k === 'count-percent' || k === 'pair'; }) &&
  groupCols.every((c) => { const k = row[c]?.value.kind; return k === undefined || k === 'count-percent' || k === 'pair' || k === 'empty'; });

/**
 * Join the rows printed under a summary row to it as its levels, when they can only be levels of one
 * variable: two or more count rows right after it ("range" lines between allowed), whose names say
 * only one applies ("0-2", "3-4", "5-6"; "Normal", "Elevated"). The variable is named by the summary
 * row without its summary words ("AST (U/L)"), so its levels' cells keep their own reading.
 *
 * @example
 * // rows "Stage, mean ± SD | 3.2 ± 1.6", "0-2 | 50 (31)", "3-4 | 69 (43)", "5-6 | 41 (26)":
 * // one variable "Stage" whose levels are the three count rows
 */
export function joinSummaryLevels(table: Table, cells: readonly (readonly (ReadCell | undefined)[])[], groupCols: readonly number[], variables: readonly Variable[]): Variable[] {
  const out: Variable[] = [];
  const rangeRow = (r: number) => {
    const texts = groupCols.map((c) => table.grid[r]?.[c]?.trim() ?? '').filter((t) => t !== '');
    return texts.length > 0 && texts.every((t) => RANGE_CELL.test(t));
  };
  for (let k = 0; k < variables.length; k++) {
    const v = variables[k]!;
    const r = v.levels[0];
    const name = r === undefined ? '' : (table.rowLabels[r] ?? '').split(' / ').pop()!.trim().replace(SUMMARY_WORDS, '').trim();
    if (r === undefined || v.label !== undefined || v.levels.length !== 1 || name === '' || !isSummary(cells[r]!, groupCols)) {
      out.push(v);
      continue;
    }
    // the variables after it: "range" lines, then single count rows
    let j = k + 1;
    const extra: number[] = [];
    const levels: number[] = [];
    const single = (w: Variable | undefined, row: number) => w !== undefined && w.label === undefined && w.levels.length === 1 && w.levels[0] === row;
    while (single(variables[j], r + 1 + extra.length) && rangeRow(r + 1 + extra.length)) {
      extra.push(r + 1 + extra.length);
      j += 1;
    }
    while (single(variables[j], r + 1 + extra.length + levels.length) && isCountRow(cells[r + 1 + extra.length + levels.length]!, groupCols)) {
      levels.push(r + 1 + extra.length + levels.length);
      j += 1;
    }
    if (levels.length < 2 || !knownExclusive(levels.map((x) => table.rowLabels[x]!))) {
      out.push(v);
      continue;
    }
    out.push({ id: v.id, label: name, labelRow: r, levels, rows: [r, ...extra, ...levels] });
    k = j - 1;
  }
  return out;
}
