import { describeValue, InvalidArgumentError } from '../errors.js';
import { assertPart } from '../exact/validate.js';
import { alphaOf } from '../inference/root.js';
import { chiSquareUpperTail } from '../special/chi-square.js';
import { normalUpperQuantile } from '../special/normal.js';
import { fitBinomialNormal } from './glmm-lme4.js';
import { checkMetaOptions, type MetaMethod, type MetaProportionOptions, type MetaTest } from './options.js';
import { saturatedWaldQ } from './saturated-wald.js';
import { tUpperQuantile } from './student-t.js';
import { estimateTau2, typicalVariance, weightedSums } from './tau2.js';
import { backTransform, harmonicMean, transformStudy, type ProportionTransform } from './transforms.js';

/** A study's events of n patients. */
export interface ProportionStudy {
  events: number;
  n: number;
  label?: string;
}

/** One study as pooled. */
export interface PooledStudy {
  label: string;
  events: number;
  n: number;
  /** The study's proportion on the transformed scale (after any zero-cell correction). */
  yi: number;
  /** Its sampling variance. */
  vi: number;
  /** Its share of the total weight, in percent (null for 'GLMM', which has no study weights). */
  weight: number | null;
  /** 1/2 was added to its events and non-events (a 0 or n events study, logit and raw only). */
  corrected: boolean;
  /**
   * The study's own interval, yi ± z·√vi back on the proportion scale (as metafor's forest plot;
   * Freeman–Tukey at the study's own n).
   */
  lower: number;
  upper: number;
}

/** Pooled values on the transformed scale. */
export interface TransformedPooled {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  predictionLower: number;
  predictionUpper: number;
}

/** A meta-analysis of proportions. */
export interface MetaProportion {
  /** Pooled proportion, back on the proportion scale. */
  estimate: number;
  lower: number;
  upper: number;
  /** Prediction interval for the proportion of a new study (equals the confidence interval under 'FE'). */
  predictionLower: number;
  predictionUpper: number;
  /** Between-study variance on the transformed scale. */
  tau2: number;
  /** I² in percent, as metafor defines it for the method. */
  I2: number;
  /** H², as metafor. */
  H2: number;
  /** Cochran's Q (for 'GLMM': the Wald-type test of the saturated logistic model, metafor's QE.Wld). */
  Q: number;
  QpValue: number;
  /** For 'GLMM' only: the likelihood-ratio test of heterogeneity (metafor's QE.LRT) and its p-value. */
  QLikelihoodRatio: number | null;
  QLikelihoodRatioPValue: number | null;
  k: number;
  transform: ProportionTransform;
  method: MetaMethod;
  test: MetaTest;
  level: number;
  /** Iterations of an iterative estimator (REML, ML, EB, PM, GLMM); null for closed forms. */
  iterations: number | null;
  transformed: TransformedPooled;
  studies: PooledStudy[];
  /** Everything a reader should know: Freeman–Tukey's back-transformation, corrections, switches. */
  warnings: string[];
}

function checkStudies(studies: unknown): ProportionStudy[] {
  if (!Array.isArray(studies) || studies.length === 0) {
    throw new InvalidArgumentError('studies', studies, `studies must be a non-empty array of { events, n }, got ${describeValue(studies)}`);
  }
  return studies.map((s: unknown, i) => {
    if (s === null || typeof s !== 'object') throw new InvalidArgumentError(`studies[${i}]`, s, `studies[${i}] must be an object { events, n, label? }, got ${describeValue(s)}`);
    const { events, n, label } = s as Record<string, unknown>;
    assertPart(events, n, `studies[${i}].events`, `studies[${i}].n`);
    if (label !== undefined && typeof label !== 'string') throw new InvalidArgumentError(`studies[${i}].label`, label, `studies[${i}].label must be a string, got ${describeValue(label)}`);
    return { events, n: n as number, label: label ?? `Study ${i + 1}` };
  });
}

