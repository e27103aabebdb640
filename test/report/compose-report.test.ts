// composeReport is the pure part of the report: the charts come from whatever renderer is given,
// so a browser can draw them with its own vega and Node with the headless one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClaims } from '../../src/claims/parse.js';
import { composeReport } from '../../src/index.js';
import { dataPath } from '../../src/node/index.js';

const { file: claims } = parseClaims(readFileSync(dataPath('seed-claims.json'), 'utf8'));

describe('composeReport', () => {
  it('asks the renderer for each chart and puts what it returns into the page', async () => {
    const asked: string[] = [];
    const report = await composeReport({ claims, records: [{ type: 'spastic', year: 2010, outcome: 'improved' }, { type: 'mixed', year: 2011, outcome: 'unchanged' }] }, async (spec) => {
      asked.push(String(spec.description));
      return `<svg data-chart="${asked.length}"></svg>`;
    });
    expect(Object.keys(report.charts).sort()).toEqual(['audit', 'case-mix', 'rates-by-type', 'rates-by-year']);
    expect(asked).toHaveLength(4);
    for (let k = 1; k <= 4; k++) expect(report.html).toContain(`<svg data-chart="${k}"></svg>`);
    expect(report.html).toContain('percent-impossible');
    expect(report.html).not.toMatch(/<script/i);
  });

  it('passes a renderer failure on to the caller', async () => {
    await expect(composeReport({ claims }, () => Promise.reject(new Error('no canvas')))).rejects.toThrow('no canvas');
  });
});
