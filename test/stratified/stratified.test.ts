import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { breslowDay } from '../../src/stratified/breslow-day.js';
import { cmhTest } from '../../src/stratified/cmh-test.js';
import { mantelHaenszel } from '../../src/stratified/mantel-haenszel.js';
import type { Stratum } from '../../src/stratified/strata.js';
import { deepFreeze } from '../helpers.js';

/** Strata with both groups, events and non-events somewhere (so every statistic exists). */
const stratumArb: fc.Arbitrary<Stratum> = fc
  .record({ n1: fc.integer({ min: 1, max: 80 }), n2: fc.integer({ min: 1, max: 80 }), p1: fc.double({ min: 0, max: 1, noNaN: true }), p2: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ n1, n2, p1, p2 }) => ({ x1: Math.round(p1 * n1), n1, x2: Math.round(p2 * n2), n2 }));
const strataArb = fc.array(stratumArb, { minLength: 1, maxLength: 8 }).filter((s) => mantelHaenszel(s).reason === null && mantelHaenszel(s, { measure: 'RR' }).reason === null);
const swap = (s: Stratum): Stratum => ({ x1: s.x2, n1: s.n2, x2: s.x1, n2: s.n1 });
const close = (a: number, b: number, rel = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b), 1e-300));

describe('mantelHaenszel', () => {
  it('reduces to the sample odds ratio, risk ratio and risk difference for one stratum', () => {
    const s = [{ x1: 20, n1: 30, x2: 10, n2: 30 }];
    expect(mantelHaenszel(s).estimate).toBeCloseTo((20 * 20) / (10 * 10), 12);
    expect(mantelHaenszel(s, { measure: 'RR' }).estimate).toBeCloseTo(2, 12);
    expect(mantelHaenszel(s, { measure: 'RD' }).estimate).toBeCloseTo(1 / 3, 12);
  });

  it('inverts OR and RR and negates RD when the groups swap', () => {
    fc.assert(
      fc.property(strataArb, (strata) => {
        const swapped = strata.map(swap);
        for (const measure of ['OR', 'RR'] as const) {
          const a = mantelHaenszel(strata, { measure });
          const b = mantelHaenszel(swapped, { measure });
          close(a.estimate * b.estimate, 1, 1e-12);
          close(a.lower * b.upper, 1, 1e-12);
          close(a.se, b.se);
        }
        const d = mantelHaenszel(strata, { measure: 'RD' });
        const e = mantelHaenszel(swapped, { measure: 'RD' });
        expect(Math.abs(d.estimate + e.estimate)).toBeLessThanOrEqual(1e-12);
        close(d.se, e.se);
      }),
    );
  });

  it('does not depend on the order of the strata, and ignores empty ones (reporting them)', () => {
    fc.assert(
      fc.property(strataArb, fc.integer({ min: 0, max: 7 }), (strata, at) => {
        const shuffled = [...strata].reverse();
        const withEmpty = [...strata.slice(0, at), { x1: 0, n1: 0, x2: 0, n2: 0 }, ...strata.slice(at)];
        for (const measure of ['OR', 'RR', 'RD'] as const) {
          const a = mantelHaenszel(strata, { measure });
          close(mantelHaenszel(shuffled, { measure }).estimate, a.estimate);
          const b = mantelHaenszel(withEmpty, { measure });
          expect(b.estimate).toBe(a.estimate);
          expect(b.excluded).toEqual([{ index: Math.min(at, strata.length), label: `stratum ${Math.min(at, strata.length) + 1}`, reason: 'no patients in either group: left out' }]);
        }
      }),
    );
  });

  it('lists strata that carry no information on each measure', () => {
    const strata = [{ x1: 0, n1: 10, x2: 0, n2: 12 }, { x1: 0, n1: 0, x2: 3, n2: 9 }, { x1: 5, n1: 20, x2: 2, n2: 18 }];
    expect(mantelHaenszel(strata).uninformative.map((u) => u.index)).toEqual([0, 1]);
    expect(mantelHaenszel(strata, { measure: 'RD' }).uninformative.map((u) => u.index)).toEqual([1]); // a 0 − 0 difference still counts
  });

  it('gives NaN with a reason where the estimate does not exist', () => {
    const r = mantelHaenszel([{ x1: 0, n1: 10, x2: 3, n2: 12 }, { x1: 0, n1: 20, x2: 2, n2: 18 }]);
    expect(r.estimate).toBeNaN();
    expect(r.reason).toMatch(/Σ a·d\/N > 0/);
    expect(mantelHaenszel([{ x1: 0, n1: 0, x2: 0, n2: 0 }]).reason).toBe('every stratum is empty');
  });

  it('rejects bad strata with the path of the value', () => {
    const bad = (strata: unknown, argument: string) => {
      try {
        mantelHaenszel(strata as Stratum[]);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).argument).toBe(argument);
        return;
      }
      expect.fail('no error');
    };
    bad([], 'strata');
    bad([{ x1: 5, n1: 4, x2: 0, n2: 3 }], 'strata[0].x1');
    bad([{ x1: 1, n1: 4, x2: 0, n2: 3 }, { x1: 1.5, n1: 4, x2: 0, n2: 3 }], 'strata[1].x1');
    bad([{ x1: 1, n1: 4, x2: -1, n2: 3 }], 'strata[0].x2');
    bad([{ x1: 1, n1: 4, x2: 0 }], 'strata[0].n2');
    expect(() => mantelHaenszel([{ x1: 1, n1: 4, x2: 0, n2: 3 }], { measure: 'HR' as 'OR' })).toThrow(/measure must be one of 'OR', 'RR', 'RD'/);
    expect(() => mantelHaenszel([{ x1: 1, n1: 4, x2: 0, n2: 3 }], { level: 95 })).toThrow(/level/);
  });

  it('does not mutate its input', () => {
    const strata = deepFreeze([{ x1: 20, n1: 30, x2: 10, n2: 30, label: '2004' }]);
    expect(() => mantelHaenszel(strata)).not.toThrow();
  });
});

