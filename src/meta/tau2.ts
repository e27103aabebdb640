// Between-study variance τ² of the normal–normal random-effects model, estimator by estimator
// as metafor's rma.uni (intercept-only model). Iterative estimators follow metafor's path
// (Fisher scoring from the Hedges estimate, with step halving at 0) to 1e-10, then the root of
// the estimating equation is solved to the last bit so the answer does not depend on where the
// iterations stopped.
import { brentRoot } from './brent.js';
import { ConvergenceError } from './convergence-error.js';

/** τ² estimators of the normal–normal model. */
export type Tau2Method = 'FE' | 'DL' | 'REML' | 'PM' | 'ML' | 'HS' | 'SJ' | 'EB';

export interface Tau2Estimate {
  tau2: number;
  /** Iterations of the iterative estimators (REML, ML, EB, PM); null for closed forms. */
  iterations: number | null;
  warnings: string[];
}

const CONVERGENCE = 1e-10;
const SCORING_ITERATIONS = 200;
const MAX_ITERATIONS = 2000;

/** Sums of the inverse-variance weights 1/(vi + τ²) that every estimator needs. */
export interface WeightedSums {
  k: number;
  sumW: number;
  sumW2: number;
  sumW3: number;
  /** The weighted mean. */
  mean: number;
  /** Σ w (y − mean)²: Cochran's Q at τ² = 0, the generalised Q otherwise. */
  q: number;
  /** Σ w² (y − mean)². */
  q2: number;
}

export function weightedSums(yi: readonly number[], vi: readonly number[], tau2: number): WeightedSums {
  const k = yi.length;
  let sumW = 0;
  let sumW2 = 0;
  let sumW3 = 0;
  let sumWY = 0;
  const w = vi.map((v) => 1 / (v + tau2));
  for (let i = 0; i < k; i++) {
    const wi = w[i]!;
    sumW += wi;
    sumW2 += wi * wi;
    sumW3 += wi * wi * wi;
    sumWY += wi * yi[i]!;
  }
  const mean = sumWY / sumW;
  let q = 0;
  let q2 = 0;
  for (let i = 0; i < k; i++) {
    const r = yi[i]! - mean;
    q += w[i]! * r * r;
    q2 += w[i]! * w[i]! * r * r;
  }
  return { k, sumW, sumW2, sumW3, mean, q, q2 };
}

/** tr(P) for P = W − W11'W / 1'W1. */
const traceP = (s: WeightedSums) => s.sumW - s.sumW2 / s.sumW;
/** tr(PP). */
const tracePP = (s: WeightedSums) => s.sumW2 - (2 * s.sumW3) / s.sumW + (s.sumW2 / s.sumW) ** 2;

function mean(x: readonly number[]): number {
  return x.reduce((a, b) => a + b, 0) / x.length;
}

function sumOfSquares(x: readonly number[]): number {
  const m = mean(x);
  return x.reduce((a, b) => a + (b - m) ** 2, 0);
}

/** The Hedges (HE) estimator, metafor's starting value for ML, REML and EB. */
function hedges(yi: readonly number[], vi: readonly number[]): number {
  const k = yi.length;
  const trPV = vi.reduce((a, v) => a + v, 0) * (1 - 1 / k);
  return (sumOfSquares(yi) - trPV) / (k - 1);
}

type Scoring = 'ML' | 'REML' | 'EB';

/** The Fisher scoring step of metafor (and, up to a positive factor, the estimating equation). */
function scoringStep(method: Scoring, yi: readonly number[], vi: readonly number[], tau2: number): number {
  const s = weightedSums(yi, vi, tau2);
  if (method === 'ML') return (s.q2 - s.sumW) / s.sumW2;
  if (method === 'REML') return (s.q2 - traceP(s)) / tracePP(s);
  return ((s.q * s.k) / (s.k - 1) - s.k) / s.sumW;
}

/** Log likelihood (ML) or restricted log likelihood (REML) at τ², without constants common to all τ². */
export function logLikelihood(method: 'ML' | 'REML', yi: readonly number[], vi: readonly number[], tau2: number): number {
  const s = weightedSums(yi, vi, tau2);
  const logDet = vi.reduce((a, v) => a + Math.log(v + tau2), 0);
  return -0.5 * logDet - 0.5 * s.q - (method === 'REML' ? 0.5 * Math.log(s.sumW) : 0);
}

