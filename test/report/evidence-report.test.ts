import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaProportion } from '../../src/index.js';
import { forestPlot } from '../../src/charts/forest-plot.js';
import { buildReport, dataPath, renderSvg } from '../../src/node/index.js';
import type { ClaimsFile } from '../../src/claims/schema.js';

// illustrative counts, not from publications
const studies = [
  { label: 'Study A', events: 52, n: 61, source: 'illustrative' },
  { label: 'Study B', events: 70, n: 95, source: 'illustrative' },
  { label: 'Study C', events: 33, n: 40, source: 'illustrative' },
  { label: 'Study D', events: 88, n: 120, source: 'illustrative' },
  { label: 'Study E', events: 19, n: 30, source: 'illustrative' },
  { label: 'Study F', events: 141, n: 176, source: 'illustrative' },
];

describe('forest plot of a meta-analysis', () => {
  const meta = metaProportion(studies);
  const spec = forestPlot(meta, { claim: 0.96 });

  it('draws the studies, the pooled diamond spanning the CI, the prediction interval and the claim', async () => {
    const layers = spec.layer as { mark: { type: string }; data: { values: Record<string, number>[] } }[];
    expect(layers.map((l) => l.mark.type)).toEqual(['rule', 'point', 'area', 'rule', 'rule', 'text']);
    const diamond = layers[2]!.data.values;
    expect(diamond.map((d) => d.x)).toEqual([71.7, 76.8, 81.2]);
    expect(layers[3]!.data.values[0]).toMatchObject({ lower: 67.6, upper: 84 });
    expect(layers[0]!.data.values).toHaveLength(6);
    expect(JSON.stringify(spec.title)).toMatch(/n = 522/);
    expect(String(spec.description)).toMatch(/pooled by REML on the logit scale to 76\.8% \(95% CI 71\.7% to 81\.2%, prediction interval 67\.6% to 84\.0%\), against the claim of 96\.0%/);
    const svg = await renderSvg(spec);
    expect(svg).toMatch(/^<svg/);
    for (const text of ['Study A (52/61)', 'Pooled (REML, logit)', '95% prediction interval', 'claim 96.0%']) expect(svg).toContain(text);
  });

  it('gives each study its own interval, as metafor\'s forest plot', () => {
    // logit: expit(logit(52/61) ± 1.96 √(1/52 + 1/9))
    const y = Math.log(52 / 9);
    const h = 1.959963984540054 * Math.sqrt(1 / 52 + 1 / 9);
    expect(meta.studies[0]!.lower).toBeCloseTo(1 / (1 + Math.exp(-(y - h))), 12);
    expect(meta.studies[0]!.upper).toBeCloseTo(1 / (1 + Math.exp(-(y + h))), 12);
  });
});

describe('the report with evidence', () => {
  it('shows the forest plot and the comparison for each evidence entry', async () => {
    const seed = JSON.parse(readFileSync(dataPath('seed-claims.json'), 'utf8')) as ClaimsFile;
    const claims: ClaimsFile = { ...seed, evidence: [{ id: 'published', claim: 'improvement', studies }] };
    const report = await buildReport({ claims });
    expect(report.charts['evidence-0']).toBeDefined();
    expect(report.html).toContain('<h2>Against published studies</h2>');
    expect(report.html).toContain('The claimed 96% lies above the 95% prediction interval 67.6%–84.0% of 6 studies');
    expect(report.html).toContain('claim-outside-prediction');
    expect(report.charts['evidence-0']!.svg).toContain('Pooled (REML, logit)');
  });

  it('has no such section without evidence', async () => {
    const seed = JSON.parse(readFileSync(dataPath('seed-claims.json'), 'utf8')) as ClaimsFile;
    expect((await buildReport({ claims: seed })).html).not.toContain('Against published studies');
  });
});