const FREEMAN_TUKEY_WARNING =
  'Freeman–Tukey: the pooled value is back-transformed with the harmonic mean of the sample sizes (metafor transf.ipft.hm); the result can be misleading when sizes differ, and the back-transformation is advised against (Schwarzer et al. 2019, Röver & Friede 2022); prefer transform: \'logit\' or method: \'GLMM\'';

/**
 * Pools the proportions of several studies (a meta-analysis of proportions), as metafor 3.8's
 * `escalc` + `rma` + `predict` (or `rma.glmm(measure = "PLO")` for method 'GLMM'): the pooled rate
 * with its confidence interval, the prediction interval for a new study, τ², I² and Cochran's Q.
 * Studies with 0 or n events get 1/2 added to events and non-events under 'logit' and 'raw'
 * (escalc's default), none under 'arcsine' and 'freeman-tukey'; 'GLMM' uses the counts as they are.
 *
 * @example
 * const m = metaProportion([{ events: 45, n: 50 }, { events: 80, n: 100 }, { events: 27, n: 30 }], { method: 'DL' });
 * m.estimate; // 0.854…
 * m.k; // 3
 */
export function metaProportion(studies: readonly ProportionStudy[], options: MetaProportionOptions = {}): MetaProportion {
  const { transform, method, level, ...checked } = checkMetaOptions(options);
  let test = checked.test;
  const list = checkStudies(studies);
  const k = list.length;
  const warnings: string[] = [];
  if (k === 1 && test === 'knha') {
    warnings.push("k = 1: Knapp–Hartung needs at least 2 studies, so the intervals use test 'z' (as metafor)");
    test = 'z';
  }
  if (method === 'FE' && test === 'knha') warnings.push("Knapp–Hartung is meant for random-effects models; with 'FE' it only rescales the variance (as metafor)");
  if (transform === 'freeman-tukey') warnings.push(FREEMAN_TUKEY_WARNING);
  const effects = list.map((s) => transformStudy(s.events, s.n, transform));
  const yi = effects.map((e) => e.yi);
  const vi = effects.map((e) => e.vi);
  const corrected = list.filter((_, i) => effects[i]!.corrected);
  if (corrected.length > 0) {
    warnings.push(`${corrected.length} ${corrected.length === 1 ? 'study' : 'studies'} with 0 or all events (${corrected.map((s) => s.label).join(', ')}): 1/2 added to events and non-events before the ${transform} transformation (metafor escalc's default)`);
  }
  const alpha = alphaOf(level);
  const fixed = weightedSums(yi, vi, 0);
  let Q = k > 1 ? Math.max(0, fixed.q) : 0;
  let QpValue = k > 1 ? chiSquareUpperTail(Q, k - 1) : 1;
  let QLikelihoodRatio: number | null = null;
  let QLikelihoodRatioPValue: number | null = null;
  const vt = k > 1 ? typicalVariance(vi, yi) : 0;

  let estimate: number;
  let se: number;
  let tau2: number;
  let iterations: number | null;
  let weights: (number | null)[];
  if (method === 'GLMM') {
    if (k === 1) throw new InvalidArgumentError('studies', studies, "method 'GLMM' needs at least 2 studies: with one study τ² cannot be told apart from the study's own error (metafor's rma.glmm refuses it too); use method 'FE'");
    const x = list.map((s) => s.events);
    const n = list.map((s) => s.n);
    const fit = fitBinomialNormal(x, n);
    ({ beta: estimate, se, tau2, iterations } = fit);
    const wald = saturatedWaldQ(x, n);
    Q = Math.max(0, wald.q);
    QpValue = chiSquareUpperTail(Q, k - 1);
    const fe = fitFixedLogit(x, n);
    QLikelihoodRatio = Math.max(0, fe);
    QLikelihoodRatioPValue = chiSquareUpperTail(QLikelihoodRatio, k - 1);
    weights = list.map(() => null);
  } else {
    const t = estimateTau2(yi, vi, method);
    warnings.push(...t.warnings);
    tau2 = t.tau2;
    iterations = t.iterations;
    const s = weightedSums(yi, vi, tau2);
    estimate = s.mean;
    let vb = 1 / s.sumW;
    if (test === 'knha') {
      // metafor: s² = Σ w (y − β̂)² / (k − 1), taken as 0 when the residuals vanish
      const rss = s.q;
      vb *= rss <= Number.EPSILON ? 0 : rss / (k - 1);
    }
    se = Math.sqrt(vb);
    weights = vi.map((v) => (100 / (v + tau2)) / s.sumW);
  }
  const crit = test === 'knha' ? tUpperQuantile(alpha / 2, k - 1) : normalUpperQuantile(alpha / 2);
  const predictionSe = Math.sqrt(se * se + tau2);
  const transformed: TransformedPooled = {
    estimate,
    se,
    lower: estimate - crit * se,
    upper: estimate + crit * se,
    predictionLower: estimate - crit * predictionSe,
    predictionUpper: estimate + crit * predictionSe,
  };
  const I2 = k === 1 ? 0 : method === 'FE' ? Math.max(0, (100 * (Q - (k - 1))) / Q) : (100 * tau2) / (vt + tau2);
  const H2 = k === 1 ? 1 : method === 'FE' ? Q / (k - 1) : tau2 / vt + 1;
  const nhm = harmonicMean(list.map((s) => s.n));
  const back = (v: number) => backTransform(v, transform, nhm);
  const [lower, upper] = sorted(back(transformed.lower), back(transformed.upper));
  const [predictionLower, predictionUpper] = sorted(back(transformed.predictionLower), back(transformed.predictionUpper));
  const result: MetaProportion = {
    estimate: back(estimate),
    lower,
    upper,
    predictionLower,
    predictionUpper,
    tau2,
    I2: Number.isNaN(I2) ? 0 : I2,
    H2,
    Q,
    QpValue,
    QLikelihoodRatio,
    QLikelihoodRatioPValue,
    k,
    transform,
    method,
    test,
    level,
    iterations,
    transformed,
    studies: list.map((s, i) => {
      const half = normalUpperQuantile(alpha / 2) * Math.sqrt(vi[i]!);
      const [lo, hi] = sorted(backTransform(yi[i]! - half, transform, s.n), backTransform(yi[i]! + half, transform, s.n));
      return { label: s.label!, events: s.events, n: s.n, yi: yi[i]!, vi: vi[i]!, weight: weights[i]!, corrected: effects[i]!.corrected, lower: lo, upper: hi };
    }),
    warnings,
  };
  if (transform === 'freeman-tukey' && [result.estimate, lower, upper, predictionLower, predictionUpper].some(Number.isNaN)) {
    warnings.push('Freeman–Tukey: a value could not be back-transformed at the harmonic mean n (the inversion has no solution there) and is NaN');
  }
  if (transform === 'raw' && [lower, upper, predictionLower, predictionUpper].some((v) => v < 0 || v > 1)) {
    warnings.push("raw: an interval reaches outside [0, 1]; on the raw scale it is not clipped (as metafor); prefer transform: 'logit'");
  }
  return result;
}

/** metafor sorts each back-transformed interval (a decreasing back-transformation would swap the ends). */
function sorted(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** The likelihood-ratio statistic of the saturated against the common-logit binomial model. */
function fitFixedLogit(x: readonly number[], n: readonly number[]): number {
  const totalX = x.reduce((a, b) => a + b, 0);
  const totalN = n.reduce((a, b) => a + b, 0);
  const p = totalX / totalN;
  let lr = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const mi = n[i]! - xi;
    if (xi > 0) lr += xi * Math.log(xi / (n[i]! * p));
    if (mi > 0) lr += mi * Math.log(mi / (n[i]! * (1 - p)));
  }
  return 2 * lr;
}