/** The root of a decreasing estimating function near `start`, or 0 where it is negative at 0. */
function polishRoot(score: (tau2: number) => number, start: number, step: number): { root: number; evaluations: number } {
  const at = score(start);
  if (at === 0) return { root: start, evaluations: 1 };
  let width = Math.max(step, Math.abs(start) * 1e-12, 1e-15);
  let evaluations = 1;
  if (at > 0) {
    let hi = start + width;
    while (score(hi) > 0) {
      evaluations++;
      width *= 2;
      hi = start + width;
      if (!Number.isFinite(hi)) return { root: NaN, evaluations };
    }
    const r = brentRoot(score, start, hi);
    return { root: r.root, evaluations: evaluations + r.iterations };
  }
  let lo = Math.max(0, start - width);
  while (score(lo) < 0) {
    evaluations++;
    if (lo === 0) return { root: 0, evaluations };
    width *= 2;
    lo = Math.max(0, start - width);
  }
  const r = brentRoot(score, lo, start);
  return { root: r.root, evaluations: evaluations + r.iterations };
}

function fisherScoring(method: Scoring, yi: readonly number[], vi: readonly number[]): Tau2Estimate {
  let tau2 = Math.max(0, hedges(yi, vi));
  let change = Infinity;
  let iterations = 0;
  // metafor's path; where Fisher scoring crawls (its rate near 1, as with many zero-event studies on
  // the logit scale), the root is bracketed and solved from where it got to instead
  while (change > CONVERGENCE && iterations < SCORING_ITERATIONS) {
    iterations++;
    let adj = scoringStep(method, yi, vi, tau2);
    if (!Number.isFinite(adj)) throw new ConvergenceError(method, iterations, `${method}: the scoring step is not finite at τ² = ${tau2}`);
    while (tau2 + adj < 0) adj /= 2;
    const next = tau2 + adj;
    change = Math.abs(next - tau2);
    tau2 = next;
  }
  const warnings: string[] = [];
  const polished = polishRoot((t) => scoringStep(method, yi, vi, t), tau2, 10 * Math.max(change, 1e-300));
  iterations += polished.evaluations;
  tau2 = polished.root;
  if (!Number.isFinite(tau2) || iterations > MAX_ITERATIONS) {
    throw new ConvergenceError(method, iterations, `${method}: the estimating equation has no root to converge to (τ² at ${tau2} after ${iterations} iterations); try method 'PM' or 'DL'`);
  }
  if (method !== 'EB' && tau2 > 0) {
    const at0 = logLikelihood(method, yi, vi, 0);
    const atTau = logLikelihood(method, yi, vi, tau2);
    if (at0 - atTau > 1e-12 * Math.max(1, Math.abs(atTau))) {
      warnings.push(`${method}: Fisher scoring stopped at a local maximum (τ² = ${tau2}); τ² = 0 has the higher likelihood and is used`);
      tau2 = 0;
    }
  }
  return { tau2, iterations, warnings };
}

function pauleMandel(yi: readonly number[], vi: readonly number[]): Tau2Estimate {
  const target = yi.length - 1;
  const excess = (tau2: number) => weightedSums(yi, vi, tau2).q - target;
  if (excess(0) < 0) return { tau2: 0, iterations: 0, warnings: [] };
  let hi = 1;
  let doublings = 0;
  while (excess(hi) > 0) {
    hi *= 2;
    doublings++;
    if (doublings > 1000) throw new ConvergenceError('PM', doublings, 'PM: no τ² brings the generalised Q statistic down to k − 1');
  }
  const r = brentRoot(excess, 0, hi);
  if (r.iterations > 500) throw new ConvergenceError('PM', r.iterations, 'PM: the root search did not converge');
  return { tau2: r.root, iterations: doublings + r.iterations, warnings: [] };
}

/** τ² by the named estimator; k = 1 gives 0 (nothing to estimate it from), as metafor. */
export function estimateTau2(yi: readonly number[], vi: readonly number[], method: Tau2Method): Tau2Estimate {
  const k = yi.length;
  if (method === 'FE' || k === 1) return { tau2: 0, iterations: null, warnings: [] };
  const fixed = weightedSums(yi, vi, 0);
  switch (method) {
    case 'DL':
      return { tau2: Math.max(0, (fixed.q - (k - 1)) / traceP(fixed)), iterations: null, warnings: [] };
    case 'HS':
      return { tau2: Math.max(0, (fixed.q - k) / fixed.sumW), iterations: null, warnings: [] };
    case 'SJ': {
      const start = sumOfSquares(yi) / k;
      const s = weightedSums(yi, vi, start);
      return { tau2: Math.max(0, (start * s.q) / (k - 1)), iterations: null, warnings: [] };
    }
    case 'PM':
      return pauleMandel(yi, vi);
    case 'ML':
    case 'REML':
    case 'EB':
      return fisherScoring(method, yi, vi);
  }
}

/** The "typical" within-study variance of I² (metafor's i2def 1): (k − 1) / tr(P) at τ² = 0. */
export function typicalVariance(vi: readonly number[], yi: readonly number[]): number {
  const s = weightedSums(yi, vi, 0);
  return (s.k - 1) / traceP(s);
}
