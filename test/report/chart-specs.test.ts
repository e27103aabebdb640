import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditChart, distributionChart, forestPlot, ratesChart } from '../../src/index.js';
import { dataPath, loadSampleCohort, renderSvg } from '../../src/node/index.js';
import { improvementRate, ratesBy, typeDistribution } from '../../src/index.js';

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

describe('chart specifications', async () => {
  const records = await loadSampleCohort();
  const seed = JSON.parse(readFileSync(dataPath('seed-claims.json'), 'utf8')) as unknown;
  const specs = {
    distribution: distributionChart(typeDistribution(records, { decimals: 2, ci: { method: 'sison-glaz' } }), { reference: { title: 'SCPE', shares: { spastic: 0.849, athetoid: 0.066 } } }),
    rates: ratesChart(ratesBy(records, 'year', { ci: {} })),
    forest: forestPlot(ratesBy(records, 'type', { ci: {} }), { overall: improvementRate(records).proportion! }),
    audit: auditChart(seed),
  };

  it.each(Object.entries(specs))('%s matches its snapshot', async (name, spec) => {
    await expect(json(spec)).toMatchFileSnapshot(`__snapshots__/${name}.json`);
  });

  it.each(Object.entries(specs))('%s has a title, axis titles with units, a description and renders', async (_name, spec) => {
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(JSON.stringify(spec.title)).toMatch(/n = \d+|rounding/);
    expect(String(spec.description).length).toBeGreaterThan(40);
    expect(JSON.stringify(spec)).toMatch(/"title":"[^"]*\((%)\)[^"]*"|"title":"Percent"/);
    const svg = await renderSvg(spec);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('role-mark');
  });

  it('marks the impossible print in the audit chart', () => {
    const claims = specs.audit.data.values.filter((v) => v.kind === 'claim');
    expect(claims.map((c) => c.status)).toEqual(['possible', 'impossible', 'possible', 'possible', 'possible']);
  });
});
