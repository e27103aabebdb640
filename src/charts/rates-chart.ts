import { InvalidArgumentError } from '../errors.js';
import type { GroupRate } from '../stats/rates-by.js';
import { BASE_CONFIG, largestGroups, PALETTE, pct, VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec, wrapLines } from './common.js';

/** Years a rates chart draws at most (the ones with the most patients); the subtitle says so. */
export const MAX_CHART_YEARS = 100;

/**
 * Improvement rate by year: a line with its confidence band (from `ratesBy(…, 'year', { ci })`).
 * The rate axis need not start at 0 (rates near 96% would be a flat line); its title says where it
 * starts.
 *
 * @example
 * const rates = ratesBy([{ type: 'a', year: 2010, outcome: 'improved' }, { type: 'a', year: 2011, outcome: 'unchanged' }], 'year', { ci: {} });
 * ratesChart(rates).layer.length; // 3
 */
export function ratesChart(ratesByYear: readonly GroupRate[], options: ChartOptions = {}): VegaLiteSpec & { layer: unknown[] } {
  if (!Array.isArray(ratesByYear) || ratesByYear.length === 0) throw new InvalidArgumentError('ratesByYear', ratesByYear, 'expected the result of ratesBy(records, "year")');
  const { kept, note: leftOut } = largestGroups(ratesByYear, (r) => r.denominator, 'years', MAX_CHART_YEARS);
  const values = kept
    .filter((r) => r.proportion !== null)
    .map((r) => ({ year: String(r.key), rate: pct(r.proportion!), printed: `${r.percent}%`, improved: r.improved, denominator: r.denominator, ...(r.ci ? { lower: pct(r.ci.lower), upper: pct(r.ci.upper) } : {}) }));
  const withCi = ratesByYear.some((r) => r.ci);
  const level = ratesByYear.find((r) => r.ci)?.ci?.level ?? 0.95;
  const basis = ratesByYear[0]!.basis === 'known' ? 'among patients with a known outcome' : 'among all treated';
  const total = ratesByYear.reduce((a, r) => a + r.denominator, 0);
  // the axis spans the drawn values, widened to multiples of 5 %, and says where it starts
  const lows = values.map((v) => v.lower ?? v.rate);
  const highs = values.map((v) => v.upper ?? v.rate);
  const low = lows.length ? Math.max(0, 5 * Math.floor(Math.min(...lows) / 5)) : 0;
  const high = highs.length ? Math.min(100, Math.max(low + 5, 5 * Math.ceil(Math.max(...highs) / 5))) : 100;
  const yTitle = low === 0 ? 'Improvement rate (%)' : `Improvement rate (%), axis from ${low}%`;
  const scale = { domain: [low, high], nice: false };
  const x = { field: 'year', type: 'ordinal', title: 'Year of treatment', axis: { labelAngle: values.length > 12 ? -45 : 0 } };
  const y = { field: 'rate', type: 'quantitative', title: yTitle, scale };
  const layer: Record<string, unknown>[] = [
    ...(withCi ? [{ mark: { type: 'area', color: PALETTE[5], opacity: 0.35 }, encoding: { x, y: { field: 'lower', type: 'quantitative', title: yTitle, scale }, y2: { field: 'upper' } } }] : []),
    { mark: { type: 'line', color: PALETTE[0], strokeWidth: 2 }, encoding: { x, y } },
    {
      mark: { type: 'point', color: PALETTE[0], filled: true, size: 50, tooltip: true },
      encoding: { x, y, tooltip: [{ field: 'year', title: 'Year' }, { field: 'printed', title: 'Rate' }, { field: 'improved', title: 'Improved' }, { field: 'denominator', title: 'Of' }] },
    },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Improvement rate by year',
      subtitle: wrapLines([`${basis}; n = ${total}${withCi ? `; band: ${pct(level)}% confidence interval` : ''}${low > 0 ? `; the rate axis starts at ${low}%, not 0` : ''}`, ...(leftOut ? [leftOut] : []), ...(options.note ? [options.note] : [])]),
    },
    description: `Line chart of the improvement rate ${basis} for each year from ${values[0]?.year} to ${values.at(-1)?.year}${withCi ? `, with a ${pct(level)}% confidence band` : ''}.`,
    width: 420,
    height: 220,
    data: { values },
    layer,
    config: BASE_CONFIG,
  };
}
