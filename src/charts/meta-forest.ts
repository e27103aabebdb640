import { formatDecimal } from '../format/format-decimal.js';
import type { MetaProportion } from '../meta/meta-proportion.js';
import { BASE_CONFIG, PALETTE, pct, VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec, wrapLines } from './common.js';

/** Options of the forest plot of a meta-analysis. */
export interface MetaForestOptions extends ChartOptions {
  /** A claimed rate (a proportion) drawn as a dashed line against the studies. */
  claim?: number;
  /** How the claim is named in the legend line (default 'claim'). */
  claimLabel?: string;
}

const printed = (x: number) => (Number.isFinite(x) ? `${formatDecimal(x, { decimals: 1, scale: 100 })}%` : '–');
/** A label as a single-quoted Vega expression string. */
const quoted = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The forest plot of `metaProportion`: each study's rate with its interval (squares sized by
 * weight), the pooled rate as a diamond spanning its confidence interval, the prediction interval
 * on its own row, and a claimed rate as a dashed line.
 */
export function metaForestPlot(meta: MetaProportion, options: MetaForestOptions = {}): VegaLiteSpec & { layer: unknown[] } {
  const k = meta.studies.length;
  const level = formatDecimal(meta.level, { decimals: 3, scale: 100 }).replace(/\.?0+$/, '');
  const studies = meta.studies.map((s, row) => ({
    row,
    label: `${s.label} (${s.events}/${s.n})`,
    rate: pct(s.events / s.n),
    lower: pct(s.lower),
    upper: pct(s.upper),
    weight: s.weight ?? 1,
    printed: `${printed(s.events / s.n)} (${printed(s.lower)}–${printed(s.upper)})`,
  }));
  const pooledRow = k + 0.5;
  const predictionRow = k + 1.5;
  const half = 0.4;
  const diamond = [
    { x: pct(meta.lower), y: pooledRow, y2: pooledRow },
    { x: pct(meta.estimate), y: pooledRow - half, y2: pooledRow + half },
    { x: pct(meta.upper), y: pooledRow, y2: pooledRow },
  ];
  const labels = [...studies.map((s) => s.label), `Pooled (${meta.method}, ${meta.transform})`, `${level}% prediction interval`];
  const rows = [...studies.map((s) => s.row), pooledRow, predictionRow];
  const labelExpr = `{${rows.map((r, i) => `${quoted(String(r))}: ${quoted(labels[i]!)}`).join(', ')}}[datum.value + '']`;
  const y = {
    field: 'row',
    type: 'quantitative',
    title: null,
    scale: { domain: [-0.6, predictionRow + 0.6], reverse: true, nice: false, zero: false },
    axis: { values: rows, labelExpr, grid: false, ticks: false, domain: false, labelLimit: 260 },
  };
  const x = { type: 'quantitative', title: 'Rate (%)', scale: { zero: false } };
  const layer: Record<string, unknown>[] = [
    { data: { values: studies }, mark: { type: 'rule', color: PALETTE[0], strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' } } },
    {
      data: { values: studies },
      mark: { type: 'point', shape: 'square', filled: true, color: PALETTE[0], opacity: 1, tooltip: true },
      encoding: {
        y,
        x: { ...x, field: 'rate' },
        size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [30, 260] } },
        tooltip: [{ field: 'label', title: 'Study' }, { field: 'printed', title: `Rate (${level}% CI)` }],
      },
    },
    { data: { values: diamond }, mark: { type: 'area', color: PALETTE[3], orient: 'vertical', tooltip: false }, encoding: { x: { ...x, field: 'x' }, y: { ...y, field: 'y' }, y2: { field: 'y2' } } },
    {
      data: { values: [{ row: predictionRow, lower: pct(meta.predictionLower), upper: pct(meta.predictionUpper) }] },
      mark: { type: 'rule', color: PALETTE[3], strokeWidth: 3 },
      encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' } },
    },
  ];
  const claimText = options.claimLabel ?? 'claim';
  if (options.claim !== undefined) {
    layer.push(
      { data: { values: [{ claim: pct(options.claim) }] }, mark: { type: 'rule', strokeDash: [5, 4], color: PALETTE[7], strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'claim' } } },
      {
        data: { values: [{ claim: pct(options.claim), row: -0.6, text: `${claimText} ${printed(options.claim)}` }] },
        mark: { type: 'text', align: 'left', dx: 4, dy: 8, fontSize: 11, color: PALETTE[7] },
        encoding: { x: { ...x, field: 'claim' }, y, text: { field: 'text' } },
      },
    );
  }
  const totalN = meta.studies.reduce((a, s) => a + s.n, 0);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? `Pooled rate of ${k} ${k === 1 ? 'study' : 'studies'}`,
      subtitle: wrapLines([
        `n = ${totalN}; squares: study rates with ${level}% CIs (size: weight); diamond: pooled ${printed(meta.estimate)} (${printed(meta.lower)}–${printed(meta.upper)}); bar: ${level}% prediction interval ${printed(meta.predictionLower)}–${printed(meta.predictionUpper)}${options.claim !== undefined ? `; dashed: ${claimText}` : ''}`,
        `τ² = ${meta.tau2.toPrecision(3)} (${meta.transform} scale), I² = ${formatDecimal(meta.I2, { decimals: 1 })}%`,
        ...(options.note ? [options.note] : []),
      ]),
    },
    description: `Forest plot of ${k} studies' rates, pooled by ${meta.method} on the ${meta.transform} scale to ${printed(meta.estimate)} (${level}% CI ${printed(meta.lower)} to ${printed(meta.upper)}, prediction interval ${printed(meta.predictionLower)} to ${printed(meta.predictionUpper)})${options.claim !== undefined ? `, against the ${claimText} of ${printed(options.claim)}` : ''}.`,
    width: 380,
    height: 24 * (k + 2) + 30,
    layer,
    config: BASE_CONFIG,
  };
}
