// Monte Carlo p-value for Fisher's test on an r×c table: random tables with the observed margins,
// drawn column by column as a sequence of hypergeometric draws (the same distribution as
// Patefield's algorithm), counted when no more likely than the observed table.
import gammaln from '@stdlib/math-base-special-gammaln';
import { seededUniform } from '../special/random.js';

const TIE = Math.log1p(1e-7);

/** One hypergeometric draw: how many of `draws` items taken from `good` + `bad` are good. */
function hypergeometric(u: () => number, good: number, bad: number, draws: number): number {
  const lo = Math.max(0, draws - bad);
  const hi = Math.min(draws, good);
  if (lo === hi) return lo;
  // start at the mode and move outwards, adding probabilities, until the uniform is used up
  const mode = Math.floor(((draws + 1) * (good + 1)) / (good + bad + 2));
  const logP = (x: number) =>
    gammaln(good + 1) - gammaln(x + 1) - gammaln(good - x + 1) + gammaln(bad + 1) - gammaln(draws - x + 1) - gammaln(bad - draws + x + 1) -
    (gammaln(good + bad + 1) - gammaln(draws + 1) - gammaln(good + bad - draws + 1));
  const pMode = Math.exp(logP(mode));
  let v = u() - pMode;
  if (v <= 0) return mode;
  let up = mode;
  let down = mode;
  let pUp = pMode;
  let pDown = pMode;
  while (up < hi || down > lo) {
    if (up < hi) {
      pUp *= ((good - up) * (draws - up)) / ((up + 1) * (bad - draws + up + 1));
      up += 1;
      v -= pUp;
      if (v <= 0) return up;
    }
    if (down > lo) {
      pDown *= (down * (bad - draws + down)) / ((good - down + 1) * (draws - down + 1));
      down -= 1;
      v -= pDown;
      if (v <= 0) return down;
    }
  }
  return mode; // rounding left a sliver of probability unassigned
}

/** Result of a simulated p-value. */
export interface SimulatedPValue {
  pValue: number;
  /** Standard error of the estimate, √(p̂(1 − p̂)/B). */
  standardError: number;
  replicates: number;
  seed: number;
}

/**
 * The simulated p-value as R's `fisher.test(simulate.p.value = TRUE)` defines it:
 * (1 + #{tables no more likely than observed}) / (B + 1), with ties within a relative 1e-7.
 */
export function fisherSimulated(table: readonly (readonly number[])[], replicates: number, seed: number): SimulatedPValue {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const N = rows.reduce((a, b) => a + b, 0);
  const cache = new Map<number, number>();
  const lf = (n: number) => {
    let v = cache.get(n);
    if (v === undefined) {
      v = gammaln(n + 1);
      if (cache.size < 1_000_000) cache.set(n, v);
    }
    return v;
  };
  const threshold = table.flat().reduce((a, v) => a + lf(v), 0) - TIE;
  const u = seededUniform(seed);
  const left = new Array<number>(rows.length);
  let hits = 0;
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < rows.length; i++) left[i] = rows[i]!;
    let remainingTotal = N;
    let cost = 0;
    for (let j = 0; j < cols.length; j++) {
      let need = cols[j]!;
      let pool = remainingTotal;
      for (let i = 0; i < rows.length; i++) {
        const x = i === rows.length - 1 ? need : hypergeometric(u, left[i]!, pool - left[i]!, need);
        pool -= left[i]!;
        left[i]! -= x;
        need -= x;
        cost += lf(x);
      }
      remainingTotal -= cols[j]!;
    }
    if (cost >= threshold) hits += 1;
  }
  const pValue = (1 + hits) / (replicates + 1);
  return { pValue, standardError: Math.sqrt((pValue * (1 - pValue)) / replicates), replicates, seed };
}
