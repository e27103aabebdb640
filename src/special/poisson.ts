import { bd0, stirlerr } from './binomial.js';

const LN_2PI = 1.837877066409345483560659472811;

/** P(Y = y) for Y ~ Poisson(lambda), by Loader's saddle-point form (as R's dpois). */
export function poissonDensity(y: number, lambda: number): number {
  if (y < 0) return 0;
  if (lambda === 0) return y === 0 ? 1 : 0;
  if (y === 0) return Math.exp(-lambda);
  return Math.exp(-stirlerr(y) - bd0(y, lambda) - 0.5 * (LN_2PI + Math.log(y)));
}

