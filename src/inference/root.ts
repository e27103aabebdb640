import { levelConstants } from './level.js';

/**
 * The root of a monotone function on [lo, hi] by bisection to full double precision
 * (relative), robust where Newton-type steps are not (flat tails, roots near 0 or 1).
 * `f(lo)` and `f(hi)` must differ in sign.
 */
export function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let flo = f(lo);
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return mid;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (fm < 0 === flo < 0) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  return lo + (hi - lo) / 2;
}

/** 1 − level, as the decimal it stands for (0.95 gives exactly 0.05, not 0.050000000000000044). */
export function alphaOf(level: number): number {
  return levelConstants(level).alpha;
}
