/** A Vega-Lite v5 specification: plain JSON, render it with vega-embed, Observable, Jupyter or `renderSvg`. */
export type VegaLiteSpec = Record<string, unknown>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = Object.freeze(['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'] as const);

/** Every text of a chart is at least 11 px, so it stays legible at the report's print size. */
export const MIN_FONT_SIZE = 11;

export const BASE_CONFIG = Object.freeze({
  font: 'Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#e5e5e5' },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  header: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555555' },
  view: { stroke: null },
  range: { category: [...PALETTE] },
});

/** Percent with one decimal, for tooltips and captions. */
export const pct = (x: number) => Math.round(x * 1000) / 10;

/** Options every chart takes. */
export interface ChartOptions {
  title?: string;
  /** A line added under the subtitle, e.g. "Synthetic data: not real patients". */
  note?: string;
}

/** Categories a bar chart or forest plot draws at most; the rest are named in the subtitle. */
export const MAX_CHART_CATEGORIES = 30;

/**
 * The `max` largest groups (by `size`), kept in their order, and a subtitle line saying what was
 * left out: a chart of 1000 bars is unreadable and beyond what Vega lays out.
 */
export function largestGroups<T>(items: readonly T[], size: (item: T) => number, noun: string, max: number): { kept: T[]; note: string | undefined } {
  if (items.length <= max) return { kept: [...items], note: undefined };
  const keep = new Set(
    items
      .map((item, index) => ({ index, size: size(item) }))
      .sort((a, b) => b.size - a.size || a.index - b.index)
      .slice(0, max)
      .map((x) => x.index),
  );
  const kept = items.filter((_, i) => keep.has(i));
  const left = items.length - kept.length;
  return { kept, note: `the ${max} largest of ${items.length} ${noun} are drawn; ${left} smaller ones are not` };
}

/** Characters a subtitle line holds before it wraps (about the width of a 420-pixel chart at 11 px). */
const SUBTITLE_CHARS = 70;

/**
 * Subtitle lines wrapped at word boundaries to {@link SUBTITLE_CHARS} characters: Vega does not wrap
 * titles, and one long line widens the whole SVG, which the report then shrinks below legible size.
 */
export function wrapLines(lines: readonly string[], width = SUBTITLE_CHARS): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let current = '';
    for (const word of line.split(' ')) {
      if (current !== '' && current.length + 1 + word.length > width) {
        out.push(current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    out.push(current);
  }
  return out;
}
