import { chiSquareUpperTail, logChiSquareUpperTail } from '../special/chi-square.js';
import { tableMargins, type CountMatrix } from './table.js';

/** Result of a test of independence in a contingency table. */
export interface IndependenceTest {
  method: string;
  statistic: number;
  df: number;
  pValue: number;
  logPValue: number;
  /** Expected counts under independence, same shape as the table. */
  expected: number[][];
  /** Pearson residuals (O − E)/√E. */
  residuals: number[][];
  /** Cramér's V = √(X² / (N (min(r, c) − 1))). */
  cramersV: number;
}

function expectedOf(table: CountMatrix) {
  const { rows, cols, total } = tableMargins(table);
  return { expected: rows.map((r) => cols.map((c) => (r * c) / total)), total, df: (rows.length - 1) * (cols.length - 1), k: Math.min(rows.length, cols.length) };
}

/**
 * Pearson's chi-square test of independence, as R's `chisq.test(table, correct)`: Yates'
 * continuity correction (by default) only for 2×2 tables, shifting each |O − E| by
 * min(0.5, |O − E|).
 *
 * @example
 * chiSquareIndependence([[2324, 1954], [2100, 1900]]).pValue;                    // 0.1008 (Yates)
 * chiSquareIndependence([[2324, 1954], [2100, 1900]], { correct: false }).pValue; // 0.0963
 */
export function chiSquareIndependence(table: CountMatrix, options: { correct?: boolean } = {}): IndependenceTest {
  const { correct = true } = options;
  const { expected, total, df, k } = expectedOf(table);
  const diffs = table.map((row, i) => row.map((o, j) => Math.abs(o - expected[i]![j]!)));
  const yates = correct && table.length === 2 && table[0]!.length === 2 ? Math.min(0.5, ...diffs.flat()) : 0;
  let statistic = 0;
  diffs.forEach((row, i) => row.forEach((d, j) => (statistic += (d - yates) ** 2 / expected[i]![j]!)));
  let pearson = 0;
  diffs.forEach((row, i) => row.forEach((d, j) => (pearson += d ** 2 / expected[i]![j]!)));
  return {
    method: `Pearson's chi-square test of independence${yates > 0 || (correct && table.length === 2 && table[0]!.length === 2) ? ' with Yates continuity correction' : ''}`,
    statistic,
    df,
    pValue: chiSquareUpperTail(statistic, df),
    logPValue: logChiSquareUpperTail(statistic, df),
    expected,
    residuals: table.map((row, i) => row.map((o, j) => (o - expected[i]![j]!) / Math.sqrt(expected[i]![j]!))),
    cramersV: Math.sqrt(pearson / (total * (k - 1))),
  };
}

/**
 * The likelihood-ratio (G) test of independence, G = 2 Σ O ln(O/E) (no continuity correction).
 *
 * @example
 * gTestIndependence([[2324, 1954], [2100, 1900]]).statistic; // 2.7654
 */
export function gTestIndependence(table: CountMatrix): IndependenceTest {
  const { expected, total, df, k } = expectedOf(table);
  let g = 0;
  let pearson = 0;
  table.forEach((row, i) =>
    row.forEach((o, j) => {
      const e = expected[i]![j]!;
      g += (o > 0 ? o * Math.log(o / e) : 0) - (o - e);
      pearson += (o - e) ** 2 / e;
    }),
  );
  g *= 2;
  return {
    method: 'G-test of independence',
    statistic: g,
    df,
    pValue: chiSquareUpperTail(g, df),
    logPValue: logChiSquareUpperTail(g, df),
    expected,
    residuals: table.map((row, i) => row.map((o, j) => (o - expected[i]![j]!) / Math.sqrt(expected[i]![j]!))),
    cramersV: Math.sqrt(pearson / (total * (k - 1))),
  };
}
