// The binomial–normal model x_i ~ Binomial(n_i, expit(β + θ u_i)), u_i ~ N(0, 1), τ² = θ², fitted by
// maximum likelihood with adaptive Gauss–Hermite quadrature as lme4's glmer(nAGQ = 7) does for
// metafor's rma.glmm(measure = "PLO"): each study's integral is centred on the conditional mode of
// u_i and scaled by the curvature there, and the deviance is
//   Σ_i −2 log s_i − 2 log Σ_k w_k exp(z_k²/2 − G_i(û_i + z_k s_i)/2),
// with G_i(u) the binomial deviance residual at β + θu plus u². Gradients are analytic (the mode
// moves with β and θ, by implicit differentiation), so the optimum is solved to the last bits
// rather than to an optimiser's tolerance. This exact fit is where glmm-lme4.ts starts from to find
// the optimum of lme4's own, slightly different, deviance function.
import { brentRoot } from './brent.js';
import { ConvergenceError } from './convergence-error.js';
import { gaussHermite, type QuadratureRule } from './gauss-hermite.js';

export interface GlmmFit {
  beta: number;
  se: number;
  tau2: number;
  /** −2 log likelihood relative to the saturated model (lme4's deviance). */
  deviance: number;
  iterations: number;
}

const softplus = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));
const expit = (t: number) => 1 / (1 + Math.exp(-t));

/** The binomial deviance residual of x of n at the logit eta. */
export function devianceResidual(x: number, n: number, eta: number): number {
  let d = 0;
  if (x > 0) d += x * (Math.log(x / n) + softplus(-eta));
  if (n - x > 0) d += (n - x) * (Math.log((n - x) / n) + softplus(eta));
  return 2 * d;
}

/** The conditional mode û: the root of θ(x − n expit(β + θu)) − u, which is decreasing in u. */
function conditionalMode(x: number, n: number, beta: number, theta: number, start: number): number {
  if (theta === 0) return 0;
  let lo = theta * (x - n);
  let hi = theta * x;
  let u = Math.min(hi, Math.max(lo, start));
  for (let i = 0; i < 200; i++) {
    const mu = expit(beta + theta * u);
    const f = theta * (x - n * mu) - u;
    if (f === 0) return u;
    if (f > 0) lo = u;
    else hi = u;
    const slope = -theta * theta * n * mu * (1 - mu) - 1;
    let next = u - f / slope;
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    if (Math.abs(next - u) <= 1e-15 * Math.max(1, Math.abs(u))) return next;
    u = next;
  }
  return u;
}

interface StudyTerm {
  deviance: number;
  dBeta: number;
  dTheta: number;
}

/** One study's AGQ deviance and its gradient in (β, θ). */
function studyTerm(x: number, n: number, beta: number, theta: number, rule: QuadratureRule, modes: number[], i: number): StudyTerm {
  const u = conditionalMode(x, n, beta, theta, modes[i]!);
  modes[i] = u;
  const mu = expit(beta + theta * u);
  const v = mu * (1 - mu);
  const a = n * v;
  const c = 1 + theta * theta * a;
  const s = 1 / Math.sqrt(c);
  const duB = (-theta * a) / c;
  const duT = (x - n * mu - theta * a * u) / c;
  const deB = 1 + theta * duB;
  const deT = u + theta * duT;
  const daFactor = n * v * (1 - 2 * mu);
  const dcB = theta * theta * daFactor * deB;
  const dcT = 2 * theta * a + theta * theta * daFactor * deT;
  const dlsB = (-0.5 * dcB) / c;
  const dlsT = (-0.5 * dcT) / c;
  const { nodes, weights } = rule;
  const t: number[] = [];
  const gB: number[] = [];
  const gT: number[] = [];
  let tMax = -Infinity;
  for (let k = 0; k < nodes.length; k++) {
    const z = nodes[k]!;
    const uk = u + z * s;
    const eta = beta + theta * uk;
    const muk = expit(eta);
    const g = devianceResidual(x, n, eta) + uk * uk;
    const tk = Math.log(weights[k]!) + (z * z) / 2 - g / 2;
    t.push(tk);
    if (tk > tMax) tMax = tk;
    const dukB = duB + z * s * dlsB;
    const dukT = duT + z * s * dlsT;
    const dres = -2 * (x - n * muk);
    gB.push(dres * (1 + theta * dukB) + 2 * uk * dukB);
    gT.push(dres * (uk + theta * dukT) + 2 * uk * dukT);
  }
  let sum = 0;
  for (const tk of t) sum += Math.exp(tk - tMax);
  let dBeta = -2 * dlsB;
  let dTheta = -2 * dlsT;
  for (let k = 0; k < t.length; k++) {
    const pk = Math.exp(t[k]! - tMax) / sum;
    dBeta += pk * gB[k]!;
    dTheta += pk * gT[k]!;
  }
  return { deviance: Math.log(c) - 2 * (tMax + Math.log(sum)), dBeta, dTheta };
}

class Deviance {
  readonly modes: number[];
  evaluations = 0;
  constructor(
    private readonly x: readonly number[],
    private readonly n: readonly number[],
    private readonly rule: QuadratureRule,
  ) {
    this.modes = x.map(() => 0);
  }
  at(beta: number, theta: number): StudyTerm {
    this.evaluations++;
    const total = { deviance: 0, dBeta: 0, dTheta: 0 };
    for (let i = 0; i < this.x.length; i++) {
      const term = studyTerm(this.x[i]!, this.n[i]!, beta, theta, this.rule, this.modes, i);
      total.deviance += term.deviance;
      total.dBeta += term.dBeta;
      total.dTheta += term.dTheta;
    }
    return total;
  }
}

