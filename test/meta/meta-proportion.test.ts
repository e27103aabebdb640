import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { ConvergenceError } from '../../src/meta/convergence-error.js';
import { metaProportion, type ProportionStudy } from '../../src/meta/meta-proportion.js';
import { META_METHODS, type MetaMethod } from '../../src/meta/options.js';
import { PROPORTION_TRANSFORMS } from '../../src/meta/transforms.js';
import { deepFreeze } from '../helpers.js';

const studies: ProportionStudy[] = [
  { events: 3, n: 20 },
  { events: 15, n: 30 },
  { events: 10, n: 40 },
  { events: 1, n: 15 },
  { events: 17, n: 25 },
  { events: 30, n: 45 },
];

const studiesArb = fc.array(
  fc.record({ n: fc.integer({ min: 1, max: 400 }), p: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ n, p }) => ({ events: Math.round(p * n), n })),
  { minLength: 2, maxLength: 12 },
);
const NORMAL: MetaMethod[] = ['FE', 'DL', 'REML', 'PM', 'ML', 'HS', 'SJ', 'EB'];

function rejects(options: object, argument: string, message: RegExp) {
  try {
    metaProportion(studies, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect((error as Error).message).toMatch(message);
    return;
  }
  expect.fail(`accepted ${JSON.stringify(options)}`);
}

describe('metaProportion options', () => {
  it('defaults to logit, REML, z, 95%', () => {
    const r = metaProportion(studies);
    expect([r.transform, r.method, r.test, r.level]).toEqual(['logit', 'REML', 'z', 0.95]);
  });

  it('refuses names that would fit another model, naming the one to use', () => {
    rejects({ transform: 'PLO' }, 'transform', /use 'logit'/);
    rejects({ transform: 'PFT' }, 'transform', /'freeman-tukey'/);
    rejects({ transform: 'Logit' }, 'transform', /case-sensitive.*did you mean 'logit'/);
    rejects({ transform: 'log' }, 'transform', /must be one of 'logit', 'arcsine', 'freeman-tukey', 'raw'/);
    rejects({ method: 'reml' }, 'method', /did you mean 'REML'/);
    rejects({ method: 'HK' }, 'method', /test: 'knha'/);
    rejects({ method: 'MH' }, 'method', /mantelHaenszel/);
    rejects({ method: 'EE' }, 'method', /'FE'/);
    rejects({ method: 'GLMM', transform: 'arcsine' }, 'method', /logit scale/);
    rejects({ method: 'GLMM', test: 'knha' }, 'test', /not defined for method 'GLMM'/);
    rejects({ test: 't' }, 'test', /different interval/);
    rejects({ level: 95 }, 'level', /between 0 and 1/);
  });

  it('rejects bad studies with the path of the value', () => {
    expect(() => metaProportion([])).toThrow(/non-empty array/);
    expect(() => metaProportion([{ events: 5, n: 4 }])).toThrow(/studies\[0\]\.events \(5\) cannot exceed studies\[0\]\.n/);
    expect(() => metaProportion([{ events: 1, n: 4 }, { events: 1, n: 0 }])).toThrow(/studies\[1\]\.n must be at least 1/);
    expect(() => metaProportion([{ events: 1.5, n: 4 }])).toThrow(/whole number/);
  });
});

describe('metaProportion results', () => {
  it('reports the zero-cell correction it applied, and only where escalc applies one', () => {
    const data = [{ events: 0, n: 10, label: 'A' }, { events: 5, n: 10, label: 'B' }, { events: 12, n: 12, label: 'C' }];
    for (const transform of ['logit', 'raw'] as const) {
      const r = metaProportion(data, { transform });
      expect(r.studies.map((s) => s.corrected)).toEqual([true, false, true]);
      expect(r.warnings.join(' ')).toMatch(/2 studies with 0 or all events \(A, C\): 1\/2 added/);
    }
    for (const transform of ['arcsine', 'freeman-tukey'] as const) expect(metaProportion(data, { transform }).studies.some((s) => s.corrected)).toBe(false);
  });

  it('flags the Freeman–Tukey back-transformation with a warning', () => {
    expect(metaProportion(studies, { transform: 'freeman-tukey' }).warnings.join(' ')).toMatch(/harmonic mean.*Schwarzer et al\. 2019/);
    expect(metaProportion(studies, { transform: 'logit' }).warnings.join(' ')).not.toMatch(/Freeman/);
  });

  it('uses z for one study under knha, as metafor, and says so', () => {
    const r = metaProportion([{ events: 3, n: 20 }], { test: 'knha' });
    expect(r.test).toBe('z');
    expect(r.warnings[0]).toMatch(/k = 1/);
    expect([r.tau2, r.I2, r.Q, r.QpValue]).toEqual([0, 0, 0, 1]);
  });

  it('reports iterations for iterative estimators only', () => {
    for (const method of ['REML', 'ML', 'EB', 'PM', 'GLMM'] as const) expect(metaProportion(studies, { method }).iterations).toBeGreaterThan(0);
    for (const method of ['FE', 'DL', 'HS', 'SJ'] as const) expect(metaProportion(studies, { method }).iterations).toBeNull();
  });

  it('fails with a typed error, not a number, where the GLMM has no estimate', () => {
    expect(() => metaProportion([{ events: 0, n: 10 }, { events: 0, n: 20 }], { method: 'GLMM' })).toThrow(ConvergenceError);
    expect(() => metaProportion([{ events: 0, n: 10 }, { events: 10, n: 10 }], { method: 'GLMM' })).toThrow(/τ² grows without bound/);
    expect(() => metaProportion([{ events: 3, n: 10 }], { method: 'GLMM' })).toThrow(/at least 2 studies/);
  });

  it('keeps every field finite for huge studies', () => {
    const big = [{ events: 500_000_000, n: 1_000_000_000 }, { events: 490_000_123, n: 999_999_999 }, { events: 3, n: 1_000_000_000 }];
    for (const method of META_METHODS) {
      for (const transform of method === 'GLMM' ? (['logit'] as const) : PROPORTION_TRANSFORMS) {
        const r = metaProportion(big, { method, transform });
        for (const v of [r.estimate, r.lower, r.upper, r.predictionLower, r.predictionUpper, r.tau2, r.I2, r.Q]) expect(Number.isFinite(v), `${method} ${transform}`).toBe(true);
      }
    }
  });

  it('does not mutate its input', () => {
    const frozen = deepFreeze(studies.map((s) => ({ ...s })));
    expect(() => metaProportion(frozen, { method: 'GLMM' })).not.toThrow();
  });
});

describe('metaProportion laws', () => {
  it('does not depend on the order of the studies', () => {
    fc.assert(
      fc.property(studiesArb, fc.constantFrom(...NORMAL), fc.constantFrom(...PROPORTION_TRANSFORMS), (data, method, transform) => {
        const a = metaProportion(data, { method, transform });
        const b = metaProportion([...data].reverse(), { method, transform });
        for (const f of ['estimate', 'lower', 'upper', 'tau2', 'Q'] as const) expect(Math.abs(a[f] - b[f])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a[f])));
      }),
      { numRuns: 60 },
    );
  });

  it('pools inside the range of the studies, with a prediction interval around the confidence interval', () => {
    fc.assert(
      fc.property(studiesArb, fc.constantFrom(...NORMAL), fc.constantFrom(...PROPORTION_TRANSFORMS), fc.constantFrom('z' as const, 'knha' as const), (data, method, transform, test) => {
        const r = metaProportion(data, { method, transform, test });
        const ys = r.studies.map((s) => s.yi);
        const t = r.transformed;
        expect(t.estimate).toBeGreaterThanOrEqual(Math.min(...ys) - 1e-12);
        expect(t.estimate).toBeLessThanOrEqual(Math.max(...ys) + 1e-12);
        expect(t.predictionLower).toBeLessThanOrEqual(t.lower + 1e-12);
        expect(t.predictionUpper).toBeGreaterThanOrEqual(t.upper - 1e-12);
        expect(r.tau2).toBeGreaterThanOrEqual(0);
        expect(r.I2).toBeGreaterThanOrEqual(0);
        expect(r.I2).toBeLessThanOrEqual(100);
        if (method === 'FE') expect([r.predictionLower, r.predictionUpper]).toEqual([r.lower, r.upper]);
        expect(r.studies.reduce((a, s) => a + s.weight!, 0)).toBeCloseTo(100, 9);
      }),
      { numRuns: 80 },
    );
  });

  it('finds the maximum of the likelihood (ML, REML) and the root of Q = k − 1 (PM, EB)', () => {
    fc.assert(
      fc.property(studiesArb, (data) => {
        for (const method of ['ML', 'REML', 'PM', 'EB'] as const) {
          const r = metaProportion(data, { method });
          const yi = r.studies.map((s) => s.yi);
          const vi = r.studies.map((s) => s.vi);
          const q = (tau2: number) => {
            const w = vi.map((v) => 1 / (v + tau2));
            const sw = w.reduce((a, b) => a + b, 0);
            const mu = w.reduce((a, wi, i) => a + wi * yi[i]!, 0) / sw;
            return { w, sw, mu, q: w.reduce((a, wi, i) => a + wi * (yi[i]! - mu) ** 2, 0) };
          };
          const ll = (tau2: number) => {
            const s = q(tau2);
            return -0.5 * vi.reduce((a, v) => a + Math.log(v + tau2), 0) - 0.5 * s.q - (method === 'REML' ? 0.5 * Math.log(s.sw) : 0);
          };
          if (method === 'PM' || method === 'EB') {
            if (r.tau2 > 0) expect(Math.abs(q(r.tau2).q - (data.length - 1))).toBeLessThanOrEqual(1e-8 * data.length);
            else expect(q(0).q).toBeLessThanOrEqual(data.length - 1 + 1e-9);
          } else {
            const h = Math.max(1e-6, r.tau2 * 1e-3);
            expect(ll(r.tau2)).toBeGreaterThanOrEqual(ll(r.tau2 + h) - 1e-12);
            if (r.tau2 > h) expect(ll(r.tau2)).toBeGreaterThanOrEqual(ll(r.tau2 - h) - 1e-12);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
