// Interval bounds for a binomial proportion that need a root: each is solved by bisection to full
// double precision on tails that are themselves accurate to the last digits (special/binomial).
import { twoProduct } from '../special/double-double.js';
import { bd0 } from '../special/saddle-point.js';
import { binomialDensity, logBinomialTail } from '../special/binomial.js';
import { logAdd } from '../special/log-space.js';
import { bisect } from './root.js';

/** Clopper–Pearson: P(X ≥ x) = α/2 at the lower bound, P(X ≤ x) = α/2 at the upper. */
export function clopperPearsonBounds(x: number, n: number, alpha: number): [number, number] {
  const target = Math.log(alpha / 2);
  const lower = x === 0 ? 0 : bisect((p) => logBinomialTail(x, n, p, true) - target, 0, x / n);
  const upper = x === n ? 1 : bisect((p) => logBinomialTail(x, n, p, false) - target, x / n, 1);
  return [lower, upper];
}

/** mid-p: P(X > x) + ½P(X = x) = α/2 at the lower bound and its mirror at the upper. */
export function midPBounds(x: number, n: number, alpha: number): [number, number] {
  const half = alpha / 2;
  const mid = (p: number, upper: boolean) =>
    Math.exp(logBinomialTail(upper ? x + 1 : x - 1, n, p, upper)) + 0.5 * binomialDensity(x, n, p) - half;
  const lower = x === 0 ? 0 : bisect((p) => mid(p, true), 0, x / n);
  const upper = x === n ? 1 : bisect((p) => mid(p, false), x / n, 1);
  return [lower, upper];
}

/**
 * The likelihood-ratio (profile likelihood) interval: the p whose deviance
 * 2[x log(p̂/p) + (n − x) log((1 − p̂)/(1 − p))] is at most z², written with Loader's bd0 so it
 * keeps its digits next to p̂. Closed form at x = 0 and x = n.
 */
export function likelihoodRatioBounds(x: number, n: number, z: number): [number, number] {
  const z2 = z * z;
  const deviance = (p: number) => {
    const [h, l] = twoProduct(n, p); // n·p in double-double: its rounding would be a whole count at n near 2^53
    const d = x - h - l;
    return 2 * (bd0(x, h + l, d) + bd0(n - x, n - h - l, -d)) - z2;
  };
  const lower = x === 0 ? 0 : x === n ? Math.exp(-z2 / (2 * n)) : bisect(deviance, 0, x / n);
  const upper = x === n ? 1 : x === 0 ? -Math.expm1(-z2 / (2 * n)) : bisect(deviance, x / n, 1);
  return [lower, upper];
}

const TIE = Math.log1p(1e-7); // the relative tolerance R's exact tests allow for ties

/**
 * One Blaker (2000) bound. Below p̂ (side 'lower') the observed x sits in the upper tail and the
 * acceptability is γ(p) = S(x) + F(y*), with S(x) = P(X ≥ x), F(y) = P(X ≤ y) and y* the largest
 * y whose lower tail is no larger than S(x) (ties within 1e-7 count, as in R's exact tests).
 * Starting from the Clopper–Pearson bound, where γ ≤ α, the bound is the first p towards p̂ with
 * γ(p) ≥ α. y* only steps up as p moves towards p̂, and between steps γ is quasi-convex
 * (its derivative n[f_{n−1}(x − 1) − f_{n−1}(y)] changes sign once, by the monotone likelihood
 * ratio), so each piece is settled by one bisection. Above p̂ everything is mirrored.
 */
function blakerBound(x: number, n: number, alpha: number, start: number, side: 'lower' | 'upper'): number {
  const lower = side === 'lower';
  const end = x / n;
  const logAlpha = Math.log(alpha);
  const own = (p: number) => logBinomialTail(x, n, p, lower); // the observed tail
  const other = (p: number, y: number) => logBinomialTail(y, n, p, !lower); // the opposite tail up to y
  const step = lower ? 1 : -1;
  const between = (a: number, b: number, f: (p: number) => number) => bisect(f, Math.min(a, b), Math.max(a, b));
  // y* at p: the outermost y on the other side whose tail is within the observed one (−1 or n + 1: none)
  const yStar = (p: number) => {
    const limit = own(p) + TIE;
    if (lower) {
      let a = -1;
      let b = x - 1;
      while (a < b) {
        const m = Math.ceil((a + b) / 2);
        if (other(p, m) <= limit) a = m;
        else b = m - 1;
      }
      return a;
    }
    let a = x + 1;
    let b = n + 1;
    while (a < b) {
      const m = Math.floor((a + b) / 2);
      if (other(p, m) <= limit) b = m;
      else a = m + 1;
    }
    return a;
  };
  const gamma = (p: number, y: number) => logAdd(own(p), other(p, y)) - logAlpha;
  let from = start;
  let y = yStar(from);
  for (let guard = 0; guard <= n + 2; guard++) {
    if (gamma(from, y) >= 0) return from;
    const next = y + step;
    // where y* steps to `next` on the way to p̂ (if it does before p̂)
    let jump = end;
    if (lower ? next < x : next > x) {
      const h = (p: number) => other(p, next) - own(p) - TIE;
      if (h(end) <= 0) jump = between(from, end, h);
    }
    if (jump === end && gamma(end, y) < 0) return end; // only for levels below ½
    if (jump === end || gamma(jump, y) >= 0) return between(from, jump, (p) => gamma(p, y));
    from = jump;
    y = next;
  }
  return end;
}

/** Blaker's exact interval (Blaker 2000): the p whose acceptability exceeds α; inside Clopper–Pearson. */
export function blakerBounds(x: number, n: number, alpha: number): [number, number] {
  const [cpLower, cpUpper] = clopperPearsonBounds(x, n, alpha);
  const lower = x === 0 ? 0 : blakerBound(x, n, alpha, cpLower, 'lower');
  const upper = x === n ? 1 : blakerBound(x, n, alpha, cpUpper, 'upper');
  return [lower, upper];
}
