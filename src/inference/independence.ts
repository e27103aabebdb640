import { chiSquarePValues } from '../special/chi-square.js';
import { twoProduct } from '../special/double-double.js';
import { bd0 } from '../special/saddle-point.js';
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
  return { expected: rows.map((r) => cols.map((c) => (r * c) / total)), rows, cols, total, df: (rows.length - 1) * (cols.length - 1), k: Math.min(rows.length, cols.length) };
}

/** The parts of a result that do not depend on the statistic's kind. */
function result(method: string, statistic: number, table: CountMatrix, { expected, total, df, k }: ReturnType<typeof expectedOf>): IndependenceTest {
  let pearson = 0;
  table.forEach((row, i) => row.forEach((o, j) => (pearson += (o - expected[i]![j]!) ** 2 / expected[i]![j]!)));
  return {
    method,
    statistic,
    df,
    ...chiSquarePValues(statistic, df),
    expected,
    residuals: table.map((row, i) => row.map((o, j) => (o - expected[i]![j]!) / Math.sqrt(expected[i]![j]!))),
    cramersV: Math.sqrt(pearson / (total * (k - 1))),
  };
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
  const prepared = expectedOf(table);
  const { expected } = prepared;
  const twoByTwo = table.length === 2 && table[0]!.length === 2;
  const diffs = table.map((row, i) => row.map((o, j) => Math.abs(o - expected[i]![j]!)));
  const yates = correct && twoByTwo ? Math.min(0.5, ...diffs.flat()) : 0;
  let statistic = 0;
  diffs.forEach((row, i) => row.forEach((d, j) => (statistic += (d - yates) ** 2 / expected[i]![j]!)));
  return result(`Pearson's chi-square test of independence${correct && twoByTwo ? ' with Yates continuity correction' : ''}`, statistic, table, prepared);
}

/**
 * The likelihood-ratio (G) test of independence, G = 2 Σ O ln(O/E) (no continuity correction),
 * summed as 2 Σ bd0(O, E) so cells close to expectation lose no digits.
 *
 * @example
 * gTestIndependence([[2324, 1954], [2100, 1900]]).statistic; // 2.7654
 */
export function gTestIndependence(table: CountMatrix): IndependenceTest {
  const prepared = expectedOf(table);
  let g = 0;
  table.forEach((row, i) =>
    row.forEach((o, j) => {
      // o ln(o/e) − (o − e) with o − e = (o N − rᵢ cⱼ)/N from exact products: no cancellation when o ≈ e
      const [a, ae] = twoProduct(o, prepared.total);
      const [b, be] = twoProduct(prepared.rows[i]!, prepared.cols[j]!);
      g += bd0(o, prepared.expected[i]![j]!, (a - b + (ae - be)) / prepared.total);
    }),
  );
  return result('G-test of independence', 2 * g, table, prepared);
}
