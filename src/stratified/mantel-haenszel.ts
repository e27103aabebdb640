import { assertOneOf } from '../exact/validate.js';
import { assertLevel } from '../inference/assert.js';
import { alphaOf } from '../inference/root.js';
import { normalUpperQuantile, normalUpperTail } from '../special/normal.js';
import { checkStrata, uninformative, type StratifiedMeasure, type Stratum, type StratumNote, type Table2x2 } from './strata.js';

/** Options of mantelHaenszel. */
export interface MantelHaenszelOptions {
  /** 'OR' odds ratio, 'RR' risk ratio, 'RD' risk difference of group 1 against group 2. */
  measure?: StratifiedMeasure;
  level?: number;
}

/** A Mantel–Haenszel pooled effect across strata. */
export interface MantelHaenszel {
  /** The pooled odds ratio, risk ratio or risk difference (NaN, with `reason`, where it does not exist). */
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  measure: StratifiedMeasure;
  /** The estimator and its variance, e.g. 'Mantel–Haenszel (Robins–Breslow–Greenland variance)'. */
  method: string;
  /** Standard error of log OR / log RR, or of RD. */
  se: number;
  /** Two-sided p-value of the Wald test of no effect (OR = 1, RR = 1, RD = 0). */
  pValue: number;
  /** Strata counted (all but the empty ones). */
  k: number;
  /** Strata with no patients at all, left out. */
  excluded: StratumNote[];
  /** Strata kept but contributing nothing to this measure (an empty group, or no events). */
  uninformative: StratumNote[];
  /** Why the estimate (or, with a zero standard error, the p-value) is NaN, or null. */
  reason: string | null;
}

const METHODS: Record<StratifiedMeasure, string> = {
  OR: 'Mantel–Haenszel (Robins–Breslow–Greenland variance)',
  RR: 'Mantel–Haenszel (Greenland–Robins variance)',
  RD: 'Mantel–Haenszel (Sato variance)',
};

/** The MH odds ratio R/S with the sums of its RBG variance, or null where R or S is 0. */
export function mhOddsRatio(tables: readonly Table2x2[]): { R: number; S: number; logVariance: number } | null {
  let R = 0;
  let S = 0;
  let PR = 0;
  let PSQR = 0;
  let QS = 0;
  for (const { a, b, c, d, total: N } of tables) {
    const P = a / N + d / N;
    const Q = b / N + c / N;
    const Ri = (a / N) * d;
    const Si = (b / N) * c;
    R += Ri;
    S += Si;
    PR += P * Ri;
    PSQR += P * Si + Q * Ri;
    QS += Q * Si;
  }
  if (R === 0 || S === 0) return null;
  return { R, S, logVariance: 0.5 * (PR / (R * R) + PSQR / (R * S) + QS / (S * S)) };
}

function pooled(tables: readonly Table2x2[], measure: StratifiedMeasure): { beta: number; se: number; reason: string | null } {
  if (measure === 'OR') {
    const or = mhOddsRatio(tables);
    if (!or) return { beta: NaN, se: NaN, reason: 'the Mantel–Haenszel odds ratio needs a stratum with an event in group 1 and a non-event in group 2 (Σ a·d/N > 0) and one the other way round (Σ b·c/N > 0)' };
    return { beta: Math.log(or.R / or.S), se: Math.sqrt(or.logVariance), reason: null };
  }
  if (measure === 'RR') {
    let R = 0;
    let S = 0;
    let V = 0;
    for (const { a, c, n1, n2, total: N } of tables) {
      R += a * (n2 / N);
      S += c * (n1 / N);
      V += (n1 / N) * (n2 / N) * (a + c) - (a / N) * c;
    }
    const events1 = tables.reduce((a, t) => a + t.a, 0);
    const events2 = tables.reduce((a, t) => a + t.c, 0);
    if (events1 === 0 || events2 === 0) return { beta: NaN, se: NaN, reason: `the Mantel–Haenszel risk ratio needs events in both groups (group ${events1 === 0 ? 1 : 2} has none)` };
    // as metafor: events only in strata where the other group is empty make the ratio 0 or ∞
    const reason =
      R === 0 && S === 0 ? 'the Mantel–Haenszel risk ratio needs a stratum with patients in both groups and events in it; there is none (0/0)'
      : R === 0 || S === 0 ? `only strata with both groups count, and among them group ${R === 0 ? 1 : 2} has no events: the risk ratio is ${R === 0 ? '0' : '∞'} and its interval undefined`
      : null;
    return { beta: Math.log(R / S), se: Math.sqrt(V / (R * S)), reason };
  }
  let num = 0;
  let den = 0;
  let v1 = 0;
  let v2 = 0;
  for (const { a, c, n1, n2, total: N } of tables) {
    num += a * (n2 / N) - c * (n1 / N);
    den += n1 * (n2 / N);
    v1 += c * (n1 / N) ** 2 - a * (n2 / N) ** 2 + ((n1 / N) * (n2 / N) * (n2 - n1)) / 2;
    v2 += (a * (n2 - c)) / N + (c * (n1 - a)) / N;
  }
  if (den === 0) return { beta: NaN, se: NaN, reason: 'no stratum has patients in both groups' };
  const beta = num / den;
  return { beta, se: Math.sqrt((beta * v1 + v2 / 2) / (den * den)), reason: null };
}

/**
 * The Mantel–Haenszel estimate of a common odds ratio, risk ratio or risk difference across
 * strata, with its Wald interval, as metafor's `rma.mh`: the OR with the Robins–Breslow–Greenland
 * variance, the RR with Greenland–Robins', the RD with Sato's. No continuity correction is
 * applied (none is needed); strata with nobody in them are left out and listed in `excluded`.
 *
 * @example
 * const mh = mantelHaenszel([{ x1: 20, n1: 30, x2: 10, n2: 30 }, { x1: 15, n1: 25, x2: 8, n2: 25 }], { measure: 'OR' });
 * mh.estimate; // 3.6…
 */
export function mantelHaenszel(strata: readonly Stratum[], options: MantelHaenszelOptions = {}): MantelHaenszel {
  const { measure = 'OR', level = 0.95 } = options;
  assertOneOf(measure, ['OR', 'RR', 'RD'], 'measure');
  assertLevel(level);
  const { tables, empty } = checkStrata(strata);
  const z = normalUpperQuantile(alphaOf(level) / 2);
  const { beta, se, reason } = tables.length === 0 ? { beta: NaN, se: NaN, reason: 'every stratum is empty' } : pooled(tables, measure);
  const lowerRaw = beta - z * se;
  const upperRaw = beta + z * se;
  const ratio = measure !== 'RD';
  const why = reason ?? (se === 0 ? 'the standard error is 0 (no variation within any stratum to test against), so there is no p-value' : null);
  return {
    estimate: ratio ? Math.exp(beta) : beta,
    lower: ratio ? Math.exp(lowerRaw) : lowerRaw,
    upper: ratio ? Math.exp(upperRaw) : upperRaw,
    level,
    measure,
    method: METHODS[measure],
    se,
    pValue: 2 * normalUpperTail(Math.abs(beta / se)),
    k: tables.length,
    excluded: empty,
    uninformative: uninformative(tables, measure),
    reason: why,
  };
}
