// The deviance of the binomial–normal model exactly as lme4's glmer(nAGQ = 7) evaluates it for
// metafor's rma.glmm(measure = "PLO"). lme4 does not centre the quadrature on the exact conditional
// modes: each evaluation runs penalised IRLS from a fixed linear predictor (the fit of its first,
// Laplace-approximation stage), stops when the penalised deviance changes by less than 1e-7
// relative, and scales the quadrature with the weights of the iteration before the last. That moves
// the deviance by up to ~1e-6 from the exact quadrature; where the likelihood is flat the optimum
// moves by more than metafor's users would accept as "the same fit", so the steps are repeated here.
import { devianceResidual } from './glmm.js';
import type { QuadratureRule } from './gauss-hermite.js';

const TOL_PWRSS = 1e-7;
const MAX_IT = 100;
const MAX_HALVINGS = 20;

/** Rf_plogis and Rf_dlogis without cancellation in either tail. */
function logistic(eta: number): { mu: number; dmu: number } {
  const e = Math.exp(-Math.abs(eta));
  const mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
  return { mu, dmu: e / ((1 + e) * (1 + e)) };
}

interface PirlsResult {
  /** Spherical random effects at the last iterate. */
  u: number[];
  /** The fixed effect (joint fit only). */
  beta: number;
  /** 1 + θ² W_i from the last decomposition (the iteration before the last update). */
  c: number[];
  eta: number[];
  pdev: number;
}

/**
 * lme4's pwrssUpdate for an intercept and one random intercept per study: from the linear
 * predictor `start`, Newton steps for u (and β when `joint`), with lme4's stopping rule and step
 * halving. `offset` is the fixed part of the linear predictor when β is not estimated.
 */
function pirls(x: readonly number[], n: readonly number[], theta: number, start: readonly number[], joint: boolean, offset: number): PirlsResult | null {
  const k = x.length;
  let eta = [...start];
  let u = new Array<number>(k).fill(0);
  let beta = 0;
  let c = new Array<number>(k).fill(1);
  let oldpdev = Number.MAX_VALUE;
  const off = joint ? 0 : offset;
  const pdevAt = (us: readonly number[], b: number) => {
    const e = us.map((ui) => off + b + theta * ui);
    return { e, p: e.reduce((a, ei, i) => a + devianceResidual(x[i]!, n[i]!, ei), 0) + us.reduce((a, ui) => a + ui * ui, 0) };
  };
  for (let it = 0; it < MAX_IT; it++) {
    const oldU = u;
    const oldBeta = beta;
    const w = new Array<number>(k);
    const z = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      const { mu, dmu } = logistic(eta[i]!);
      w[i] = n[i]! * mu * (1 - mu);
      z[i] = eta[i]! - off + (x[i]! / n[i]! - mu) / dmu;
    }
    c = w.map((wi) => 1 + theta * theta * wi);
    if (joint) {
      // [Σw, θw'; θw, diag(c)] [β; u] = [Σwz; θwz], solved through the diagonal block
      let lhs = 0;
      let rhs = 0;
      for (let i = 0; i < k; i++) {
        const a = theta * w[i]!;
        lhs += w[i]! - (a * a) / c[i]!;
        rhs += w[i]! * z[i]! - (a * theta * w[i]! * z[i]!) / c[i]!;
      }
      beta = rhs / lhs;
      u = z.map((zi, i) => (theta * w[i]! * zi - theta * w[i]! * beta) / c[i]!);
    } else {
      u = z.map((zi, i) => (theta * w[i]! * zi) / c[i]!);
    }
    let { e, p } = pdevAt(u, beta);
    if (Math.abs((oldpdev - p) / p) < TOL_PWRSS) return { u, beta, c, eta: e, pdev: p };
    if (Number.isNaN(p) || p > oldpdev) {
      for (let h = 0; h < MAX_HALVINGS && (Number.isNaN(p) || p > oldpdev); h++) {
        u = u.map((ui, i) => (oldU[i]! + ui) / 2);
        if (joint) beta = (oldBeta + beta) / 2;
        ({ e, p } = pdevAt(u, beta));
      }
      if (Number.isNaN(p) || p - oldpdev > TOL_PWRSS) return null;
    }
    eta = e;
    oldpdev = p;
  }
  return null;
}

