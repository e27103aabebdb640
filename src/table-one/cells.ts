import { roundRationalAt, roundSqrtAt } from '../describe/decimal.js';
import { exactMean, exactVariance, sketchMean, sketchVariance, type MomentSketch } from '../describe/moment-sketch.js';
import { exactQuantile, sketchQuantile, type QuantileSketch } from '../describe/quantile-sketch.js';
import { formatDecimal } from '../format/format-decimal.js';
import { formatPercent } from '../format/format-percent.js';
import { formatScaled, type RoundingMode } from '../format/rounding.js';
import type { CountCell, MeanCell, MedianCell } from './types.js';

/** What a cell prints where there is no value (no records, or an SD of one value). */
export const NOT_AVAILABLE = '–';

/** "count (percent)" with the percent printed exactly; just the count when the denominator is 0. */
export function countCell(count: number, denominator: number, decimals: number, rounding: RoundingMode): CountCell {
  if (denominator === 0) return { kind: 'count', count, denominator, text: String(count) };
  const percent = formatPercent(count, denominator, { decimals, rounding });
  return { kind: 'count', count, denominator, percent, text: `${count} (${percent})` };
}

/** The mean printed from the exact decimal sums when the values are decimals, else from the double. */
export function printMean(s: MomentSketch, decimals: number, rounding: RoundingMode): string {
  const exact = exactMean(s);
  return exact ? formatScaled(roundRationalAt(exact, decimals, rounding), decimals) : formatDecimal(s.sum / s.n, { decimals, rounding });
}

/** The sample SD printed exactly (√ of the exact variance, rounded through squares) when the values are decimals. */
export function printSd(s: MomentSketch, decimals: number, rounding: RoundingMode): string {
  const exact = exactVariance(s);
  return exact ? formatScaled(roundSqrtAt(exact, decimals, rounding), decimals) : formatDecimal(Math.sqrt(s.m2 / (s.n - 1)), { decimals, rounding });
}

/** "mean (SD)" of a sketch. */
export function meanCell(s: MomentSketch, decimals: number, rounding: RoundingMode): MeanCell {
  const valueDecimals = s.grid === null ? null : s.grid.decimals;
  if (s.n === 0) return { kind: 'mean-sd', n: 0, valueDecimals, text: NOT_AVAILABLE };
  const mean = sketchMean(s);
  const meanText = printMean(s, decimals, rounding);
  if (s.n < 2) return { kind: 'mean-sd', n: s.n, mean, meanText, valueDecimals, text: `${meanText} (${NOT_AVAILABLE})` };
  const sd = Math.sqrt(sketchVariance(s));
  const sdText = printSd(s, decimals, rounding);
  return { kind: 'mean-sd', n: s.n, mean, sd, meanText, sdText, valueDecimals, text: `${meanText} (${sdText})` };
}

function printQuantile(s: QuantileSketch, p: number, decimals: number, rounding: RoundingMode): { value: number; text: string } {
  const exact = exactQuantile(s, p);
  const value = sketchQuantile(s, p);
  return { value, text: exact ? formatScaled(roundRationalAt(exact, decimals, rounding), decimals) : formatDecimal(value, { decimals, rounding }) };
}

/** "median [Q1, Q3]" of a sketch, quartiles by R's type 7. */
export function medianCell(s: QuantileSketch, decimals: number, rounding: RoundingMode): MedianCell {
  if (s.n === 0) return { kind: 'median-iqr', n: 0, method: s.method, text: NOT_AVAILABLE };
  const [q1, median, q3] = [0.25, 0.5, 0.75].map((p) => printQuantile(s, p, decimals, rounding)) as [ReturnType<typeof printQuantile>, ReturnType<typeof printQuantile>, ReturnType<typeof printQuantile>];
  return {
    kind: 'median-iqr',
    n: s.n,
    median: median.value,
    q1: q1.value,
    q3: q3.value,
    medianText: median.text,
    q1Text: q1.text,
    q3Text: q3.text,
    method: s.method,
    text: `${median.text} [${q1.text}, ${q3.text}]`,
  };
}

/** A p-value as journals print it: '<0.001' below 0.001, else three decimals. */
export function formatPValue(p: number): string {
  if (p < 0.001) return '<0.001';
  return formatDecimal(p, { decimals: 3 });
}
