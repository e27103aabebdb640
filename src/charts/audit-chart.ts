import { checkPercent } from '../audit/check-percent.js';
import { roundingModes } from '../audit/rounding-set.js';
import { parseClaims } from '../claims/parse.js';
import type { ClaimsFile } from '../claims/schema.js';
import { BASE_CONFIG, PALETTE, VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec, wrapLines } from './common.js';

/** Published percents an audit chart draws at most: the impossible ones first, then in file order. */
export const MAX_CHART_CLAIMS = 40;

/**
 * Each claim's printed percent against the percents that whole numerators allow: for every claim, a
 * light band for the values that print as claimed (the rounding window), the exact shares k/n of
 * the nearby numerators as ticks, and the printed value as a point: blue when some tick falls in
 * the band, orange when none does. One row per claim, each zoomed on its own value. At most
 * `maxClaims` (default 40) rows: the impossible prints first, then the others in file order.
 *
 * @example
 * const spec = auditChart({ title: 't', source: { name: 's' }, claims: [{ id: 'mixed', denominator: 4278, percent: '31.34' }] });
 * spec.data.values.find((v) => v.kind === 'claim').status; // 'impossible'
 */
export function auditChart(file: ClaimsFile | unknown, options: ChartOptions & { maxClaims?: number } = {}): VegaLiteSpec & { data: { values: Record<string, unknown>[] } } {
  const { file: claims } = parseClaims(file);
  const modes = roundingModes(claims.rounding);
  const values: Record<string, unknown>[] = [];
  const rows: string[] = [];
  const checked = claims.claims.flatMap((c) =>
    c.percent === undefined ? [] : [{ c, percent: c.percent, check: checkPercent(c.percent, c.denominator, { rounding: modes, decimalComma: claims.decimalComma ?? false }) }],
  );
  const max = options.maxClaims ?? MAX_CHART_CLAIMS;
  const drawn = checked.length <= max ? checked : [...checked.filter((x) => !x.check.consistent), ...checked.filter((x) => x.check.consistent)].slice(0, max);
  const drawnSet = new Set(drawn);
  const impossible = checked.filter((x) => !x.check.consistent).length;
  const leftOut = checked.length > max ? `${max} of ${checked.length} published percents drawn (${impossible > 0 ? 'the impossible ones first, ' : ''}then in file order)` : undefined;
  for (const { c, percent, check } of checked.filter((x) => drawnSet.has(x))) {
    const text = percent.replace('%', '').replace(',', '.').trim();
    const printed = Number(text);
    const unit = 10 ** -(text.split('.')[1]?.length ?? 0);
    const claim = `${c.label ?? c.id} (n = ${c.denominator})`;
    rows.push(claim);
    values.push({ kind: 'claim', claim, printed, bandLow: printed - unit / 2, bandHigh: printed + unit / 2, status: check.consistent ? 'possible' : 'impossible' });
    // the exact shares of the numerators whose share lies within 1.5 units of the print
    const first = Math.max(0, Math.floor(((printed - 1.5 * unit) * c.denominator) / 100));
    const last = Math.min(c.denominator, Math.ceil(((printed + 1.5 * unit) * c.denominator) / 100));
    for (let k = first; k <= last && k - first < 400; k++) values.push({ kind: 'share', claim, share: (100 * k) / c.denominator, numerator: k });
  }
  const x = { type: 'quantitative', title: 'Percent', scale: { zero: false, nice: false } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Printed percents against what whole numbers allow',
      subtitle: wrapLines([
        `band: values that print as claimed (rounding: ${modes.join(', ')}); ticks: exact shares k/n`,
        "point: the printed value, orange when no k/n prints it; n = each claim's denominator",
        ...(leftOut ? [leftOut] : []),
        ...(options.note ? [options.note] : []),
      ]),
    },
    description: `For each of ${rows.length} published percents, the window of values that print as it and the exact shares of whole counts nearby; ${impossible} cannot be printed from any whole count.`,
    data: { values },
    facet: { row: { field: 'claim', type: 'nominal', title: null, sort: rows, header: { labelAngle: 0, labelAlign: 'left', labelFontSize: 11, labelLimit: 240 } } },
    spec: {
      width: 300,
      height: 30,
      layer: [
        { transform: [{ filter: "datum.kind === 'claim'" }], mark: { type: 'rect', color: PALETTE[5], opacity: 0.35 }, encoding: { x: { field: 'bandLow', ...x }, x2: { field: 'bandHigh' } } },
        { transform: [{ filter: "datum.kind === 'share'" }], mark: { type: 'tick', color: '#555555', thickness: 1, tooltip: true }, encoding: { x: { field: 'share', type: 'quantitative' }, tooltip: [{ field: 'numerator', title: 'k' }, { field: 'share', title: 'k/n (%)', format: '.4f' }] } },
        {
          transform: [{ filter: "datum.kind === 'claim'" }],
          mark: { type: 'point', filled: true, size: 90 },
          encoding: {
            x: { field: 'printed', type: 'quantitative' },
            color: { field: 'status', type: 'nominal', scale: { domain: ['possible', 'impossible'], range: [PALETTE[0], PALETTE[3]] }, title: 'Printed value' },
            shape: { field: 'status', type: 'nominal', scale: { domain: ['possible', 'impossible'], range: ['circle', 'diamond'] }, title: 'Printed value' },
          },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
    // the legend goes below: beside the row labels and plots it would widen the chart past a page
    config: { ...BASE_CONFIG, legend: { ...BASE_CONFIG.legend, orient: 'bottom' } },
  };
}