describe('cmhTest', () => {
  it('applies the continuity correction only when |Σ(a − E a)| ≥ 1/2, as mantelhaen.test', () => {
    const small = [{ x1: 3, n1: 7, x2: 4, n2: 9 }, { x1: 2, n1: 5, x2: 3, n2: 6 }];
    const a = cmhTest(small);
    const b = cmhTest(small, { correct: false });
    expect(a.corrected).toBe(false);
    expect(a.statistic).toBe(b.statistic);
    expect(a.method).toBe('Mantel-Haenszel chi-squared test without continuity correction');
    expect(cmhTest([{ x1: 20, n1: 30, x2: 10, n2: 30 }, { x1: 15, n1: 25, x2: 8, n2: 25 }]).corrected).toBe(true);
  });

  it('is the squared z of Σ(a − E a) over its hypergeometric variance (brute force over the tables)', () => {
    fc.assert(
      fc.property(fc.array(stratumArb, { minLength: 1, maxLength: 4 }).filter((s) => cmhTest(s).reason === null), (strata) => {
        let delta = 0;
        let variance = 0;
        for (const s of strata) {
          // exact hypergeometric mean and variance by summing over the possible first cells
          const m1 = s.x1 + s.x2;
          const N = s.n1 + s.n2;
          const weights: [number, number][] = [];
          for (let a = Math.max(0, m1 - s.n2); a <= Math.min(s.n1, m1); a++) weights.push([a, logChoose(s.n1, a) + logChoose(s.n2, m1 - a)]);
          const top = Math.max(...weights.map((w) => w[1]));
          const total = weights.reduce((t, w) => t + Math.exp(w[1] - top), 0);
          const mean = weights.reduce((t, w) => t + w[0] * Math.exp(w[1] - top), 0) / total;
          const second = weights.reduce((t, w) => t + w[0] * w[0] * Math.exp(w[1] - top), 0) / total;
          delta += s.x1 - mean;
          variance += second - mean * mean;
          expect(N).toBeGreaterThan(1);
        }
        close(cmhTest(strata, { correct: false }).statistic, (delta * delta) / variance, 1e-9);
      }),
    );
  });

  it('leaves out strata of one patient and reports them', () => {
    const r = cmhTest([{ x1: 1, n1: 1, x2: 0, n2: 0 }, { x1: 5, n1: 20, x2: 2, n2: 18 }, { x1: 4, n1: 11, x2: 6, n2: 13 }]);
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0]!.reason).toMatch(/single patient/);
    expect(r.statistic).toBe(cmhTest([{ x1: 5, n1: 20, x2: 2, n2: 18 }, { x1: 4, n1: 11, x2: 6, n2: 13 }]).statistic);
  });

  it('gives NaN with a reason when no stratum has information', () => {
    const r = cmhTest([{ x1: 0, n1: 10, x2: 0, n2: 12 }, { x1: 5, n1: 5, x2: 0, n2: 0 }]);
    expect(r.statistic).toBeNaN();
    expect(r.reason).toMatch(/no variance/);
  });
});

