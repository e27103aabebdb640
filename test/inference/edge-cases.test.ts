import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { fisherExact, type Fisher2x2 } from '../../src/inference/fisher-exact.js';
import { gTest } from '../../src/inference/goodness-of-fit.js';
import { gTestIndependence } from '../../src/inference/independence.js';
import { proportionTest } from '../../src/inference/proportion-test.js';
import { trendTest } from '../../src/inference/trend-test.js';

interface Fixture {
  g_test: { observed: number[]; expected: number[]; statistic: string }[];
  g_independence: { table: number[][]; statistic: string }[];
  trend: { successes: number[]; trials: number[]; scores: number[]; statistic: string }[];
  fisher_2x2_large: { table: number[][]; log: Record<'less' | 'greater' | 'two-sided', string> }[];
}
const fx = JSON.parse(readFileSync(new URL('../fixtures/reference/edge-cases.json', import.meta.url), 'utf8')) as Fixture;
const worst: Record<string, number> = {};
const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));
afterAll(() => console.log('edge cases, worst relative error:', JSON.stringify(worst)));

describe('G statistic when the counts are close to expectation', () => {
  it.each(fx.g_test.map((c) => [c.observed.join(','), c] as const))('%s', (_l, c) => {
    const err = rel(gTest(c.observed, c.expected).statistic, Number(c.statistic));
    worst.gTest = Math.max(worst.gTest ?? 0, err);
    expect(err).toBeLessThan(1e-12);
  });

  it.each(fx.g_independence.map((c) => [JSON.stringify(c.table), c] as const))('independence %s', (_l, c) => {
    const err = rel(gTestIndependence(c.table).statistic, Number(c.statistic));
    worst.gTestIndependence = Math.max(worst.gTestIndependence ?? 0, err);
    expect(err).toBeLessThan(1e-12);
  });
});

describe('trendTest', () => {
  it.each(fx.trend.map((c, i) => [`${i}: ${c.successes.join(',')} of ${c.trials.join(',')}`, c] as const))('%s', (_l, c) => {
    const err = rel(trendTest(c.successes, c.trials, c.scores).statistic, Number(c.statistic));
    worst.trendTest = Math.max(worst.trendTest ?? 0, err);
    expect(err).toBeLessThan(1e-12);
  });

  it('refuses equal scores and single-outcome data with a typed error', () => {
    expect(() => trendTest([1, 2, 3], [5, 5, 5], [7, 7, 7])).toThrow(InvalidArgumentError);
    expect(() => trendTest([1, 2, 3], [5, 5, 5], [7, 7, 7])).toThrow(/scores are all equal/);
    expect(() => trendTest([0, 0], [5, 5])).toThrow(/needs both outcomes/);
    expect(() => trendTest([5, 5], [5, 5])).toThrow(/needs both outcomes/);
    expect(() => trendTest([1, 2], [5, 5], [1, Number.NaN])).toThrow(InvalidArgumentError);
  });

  it('gives a log p-value where the p-value underflows', () => {
    const t = trendTest([0, 5000, 10000], [10000, 10000, 10000]);
    expect(t.pValue).toBe(0);
    expect(t.logPValue).toBeLessThan(-5000);
    expect(Number.isFinite(t.logPValue)).toBe(true);
    expect(t.logPValueOneSided).toBeCloseTo(t.logPValue - Math.LN2, 6);
  });
});

describe('proportionTest input checks and log p-values', () => {
  it('throws typed errors for null and mismatched inputs', () => {
    expect(() => proportionTest(1, null as unknown as number)).toThrow(InvalidArgumentError);
    expect(() => proportionTest(null as unknown as number, 5)).toThrow(InvalidArgumentError);
    expect(() => proportionTest([1, 2], 5)).toThrow(InvalidArgumentError);
    expect(() => proportionTest([1, 2, 3], [4, 5, 6])).toThrow(InvalidArgumentError);
  });

  it('keeps logPValue finite far out', () => {
    const t = proportionTest(0, 100000, { p: 0.5 });
    expect(t.pValue).toBe(0);
    expect(t.logPValue).toBeLessThan(-30000);
    const less = proportionTest(0, 100000, { p: 0.5, alternative: 'less' });
    expect(less.logPValue).toBeCloseTo(t.logPValue - Math.LN2, 3);
  });
});

describe('fisherExact on large 2×2 tables', () => {
  it.each(fx.fisher_2x2_large.map((c) => [JSON.stringify(c.table), c] as const))('%s', (_l, c) => {
    for (const alt of ['less', 'greater', 'two-sided'] as const) {
      const r = fisherExact(c.table, { alternative: alt, estimate: false });
      const ref = Number(c.log[alt]);
      const err = ref === 0 ? Math.abs(r.logPValue) : Math.abs(Math.exp(r.logPValue - ref) - 1);
      worst.fisherLarge = Math.max(worst.fisherLarge ?? 0, err);
      expect(err, `${alt}: ${r.logPValue} vs ${ref}`).toBeLessThan(1e-12);
    }
  });

  it('does not crash on 10^8 per cell, and estimates the odds ratio', () => {
    const r = fisherExact([[1e8, 1e8], [1e8, 1e8]]) as Fisher2x2;
    expect(r.pValue).toBe(1);
    expect(Math.abs(r.oddsRatio - 1)).toBeLessThan(1e-12);
    expect(r.ci.lower).toBeLessThan(1);
    expect(r.ci.upper).toBeGreaterThan(1);
    // the interval is about exp(±1.96 · √(4/1e8)) wide
    expect(Math.abs(Math.log(r.ci.upper) - 1.959963984540054 * Math.sqrt(4 / 1e8))).toBeLessThan(1e-6);
  });

  it('handles [[1e5, 1e5], [1e5, 1e5]] without a RangeError', () => {
    const r = fisherExact([[1e5, 1e5], [1e5, 1e5]]) as Fisher2x2;
    expect(r.pValue).toBe(1);
    expect(r.oddsRatio).toBeCloseTo(1, 12);
  });
});
