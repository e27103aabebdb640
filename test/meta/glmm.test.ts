import { describe, expect, it } from 'vitest';
import { gaussHermite } from '../../src/meta/gauss-hermite.js';
import { devianceResidual, fitBinomialNormalExact, glmmDeviance } from '../../src/meta/glmm.js';
import { fitBinomialNormal } from '../../src/meta/glmm-lme4.js';
import { lme4Deviance, lme4StartingPredictor } from '../../src/meta/lme4-deviance.js';
import { saturatedWaldQ } from '../../src/meta/saturated-wald.js';
import { tUpperQuantile } from '../../src/meta/student-t.js';
import { studentTwoSided } from '../../src/special/f-distribution.js';

/** −2 log ∫ exp(−devres(β + θu)/2) φ(u) du by composite Simpson on [−12, 12]: the exact marginal deviance. */
function bruteForceDeviance(x: number, n: number, beta: number, theta: number): number {
  const steps = 24_000;
  const h = 24 / steps;
  let s = 0;
  for (let i = 0; i <= steps; i++) {
    const u = -12 + i * h;
    const f = Math.exp(-devianceResidual(x, n, beta + theta * u) / 2 - (u * u) / 2) / Math.sqrt(2 * Math.PI);
    s += f * (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2);
  }
  return -2 * Math.log((s * h) / 3);
}

describe('Gauss–Hermite rule', () => {
  it('integrates the normal moments exactly up to degree 2n − 1', () => {
    const { nodes, weights } = gaussHermite(7);
    const moment = (p: number) => nodes.reduce((a, z, i) => a + weights[i]! * z ** p, 0);
    // E Z^p = (p − 1)!! for even p
    for (const [p, m] of [[0, 1], [2, 1], [4, 3], [6, 15], [8, 105], [10, 945], [12, 10395]] as const) expect(Math.abs(moment(p) - m)).toBeLessThanOrEqual(1e-13 * m);
    for (const [p, scale] of [[1, 1], [3, 3], [5, 15], [13, 135135]] as const) expect(Math.abs(moment(p))).toBeLessThanOrEqual(1e-15 * scale);
  });
});

describe('binomial–normal AGQ deviance', () => {
  it('converges to the exact integral as the nodes increase', () => {
    for (const [x, n, beta, theta] of [[3, 20, -1.5, 0.8], [0, 15, -2, 2], [40, 40, 1, 0.3], [136, 190, -2, 3.2], [1, 1000, -6, 1.5]] as const) {
      const exact = bruteForceDeviance(x, n, beta, theta);
      const agq51 = glmmDeviance([x], [n], beta, theta, 51).deviance;
      expect(Math.abs(agq51 - exact)).toBeLessThanOrEqual(1e-8 * Math.max(1, exact));
      // seven nodes, as lme4's default nAGQ: close, not exact
      expect(Math.abs(glmmDeviance([x], [n], beta, theta, 7).deviance - exact)).toBeLessThanOrEqual(1e-2);
    }
  });

  it('has the analytic gradient of its value (the mode moving with β and θ)', () => {
    const x = [3, 15, 10, 1, 17, 30, 0];
    const n = [20, 30, 40, 15, 25, 45, 12];
    for (const [beta, theta] of [[-0.5, 1.1], [-2, 0.2], [0.7, 2.5]] as const) {
      const g = glmmDeviance(x, n, beta, theta);
      const h = 1e-6;
      const dB = (glmmDeviance(x, n, beta + h, theta).deviance - glmmDeviance(x, n, beta - h, theta).deviance) / (2 * h);
      const dT = (glmmDeviance(x, n, beta, theta + h).deviance - glmmDeviance(x, n, beta, theta - h).deviance) / (2 * h);
      expect(Math.abs(g.dBeta - dB)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(dB)));
      expect(Math.abs(g.dTheta - dT)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(dT)));
    }
  });

  it('stops at a stationary point of the deviance, on the boundary when τ² = 0', () => {
    const interior = fitBinomialNormalExact([3, 15, 10, 1, 17, 30], [20, 30, 40, 15, 25, 45]);
    const g = glmmDeviance([3, 15, 10, 1, 17, 30], [20, 30, 40, 15, 25, 45], interior.beta, Math.sqrt(interior.tau2));
    expect(Math.abs(g.dBeta)).toBeLessThan(1e-8);
    expect(Math.abs(g.dTheta)).toBeLessThan(1e-8);
    const boundary = fitBinomialNormalExact([3, 5, 10, 7], [20, 30, 40, 25]);
    expect(boundary.tau2).toBe(0);
    // at τ² = 0 the fit is the pooled logit
    expect(boundary.beta).toBeCloseTo(Math.log(25 / 90), 10);
  });
});

