import { InvalidArgumentError } from '../errors.js';
import gammaln from '@stdlib/math-base-special-gammaln';
import { logBinomialDensity } from '../special/binomial.js';
import { checkAlternative, type Alternative } from './alternative.js';
import { assertLevel } from './assert.js';
import { alphaOf, bisect } from './root.js';
import { tableMargins, type CountMatrix } from './table.js';

/** Options of {@link fisherExact}. */
export interface FisherOptions {
  /** For 2×2 tables (default 'two-sided'). */
  alternative?: Alternative;
  /** Level of the odds-ratio interval for 2×2 tables (default 0.95). */
  level?: number;
}

/** Fisher's exact test on a 2×2 table: p-value, conditional MLE of the odds ratio and its exact interval. */
export interface Fisher2x2 {
  method: "Fisher's exact test";
  pValue: number;
  alternative: Alternative;
  /** The conditional maximum-likelihood estimate (R's estimate), not the sample odds ratio ad/bc. */
  oddsRatio: number;
  ci: { lower: number; upper: number; level: number };
}

/** Fisher's exact test on an r×c table: the exact p-value by enumeration. */
export interface FisherRxC {
  method: "Fisher's exact test";
  pValue: number;
  /** How many tables with the observed margins were enumerated. */
  tables: number;
}

/** Most tables enumerated for an r×c test before refusing. */
export const FISHER_MAX_TABLES = 1_000_000;
const REL = Math.log1p(1e-7);

function logSumExp(values: readonly number[]): number {
  const max = Math.max(...values);
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (const v of values) s += Math.exp(v - max);
  return max + Math.log(s);
}

function fisher2x2(table: CountMatrix, alternative: Alternative, level: number): Fisher2x2 {
  const a = table[0]![0]!;
  const m = table[0]![0]! + table[0]![1]!;
  const n = table[1]![0]! + table[1]![1]!;
  const k = table[0]![0]! + table[1]![0]!;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support: number[] = [];
  for (let x = lo; x <= hi; x++) support.push(x);
  const p = k / (m + n);
  // log of the central hypergeometric density, from Loader-accurate binomial densities
  const logd = support.map((x) => logBinomialDensity(x, m, p) + logBinomialDensity(k - x, n, p) - logBinomialDensity(k, m + n, p));
  const weights = (t: number) => logd.map((l, i) => l + support[i]! * t);
  const tail = (t: number, side: 'upper' | 'lower') => {
    const w = weights(t);
    const total = logSumExp(w);
    return Math.exp(logSumExp(w.filter((_, i) => (side === 'upper' ? support[i]! >= a : support[i]! <= a))) - total);
  };
  const mean = (t: number) => {
    const w = weights(t);
    const max = Math.max(...w);
    let num = 0;
    let den = 0;
    w.forEach((v, i) => {
      const e = Math.exp(v - max);
      num += support[i]! * e;
      den += e;
    });
    return num / den;
  };
  // Solve g(t) = target for g monotone in t = log(odds ratio), expanding the bracket as needed.
  const solve = (g: (t: number) => number, target: number, increasing: boolean) => {
    let l = -1;
    let h = 1;
    const below = (t: number) => (increasing ? g(t) < target : g(t) > target);
    while (!below(l) && l > -1e4) l *= 2;
    while (below(h) && h < 1e4) h *= 2;
    return Math.exp(bisect((t) => (increasing ? g(t) - target : target - g(t)), l, h));
  };

  let pValue: number;
  if (alternative === 'less') pValue = tail(0, 'lower');
  else if (alternative === 'greater') pValue = tail(0, 'upper');
  else {
    const observed = logd[a - lo]! + REL;
    const total = logSumExp(logd);
    pValue = Math.min(1, Math.exp(logSumExp(logd.filter((l) => l <= observed)) - total));
  }
  const oddsRatio = a === lo ? 0 : a === hi ? Infinity : solve(mean, a, true);
  const alpha = alphaOf(level);
  const sideAlpha = alternative === 'two-sided' ? alpha / 2 : alpha;
  const lower = alternative === 'less' || a === lo ? 0 : solve((t) => tail(t, 'upper'), sideAlpha, true);
  const upper = alternative === 'greater' || a === hi ? Infinity : solve((t) => tail(t, 'lower'), sideAlpha, false);
  return { method: "Fisher's exact test", pValue, alternative, oddsRatio, ci: { lower, upper, level } };
}

