// A study's proportion on the scale it is pooled on, as metafor's escalc computes it by default:
// logit (measure "PLO") and raw (measure "PR") add 1/2 to both cells of a study with no events or
// only events (add = 1/2, to = "only0"); arcsine ("PAS") and Freeman–Tukey ("PFT") need no
// correction and get none (escalc's add = 0 for these measures).

/** How proportions are transformed before pooling. */
export type ProportionTransform = 'logit' | 'arcsine' | 'freeman-tukey' | 'raw';

export const PROPORTION_TRANSFORMS: readonly ProportionTransform[] = Object.freeze(['logit', 'arcsine', 'freeman-tukey', 'raw']);

/** A study on the transformed scale: the value pooled (yi) and its sampling variance (vi). */
export interface TransformedStudy {
  yi: number;
  vi: number;
  /** 1/2 was added to the events and the non-events (a study with 0 or n events, logit and raw only). */
  corrected: boolean;
}

/** escalc's yi and vi for `events` of `n` (vtype "LS"). */
export function transformStudy(events: number, n: number, transform: ProportionTransform): TransformedStudy {
  if (transform === 'arcsine') return { yi: Math.asin(Math.sqrt(events / n)), vi: 1 / (4 * n), corrected: false };
  if (transform === 'freeman-tukey') {
    const yi = 0.5 * (Math.asin(Math.sqrt(events / (n + 1))) + Math.asin(Math.sqrt((events + 1) / (n + 1))));
    return { yi, vi: 1 / (4 * n + 2), corrected: false };
  }
  const corrected = events === 0 || events === n;
  const x = corrected ? events + 0.5 : events;
  const m = corrected ? n - events + 0.5 : n - events;
  const total = x + m;
  if (transform === 'logit') return { yi: Math.log(x / m), vi: 1 / x + 1 / m, corrected };
  const p = x / total;
  return { yi: p, vi: (p * (1 - p)) / total, corrected };
}

/** The Freeman–Tukey double arcsine of the proportion p at sample size n (metafor's transf.pft). */
function freemanTukey(p: number, n: number): number {
  const x = p * n;
  return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
}

/**
 * The inverse of the Freeman–Tukey transformation at sample size n (Miller 1978), as metafor's
 * transf.ipft.hm with n the harmonic mean of the studies' sizes: 0 below the value a proportion
 * of 0 maps to, 1 above that of 1, and NaN where the inversion has no solution.
 */
export function inverseFreemanTukey(t: number, n: number): number {
  if (t > freemanTukey(1, n)) return 1;
  if (t < freemanTukey(0, n)) return 0;
  const s = Math.sin(2 * t);
  const inner = s + (s - 1 / s) / n;
  return 0.5 * (1 - Math.sign(Math.cos(2 * t)) * Math.sqrt(1 - inner * inner));
}

/** A value on the transformed scale back on the proportion scale (metafor's transf.ilogit, transf.iarcsin, transf.ipft.hm). */
export function backTransform(value: number, transform: ProportionTransform, harmonicMeanN: number): number {
  if (Number.isNaN(value)) return NaN;
  switch (transform) {
    case 'logit':
      return 1 / (1 + Math.exp(-value));
    case 'arcsine':
      if (value < 0) return 0;
      if (value > Math.PI / 2) return 1;
      return Math.sin(value) ** 2;
    case 'freeman-tukey':
      return inverseFreemanTukey(value, harmonicMeanN);
    case 'raw':
      return value;
  }
}

/** The harmonic mean of the sample sizes. */
export function harmonicMean(ns: readonly number[]): number {
  return ns.length / ns.reduce((a, n) => a + 1 / n, 0);
}
