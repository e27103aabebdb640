// The denominator a variable's levels share when it is not their column's N: baseline tables give
// each variable's levels as shares of the people with data ("Missing 1" under "White 60 (79)" of
// 77: 60 of 76), and read against the column's N every level looks impossible.
import type { CellNumber } from './cell-grammar.js';
import { fits } from './fits.js';

/** A level's printed count and percent. */
export interface LevelFigure {
  count: number;
  percent: CellNumber;
}

/** What {@link commonDenominator} found. */
export type CommonDenominator =
  | { kind: 'found'; n: number; preferred: boolean; candidates: number }
  | { kind: 'ambiguous'; candidates: number }
  | { kind: 'none' };

// beyond this many sizes the levels say little about which one it is
const MAX_CANDIDATES = 5000;

/** The sizes k (as a closed real interval) for which count/k rounds to the percent, ties either way. */
function sizeInterval(level: LevelFigure): [number, number] {
  const half = 0.5 * 10 ** -level.percent.decimals;
  const p = level.percent.value;
  if (level.count === 0) return p === 0 ? [1, Infinity] : [Infinity, -Infinity];
  return [(100 * level.count) / (p + half), p - half <= 0 ? Infinity : (100 * level.count) / (p - half)];
}

/**
 * Every size smaller than `n` that all the levels fit, found by brute force over the sizes the
 * levels allow (each fit decided exactly); the first of `preferred` among them (the levels' own
 * sum, the column's N less a "Missing" count, a size the row prints), else the only one. Used only
 * when two or more levels do not fit `n`: one impossible level among siblings that fit `n` is a
 * finding, not a sign of another denominator.
 *
 * @example
 * // "White 60 (79) | Black 8 (11) | Asian 5 (7) | Other 3 (4)" under "High Risk (n = 77)", "Missing 1":
 * // commonDenominator(levels, 77, [76]) → { kind: 'found', n: 76, preferred: true, candidates: 1 }
 */
export function commonDenominator(levels: readonly LevelFigure[], n: number, preferred: readonly number[] = []): CommonDenominator {
  if (levels.length < 2 || levels.every((l) => l.count === 0)) return { kind: 'none' };
  const misfits = levels.filter((l) => !fits(l.count, n, l.percent)).length;
  if (misfits < 2) return { kind: 'none' };
  let lo = Math.max(1, ...levels.map((l) => l.count));
  let hi = n - 1;
  for (const l of levels) {
    const [a, b] = sizeInterval(l);
    lo = Math.max(lo, Math.floor(a));
    hi = Math.min(hi, Math.ceil(b));
  }
  const fitsAll = (k: number) => levels.every((l) => fits(l.count, k, l.percent));
  const first = preferred.find((k) => Number.isSafeInteger(k) && k < n && k >= 1 && fitsAll(k));
  if (hi < lo) return { kind: 'none' };
  if (hi - lo + 1 > MAX_CANDIDATES) return first !== undefined ? { kind: 'found', n: first, preferred: true, candidates: hi - lo + 1 } : { kind: 'ambiguous', candidates: hi - lo + 1 };
  const found: number[] = [];
  for (let k = lo; k <= hi; k++) if (fitsAll(k)) found.push(k);
  if (found.length === 0) return { kind: 'none' };
  if (first !== undefined) return { kind: 'found', n: first, preferred: true, candidates: found.length };
  return found.length === 1 ? { kind: 'found', n: found[0]!, preferred: false, candidates: 1 } : { kind: 'ambiguous', candidates: found.length };
}
