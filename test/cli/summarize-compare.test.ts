import { describe, expect, it } from 'vitest';
import { stratifiedCases, value, type MhFit } from '../meta/reference.js';
import { cli } from './helpers.js';

// R's rma.mh and mantelhaen.test on the sample cohort's spastic/athetoid strata by year (scripts/reference/meta-reference.R)
const reference = stratifiedCases().find((c) => c.id === 'sample-cohort-spastic-vs-athetoid-by-year')!;

describe('treatment-outcomes summarize --by year --compare', () => {
  it('prints the strata, the Mantel–Haenszel odds ratio, the CMH test and Breslow–Day', async () => {
    const { code, out, err } = await cli('summarize', '--by', 'year', '--compare', 'spastic,athetoid');
    expect(code).toBe(0);
    expect(err).toBe('');
    const mh = reference['rma.mh.OR.95'] as MhFit;
    const two = (x: unknown) => value(x as number).toFixed(2);
    expect(out).toContain('spastic against athetoid, stratified by year (improved among patients with a known outcome)');
    expect(out).toContain(`Mantel–Haenszel odds ratio ${two(mh.estimate)} (95% CI ${two(mh.lower)}–${two(mh.upper)}), spastic against athetoid, over 11 years`);
    expect(out).toMatch(/Cochran–Mantel–Haenszel χ² = 3\.18 on 1 df, p = 0\.074 \(with continuity correction\)/);
    expect(out).toContain(`Breslow–Day χ² = ${two(mh.TA)} on 10 df, p = 0.034 (Tarone-corrected)`);
    expect(out).toMatch(/^2004\s+36\/37\s+97\.3\s+7\/7\s+100\.0/m);
  });

  it('gives the strata and statistics in --json, with the same strata R was given', async () => {
    const { code, out } = await cli('summarize', '--json', '--compare', 'spastic,athetoid');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { stratified: { by: string; strata: { x1: number; n1: number; x2: number; n2: number }[]; mantelHaenszel: { estimate: number }; breslowDay: { df: number } } };
    expect(json.stratified.by).toBe('year');
    expect(json.stratified.strata.map(({ x1, n1, x2, n2 }) => ({ x1, n1, x2, n2 }))).toEqual(reference.strata);
    expect(json.stratified.mantelHaenszel.estimate).toBeCloseTo(value((reference['rma.mh.OR.95'] as MhFit).estimate), 12);
    expect(json.stratified.breslowDay.df).toBe(10);
  });

  it('refuses incomplete or unknown comparisons with a usage error', async () => {
    expect((await cli('summarize', '--by', 'year')).code).toBe(2);
    expect((await cli('summarize', '--by', 'year')).err).toMatch(/add --compare/);
    expect((await cli('summarize', '--compare', 'spastic')).err).toMatch(/two different types/);
    const unknown = (await cli('summarize', '--compare', 'spastic,diplegic')).err;
    expect(unknown).toMatch(/no type "diplegic" in the cohort; its types are /);
    for (const type of ['spastic', 'mixed', 'athetoid', 'other']) expect(unknown).toContain(type);
    expect((await cli('summarize', '--by', 'site', '--compare', 'spastic,mixed')).err).toMatch(/--by must be year/);
  });
});