/** lme4's deviance function of its second stage, at (β, θ), from the linear predictor `lp0`. */
export function lme4Deviance(x: readonly number[], n: readonly number[], lp0: readonly number[], beta: number, theta: number, rule: QuadratureRule): number {
  const fit = pirls(x, n, theta, lp0, false, beta);
  if (!fit) return NaN;
  const { nodes, weights } = rule;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const ui = fit.u[i]!;
    const sd = 1 / Math.sqrt(fit.c[i]!);
    const g0 = devianceResidual(x[i]!, n[i]!, beta + theta * ui) + ui * ui;
    let mult = 0;
    for (let j = 0; j < nodes.length; j++) {
      const uk = ui + nodes[j]! * sd;
      const g = devianceResidual(x[i]!, n[i]!, beta + theta * uk) + uk * uk;
      mult += weights[j]! * Math.exp((nodes[j]! * nodes[j]!) / 2 - 0.5 * (g - g0));
    }
    total += g0 + Math.log(fit.c[i]!) - 2 * Math.log(mult);
  }
  return total;
}

/** The Laplace objective of lme4's first stage (nAGQ = 0: β and u at their joint mode), up to a constant, and its final linear predictor. */
function stageOne(x: readonly number[], n: readonly number[], theta: number, start: readonly number[]): { value: number; eta: number[] } | null {
  const fit = pirls(x, n, theta, start, true, 0);
  if (!fit) return null;
  return { value: fit.c.reduce((a, ci) => a + Math.log(ci), 0) + fit.pdev, eta: fit.eta };
}

/** Golden-section search refined by parabolic steps (Brent's fmin) on [lo, hi]. */
function minimise(f: (t: number) => number, lo: number, hi: number): number {
  const g = (3 - Math.sqrt(5)) / 2;
  let a = lo;
  let b = hi;
  let v = a + g * (b - a);
  let w = v;
  let xm = v;
  let fv = f(v);
  let fw = fv;
  let fx = fv;
  let d = 0;
  let e = 0;
  for (let i = 0; i < 200; i++) {
    const mid = (a + b) / 2;
    const tol = 1e-10 * Math.abs(xm) + 1e-12;
    if (Math.abs(xm - mid) <= 2 * tol - (b - a) / 2) break;
    let useGolden = true;
    if (Math.abs(e) > tol) {
      const r = (xm - w) * (fx - fv);
      let q = (xm - v) * (fx - fw);
      let p = (xm - v) * q - (xm - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      if (Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (a - xm) && p < q * (b - xm)) {
        e = d;
        d = p / q;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = xm < mid ? b - xm : a - xm;
      d = g * e;
    }
    const u = xm + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
    const fu = f(u);
    if (fu <= fx) {
      if (u < xm) b = xm;
      else a = xm;
      v = w;
      fv = fw;
      w = xm;
      fw = fx;
      xm = u;
      fx = fu;
    } else {
      if (u < xm) a = u;
      else b = u;
      if (fu <= fw || w === xm) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === xm || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return xm;
}

/**
 * The linear predictor lme4 starts every deviance evaluation of its second stage from: the fit of
 * its first stage (PIRLS from (x + ½)/(n + 1) at θ = 1, then θ minimising the Laplace objective).
 */
export function lme4StartingPredictor(x: readonly number[], n: readonly number[]): number[] | null {
  const init = pirls(x, n, 1, x.map((xi, i) => Math.log((xi + 0.5) / (n[i]! - xi + 0.5))), true, 0);
  if (!init) return null;
  const objective = (t: number) => stageOne(x, n, t, init.eta)?.value ?? Infinity;
  // coarse grid, then Brent around the best point; lme4's boundary check sets θ = 0 when that is no worse
  const grid = [0];
  for (let t = 1e-3; t < 200; t *= 2) grid.push(t);
  const values = grid.map(objective);
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (values[i]! < values[best]!) best = i;
  let theta = minimise(objective, grid[Math.max(0, best - 1)]!, grid[Math.min(grid.length - 1, best + 1)]!);
  if (theta < 1e-5 && objective(0) <= objective(theta)) theta = 0;
  return stageOne(x, n, theta, init.eta)?.eta ?? null;
}
