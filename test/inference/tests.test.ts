import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { binomialTest } from '../../src/inference/binomial-test.js';
import { oddsRatio, riskDifference, riskRatio } from '../../src/inference/effect-measures.js';
import { fisherExact, type Fisher2x2, type FisherRxC } from '../../src/inference/fisher-exact.js';
import { chiSquareIndependence, gTestIndependence } from '../../src/inference/independence.js';
import { proportionTest } from '../../src/inference/proportion-test.js';
import { trendTest } from '../../src/inference/trend-test.js';
import { expectClose } from './close.js';

type Ref = Record<string, number | string | (number | string)[] | null>;
interface Fixture {
  binom_test: { id: string; x: number; n: number; p: number; reference: Ref }[];
  prop_test_one_sample: { id: string; x: number; n: number; p: number; conf_level: number; reference: Ref }[];
  prop_test_two_sample: { id: string; x1: number; n1: number; x2: number; n2: number; conf_level: number; reference: Ref }[];
  chisq_independence: { id: string; table: number[][]; reference: Ref }[];
  fisher_2x2: { id: string; table: number[][]; reference: Ref }[];
  fisher_rxc: { id: string; table: number[][]; reference: Ref }[];
  trend: { id: string; x: number[]; n: number[]; score: number[]; reference: Ref }[];
  effect_measures_2x2: { id: string; x1: number; n1: number; x2: number; n2: number; reference: Ref }[];
}
const fx = JSON.parse(readFileSync(new URL('../fixtures/reference/tests.json', import.meta.url), 'utf8')) as Fixture;
const worst: Record<string, number> = {};
const track = (name: string, err: number) => (worst[name] = Math.max(worst[name] ?? 0, err));
const num = (v: unknown) => v as number;
const pair = (v: unknown) => v as [number | string, number | string];

afterAll(() => console.log('worst relative error per test:', JSON.stringify(worst)));

describe('binomialTest', () => {
  it.each(fx.binom_test.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    for (const [alt, key] of [['two-sided', 'p.two.sided'], ['less', 'p.less'], ['greater', 'p.greater']] as const) {
      const r = binomialTest(c.x, c.n, { p: c.p, alternative: alt });
      track('binomialTest', expectClose(r.pValue, num(c.reference[key]), 1e-12, 1e-300, `${c.id} ${alt}`));
    }
  });
});

describe('proportionTest', () => {
  it.each(fx.prop_test_one_sample.map((c) => [c.id, c] as const))('%s (one sample)', (_id, c) => {
    for (const correct of [true, false]) {
      const k = correct ? 'correct' : 'nocorrect';
      const r = proportionTest(c.x, c.n, { p: c.p, correct, level: c.conf_level });
      const ref = num(c.reference[`${k}.statistic`]);
      if (ref > 1e-20) track('proportionTest statistic', expectClose(r.statistic, ref, 1e-12, 0, `${c.id} ${k} statistic`));
      else expect(r.statistic).toBeLessThan(1e-20); // shared README: near-zero statistics are noise
      track('proportionTest p', expectClose(r.pValue, num(c.reference[`${k}.p`]), 1e-12, 1e-15, `${c.id} ${k} p`));
      const [lo, hi] = pair(c.reference[`${k}.conf.int`]);
      track('proportionTest ci', expectClose(r.ci.lower, lo, 1e-13, 1e-15, `${c.id} ${k} lower`));
      track('proportionTest ci', expectClose(r.ci.upper, hi, 1e-13, 1e-15, `${c.id} ${k} upper`));
      for (const alt of ['less', 'greater'] as const) {
        const key = `${k}.p.${alt}`;
        if (c.reference[key] !== undefined) track('proportionTest p', expectClose(proportionTest(c.x, c.n, { p: c.p, correct, alternative: alt }).pValue, num(c.reference[key]), 1e-12, 1e-15, `${c.id} ${key}`));
      }
    }
  });

  it.each(fx.prop_test_two_sample.map((c) => [c.id, c] as const))('%s (two samples)', (_id, c) => {
    for (const correct of [true, false]) {
      const k = correct ? 'correct' : 'nocorrect';
      const r = proportionTest([c.x1, c.x2], [c.n1, c.n2], { correct, level: c.conf_level });
      track('proportionTest statistic', expectClose(r.statistic, num(c.reference[`${k}.statistic`]), 1e-12, 1e-20, `${c.id} ${k} statistic`));
      track('proportionTest p', expectClose(r.pValue, num(c.reference[`${k}.p`]), 1e-12, 1e-15, `${c.id} ${k} p`));
      const [lo, hi] = pair(c.reference[`${k}.conf.int`]);
      track('proportionTest ci', expectClose(r.ci.lower, lo, 1e-13, 1e-15, `${c.id} ${k} lower`));
      track('proportionTest ci', expectClose(r.ci.upper, hi, 1e-13, 1e-15, `${c.id} ${k} upper`));
    }
  });
});