describe('breslowDay', () => {
  it('is 0 with p = 1 when every stratum has the same odds ratio', () => {
    const r = breslowDay([{ x1: 10, n1: 20, x2: 5, n2: 20 }, { x1: 20, n1: 40, x2: 10, n2: 40 }, { x1: 5, n1: 10, x2: 5, n2: 20 }], { tarone: false });
    expect(r.statistic).toBeLessThan(1e-20);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(1, 12);
  });

  it('uses expected tables with the Mantel–Haenszel odds ratio and the observed margins', () => {
    // brute force: the expected first cell solves OR(expected table) = psi, found by bisection
    fc.assert(
      fc.property(strataArb, (strata) => {
        const usable = strata.filter((s) => s.x1 + s.x2 > 0 && s.n1 + s.n2 - s.x1 - s.x2 > 0);
        const psi = mantelHaenszel(strata).estimate;
        let bd = 0;
        for (const s of usable) {
          const xt = s.x1 + s.x2;
          const N = s.n1 + s.n2;
          let lo = Math.max(0, xt - s.n2);
          let hi = Math.min(s.n1, xt);
          for (let i = 0; i < 200; i++) {
            const a = (lo + hi) / 2;
            const or = (a * (N - s.n1 - xt + a)) / ((s.n1 - a) * (xt - a));
            if (or < psi) lo = a;
            else hi = a;
          }
          const a = (lo + hi) / 2;
          const v = 1 / (1 / a + 1 / (s.n1 - a) + 1 / (xt - a) + 1 / (N - s.n1 - xt + a));
          bd += (s.x1 - a) ** 2 / v;
        }
        const r = breslowDay(strata, { tarone: false });
        expect(r.df).toBe(Math.max(0, usable.length - 1));
        expect(Math.abs(r.statistic - bd)).toBeLessThanOrEqual(1e-8 * Math.max(1, bd));
      }),
    );
  });

  it('has no p-value with a single informative stratum, and says why', () => {
    const r = breslowDay([{ x1: 12, n1: 40, x2: 7, n2: 38 }, { x1: 0, n1: 10, x2: 0, n2: 12 }]);
    expect(r.df).toBe(0);
    expect(r.pValue).toBeNaN();
    expect(r.reason).toMatch(/at least 2 are needed/);
    expect(r.excluded.map((e) => e.index)).toEqual([1]);
  });

  it('leaves out a stratum whose group is empty (its term would be 0/0)', () => {
    const base = [{ x1: 27, n1: 202, x2: 60, n2: 147 }, { x1: 45, n1: 210, x2: 72, n2: 168 }, { x1: 15, n1: 108, x2: 40, n2: 91 }];
    const r = breslowDay([...base, { x1: 76, n1: 199, x2: 0, n2: 0 }]);
    const s = breslowDay(base);
    expect(r.statistic).toBe(s.statistic);
    expect(r.df).toBe(2);
    expect(r.excluded[0]!.reason).toMatch(/group 2 is empty/);
  });
});

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
  return s;
}
