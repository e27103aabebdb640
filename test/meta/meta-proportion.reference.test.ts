// Every fit of test/fixtures/reference/meta-proportion.json (metafor 3.8 at tight convergence, see
// scripts/reference/meta-reference.R): 84 data sets × 4 transforms × 8 methods × 2 tests, and GLMM.
import { afterAll, describe, expect, it } from 'vitest';
import { metaProportion, type MetaProportion } from '../../src/meta/meta-proportion.js';
import { ConvergenceError } from '../../src/meta/convergence-error.js';
import type { MetaMethod, MetaTest } from '../../src/meta/options.js';
import type { ProportionTransform } from '../../src/meta/transforms.js';
import { heldOut, metaCases, relativeError, value, WorstErrors, type MetaCase, type RFit } from './reference.js';

const CLOSED_FORM = new Set(['FE', 'DL', 'HS', 'SJ']);
/** The tolerances: closed forms, iterative estimators, the GLMM. */
const tolerance = (method: string) => (CLOSED_FORM.has(method) ? 1e-10 : method === 'GLMM' ? 1e-4 : 1e-7);

/**
 * Absolute allowances where a reference value is 0 or near it. metafor's Fisher scoring stops
 * at τ² ≈ 1e-13 when the maximum is at the boundary (the exact answer, given here, is 0), and a
 * weighted mean of logits ±a is 0 only up to rounding.
 */
function allowance(field: string, method: string, key = '', typicalVariance = Infinity): number {
  // lme4's default Nelder–Mead stops at an absolute change of 1e-5 in the deviance: a small τ² is known to
  // ~1e-6 there, and I² = 100 τ² / (v + τ²), H² = 1 + τ² / v inherit that
  if (key === 'lme4-default' && field === 'tau2') return 1e-6;
  if (key === 'lme4-default' && field === 'I2') return 1e-4 / typicalVariance;
  if (key === 'lme4-default' && field === 'H2') return 1e-6 / typicalVariance;
  if (field === 'tau2') return CLOSED_FORM.has(method) ? 1e-15 : 1e-11;
  if (field === 'I2') return CLOSED_FORM.has(method) ? 1e-12 : 1e-6;
  if (field === 'Q') return 1e-12;
  return 1e-14;
}

const FIELDS = ['estimate', 'lower', 'upper', 'predictionLower', 'predictionUpper', 'tau2', 'I2', 'H2', 'Q', 'QpValue'] as const;
const TRANSFORMED = ['estimate', 'se', 'lower', 'upper', 'predictionLower', 'predictionUpper'] as const;

const worst = new WorstErrors();
afterAll(() => worst.print("worst relative error against metafor per field and method (a p-value's tolerance is its column's × max(1, 0.6 Q), a row marked 'every study 0/n' × 10 more, the lme4-default column's × the gap between lme4's two optimisers)"));

function check(id: string, key: string, method: string, field: string, actual: number, expected: number, extra = 1, floor = 0, tag = '', typicalVariance = Infinity) {
  const tol = tolerance(method) * extra;
  const err = relativeError(actual, expected, floor);
  const withinAllowance = Math.abs(actual - expected) <= allowance(field.replace(/^t\./, ''), method, key, typicalVariance);
  const ok = err <= tol || withinAllowance;
  const column = `${method}${key === 'lme4-default' ? ' lme4-default' : ''}`;
  const row = `${field}${tag}`;
  if (ok && !(err <= tol)) worst.trackAbsolute(column, Math.abs(actual - expected), `${id} ${field}`, tolerance(method));
  else worst.track(column, row, err, `${id} ${key} ${field}`, tolerance(method), !ok);
  if (!ok) expect.fail(`${id} ${key} ${field}: got ${actual}, metafor ${expected} (relative error ${err.toExponential(2)}, tolerance ${tol})`);
}

/** metafor's predict() leaves out the prediction interval of an 'FE' model: it is the confidence interval (CONTRACT.md). */
function orFeInterval<F extends string>(method: string, field: F): F | 'lower' | 'upper' {
  if (method !== 'FE') return field;
  return field === 'predictionLower' ? 'lower' : field === 'predictionUpper' ? 'upper' : field;
}

