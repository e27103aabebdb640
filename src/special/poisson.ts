import { logGammaTail } from './incomplete-gamma.js';
import { bd0, stirlerr } from './saddle-point.js';

const LN_2PI = 1.837877066409345483560659472811;

/** P(Y = y) for Y ~ Poisson(lambda), by Loader's saddle-point form (as R's dpois). */
export function poissonDensity(y: number, lambda: number): number {
  if (y < 0) return 0;
  if (lambda === 0) return y === 0 ? 1 : 0;
  if (y === 0) return Math.exp(-lambda);
  return Math.exp(-stirlerr(y) - bd0(y, lambda) - 0.5 * (LN_2PI + Math.log(y)));
}


/** log P(Y ≤ k) for Y ~ Poisson(lambda) (= log Q(k + 1, λ)). */
export function logPoissonLowerTail(k: number, lambda: number): number {
  if (k < 0) return -Infinity;
  return logGammaTail(k + 1, lambda, true);
}

/** log P(Y ≥ k) for Y ~ Poisson(lambda) (= log P(k, λ)). */
export function logPoissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 0;
  return logGammaTail(k, lambda, false);
}
