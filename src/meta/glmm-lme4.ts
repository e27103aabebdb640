// The GLMM fit as metafor's rma.glmm gets it from lme4: the optimum of lme4's own deviance
// function (lme4-deviance.ts), found from the exact-quadrature optimum by Newton steps, and the
// standard error from lme4's finite-difference Hessian of that function (deriv12, step 1e-4).
import { ConvergenceError } from './convergence-error.js';
import { gaussHermite } from './gauss-hermite.js';
import { fitBinomialNormalExact, type GlmmFit } from './glmm.js';
import { lme4Deviance, lme4StartingPredictor } from './lme4-deviance.js';

type F = (beta: number, theta: number) => number;

/** lme4's deriv12: central differences with step δ in (θ, β), the Hessian of the deviance. */
function deriv12(f: F, beta: number, theta: number, fx: number, delta = 1e-4): [[number, number], [number, number]] {
  const d2 = delta * delta;
  const tt = f(beta, theta + delta) / d2 - (2 * fx) / d2 + f(beta, theta - delta) / d2;
  const bb = f(beta + delta, theta) / d2 - (2 * fx) / d2 + f(beta - delta, theta) / d2;
  const q = (2 * delta) ** 2;
  const tb = f(beta + delta, theta + delta) / q - f(beta - delta, theta + delta) / q - f(beta + delta, theta - delta) / q + f(beta - delta, theta - delta) / q;
  return [
    [tt, tb],
    [tb, bb],
  ];
}

/** Newton steps on f from (beta, theta) with central-difference derivatives, keeping θ ≥ 0. */
function newton(f: F, beta: number, theta: number): { beta: number; theta: number; iterations: number } {
  let fx = f(beta, theta);
  for (let it = 1; it <= 50; it++) {
    const h = 1e-5;
    const gT = (f(beta, theta + h) - f(beta, theta - h)) / (2 * h);
    const gB = (f(beta + h, theta) - f(beta - h, theta)) / (2 * h);
    const [[tt, tb], [, bb]] = deriv12(f, beta, theta, fx, h);
    const det = tt * bb - tb * tb;
    let sT: number;
    let sB: number;
    if (tt > 0 && det > 0) {
      sT = -(bb * gT - tb * gB) / det;
      sB = -(tt * gB - tb * gT) / det;
    } else {
      sT = -gT * 1e-3;
      sB = -gB * 1e-3;
    }
    let step = 1;
    let next = { beta: beta + sB, theta: Math.abs(theta + sT) };
    let fn = f(next.beta, next.theta);
    while (!(fn <= fx) && step > 1e-6) {
      step /= 2;
      next = { beta: beta + step * sB, theta: Math.abs(theta + step * sT) };
      fn = f(next.beta, next.theta);
    }
    if (!(fn <= fx)) return { beta, theta, iterations: it };
    const moved = Math.abs(next.beta - beta) + Math.abs(next.theta - theta);
    beta = next.beta;
    theta = next.theta;
    fx = fn;
    if (moved <= 1e-10 * (1 + Math.abs(beta) + theta)) return { beta, theta, iterations: it };
  }
  return { beta, theta, iterations: 50 };
}

/** Fits the binomial–normal model as rma.glmm(measure = "PLO") does with lme4's glmer(nAGQ = 7). */
export function fitBinomialNormal(x: readonly number[], n: readonly number[]): GlmmFit {
  const exact = fitBinomialNormalExact(x, n);
  const lp0 = lme4StartingPredictor(x, n);
  if (!lp0) return exact;
  const rule = gaussHermite(7);
  const f: F = (b, t) => lme4Deviance(x, n, lp0, b, t, rule);
  let beta = exact.beta;
  let theta = Math.sqrt(exact.tau2);
  let iterations = exact.iterations;
  if (theta > 0) {
    const r = newton(f, beta, theta);
    ({ beta, theta } = r);
    iterations += r.iterations;
    // lme4's check of the boundary: a θ within 1e-5 of 0 is set to 0 when that is no worse
    if (theta < 1e-5 && f(beta, 0) <= f(beta, theta)) theta = 0;
  }
  const fx = f(beta, theta);
  const [[tt, tb], [, bb]] = deriv12(f, beta, theta, fx);
  const det = tt * bb - tb * tb;
  const varBeta = (2 * tt) / det;
  if (!(varBeta > 0) || !Number.isFinite(varBeta)) {
    throw new ConvergenceError('GLMM', iterations, 'GLMM: the Hessian of the deviance at the estimate is not positive definite, so the estimate has no standard error');
  }
  return { beta, se: Math.sqrt(varBeta), tau2: theta * theta, deviance: fx, iterations };
}
