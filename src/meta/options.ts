// Option names are checked strictly: a near miss ('PLO', 'reml', 'HK') must not silently fit a
// different model from the one the user asked for, so each known alias gets an error that names
// the option to use instead.
import { describeValue, InvalidArgumentError } from '../errors.js';
import { assertLevel } from '../inference/assert.js';
import { PROPORTION_TRANSFORMS, type ProportionTransform } from './transforms.js';

/** Estimators of metaProportion: the normal–normal model's τ² estimators, or the binomial–normal GLMM. */
export type MetaMethod = 'FE' | 'DL' | 'REML' | 'PM' | 'ML' | 'HS' | 'SJ' | 'EB' | 'GLMM';
/** How the pooled estimate is tested and its intervals built: normal quantiles, or Knapp–Hartung (t, k − 1 df, rescaled variance). */
export type MetaTest = 'z' | 'knha';

export const META_METHODS: readonly MetaMethod[] = Object.freeze(['FE', 'DL', 'REML', 'PM', 'ML', 'HS', 'SJ', 'EB', 'GLMM']);
export const META_TESTS: readonly MetaTest[] = Object.freeze(['z', 'knha']);

/** Options of metaProportion. */
export interface MetaProportionOptions {
  /** Scale the proportions are pooled on (default 'logit'). */
  transform?: ProportionTransform;
  /** τ² estimator, 'FE' for the common-effect model, or 'GLMM' (default 'REML', as metafor). */
  method?: MetaMethod;
  /** Default 'z'. */
  test?: MetaTest;
  /** Confidence and prediction level (default 0.95). */
  level?: number;
}

const TRANSFORM_ALIASES: Record<string, string> = {
  plo: "'logit' (metafor's measure \"PLO\", meta's sm = \"PLOGIT\")",
  plogit: "'logit' (metafor's measure \"PLO\", meta's sm = \"PLOGIT\")",
  logodds: "'logit'",
  pas: "'arcsine' (metafor's measure \"PAS\")",
  asin: "'arcsine'",
  arcsin: "'arcsine'",
  angular: "'arcsine'",
  pft: "'freeman-tukey' (metafor's measure \"PFT\")",
  ft: "'freeman-tukey'",
  freemantukey: "'freeman-tukey'",
  doublearcsine: "'freeman-tukey'",
  pr: "'raw' (metafor's measure \"PR\")",
  praw: "'raw' (meta's sm = \"PRAW\")",
  identity: "'raw'",
  none: "'raw'",
  proportion: "'raw'",
};

const METHOD_ALIASES: Record<string, string> = {
  ee: "'FE': the equal-/common-effect model is method 'FE' here",
  ce: "'FE': the equal-/common-effect model is method 'FE' here",
  iv: "'FE' (inverse-variance common effect) or a τ² estimator such as 'REML' for random effects",
  fixed: "'FE'",
  common: "'FE'",
  mh: "mantelHaenszel(), which pools two-group comparisons across strata; one-group proportions have no Mantel–Haenszel estimate",
  peto: "mantelHaenszel(): Peto's method compares two groups, it does not pool proportions",
  hk: "test: 'knha' (Hartung–Knapp is a test and interval, not a τ² estimator)",
  knha: "test: 'knha' (Hartung–Knapp is a test and interval, not a τ² estimator)",
  hksj: "test: 'knha' (Hartung–Knapp is a test and interval, not a τ² estimator)",
  mp: "'PM' (Paule–Mandel)",
  pmm: "'PM' (the median-unbiased Paule–Mandel variant is not provided)",
  dlit: "'DL' or 'PM' (the iterated DerSimonian–Laird estimator converges to Paule–Mandel's)",
  sjit: "'SJ' (the iterated Sidik–Jonkman estimator is not provided)",
  he: "'DL' or 'REML' (the Hedges estimator is not provided)",
  hsk: "'HS' (the k-corrected Hunter–Schmidt variant is not provided)",
  glmer: "'GLMM'",
  glm: "'GLMM' (random effects) or 'FE'",
};

const TEST_ALIASES: Record<string, string> = {
  hk: "'knha'",
  hksj: "'knha'",
  hartungknapp: "'knha'",
  t: "'knha' for Knapp–Hartung; metafor's test = \"t\" (t quantiles without the variance rescaling) is a different interval and is not provided",
  adhoc: "'knha' (the ad hoc variant that never narrows the interval is not provided)",
  normal: "'z'",
  wald: "'z'",
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function reject(name: string, value: unknown, allowed: readonly string[], aliases: Record<string, string>): never {
  const list = allowed.map((a) => `'${a}'`).join(', ');
  if (typeof value === 'string') {
    const exact = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (exact) throw new InvalidArgumentError(name, value, `${name} ${describeValue(value)} is not a ${name} name (names are case-sensitive); did you mean '${exact}'? (one of ${list})`);
    const alias = aliases[squash(value)];
    if (alias) throw new InvalidArgumentError(name, value, `${name} ${describeValue(value)} is not accepted, to avoid fitting a model other than the one meant; use ${alias}. ${name} must be one of ${list}`);
  }
  throw new InvalidArgumentError(name, value, `${name} must be one of ${list}, got ${describeValue(value)}`);
}

export interface CheckedMetaOptions {
  transform: ProportionTransform;
  method: MetaMethod;
  test: MetaTest;
  level: number;
}

/** Validates metaProportion's options and the combinations that would fit another model than asked. */
export function checkMetaOptions(options: MetaProportionOptions): CheckedMetaOptions {
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('options', options, `options must be an object, got ${describeValue(options)}`);
  const { transform = 'logit', method = 'REML', test = 'z', level = 0.95 } = options;
  if (!PROPORTION_TRANSFORMS.includes(transform)) reject('transform', transform, PROPORTION_TRANSFORMS, TRANSFORM_ALIASES);
  if (!META_METHODS.includes(method)) reject('method', method, META_METHODS, METHOD_ALIASES);
  if (!META_TESTS.includes(test)) reject('test', test, META_TESTS, TEST_ALIASES);
  assertLevel(level);
  if (method === 'GLMM' && transform !== 'logit') {
    throw new InvalidArgumentError('method', method, `method 'GLMM' fits the binomial–normal model on the logit scale and cannot pool on the ${transform} scale; use transform: 'logit' with 'GLMM', or a normal–normal method (such as 'REML') with transform: '${transform}'`);
  }
  if (method === 'GLMM' && test === 'knha') {
    throw new InvalidArgumentError('test', test, "test 'knha' rescales the variance of the normal–normal model and is not defined for method 'GLMM' (metafor's rma.glmm has no Knapp–Hartung option); use test: 'z' with 'GLMM', or a normal–normal method with 'knha'");
  }
  return { transform, method, test, level };
}
