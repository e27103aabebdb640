// Baptista & Pike's (1977) exact interval for the odds ratio: the odds ratios ψ at which the
// two-sided conditional test by the minimum-likelihood rule (R's fisher.test p-value, ties within
// a relative 1e-7) does not reject. Below the estimate the p-value is S_ψ(a) + F_ψ(y*), with y* the
// largest table count below the mode no more likely than a; y* only steps up as ψ grows, at odds
// ratios known in closed form (where f₀(y) ψ^y = f₀(a) ψ^a), so the search walks those pieces from
// a ψ small enough to reject and bisects the first crossing of α.
import { logAdd } from '../special/log-space.js';
import { Hypergeometric, type Margins2x2 } from './fisher-2x2.js';
import { bisect } from './root.js';

const TIE = Math.log1p(1e-7);

/** The lower Baptista–Pike bound for the table with these margins (a > its smallest possible value). */
function lowerBound(margins: Margins2x2, alpha: number): number {
  const h = new Hypergeometric(margins);
  const { a } = margins;
  const logAlpha = Math.log(alpha);
  const lf0a = h.logCentral(a);
  // y* at log odds t: the largest y < a with f_t(y) ≤ f_t(a)(1 + 1e-7), or lo − 1
  const jumpAt = (y: number) => (h.logCentral(y) - lf0a - TIE) / (a - y); // log ψ where y joins
  const pAt = (t: number, y: number) => logAdd(h.logTail(t, a, true), y >= h.lo ? h.logTail(t, y, false) : -Infinity) - logAlpha;
  // y* at t: the y that have joined by then (their jump points grow with y, f₀ being log-concave)
  const yAt = (t: number) => {
    let lo = h.lo - 1;
    let hi = a - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (jumpAt(mid) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // a start that rejects: where the upper tail alone is α/4, moved down until the p-value is below α
  const target = Math.log(alpha / 4);
  let lo = -1;
  let hi = 1;
  while (h.logTail(lo, a, true) > target && lo > -1e4) lo *= 2;
  while (h.logTail(hi, a, true) < target && hi < 1e4) hi *= 2;
  let t = bisect((u) => h.logTail(u, a, true) - target, lo, hi);
  for (let step = 1; pAt(t, yAt(t)) >= 0; step *= 2) {
    t -= step;
    if (t < -1e4) return 0;
  }
  let y = yAt(t);
  const tEnd = Math.log((a * (margins.n - margins.k + a)) / ((margins.m - a + 1) * (margins.k - a + 1))) + 50; // well past the estimate
  for (let guard = 0; guard < 1e6; guard++) {
    if (pAt(t, y) >= 0) return Math.exp(t);
    const next = y + 1 < a ? jumpAt(y + 1) : Infinity;
    const end = Math.min(next, tEnd);
    // first crossing on (t, end): check a few points, then bisect the first bracket
    const steps = 8;
    let prev = t;
    for (let i = 1; i <= steps; i++) {
      const s = i === steps ? end : t + ((end - t) * i) / steps;
      const probe = i === steps && end === next ? s - Math.abs(s) * 1e-15 - 1e-300 : s;
      if (pAt(probe, y) >= 0) return Math.exp(bisect((u) => pAt(u, y), prev, probe));
      prev = probe;
    }
    if (end === tEnd) return Math.exp(tEnd);
    t = next;
    y += 1;
  }
  return Math.exp(t);
}

/** The Baptista–Pike interval [lower, upper] for the odds ratio of [[a, b], [c, d]]. */
export function baptistaPikeInterval(a: number, b: number, c: number, d: number, alpha: number): [number, number] {
  const margins = { a, m: a + b, n: c + d, k: a + c };
  const lo = Math.max(0, margins.k - margins.n);
  const hi = Math.min(margins.k, margins.m);
  const lower = a === lo ? 0 : lowerBound(margins, alpha);
  // the upper bound is the reciprocal of the lower bound of the table with the columns swapped
  const upper = a === hi ? Infinity : 1 / lowerBound({ a: b, m: a + b, n: c + d, k: b + d }, alpha);
  return [lower, upper];
}
