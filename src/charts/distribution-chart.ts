import { InvalidArgumentError } from '../errors.js';
import type { TypeDistribution } from '../stats/type-distribution.js';
import { BASE_CONFIG, largestGroups, MAX_CHART_CATEGORIES, PALETTE, pct, VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec, wrapLines } from './common.js';

/** A population reference for the bars: a share (0–1) per type, and where it comes from. */
export interface ChartReference {
  title: string;
  shares: Readonly<Record<string, number>>;
}

/**
 * A bar chart of a case mix: the share of each type with its interval as whiskers (when the
 * distribution was computed with `ci`), and reference shares as ticks. At most `maxCategories`
 * (default 30) bars, the largest types; the subtitle says how many were left out.
 *
 * @example
 * const d = typeDistribution(fromCounts([{ type: 'spastic', count: 2324 }, { type: 'mixed', count: 1341 }]), { ci: {} });
 * const spec = distributionChart(d, { reference: { title: 'Registry', shares: { spastic: 0.6, mixed: 0.1 } } });
 * spec.description; // 'Bar chart of the share of 3665 patients by type, with 95% confidence intervals and reference shares from Registry.'
 */
export function distributionChart(distribution: TypeDistribution, options: ChartOptions & { reference?: ChartReference; maxCategories?: number } = {}): VegaLiteSpec {
  if (!distribution || !Array.isArray(distribution.rows)) throw new InvalidArgumentError('distribution', distribution, 'expected the result of typeDistribution');
  const { reference, title = 'Case mix by type', maxCategories = MAX_CHART_CATEGORIES } = options;
  const { kept: rows, note: leftOut } = largestGroups(distribution.rows, (r) => r.count, 'types', maxCategories);
  const withCi = rows.some((r) => r.ci !== undefined);
  const values = rows.map((r) => ({
    type: r.type,
    count: r.count,
    percent: pct(r.proportion),
    printed: `${r.percent}%`,
    ...(r.ci ? { lower: pct(r.ci.lower), upper: pct(r.ci.upper) } : {}),
    ...(reference && Object.hasOwn(reference.shares, r.type) ? { reference: pct(reference.shares[r.type]!) } : {}),
  }));
  const level = rows.find((r) => r.ci)?.ci?.level ?? 0.95;
  const x = { field: 'type', type: 'nominal', sort: rows.map((r) => r.type), title: 'Type', axis: { labelAngle: rows.length > 8 ? -45 : 0 } };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'bar', color: PALETTE[0], tooltip: true },
      encoding: {
        x,
        y: { field: 'percent', type: 'quantitative', title: 'Share of patients (%)' },
        tooltip: [
          { field: 'type', title: 'Type' },
          { field: 'count', title: 'Patients' },
          { field: 'printed', title: 'Share' },
        ],
      },
    },
  ];
  if (withCi) {
    layers.push({
      mark: { type: 'errorbar', color: '#000000', ticks: true },
      encoding: { x, y: { field: 'lower', type: 'quantitative', title: 'Share of patients (%)' }, y2: { field: 'upper' } },
    });
  }
  if (reference) {
    layers.push({
      transform: [{ filter: 'isValid(datum.reference)' }],
      mark: { type: 'tick', color: PALETTE[3], thickness: 3, size: 40 },
      encoding: { x, y: { field: 'reference', type: 'quantitative' }, tooltip: [{ field: 'reference', title: `${reference.title} (%)` }] },
    });
  }
  const parts = [`Bar chart of the share of ${distribution.total} patients by type`];
  if (withCi) parts.push(`with ${pct(level)}% confidence intervals`);
  if (reference) parts.push(`and reference shares from ${reference.title}`);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: title,
      subtitle: wrapLines([
        `n = ${distribution.total}${withCi ? `; whiskers: ${pct(level)}% confidence intervals` : ''}`,
        ...(reference ? [`orange ticks: ${reference.title}`] : []),
        ...(leftOut ? [leftOut] : []),
        ...(options.note ? [options.note] : []),
      ]),
    },
    description: `${parts.join(', ').replace(/, and/, ' and')}.`,
    width: 420,
    height: 260,
    data: { values },
    layer: layers,
    config: BASE_CONFIG,
  };
}
