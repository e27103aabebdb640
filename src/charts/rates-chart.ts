import { InvalidArgumentError } from '../errors.js';
import type { GroupRate } from '../stats/rates-by.js';
import { BASE_CONFIG, PALETTE, pct, VEGA_LITE_SCHEMA, type VegaLiteSpec } from './common.js';

/**
 * Improvement rate by year: a line with its confidence band (from `ratesBy(…, 'year', { ci })`).
 *
 * @example
 * const rates = ratesBy([{ type: 'a', year: 2010, outcome: 'improved' }, { type: 'a', year: 2011, outcome: 'unchanged' }], 'year', { ci: {} });
 * ratesChart(rates).layer.length; // 3
 */
export function ratesChart(ratesByYear: readonly GroupRate[], options: { title?: string } = {}): VegaLiteSpec & { layer: unknown[] } {
  if (!Array.isArray(ratesByYear) || ratesByYear.length === 0) throw new InvalidArgumentError('ratesByYear', ratesByYear, 'expected the result of ratesBy(records, "year")');
  const values = ratesByYear
    .filter((r) => r.proportion !== null)
    .map((r) => ({ year: String(r.key), rate: pct(r.proportion!), printed: `${r.percent}%`, improved: r.improved, denominator: r.denominator, ...(r.ci ? { lower: pct(r.ci.lower), upper: pct(r.ci.upper) } : {}) }));
  const withCi = ratesByYear.some((r) => r.ci);
  const level = ratesByYear.find((r) => r.ci)?.ci?.level ?? 0.95;
  const basis = ratesByYear[0]!.basis === 'known' ? 'among patients with a known outcome' : 'among all treated';
  const total = ratesByYear.reduce((a, r) => a + r.denominator, 0);
  const x = { field: 'year', type: 'ordinal', title: 'Year of treatment', axis: { labelAngle: 0 } };
  const y = { field: 'rate', type: 'quantitative', title: 'Improvement rate (%)', scale: { zero: false } };
  const layer: Record<string, unknown>[] = [
    ...(withCi ? [{ mark: { type: 'area', color: PALETTE[5], opacity: 0.35 }, encoding: { x, y: { field: 'lower', type: 'quantitative', title: 'Improvement rate (%)', scale: { zero: false } }, y2: { field: 'upper' } } }] : []),
    { mark: { type: 'line', color: PALETTE[0], strokeWidth: 2 }, encoding: { x, y } },
    {
      mark: { type: 'point', color: PALETTE[0], filled: true, size: 50, tooltip: true },
      encoding: { x, y, tooltip: [{ field: 'year', title: 'Year' }, { field: 'printed', title: 'Rate' }, { field: 'improved', title: 'Improved' }, { field: 'denominator', title: 'Of' }] },
    },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title ?? 'Improvement rate by year', subtitle: `${basis}; n = ${total}${withCi ? `; band: ${pct(level)}% confidence interval` : ''}` },
    description: `Line chart of the improvement rate ${basis} for each year from ${values[0]?.year} to ${values.at(-1)?.year}${withCi ? `, with a ${pct(level)}% confidence band` : ''}.`,
    width: 420,
    height: 220,
    data: { values },
    layer,
    config: BASE_CONFIG,
  };
}