describe('lme4\'s deviance function', () => {
  // R 4.2.2, lme4 1.1-31: f <- glmer(cbind(x, n - x) ~ 1 + (1 | study), family = binomial, nAGQ = 7, devFunOnly = TRUE)
  const x = [1376, 8, 1628, 428, 4, 17, 100];
  const n = [1605, 8, 2622, 795, 6, 184, 103];
  const rLp0 = [1.7920694477448664, 2.728862608130993, 0.49360244704271572, 0.15497220823473545, 0.74717191074360967, -2.2269005167129263, 3.3030463076666905];
  const theta = Math.sqrt(3.574723576683445);
  const beta = 1.0831152448327421;

  it('starts from the linear predictor of lme4\'s first stage (environment(f)$lp0)', () => {
    const lp0 = lme4StartingPredictor(x, n)!;
    // lme4's first stage stops at bobyqa's tolerance, so its θ, and with it lp0, is known to ~1e-8
    lp0.forEach((v, i) => expect(Math.abs(v - rLp0[i]!)).toBeLessThan(5e-7));
  });

  it('gives lme4\'s values: f(c(θ, β)) = 36.963400007673691, f(c(θ + 0.5, β − 0.2)) = 37.545408517700174', () => {
    const rule = gaussHermite(7);
    expect(Math.abs(lme4Deviance(x, n, rLp0, beta, theta, rule) - 36.963400007673691)).toBeLessThan(1e-10);
    expect(Math.abs(lme4Deviance(x, n, rLp0, beta - 0.2, theta + 0.5, rule) - 37.545408517700174)).toBeLessThan(1e-10);
    // and both differ from the exact 7-point quadrature, which centres on the exact modes
    expect(glmmDeviance(x, n, beta, theta).deviance - 36.963400007673691).toBeGreaterThan(5e-7);
  });

  it('is minimised where lme4 ends with a tight optimiser', () => {
    // rma.glmm(measure = "PLO", control = list(glmerCtrl = list(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12))))
    const fit = fitBinomialNormal(x, n);
    expect(Math.abs(fit.tau2 - 3.574723576683445) / 3.574723576683445).toBeLessThan(2e-6);
    expect(Math.abs(fit.beta - beta)).toBeLessThan(2e-6);
  });
});

describe('saturated Wald Q', () => {
  it('repeats glm\'s IRLS: R 4.2.2 glm(cbind(x, n − x) ~ study, binomial) gives 56.294364778154602 here', () => {
    // x = 164, 0, 9, 176, 0 of n = 1171, 17, 29, 614, 17: the Wald statistic b' V⁻¹ b of the study coefficients, 22 iterations
    const r = saturatedWaldQ([164, 0, 9, 176, 0], [1171, 17, 29, 614, 17]);
    expect(r.iterations).toBe(22);
    expect(Math.abs(r.q - 56.294364778154602)).toBeLessThanOrEqual(1e-12 * 56.3);
  });

  it('is Cochran\'s Q of the logits with weights n p (1 − p) when no study has 0 or n events (up to IRLS convergence)', () => {
    const x = [3, 15, 10, 1, 17, 30];
    const n = [20, 30, 40, 15, 25, 45];
    const y = x.map((xi, i) => Math.log(xi / (n[i]! - xi)));
    const w = x.map((xi, i) => (xi * (n[i]! - xi)) / n[i]!);
    const sw = w.reduce((a, b) => a + b, 0);
    const mean = w.reduce((a, wi, i) => a + wi * y[i]!, 0) / sw;
    const q = w.reduce((a, wi, i) => a + wi * (y[i]! - mean) ** 2, 0);
    expect(Math.abs(saturatedWaldQ(x, n).q - q)).toBeLessThanOrEqual(1e-5 * q);
  });
});

describe('Student t', () => {
  // R 4.2.2: qt(p, df, lower.tail = FALSE) printed with %.17g
  const R: [number, number, number][] = [
    [0.025, 1, 12.706204736174707],
    [0.025, 2, 4.3026527297494637],
    [0.025, 3, 3.1824463052837091],
    [0.025, 10, 2.2281388519862744],
    [0.025, 1000, 1.9623390808264078],
    [0.05, 4, 2.1318467863266499],
    [1e-10, 5, 156.82559270889428],
    [0.005, 1e6, 2.5758342201053335],
  ];
  it.each(R)('qt(%s, %s) = %s', (p, df, t) => {
    expect(Math.abs(tUpperQuantile(p, df) - t)).toBeLessThanOrEqual(1e-14 * t);
    expect(Math.abs(studentTwoSided(t, df) / 2 - p)).toBeLessThanOrEqual(1e-13 * p);
  });
});
