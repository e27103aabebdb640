// Charts are the library's Vega-Lite specs drawn with vega-embed. vega is most of the app's
// weight, so it is loaded the first time a chart is drawn or a report is saved, not with the page.
// Chart expressions are evaluated by vega-interpreter instead of compiled to functions, so the
// page's content security policy can forbid eval.
import type { VegaLiteSpec } from '../../src/charts/common.js';
import type { ChartRenderer } from '../../src/report/compose-report.js';
import { h } from './dom.js';

type Embed = typeof import('vega-embed').default;
type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

type Interpreter = typeof import('vega-interpreter').expressionInterpreter;

let loaded: Promise<{ embed: Embed; vega: Vega; vegaLite: VegaLite; expr: Interpreter }> | undefined;

function loadVega() {
  loaded ??= Promise.all([import('vega-embed'), import('vega'), import('vega-lite'), import('vega-interpreter')]).then(([e, vega, vegaLite, i]) => ({
    embed: e.default,
    vega,
    vegaLite,
    expr: i.expressionInterpreter,
  }));
  return loaded;
}

// the specs carry their data inline; a loader that refuses keeps the page from fetching anything
const noLoader = { load: () => Promise.reject(new Error('no external data')), sanitize: () => Promise.reject(new Error('no external data')), http: () => Promise.reject(new Error('no external data')), file: () => Promise.reject(new Error('no external data')) };

const CAPTIONS: Record<string, string> = {
  'case-mix': 'Type distribution of the records, with a population reference where one fits',
  'rates-by-year': 'Improvement rate by year, with 95% Wilson intervals',
  'rates-by-type': 'Improvement rate by type, with 95% Wilson intervals',
  audit: 'Each printed percent against the shares whole counts allow',
};

/** Draw each chart into `container`, replacing what was there; resolves when all are drawn. */
export async function drawCharts(container: HTMLElement, charts: Readonly<Record<string, VegaLiteSpec>>): Promise<void> {
  const { embed, expr } = await loadVega();
  const figures = Object.entries(charts).map(([name, spec]) => {
    const target = h('div', { class: 'chart' });
    const figure = h('figure', { 'data-chart': name, role: 'img', 'aria-label': String(spec.description ?? CAPTIONS[name] ?? name) }, target, h('figcaption', {}, CAPTIONS[name] ?? name));
    return { figure, target, spec };
  });
  container.replaceChildren(...figures.map((f) => f.figure));
  await Promise.all(
    figures.map(({ target, spec }) =>
      embed(target, spec as never, { renderer: 'svg', actions: false, loader: noLoader as never, tooltip: false, ast: true, expr }).then((result) => {
        target.dataset.drawn = 'true';
        return result;
      }),
    ),
  );
}

/** A renderer for `composeReport`: the same SVG the node entry's headless renderer draws. */
export const browserRenderer: ChartRenderer = async (spec) => {
  const { vega, vegaLite, expr } = await loadVega();
  const runtime = vega.parse(vegaLite.compile(spec as never).spec, undefined, { ast: true });
  const view = new vega.View(runtime, { renderer: 'none', loader: noLoader as never, expr } as never);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
};
