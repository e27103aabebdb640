import type { VegaLiteSpec } from '../charts/common.js';
import { TreatmentOutcomesError } from '../errors.js';

/**
 * Render a Vega-Lite specification to SVG, headless: no canvas, no browser (vega and vega-lite v5,
 * loaded on first use).
 *
 * @example
 * const svg = await renderSvg(distributionChart(typeDistribution(fromCounts([{ type: 'spastic', count: 3 }, { type: 'mixed', count: 1 }]))));
 * svg.startsWith('<svg'); // true
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  let compiled;
  try {
    compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  } catch (error) {
    throw new TreatmentOutcomesError('invalid-chart', `the chart specification is not valid Vega-Lite: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // no loader: a report's charts carry their data inline and must not fetch anything
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: { load: () => Promise.reject(new Error('no external data')) } as never });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
