import type { VegaLiteSpec } from '../charts/common.js';
import { TreatmentOutcomesError } from '../errors.js';

/** Thrown when a chart is rendered but the optional peer dependencies vega and vega-lite are not installed. */
export const RENDERING_NEEDS = 'rendering charts needs the optional packages vega and vega-lite (v5): npm install vega@5 vega-lite@5';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let loaded: Promise<[Vega, VegaLite]> | undefined;

const isMissingModule = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND');

/** vega and vega-lite, imported once, on first use: everything else in the package runs without them. */
function loadVega(): Promise<[Vega, VegaLite]> {
  loaded ??= Promise.all([import('vega'), import('vega-lite')]).catch((error: unknown) => {
    loaded = undefined;
    if (isMissingModule(error)) throw new TreatmentOutcomesError('missing-dependency', RENDERING_NEEDS, { cause: error });
    throw error;
  });
  return loaded;
}

/**
 * Render a Vega-Lite specification to SVG, headless: no canvas, no browser. Needs the optional
 * peer dependencies vega and vega-lite v5 (`npm install vega@5 vega-lite@5`), loaded on first use;
 * without them it throws a `TreatmentOutcomesError` with code `'missing-dependency'` saying so.
 *
 * @example
 * const svg = await renderSvg(distributionChart(typeDistribution(fromCounts([{ type: 'spastic', count: 3 }, { type: 'mixed', count: 1 }]))));
 * svg.startsWith('<svg'); // true
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await loadVega();
  let compiled;
  try {
    compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  } catch (error) {
    throw new TreatmentOutcomesError('invalid-chart', `the chart specification is not valid Vega-Lite: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // no loader: a report's charts carry their data inline and must not fetch anything
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: { load: () => Promise.reject(new Error('no external data')) } as never });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
