// Fisher's exact test on a 2×2 table in O(1) memory: every sum over the (non)central
// hypergeometric runs outward from the mode by the term ratio, recomputing the log density from
// Loader's binomial densities every 64 terms, and stops once the terms no longer count. So a table
// of 10^8 per cell costs time in proportion to the standard deviation, and no memory.
import { logBinomialDensity } from '../special/binomial.js';
import { logAdd } from '../special/log-space.js';
import type { Alternative } from './alternative.js';
import { bisect } from './root.js';

const REL = Math.log1p(1e-7); // R's tolerance for ties in the two-sided rule

/** The margins of a 2×2 table: X = top-left cell, m and n the row sums, k the first column's sum. */
export interface Margins2x2 {
  a: number;
  m: number;
  n: number;
  k: number;
}

/** The noncentral hypergeometric of X given the margins, at log odds ratio t. */
export class Hypergeometric {
  readonly lo: number;
  readonly hi: number;
  private readonly p: number;
  private readonly logNorm: number;

  constructor(private readonly margins: Margins2x2) {
    const { m, n, k } = margins;
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    this.p = k / (m + n);
    this.logNorm = logBinomialDensity(k, m + n, this.p);
  }

  /** log P(X = x) at odds ratio 1 (R's dhyper, from three binomial densities). */
  logCentral(x: number): number {
    const { m, n, k } = this.margins;
    return logBinomialDensity(x, m, this.p) + logBinomialDensity(k - x, n, this.p) - this.logNorm;
  }

  /** log of w(x + 1) / w(x) at log odds ratio t, decreasing in x. */
  private logRatioUp(x: number, t: number): number {
    const { m, n, k } = this.margins;
    return Math.log(m - x) + Math.log(k - x) - Math.log(x + 1) - Math.log(n - k + x + 1) + t;
  }

  /** The mode of the weights at t: the first x whose successor is less likely. */
  mode(t: number): number {
    let a = this.lo;
    let b = this.hi;
    while (a < b) {
      const mid = Math.floor((a + b) / 2);
      if (this.logRatioUp(mid, t) < 0) b = mid;
      else a = mid + 1;
    }
    return a;
  }

  /**
   * log Σ_{x from `from` outwards} w_t(x) / w_t(from), with Σ (x − from) w_t(x) / w_t(from) beside
   * it; `from` must be at or beyond the mode on the side `step` points to.
   */
  sweep(t: number, from: number, step: 1 | -1): { logSum: number; firstMoment: number } {
    const { m, n, k } = this.margins;
    const et = Math.exp(step * t);
    const useLog = !(et > 1e-300 && et < 1e300);
    const base = this.logCentral(from);
    let term = 1;
    let sum = 1;
    let moment = 0;
    let x = from;
    for (let j = 1; step === 1 ? x < this.hi : x > this.lo; j++) {
      if ((j & 63) === 0) {
        x += step;
        term = Math.exp(this.logCentral(x) - base + t * (x - from));
      } else {
        const ratio =
          step === 1 ? ((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1)) : (x * (n - k + x)) / ((m - x + 1) * (k - x + 1));
        term *= useLog ? Math.exp(Math.log(ratio) + step * t) : ratio * et;
        x += step;
      }
      sum += term;
      moment += (x - from) * term;
      if (term <= sum * 1e-17) break;
    }
    return { logSum: Math.log(sum), firstMoment: moment / sum };
  }

  /** log Σ_x w_t(x), relative to w_t at the mode, with the mode and the mean. */
  total(t: number): { mode: number; logTotal: number; mean: number } {
    const mode = this.mode(t);
    const up = this.sweep(t, mode, 1);
    let logTotal = up.logSum;
    let shifted = Math.exp(up.logSum) * up.firstMoment;
    if (mode > this.lo) {
      const down = this.sweep(t, mode - 1, -1);
      const rel = this.logCentral(mode - 1) - this.logCentral(mode) - t;
      logTotal = logAdd(logTotal, down.logSum + rel);
      shifted += Math.exp(down.logSum + rel) * (down.firstMoment - 1);
    }
    return { mode, logTotal, mean: mode + shifted / Math.exp(logTotal) };
  }

  /** log P_t(X ≥ x) (`upper`) or log P_t(X ≤ x), the short side summed directly, the other as a complement. */
  logTail(t: number, x: number, upper: boolean): number {
    if (upper ? x <= this.lo : x >= this.hi) return 0;
    if (upper ? x > this.hi : x < this.lo) return -Infinity;
    const { mode, logTotal } = this.total(t);
    const far = upper ? x > mode : x < mode;
    const start = far ? x : upper ? x - 1 : x + 1; // the short side: [x, …) itself, or its complement
    const short = this.sweep(t, start, upper === far ? 1 : -1);
    const logShort = short.logSum + this.logCentral(start) - this.logCentral(mode) + t * (start - mode) - logTotal;
    if (far) return logShort;
    return logShort > -Math.LN2 ? Math.log(-Math.expm1(logShort)) : Math.log1p(-Math.exp(logShort));
  }
}

/** log of the two-sided p-value by R's rule: the tables no more likely than the observed one. */
function logTwoSided(h: Hypergeometric, a: number): number {
  const mode = h.mode(0);
  if (a === mode) return 0;
  const limit = h.logCentral(a) + REL;
  if (a < mode) {
    // first x ≥ mode no more likely than a (the density falls to the right of the mode)
    let lo = mode;
    let hi = h.hi + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (h.logCentral(mid) <= limit) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(0, logAdd(h.logTail(0, a, false), lo <= h.hi ? h.logTail(0, lo, true) : -Infinity));
  }
  // last x ≤ mode no more likely than a
  let lo = h.lo - 1;
  let hi = mode;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (h.logCentral(mid) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(0, logAdd(h.logTail(0, a, true), lo >= h.lo ? h.logTail(0, lo, false) : -Infinity));
}

/** log p-value of Fisher's test on a 2×2 table. */
export function fisher2x2LogPValue(margins: Margins2x2, alternative: Alternative): number {
  const h = new Hypergeometric(margins);
  if (alternative === 'less') return h.logTail(0, margins.a, false);
  if (alternative === 'greater') return h.logTail(0, margins.a, true);
  return logTwoSided(h, margins.a);
}

/** Solve g(t) = target for g monotone in t = log(odds ratio), expanding the bracket as needed. */
function solveLogOdds(g: (t: number) => number, target: number, increasing: boolean): number {
  let l = -1;
  let h = 1;
  const below = (t: number) => (increasing ? g(t) < target : g(t) > target);
  while (!below(l) && l > -1e4) l *= 2;
  while (below(h) && h < 1e4) h *= 2;
  return Math.exp(bisect((t) => (increasing ? g(t) - target : target - g(t)), l, h));
}

/** The conditional MLE of the odds ratio and its exact interval (each side at `sideAlpha`). */
export function fisher2x2Estimate(
  margins: Margins2x2,
  alternative: Alternative,
  sideAlpha: number,
): { oddsRatio: number; lower: number; upper: number } {
  const h = new Hypergeometric(margins);
  const { a } = margins;
  const logSide = Math.log(sideAlpha);
  const oddsRatio = a === h.lo ? 0 : a === h.hi ? Infinity : solveLogOdds((t) => h.total(t).mean, a, true);
  const lower = alternative === 'less' || a === h.lo ? 0 : solveLogOdds((t) => h.logTail(t, a, true), logSide, true);
  const upper = alternative === 'greater' || a === h.hi ? Infinity : solveLogOdds((t) => h.logTail(t, a, false), logSide, false);
  return { oddsRatio, lower, upper };
}
