/** A Vega-Lite v5 specification: plain JSON, render it with vega-embed, Observable, Jupyter or `renderSvg`. */
export type VegaLiteSpec = Record<string, unknown>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = Object.freeze(['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'] as const);

export const BASE_CONFIG = Object.freeze({
  font: 'Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#e5e5e5' },
  title: { fontSize: 14, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555555' },
  view: { stroke: null },
  range: { category: [...PALETTE] },
});

/** Percent with one decimal, for tooltips and captions. */
export const pct = (x: number) => Math.round(x * 1000) / 10;
