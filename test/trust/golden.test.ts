// Golden files pin the published numbers of the seed example and a few reference cases, so any
// change to a number a user may have printed shows up in review (and is called out in CHANGELOG).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reproduceSeed } from '../../examples/reproduce-seed.js';
import * as api from '../../src/index.js';
import { dataPath, loadReferences, loadSampleCohort } from '../../src/node/index.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const seed = JSON.parse(readFileSync(dataPath('seed-claims.json'), 'utf8')) as { claims: Parameters<typeof reproduceSeed>[0] };

describe('golden numbers', () => {
  it('seed: recomputed percentages under every rounding rule', async () => {
    await expect(`${reproduceSeed(seed.claims).join('\n')}\n`).toMatchFileSnapshot('golden/seed-rounding.txt');
  });

  it('seed: the audit report', async () => {
    const report = api.auditClaims(seed, { references: await loadReferences() });
    await expect(json(report)).toMatchFileSnapshot('golden/seed-audit.json');
  });

  it('sample cohort: distribution, rates and intervals', async () => {
    const records = await loadSampleCohort();
    const summary = {
      distribution: api.typeDistribution(records, { decimals: 2, ci: { method: 'sison-glaz' } }),
      improvement: api.improvementRate(records, { decimals: 2, ci: { method: 'wilson' } }),
      byType: api.ratesBy(records, 'type', { decimals: 2, ci: { method: 'clopper-pearson' } }),
      byYear: api.ratesBy(records, 'year', { decimals: 2 }),
    };
    await expect(json(summary)).toMatchFileSnapshot('golden/sample-summary.json');
  });

  it('reference cases: intervals and tests on the clinic counts', async () => {
    const values = {
      proportionCI: Object.fromEntries(api.PROPORTION_CI_METHODS.map((m) => [m, api.proportionCI(1341, 4278, { method: m })])),
      multinomialCI: Object.fromEntries((['sison-glaz', 'goodman', 'quesenberry-hurst', 'wilson'] as const).map((m) => [m, api.multinomialCI([2324, 1341, 501, 112], { method: m })])),
      binomialTest: api.binomialTest(2324, 4278).pValue,
      fisherExact: api.fisherExact([[3, 1], [1, 3]]),
      goodnessOfFit: api.chiSquareGoodnessOfFit([2324, 1341, 501, 112], [0.8, 0.07, 0.07, 0.06]),
      inferDenominators: api.inferDenominators(['54.32', '31.34', '11.71', '2.62'], { partition: true, limit: 5 }),
    };
    await expect(json(values)).toMatchFileSnapshot('golden/reference-values.json');
  });
});
