import { InvalidArgumentError } from '../errors.js';
import type { MetaProportion } from '../meta/meta-proportion.js';
import type { GroupRate } from '../stats/rates-by.js';
import { metaForestPlot, type MetaForestOptions } from './meta-forest.js';
import { BASE_CONFIG, largestGroups, MAX_CHART_CATEGORIES, PALETTE, pct, VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec, wrapLines } from './common.js';

/**
 * A forest plot of improvement rates by type: a point per type with its interval (from
 * `ratesBy(…, 'type', { ci })`), and the overall rate as a dashed line when given. At most
 * `maxCategories` (default 30) types, the largest; the subtitle says how many were left out.
 * Given a `metaProportion` result instead, the forest plot of the meta-analysis: the studies, the
 * pooled diamond, the prediction interval and, with `claim`, a claimed rate against them.
 *
 * @example
 * const rates = ratesBy([{ type: 'a', year: 2010, outcome: 'improved' }, { type: 'b', year: 2010, outcome: 'unchanged' }], 'type', { ci: {} });
 * forestPlot(rates, { overall: 0.5 }).layer.length; // 3
 * const pooled = metaProportion([{ events: 45, n: 50 }, { events: 80, n: 100 }, { events: 27, n: 30 }]);
 * forestPlot(pooled, { claim: 0.96 }).layer.length; // 6
 */
export function forestPlot(ratesByType: readonly GroupRate[], options?: ChartOptions & { overall?: number; maxCategories?: number }): VegaLiteSpec & { layer: unknown[] };
export function forestPlot(meta: MetaProportion, options?: MetaForestOptions): VegaLiteSpec & { layer: unknown[] };
export function forestPlot(input: readonly GroupRate[] | MetaProportion, options: ChartOptions & { overall?: number; maxCategories?: number } & MetaForestOptions = {}): VegaLiteSpec & { layer: unknown[] } {
  if (!Array.isArray(input) && typeof input === 'object' && input !== null && 'transformed' in input && 'studies' in input) return metaForestPlot(input as MetaProportion, options);
  const ratesByType = input as readonly GroupRate[];
  if (!Array.isArray(ratesByType) || ratesByType.length === 0) throw new InvalidArgumentError('ratesByType', ratesByType, 'expected the result of ratesBy(records, "type")');
  const { kept, note: leftOut } = largestGroups(ratesByType, (r) => r.denominator, 'types', options.maxCategories ?? MAX_CHART_CATEGORIES);
  const values = kept
    .filter((r) => r.proportion !== null)
    .map((r) => ({ type: `${r.key} (n = ${r.denominator})`, rate: pct(r.proportion!), printed: `${r.percent}%`, ...(r.ci ? { lower: pct(r.ci.lower), upper: pct(r.ci.upper) } : {}) }));
  const level = ratesByType.find((r) => r.ci)?.ci?.level ?? 0.95;
  const y = { field: 'type', type: 'nominal', sort: values.map((v) => v.type), title: null };
  const layer: Record<string, unknown>[] = [
    { mark: { type: 'rule', color: PALETTE[0], strokeWidth: 2 }, encoding: { y, x: { field: 'lower', type: 'quantitative', title: 'Improvement rate (%)', scale: { zero: false } }, x2: { field: 'upper' } } },
    { mark: { type: 'point', shape: 'square', filled: true, size: 80, color: PALETTE[0], tooltip: true }, encoding: { y, x: { field: 'rate', type: 'quantitative' }, tooltip: [{ field: 'type', title: 'Type' }, { field: 'printed', title: 'Rate' }] } },
  ];
  if (options.overall !== undefined) layer.push({ data: { values: [{ overall: pct(options.overall) }] }, mark: { type: 'rule', strokeDash: [4, 4], color: PALETTE[3] }, encoding: { x: { field: 'overall', type: 'quantitative' } } });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Improvement rate by type',
      subtitle: wrapLines([
        `n = ${ratesByType.reduce((a, r) => a + r.denominator, 0)}; points: rates; lines: ${pct(level)}% confidence intervals${options.overall !== undefined ? '; dashed: overall rate' : ''}`,
        ...(leftOut ? [leftOut] : []),
        ...(options.note ? [options.note] : []),
      ]),
    },
    description: `Forest plot of the improvement rate for ${values.length} types with ${pct(level)}% confidence intervals.`,
    width: 380,
    height: 30 * values.length + 20,
    data: { values },
    layer,
    config: BASE_CONFIG,
  };
}
