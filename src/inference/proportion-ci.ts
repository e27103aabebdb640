import { assertOneOf, assertPart } from '../exact/validate.js';
import { betaQuantile } from '../special/beta.js';
import { normalLowerTail, normalUpperQuantile } from '../special/normal.js';
import { assertLevel } from './assert.js';
import { blakerBounds, clopperPearsonBounds, likelihoodRatioBounds, midPBounds } from './binomial-bounds.js';
import { levelConstants } from './level.js';

/** Interval methods for a binomial proportion. */
export type ProportionCIMethod =
  | 'wald'
  | 'wilson'
  | 'wilson-cc'
  | 'agresti-coull'
  | 'clopper-pearson'
  | 'jeffreys'
  | 'mid-p'
  | 'logit'
  | 'probit'
  | 'cloglog'
  | 'likelihood-ratio'
  | 'blaker';

/** Every method of {@link proportionCI}. */
export const PROPORTION_CI_METHODS: readonly ProportionCIMethod[] = /* @__PURE__ */ Object.freeze([
  'wald',
  'wilson',
  'wilson-cc',
  'agresti-coull',
  'clopper-pearson',
  'jeffreys',
  'mid-p',
  'logit',
  'probit',
  'cloglog',
  'likelihood-ratio',
  'blaker',
] as const);

/** Options of {@link proportionCI}. */
export interface ProportionCIOptions {
  /** Default `'wilson'`. */
  method?: ProportionCIMethod;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
}

/** A confidence interval for a proportion. */
export interface ProportionCI {
  estimate: number;
  lower: number;
  upper: number;
  method: ProportionCIMethod;
  level: number;
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

function wilson(x: number, n: number, z: number): [number, number] {
  const z2 = z * z;
  const center = (x + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((x * (n - x)) / n + z2 / 4)) / (n + z2);
  return [x === 0 ? 0 : center - half, x === n ? 1 : center + half];
}

// Newcombe (1998) method 4; equals scipy's 'wilsoncc' and DescTools' 'wilsoncc'.
function wilsonCC(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const z2 = z * z;
  const denom = 2 * (n + z2);
  const lower = x === 0 ? 0 : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / denom;
  const upper = x === n ? 1 : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / denom;
  return [Math.max(0, lower), Math.min(1, upper)];
}

const INV_SQRT_2PI = 0.398942280401432677939946059934;

/**
 * The link-scale Wald intervals of R's binom (logit, probit, cloglog), with binom's convention at
 * the edges: [0, 1 − (α/2)^(1/n)] at x = 0 and [(α/2)^(1/n), 1] at x = n.
 */
function linkInterval(method: 'logit' | 'probit' | 'cloglog', x: number, n: number, z: number, alpha: number): [number, number] {
  const edge = Math.log(alpha / 2) / n;
  if (x === 0) return [0, -Math.expm1(edge)];
  if (x === n) return [Math.exp(edge), 1];
  const p = x / n;
  const q = (n - x) / n;
  switch (method) {
    case 'logit': {
      const eta = Math.log(x) - Math.log(n - x);
      const sd = Math.sqrt(n / (x * (n - x)));
      const expit = (t: number) => (t < 0 ? Math.exp(t) / (1 + Math.exp(t)) : 1 / (1 + Math.exp(-t)));
      return [expit(eta - z * sd), expit(eta + z * sd)];
    }
    case 'probit': {
      const eta = p <= 0.5 ? -normalUpperQuantile(p) : normalUpperQuantile(q);
      const density = INV_SQRT_2PI * Math.exp(-0.5 * eta * eta);
      const sd = Math.sqrt((p * q) / n) / density;
      return [normalLowerTail(eta - z * sd), normalLowerTail(eta + z * sd)];
    }
    case 'cloglog': {
      const logP = Math.log(x) - Math.log(n);
      const mu = Math.log(-logP);
      const sd = Math.sqrt(q / (n * p * logP * logP));
      return [Math.exp(-Math.exp(mu + z * sd)), Math.exp(-Math.exp(mu - z * sd))];
    }
  }
}

/**
 * A confidence interval for a binomial proportion x/n.
 * - `wald`: p̂ ± z√(p̂(1−p̂)/n), clipped to [0, 1].
 * - `wilson` (default): the score interval; exactly 0 at x = 0 and 1 at x = n.
 * - `wilson-cc`: Wilson with continuity correction, Newcombe's method 4 (scipy 'wilsoncc').
 * - `agresti-coull`: x̃ = x + z²/2, ñ = n + z² with z from the level (not "add 2 and 4"), clipped.
 * - `clopper-pearson`: the exact (conservative) interval, as R's binom.test.
 * - `jeffreys`: equal-tailed Beta(x+½, n−x+½) interval, lower = 0 at x = 0 and upper = 1 at x = n (Brown, Cai & DasGupta).
 * - `mid-p`: solves P(X>x) + ½P(X=x) = α/2 and its mirror, to full double precision.
 * - `logit`, `probit`, `cloglog`: Wald intervals on the link scale, as R's binom (its edge convention at x = 0 and n).
 * - `likelihood-ratio`: the profile-likelihood interval (binom's 'lrt'): deviance ≤ z².
 * - `blaker`: Blaker's (2000) exact interval, inside Clopper–Pearson (exactci's tsmethod 'blaker').
 *
 * @example
 * proportionCI(3963, 4128);                                     // { estimate: 0.96002…, lower: 0.9536…, upper: 0.9656…, method: 'wilson', level: 0.95 }
 * proportionCI(0, 10, { method: 'clopper-pearson' }).upper;     // 0.30849710781876083
 * proportionCI(1, 1e7, { method: 'clopper-pearson', level: 0.9 }).upper; // 4.743863630371368e-7
 */
export function proportionCI(successes: number, trials: number, options: ProportionCIOptions = {}): ProportionCI {
  const { method = 'wilson', level = 0.95 } = options;
  assertPart(successes, trials, 'successes', 'trials');
  assertOneOf(method, PROPORTION_CI_METHODS, 'method');
  assertLevel(level);
  const x = successes;
  const n = trials;
  const { alpha, z } = levelConstants(level);
  const p = x / n;
  let bounds: [number, number];
  switch (method) {
    case 'wald': {
      const half = z * Math.sqrt((p * (1 - p)) / n);
      bounds = [clip(p - half), clip(p + half)];
      break;
    }
    case 'wilson':
      bounds = wilson(x, n, z);
      break;
    case 'wilson-cc':
      bounds = wilsonCC(x, n, z);
      break;
    case 'agresti-coull': {
      const nt = n + z * z;
      const pt = (x + (z * z) / 2) / nt;
      const half = z * Math.sqrt((pt * (1 - pt)) / nt);
      bounds = [clip(pt - half), clip(pt + half)];
      break;
    }
    case 'clopper-pearson':
      bounds = clopperPearsonBounds(x, n, alpha);
      break;
    case 'jeffreys':
      bounds = [x === 0 ? 0 : betaQuantile(alpha / 2, x + 0.5, n - x + 0.5), x === n ? 1 : betaQuantile(alpha / 2, x + 0.5, n - x + 0.5, true)];
      break;
    case 'mid-p':
      bounds = midPBounds(x, n, alpha);
      break;
    case 'logit':
    case 'probit':
    case 'cloglog':
      bounds = linkInterval(method, x, n, z, alpha);
      break;
    case 'likelihood-ratio':
      bounds = likelihoodRatioBounds(x, n, z);
      break;
    case 'blaker':
      bounds = blakerBounds(x, n, alpha);
      break;
  }
  return { estimate: p, lower: bounds[0], upper: bounds[1], method, level };
}
