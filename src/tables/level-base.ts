// What a variable's levels in one column are shares of, when that is not simply the column's N:
// the size its heading row prints ("Gravidity | 682 | 519"), the levels' own sum (missing values
// left out), or a smaller size every level fits ("Missing 1" under levels of 76 of 77).
import type { CellNumber } from './cell-grammar.js';
import { commonDenominator } from './common-denominator.js';
import { fits } from './fits.js';
import { percentsComplete } from './split-levels.js';
import type { DenominatorBasis, ReadCell } from './table-claims.js';
import { hasMissingLevel } from './table-partitions.js';

/** The denominator of a variable's levels in one column, or why none can be told. */
export type LevelBase = { n: number; basis: DenominatorBasis; note: string } | { unresolved: string; /** only where the table offers the cell no other size */ unlessOtherSize?: boolean };

/** A variable's levels in one column, as {@link levelBase} reads them. */
export interface LevelCells {
  /** Each level's label and its reading in this column. */
  levels: readonly { label: string; cell: ReadCell | undefined; text: string }[];
  /** The column's N (or a subgroup heading's). */
  n: number;
  /** What the variable's heading row prints in this column, when it is one whole number alone ("682", "682b"). */
  headingCount?: number;
  /** The table notes say some values are missing. */
  missingNoted: boolean;
  /** The table shows no values missing here: another variable adds up to this column's N exactly, and this one in every other column. */
  completeElsewhere?: boolean;
}

const ZERO = /^\s*(?:0|[-–—])\s*$/;
const MISSING = /^(?:missing|unknown|not (?:known|stated|recorded|reported|available)|no data|data missing)\b/i;

/**
 * Decide the base of a variable's levels in one column. A heading row's own count that the levels
 * add up to, with percents adding up to 100, is their size (the row states its n). Otherwise the
 * levels' sum when every percent fits it and not the column's N; when they fit both, the column's N
 * if the table shows no values missing (so a count misprinted by one is reported against it, not
 * taken for a missing value), else unresolved. When two or more levels fit neither, a smaller size they all fit
 * (brute force, the sum or N less a "Missing" count preferred); several such sizes and none
 * preferred: unresolved. Undefined: the column's N stands.
 *
 * @example
 * // "Race | White 60 (79) | Black 8 (11) | Asian 5 (7) | Other 3 (4) | Missing 1" under n = 77:
 * // levelBase(...) → { n: 76, basis: 'levels', note: "the levels add up to 76 ..." }
 */
export function levelBase(x: LevelCells): LevelBase | undefined {
  const figures: { count: number; percent: CellNumber }[] = [];
  let missing = 0;
  for (const { label, cell, text } of x.levels) {
    const v = cell?.value;
    if (v?.kind === 'count-percent' && v.total === undefined && !v.percent.bound && !v.count.bound && Number.isInteger(v.count.value)) figures.push({ count: v.count.value, percent: v.percent });
    else if (MISSING.test(label) && v?.kind === 'number' && Number.isInteger(v.value.value) && !v.value.percent) missing += v.value.value;
    else if (!ZERO.test(text) && v?.kind !== 'empty') return undefined;
  }
  if (figures.length < 2) return undefined;
  const sum = figures.reduce((s, f) => s + f.count, 0);
  const complete = percentsComplete(figures);
  const fitN = figures.every((f) => fits(f.count, x.n, f.percent));
  if (x.headingCount !== undefined && x.headingCount > 0 && x.headingCount <= x.n && sum === x.headingCount && complete) {
    return { n: x.headingCount, basis: 'subgroup', note: `the variable's heading row prints ${x.headingCount}, which its levels add up to` };
  }
  const fitSum = sum > 0 && sum < x.n && figures.every((f) => fits(f.count, sum, f.percent));
  const missingLevel = hasMissingLevel(x.levels.map((l) => l.label));
  // "Missing | 1" printed as a count alone beside levels printed "n (%)": the percents leave it out
  if (fitSum && missing > 0 && sum + missing === x.n) return { n: sum, basis: 'levels', note: `the levels add up to ${sum}, the column's ${x.n} less the ${missing} missing, whose row prints no percent` };
  if (fitSum && !fitN) return { n: sum, basis: 'levels', note: `the levels add up to ${sum}, fewer than the column's ${x.n}, and every percent is of ${sum} (missing values left out)` };
  // fitting both: values left out are not said to be missing, so the printed N stands and the counts must add up to it
  if (fitSum && fitN) return missingLevel || (!x.missingNoted && x.completeElsewhere) ? undefined : { unresolved: `the levels add up to ${sum}, fewer than the column's ${x.n}, and every percent fits both: the table does not say which is the denominator` };
  if (fitN) return undefined;
  const common = commonDenominator(figures, x.n, [sum, x.n - missing]);
  if (common.kind === 'found') {
    const how = common.n === sum ? `the levels add up to ${sum}` : common.n === x.n - missing ? `the column's ${x.n} less ${missing} missing` : `the only size below ${x.n} that every level fits`;
    return { n: common.n, basis: common.n === sum ? 'levels' : 'inferred', note: `${how}; every level's count and percent fits ${common.n}, and not the column's ${x.n} (values missing)` };
  }
  if (common.kind === 'ambiguous') return { unresolved: `the levels do not fit the column's ${x.n}; ${common.candidates} smaller sizes fit them all, and the table does not say which` };
  // no level fits N and every percent is above its count's share of N: shares of smaller groups the
  // table does not name (a misprint makes one or two cells wrong, not every level in one direction)
  const ofFewer = figures.every((f) => f.count > 0 && !fits(f.count, x.n, f.percent) && f.percent.value > (100 * f.count) / x.n);
  if (ofFewer && figures.length >= 3) return { unresolved: `no level fits the column's ${x.n}, every percent is of fewer people, and no one size fits them all: shares of groups the table does not state`, unlessOtherSize: true };
  return undefined;
}
