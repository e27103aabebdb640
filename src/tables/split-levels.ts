import { checkPartition } from '../audit/check-partition.js';
import type { CellNumber } from './cell-grammar.js';
import type { ReadCell } from './table-claims.js';
import type { Variable } from './variables.js';

type CountPercent = { count: CellNumber; percent: CellNumber };
const countPercent = (cell: ReadCell | undefined): CountPercent | undefined => {
  const v = cell?.value;
  return v?.kind === 'count-percent' && !v.percent.bound && !v.count.bound ? v : undefined;
};

/** Do these percents add up to 100 within their rounding? */
export function percentsComplete(values: readonly { percent: CellNumber }[]): boolean {
  if (values.length < 2) return false;
  return checkPartition({ total: 1, parts: values.map((v) => ({ percent: v.percent.digits })) }).percentSumOk;
}

/**
 * Cut a variable's levels where their percents have reached 100 in every column: the rows after
 * them ("Married", "Ethanol intake ≥ 15 g/day" printed unindented after "Education" or "Tobacco")
 * are variables of their own, not more levels. Only when the rows with them add up to more than 100,
 * so a "Missing" or "0 (0)" level after a full set stays a level.
 */
export function splitAtFullLevels(variables: readonly Variable[], cells: readonly (readonly (ReadCell | undefined)[])[], groupCols: readonly number[]): Variable[] {
  const out: Variable[] = [];
  for (const v of variables) {
    if (v.label === undefined || v.levels.length < 3) {
      out.push(v);
      continue;
    }
    const column = (c: number, rows: readonly number[]) => {
      const xs = rows.map((r) => countPercent(cells[r]![c]));
      return xs.every((x) => x !== undefined) ? (xs as CountPercent[]) : undefined;
    };
    let cut: number | undefined;
    for (let k = v.levels.length - 1; k >= 2 && cut === undefined; k--) {
      const prefix = v.levels.slice(0, k);
      const checked = groupCols.map((c) => column(c, prefix)).filter((x): x is CountPercent[] => x !== undefined);
      if (checked.length === 0 || !checked.every(percentsComplete)) continue;
      // the longer run must overshoot 100 wherever it can be added up
      const longer = groupCols.map((c) => column(c, v.levels.slice(0, k + 1))).filter((x): x is CountPercent[] => x !== undefined);
      if (longer.length > 0 && longer.every((x) => !percentsComplete(x) && x.reduce((s, y) => s + y.percent.value, 0) > 100)) cut = k;
    }
    if (cut === undefined) {
      out.push(v);
      continue;
    }
    const kept = v.levels.slice(0, cut);
    out.push({ ...v, levels: kept, rows: [...(v.labelRow !== undefined ? [v.labelRow] : []), ...kept] });
    for (const r of v.levels.slice(cut)) out.push({ id: `v${r}`, levels: [r], rows: [r] });
  }
  return out;
}
