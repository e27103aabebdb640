// The Wald test of heterogeneity that rma.glmm reports for measure "PLO": the study effects of the
// saturated logistic model (one logit per study) tested against equality. R fits that model with
// glm's IRLS; a study with 0 or n events has no finite logit, and its coefficient is wherever IRLS
// stopped (about −20), with a vanishing weight. To give the same statistic, the iterations are
// repeated here as glm.fit runs them: start at (x + 1/2)/(n + 1), stop when the total deviance
// changes by less than 1e-8 relative, and weight each logit by n·μ(1 − μ) of the iteration before
// the last (the weights of the final weighted least-squares fit).
import { devianceResidual } from './glmm.js';

const EPSILON = 1e-8;
const MAX_ITERATIONS = 25;
const DBL_EPSILON = Number.EPSILON;
const THRESH = 30;

/** R's binomial()$linkinv (C logit_linkinv), with its clamping far out in the tails. */
function linkinv(eta: number): number {
  const tmp = eta < -THRESH ? DBL_EPSILON : eta > THRESH ? 1 / DBL_EPSILON : Math.exp(eta);
  return tmp / (1 + tmp);
}

/** R's binomial()$mu.eta. */
function muEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < -THRESH ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
}

/** Σ W (η − η̄_W)² of glm's saturated fit, and the iterations glm took. */
export function saturatedWaldQ(x: readonly number[], n: readonly number[]): { q: number; iterations: number } {
  const k = x.length;
  const y = x.map((xi, i) => xi / n[i]!);
  let eta = y.map((yi, i) => {
    const mu = (n[i]! * yi + 0.5) / (n[i]! + 1);
    return Math.log(mu / (1 - mu));
  });
  const deviance = (e: readonly number[]) => e.reduce((a, ei, i) => a + devianceResidual(x[i]!, n[i]!, ei), 0);
  let devOld = deviance(eta);
  let weights = new Array<number>(k).fill(0);
  let iterations = 0;
  for (let iter = 1; iter <= MAX_ITERATIONS; iter++) {
    iterations = iter;
    weights = eta.map((e, i) => {
      const mu = linkinv(e);
      const me = muEta(e);
      return (n[i]! * me * me) / (mu * (1 - mu));
    });
    eta = eta.map((e, i) => e + (y[i]! - linkinv(e)) / muEta(e));
    const dev = deviance(eta);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) break;
    devOld = dev;
  }
  const sumW = weights.reduce((a, b) => a + b, 0);
  const mean = weights.reduce((a, w, i) => a + w * eta[i]!, 0) / sumW;
  const q = weights.reduce((a, w, i) => a + w * (eta[i]! - mean) ** 2, 0);
  return { q, iterations };
}
