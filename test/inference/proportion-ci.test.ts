import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { proportionCI, PROPORTION_CI_METHODS, type ProportionCIMethod } from '../../src/inference/proportion-ci.js';
import { binomialLowerTail, binomialUpperTail } from '../../src/special/binomial.js';
import { expectClose } from './close.js';

interface Case {
  x: number;
  n: number;
  conf_level: number;
  reference: Record<string, { lower: number; upper: number }>;
}
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/reference/ci.json', import.meta.url), 'utf8')) as { cases: Case[] };

// Our method -> the reference definition it implements, and the tolerance the issue sets.
const REFERENCE: Partial<Record<ProportionCIMethod, [string, number]>> = {
  wald: ['wald_clipped', 1e-13],
  wilson: ['wilson', 1e-13],
  'wilson-cc': ['wilson_cc', 1e-13],
  'agresti-coull': ['agresti_coull_clipped', 1e-13],
  'clopper-pearson': ['clopper_pearson', 1e-12],
  jeffreys: ['jeffreys_bcd', 1e-12],
  'mid-p': ['midp', 1e-12],
};
const worst: Record<string, number> = {};

describe('proportionCI against the mpmath reference (58 cases)', () => {
  afterAll(() => {
    // the closing note quotes these figures
    console.log('worst relative error per method:', JSON.stringify(worst));
  });
  for (const method of PROPORTION_CI_METHODS.filter((m) => REFERENCE[m] !== undefined)) {
    it(method, () => {
      const [key, rel] = REFERENCE[method]!;
      for (const c of cases) {
        const ci = proportionCI(c.x, c.n, { method, level: c.conf_level });
        const ref = c.reference[key]!;
        const label = `${method} x=${c.x} n=${c.n}`;
        const e1 = expectClose(ci.lower, ref.lower, rel, 1e-15, `${label} lower`);
        const e2 = expectClose(ci.upper, ref.upper, rel, 1e-15, `${label} upper`);
        worst[method] = Math.max(worst[method] ?? 0, ref.lower === 0 ? 0 : e1, ref.upper === 0 ? 0 : e2);
      }
    });
  }
});

describe('proportionCI properties', () => {
  const xn = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
  const method = fc.constantFrom(...PROPORTION_CI_METHODS);

  it('contains its estimate and lies in [0, 1]', () => {
    fc.assert(
      fc.property(xn, method, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([x, n], m, level) => {
        const ci = proportionCI(x, n, { method: m, level });
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.lower).toBeLessThanOrEqual(ci.estimate);
        expect(ci.estimate).toBeLessThanOrEqual(ci.upper);
      }),
      { numRuns: 300 },
    );
  });

  it('widens with the level', () => {
    fc.assert(
      fc.property(xn, method, ([x, n], m) => {
        const a = proportionCI(x, n, { method: m, level: 0.9 });
        const b = proportionCI(x, n, { method: m, level: 0.99 });
        expect(b.lower).toBeLessThanOrEqual(a.lower);
        expect(b.upper).toBeGreaterThanOrEqual(a.upper);
      }),
      { numRuns: 200 },
    );
  });

  it('narrows as n grows at a fixed estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), method, (k, extra, m) => {
        const x = k;
        const n = k + extra;
        const small = proportionCI(x, n, { method: m });
        const big = proportionCI(x * 10, n * 10, { method: m });
        expect(big.upper - big.lower).toBeLessThan(small.upper - small.lower);
      }),
      { numRuns: 200 },
    );
  });

  it('Clopper-Pearson covers every p the exact binomial test does not reject', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), fc.double({ min: 0.001, max: 0.999, noNaN: true }), ([x, n], p) => {
        const ci = proportionCI(x, n, { method: 'clopper-pearson' });
        // both one-sided tail probabilities above alpha/2 = 0.025 means p is accepted at level 0.95
        const accepted = binomialUpperTail(x, n, p) > 0.025 && binomialLowerTail(x, n, p) > 0.025;
        if (accepted) {
          expect(p).toBeGreaterThanOrEqual(ci.lower);
          expect(p).toBeLessThanOrEqual(ci.upper);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects bad input naming the argument', () => {
    expect(() => proportionCI(5, 4)).toThrow(/successes \(5\) cannot exceed trials/);
    expect(() => proportionCI(1, 0)).toThrow(InvalidArgumentError);
    expect(() => proportionCI(1, 10, { level: 1 })).toThrow(/level must be a number strictly between 0 and 1/);
    expect(() => proportionCI(1, 10, { level: Number.NaN })).toThrow(/level/);
    expect(() => proportionCI(1, 10, { method: 'exact' as 'wald' })).toThrow(/method must be one of/);
  });

  it('handles n up to 10^9 without overflow', () => {
    for (const m of PROPORTION_CI_METHODS) {
      const ci = proportionCI(960_000_000, 1_000_000_000, { method: m });
      expect(ci.lower).toBeGreaterThan(0.9599);
      expect(ci.upper).toBeLessThan(0.9601);
    }
  });
});
