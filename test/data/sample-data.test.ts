import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath, loadSampleCohort } from '../../src/node/sample.js';
import { improvementRate } from '../../src/stats/improvement-rate.js';
import { typeDistribution } from '../../src/stats/type-distribution.js';
import { generateSampleCohort, toCsv, toJson } from '../../scripts/sample-cohort.js';

describe('bundled sample data', () => {
  it('is exactly what the seeded generator writes (CSV and JSON)', () => {
    const records = generateSampleCohort();
    expect(readFileSync(dataPath('sample-cohort.csv'), 'utf8')).toBe(toCsv(records));
    expect(readFileSync(dataPath('sample-cohort.json'), 'utf8')).toBe(toJson(records));
  });

  it("reproduces the clinic's type counts and prints 54.32/31.35/11.71/2.62 at 2 decimals", async () => {
    const records = await loadSampleCohort();
    const d = typeDistribution(records, { decimals: 2 });
    expect(d.rows.map((r) => [r.type, r.count, r.percent])).toEqual([
      ['spastic', 2324, '54.32'],
      ['mixed', 1341, '31.35'],
      ['athetoid', 501, '11.71'],
      ['other', 112, '2.62'],
    ]);
    expect(new Set(records.map((r) => r.year))).toEqual(new Set([2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014]));
  });

  it('has an improvement rate that prints 96 on the default basis', async () => {
    const rate = improvementRate(await loadSampleCohort(), { decimals: 0 });
    expect(rate.basis).toBe('known');
    expect(rate.percent).toBe('96');
  });

  it('seed claims carry the figures as printed, 31.34 included', () => {
    const seed = JSON.parse(readFileSync(dataPath('seed-claims.json'), 'utf8')) as { claims: { id: string; percent: string; numerator?: number }[] };
    expect(seed.claims.map((c) => [c.id, c.numerator, c.percent])).toEqual([
      ['spastic', 2324, '54.32'],
      ['mixed', 1341, '31.34'],
      ['athetoid', 501, '11.71'],
      ['other', 112, '2.62'],
      ['improvement', undefined, '96'],
    ]);
  });
});