describe('chiSquareIndependence and gTestIndependence', () => {
  it.each(fx.chisq_independence.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    for (const correct of [true, false]) {
      const k = correct ? 'correct' : 'nocorrect';
      if (c.reference[`${k}.statistic`] === undefined) continue;
      const r = chiSquareIndependence(c.table, { correct });
      track('chiSquareIndependence', expectClose(r.statistic, num(c.reference[`${k}.statistic`]), 1e-12, 0, `${c.id} ${k} statistic`));
      expect(r.df).toBe(c.reference[`${k}.df`]);
      track('chiSquareIndependence', expectClose(r.pValue, num(c.reference[`${k}.p`]), 1e-12, 1e-300, `${c.id} ${k} p`));
      if (c.reference[`${k}.log_p`] !== undefined) track('chiSquareIndependence', expectClose(r.logPValue, num(c.reference[`${k}.log_p`]), 1e-12, 0, `${c.id} ${k} log p`));
    }
    const expected = c.reference.expected_rowwise as number[] | undefined;
    if (expected) chiSquareIndependence(c.table).expected.flat().forEach((e, i) => expectClose(e, expected[i]!, 1e-14, 0, `${c.id} expected[${i}]`));
    if (c.reference['G.statistic'] !== undefined) {
      const g = gTestIndependence(c.table);
      track('gTestIndependence', expectClose(g.statistic, num(c.reference['G.statistic']), 1e-12, 0, `${c.id} G`));
      track('gTestIndependence', expectClose(g.pValue, num(c.reference['G.p']), 1e-12, 1e-300, `${c.id} G p`));
    }
  });
});

describe('fisherExact', () => {
  it.each(fx.fisher_2x2.map((c) => [c.id, c] as const))('%s (2x2)', (_id, c) => {
    for (const [alt, key] of [['two-sided', 'p.two.sided'], ['less', 'p.less'], ['greater', 'p.greater']] as const) {
      track('fisherExact p', expectClose(fisherExact(c.table, { alternative: alt }).pValue, num(c.reference[key]), 1e-12, 1e-300, `${c.id} ${key}`));
    }
    const r = fisherExact(c.table) as Fisher2x2;
    track('fisherExact odds ratio', expectClose(r.oddsRatio, num(c.reference.estimate), 1e-10, 0, `${c.id} estimate`));
    const intervals: [string, Parameters<typeof fisherExact>[1]][] = [
      ['conf.int', {}],
      ['conf.int.99', { level: 0.99 }],
      ['conf.int.less', { alternative: 'less' }],
      ['conf.int.greater', { alternative: 'greater' }],
    ];
    for (const [key, options] of intervals) {
      if (c.reference[key] === undefined) continue;
      const ci = (fisherExact(c.table, options) as Fisher2x2).ci;
      const [lo, hi] = pair(c.reference[key]);
      track('fisherExact odds ratio', expectClose(ci.lower, lo, 1e-10, 1e-300, `${c.id} ${key} lower`));
      track('fisherExact odds ratio', expectClose(ci.upper, hi, 1e-10, 0, `${c.id} ${key} upper`));
    }
  });

  it.each(fx.fisher_rxc.map((c) => [c.id, c] as const))('%s (r x c)', (_id, c) => {
    const r = fisherExact(c.table) as FisherRxC;
    track('fisherExact r x c', expectClose(r.pValue, num(c.reference.p), 1e-12, 0, `${c.id} p`));
  });

  it('refuses one-sided r x c and ragged tables', () => {
    expect(() => fisherExact([[1, 2, 3], [3, 2, 1]], { alternative: 'less' })).toThrow(InvalidArgumentError);
    expect(() => fisherExact([[1, 2], [3]])).toThrow(/rectangular/);
  });
});

describe('trendTest', () => {
  it.each(fx.trend.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = trendTest(c.x, c.n, c.score);
    track('trendTest', expectClose(r.statistic, num(c.reference.statistic), 1e-12, 0, `${c.id} statistic`));
    track('trendTest', expectClose(r.pValue, num(c.reference.p), 1e-12, 0, `${c.id} p`));
    if (c.reference['CA.z'] !== undefined) track('trendTest', expectClose(r.z, num(c.reference['CA.z']), 1e-12, 0, `${c.id} z`));
  });
});

describe('riskDifference, riskRatio, oddsRatio', () => {
  it.each(fx.effect_measures_2x2.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const check = (r: { estimate: number; lower: number; upper: number }, est: string, ci: string) => {
      if (c.reference[est] === undefined) return;
      track('effect measures', expectClose(r.estimate, num(c.reference[est]), 1e-13, 1e-300, `${c.id} ${est}`));
      if (typeof c.reference[ci] === 'string') {
        // 'undefined (zero cell)': we return NaN bounds rather than a misleading 0 or Infinity
        expect([r.lower, r.upper]).toEqual([Number.NaN, Number.NaN]);
        return;
      }
      const [lo, hi] = pair(c.reference[ci]);
      track('effect measures', expectClose(r.lower, lo, 1e-13, 1e-300, `${c.id} ${ci} lower`));
      track('effect measures', expectClose(r.upper, hi, 1e-13, 1e-300, `${c.id} ${ci} upper`));
    };
    check(riskDifference(c.x1, c.n1, c.x2, c.n2), 'RD', 'RD.wald95');
    check(riskRatio(c.x1, c.n1, c.x2, c.n2), 'RR', 'RR.log95');
    check(oddsRatio(c.x1, c.n1, c.x2, c.n2), 'OR', 'OR.woolf95');
    check(oddsRatio(c.x1, c.n1, c.x2, c.n2, { haldane: true }), 'OR_haldane0.5', 'OR_haldane0.5.woolf95');
  });
});