function fisherRxC(table: CountMatrix): FisherRxC {
  const { rows, cols, total } = tableMargins(table);
  const lfact = (x: number) => gammaln(x + 1);
  const constant = rows.reduce((s, r) => s + lfact(r), 0) + cols.reduce((s, c) => s + lfact(c), 0) - lfact(total);
  const logP = (cells: readonly number[]) => constant - cells.reduce((s, c) => s + lfact(c), 0);
  const observed = logP(table.flat()) + REL;
  const R = rows.length;
  const C = cols.length;
  const refuse = () =>
    new InvalidArgumentError('table', table, `more than ${FISHER_MAX_TABLES} tables share these margins; exact enumeration is for small, hand-entered tables (use chiSquareIndependence)`);
  // An upper bound on the count (each column spread over the rows freely) refuses hopeless tables at once.
  const bound = cols.slice(0, -1).reduce((a, c) => a * Math.exp(gammaln(c + R) - gammaln(c + 1) - gammaln(R)), 1);
  if (bound > 1000 * FISHER_MAX_TABLES) throw refuse();
  let count = 0;
  let sum = 0;
  const cells: number[] = new Array<number>(R * C).fill(0);
  const remaining = [...rows];
  // Fill column by column; the last column is what the rows have left.
  const fill = (j: number, i: number, left: number): void => {
    if (j === C - 1) {
      for (let r = 0; r < R; r++) cells[r * C + j] = remaining[r]!;
      count += 1;
      if (count > FISHER_MAX_TABLES) throw refuse();
      const lp = logP(cells);
      if (lp <= observed) sum += Math.exp(lp - observed);
      return;
    }
    if (i === R - 1) {
      if (left > remaining[i]!) return;
      cells[i * C + j] = left;
      remaining[i]! -= left;
      fill(j + 1, 0, cols[j + 1]!);
      remaining[i]! += left;
      return;
    }
    const laterCapacity = remaining.slice(i + 1).reduce((a, b) => a + b, 0);
    for (let v = Math.max(0, left - laterCapacity); v <= Math.min(left, remaining[i]!); v++) {
      cells[i * C + j] = v;
      remaining[i]! -= v;
      fill(j, i + 1, left - v);
      remaining[i]! += v;
    }
  };
  fill(0, 0, cols[0]!);
  return { method: "Fisher's exact test", pValue: Math.min(1, sum * Math.exp(observed)), tables: count };
}

/**
 * Fisher's exact test. On a 2×2 table: the p-value (two-sided by R's rule: tables no more likely
 * than the observed one, relative tolerance 1 + 1e-7), the conditional MLE of the odds ratio and
 * its exact interval, solved to full precision (R's own are off by up to 6% because of uniroot's
 * tolerance). On an r×c table: the exact p-value by enumerating every table with the observed
 * margins, refusing beyond {@link FISHER_MAX_TABLES} tables.
 *
 * @example
 * const f = fisherExact([[3, 1], [1, 3]]);
 * f.pValue;     // 0.48571428571428…
 * f.oddsRatio;  // 6.4083196581996…
 * fisherExact([[3, 1, 0], [1, 3, 4]]).pValue; // 0.2
 */
export function fisherExact(table: CountMatrix, options: FisherOptions = {}): Fisher2x2 | FisherRxC {
  tableMargins(table);
  const { level = 0.95 } = options;
  const alternative = checkAlternative(options.alternative ?? 'two-sided');
  assertLevel(level);
  if (table.length === 2 && table[0]!.length === 2) return fisher2x2(table, alternative, level);
  if (options.alternative !== undefined && alternative !== 'two-sided') {
    throw new InvalidArgumentError('alternative', alternative, 'a one-sided alternative needs a 2×2 table');
  }
  return fisherRxC(table);
}