function compare(id: string, key: string, method: string, r: MetaProportion, fit: RFit, c: MetaCase, slack = 1) {
  const degenerate = (i: number) => c.events[i] === 0 || c.events[i] === c.n[i];
  const k = c.events.length;
  // metafor's Wald Q of the GLMM takes the last study as reference; with 0 or n events there its variance
  // is ~1e9 and R's statistic carries ~1e-4 of rounding (see saturated-wald.ts). The statistic does not
  // depend on the order of the studies: R's own value with the most informative study last is the reference.
  const reordered = method === 'GLMM' && degenerate(k - 1) && c.waldReordered && !c.waldReordered.error ? c.waldReordered : undefined;
  for (const f of FIELDS) {
    let extra = slack;
    let expected = value(fit[orFeInterval(method, f)]);
    let tag = '';
    if (reordered && (f === 'Q' || f === 'QpValue')) {
      expected = value(reordered[f]);
      tag = ' (R, reordered)';
    }
    // a p-value inherits its statistic's tolerance: d log p / dQ is about −1/2
    if (f === 'QpValue') extra = Math.max(extra, 0.6 * value(fit.Q));
    // every study with 0 or n events: no order conditions R's Wald statistic well
    const illConditioned = method === 'GLMM' && (f === 'Q' || f === 'QpValue') && c.events.every((_, i) => degenerate(i));
    if (illConditioned) {
      extra *= 10;
      tag = ' (every study 0/n)';
    }
    const typical = r.tau2 > 0 ? r.tau2 / (r.H2 - 1) : Infinity;
    check(id, key, method, f, r[f], expected, extra, 0, tag, typical);
  }
  // on the transformed scale a bound can sit near 0 (a logit of 0.5): its error is measured against the standard error
  const se = value(fit.transformed.se);
  for (const f of TRANSFORMED) check(id, key, method, `t.${f}`, r.transformed[f], value(fit.transformed[orFeInterval(method, f)]), slack, se);
  if (method === 'GLMM') {
    check(id, key, method, 'QLikelihoodRatio', r.QLikelihoodRatio!, value(fit.QLikelihoodRatio));
  }
}

describe('metaProportion against metafor 3.8', () => {
  const cases = metaCases();
  it.skipIf(heldOut)('covers every transform × method × test, k = 1 and 2, zero and all-event studies', () => {
    const keys = new Set(cases.flatMap((c) => Object.keys(c.fits)));
    expect(keys.size).toBe(4 * 8 * 2 + 2);
    expect(cases.some((c) => c.events.length === 1)).toBe(true);
    expect(cases.some((c) => c.events.length === 2)).toBe(true);
    expect(cases.filter((c) => c.events.some((e, i) => e === 0 || e === c.n[i])).length).toBeGreaterThan(10);
    expect(cases.length).toBeGreaterThanOrEqual(80);
    // GLMM Wald statistics whose last study has 0 or n events, compared with R's well-conditioned order
    expect(cases.filter((c) => c.waldReordered && [0, c.n.at(-1)].includes(c.events.at(-1))).length).toBeGreaterThan(5);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const studies = c.events.map((events, i) => ({ events, n: c.n[i]! }));
    for (const [key, fit] of Object.entries(c.fits)) {
      const [transform, method, test, variant] = key.split('/') as [ProportionTransform, MetaMethod, MetaTest, string | undefined];
      if (variant === 'lme4-default') continue; // lme4's default optimiser: compared in its own test below
      let r: MetaProportion;
      try {
        r = metaProportion(studies, { transform, method, test });
      } catch (error) {
        if (fit.error) continue; // both refuse
        // R returns numbers where the likelihood has no maximum (τ² → ∞ with 0/10 and 10/10); a typed error is right
        expect(method, `${id} ${key}: ${(error as Error).message}`).toBe('GLMM');
        expect(error).toBeInstanceOf(ConvergenceError);
        expect(value(fit.tau2)).toBeGreaterThan(1e3);
        continue;
      }
      if (fit.error) {
        // R fails where the answer exists: k = 1 and identical rates for the GLMM, EB's Fisher scoring oscillating at 1e-12
        expect(fit.error, `${id} ${key}`).toMatch(/Number of parameters|Cannot fit ML model|Fisher scoring algorithm did not converge/);
        continue;
      }
      compare(id, key, method, r, fit, c);
    }
  });
});

describe('GLMM against lme4 with its default optimiser', () => {
  it('agrees to 1e-4 (Nelder–Mead stops at an absolute change of 1e-5 in the deviance)', () => {
    for (const c of metaCases()) {
      const fit = c.fits['logit/GLMM/z/lme4-default'];
      if (!fit || fit.error) continue;
      const studies = c.events.map((events, i) => ({ events, n: c.n[i]! }));
      let r: MetaProportion;
      try {
        r = metaProportion(studies, { method: 'GLMM' });
      } catch {
        continue;
      }
      // lme4's answer is only as exact as its optimisers agree: where the default and a tight one differ
      // by more than 1e-4 (flat likelihoods), the tolerance is that difference
      const tight = c.fits['logit/GLMM/z']!;
      const gap = Math.max(...(['estimate', 'lower', 'upper', 'predictionLower', 'predictionUpper', 'tau2'] as const).map((f) => relativeError(value(fit[f]), value(tight[f]), 0)));
      compare(c.id, 'lme4-default', 'GLMM', r, fit, c, Math.max(1, (2 * gap) / 1e-4));
    }
  });
});