/** β minimising the deviance at a given θ (the deviance is convex in β), from a start near it. */
function profileBeta(dev: Deviance, theta: number, start: number): number {
  const g = (b: number) => dev.at(b, theta).dBeta;
  let lo = start - 0.5;
  let hi = start + 0.5;
  let width = 0.5;
  while (g(lo) > 0) {
    width *= 2;
    lo = start - width;
    if (width > 1e3) throw new ConvergenceError('GLMM', dev.evaluations, 'GLMM: the pooled logit runs off to −∞ (too few events to estimate it)');
  }
  width = 0.5;
  while (g(hi) < 0) {
    width *= 2;
    hi = start + width;
    if (width > 1e3) throw new ConvergenceError('GLMM', dev.evaluations, 'GLMM: the pooled logit runs off to +∞ (too few non-events to estimate it)');
  }
  return brentRoot(g, lo, hi).root;
}

/** Fits the binomial–normal model by the exact AGQ likelihood; throws ConvergenceError where the estimate does not exist. */
export function fitBinomialNormalExact(x: readonly number[], n: readonly number[], quadraturePoints = 7): GlmmFit {
  const totalX = x.reduce((a, b) => a + b, 0);
  const totalN = n.reduce((a, b) => a + b, 0);
  if (totalX === 0 || totalX === totalN) {
    throw new ConvergenceError('GLMM', 0, `GLMM: ${totalX === 0 ? 'no study has an event' : 'every patient of every study has the event'}, so the logit of the pooled rate is ${totalX === 0 ? '−∞' : '+∞'} and the model has no estimate; use transform 'arcsine' or 'freeman-tukey' with a normal–normal method`);
  }
  const dev = new Deviance(x, n, gaussHermite(quadraturePoints));
  const fixedBeta = Math.log(totalX / (totalN - totalX));
  // dD/dθ along the profile β̂(θ); D is even in θ, so this is 0 at θ = 0
  let beta = fixedBeta;
  const slope = (theta: number) => {
    beta = profileBeta(dev, theta, beta);
    return dev.at(beta, theta).dTheta;
  };
  const profile = (theta: number) => {
    beta = profileBeta(dev, theta, beta);
    return dev.at(beta, theta).deviance;
  };
  // coarse search for the minimum of the profile deviance, then the root of its slope
  const grid = [0];
  for (let t = 1e-3; t < 200; t *= 2) grid.push(t);
  const values = grid.map(profile);
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (values[i]! < values[best]!) best = i;
  let theta = 0;
  let iterations = grid.length;
  if (best === grid.length - 1) throw new ConvergenceError('GLMM', dev.evaluations, 'GLMM: τ² grows without bound (the studies disagree beyond what the model can fit)');
  const near0 = slope(1e-6);
  if (!(best === 0 && near0 >= 0)) {
    let lo = best === 0 ? 1e-6 : grid[best - 1]!;
    if (lo === 0) lo = 1e-6;
    let hi = grid[best + 1]!;
    if (slope(lo) >= 0) lo = 1e-6;
    if (slope(lo) >= 0) {
      theta = 0;
    } else {
      while (slope(hi) <= 0) hi *= 2;
      const r = brentRoot(slope, lo, hi);
      theta = r.root;
      iterations += r.iterations;
      if (profile(theta) > values[0]!) theta = 0;
    }
  }
  beta = profileBeta(dev, theta, beta);
  const deviance = dev.at(beta, theta).deviance;
  const se = standardError(dev, beta, theta);
  return { beta, se, tau2: theta * theta, deviance, iterations };
}

/** sqrt of the β element of 2 H⁻¹, H the Hessian of the deviance in (β, θ) (as lme4's vcov). */
function standardError(dev: Deviance, beta: number, theta: number): number {
  const hb = 1e-5 * Math.max(1, Math.abs(beta));
  const ht = 1e-5 * Math.max(1, theta);
  const bp = dev.at(beta + hb, theta);
  const bm = dev.at(beta - hb, theta);
  const hBB = (bp.dBeta - bm.dBeta) / (2 * hb);
  if (theta === 0) {
    if (!(hBB > 0)) throw new ConvergenceError('GLMM', dev.evaluations, 'GLMM: the information about the pooled logit is not positive');
    return Math.sqrt(2 / hBB);
  }
  const tp = dev.at(beta, theta + ht);
  const tm = dev.at(beta, theta - ht);
  const hTT = (tp.dTheta - tm.dTheta) / (2 * ht);
  const hBT = ((bp.dTheta - bm.dTheta) / (2 * hb) + (tp.dBeta - tm.dBeta) / (2 * ht)) / 2;
  const det = hBB * hTT - hBT * hBT;
  if (!(hBB > 0 && det > 0)) throw new ConvergenceError('GLMM', dev.evaluations, 'GLMM: the Hessian at the estimate is not positive definite (no proper maximum)');
  return Math.sqrt((2 * hTT) / det);
}

/** The AGQ deviance and its gradient at (β, θ) (for checks against lme4's deviance function). */
export function glmmDeviance(x: readonly number[], n: readonly number[], beta: number, theta: number, quadraturePoints = 7): { deviance: number; dBeta: number; dTheta: number } {
  return new Deviance(x, n, gaussHermite(quadraturePoints)).at(beta, theta);
}
