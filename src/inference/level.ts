import { normalUpperQuantile } from '../special/normal.js';

/** α (as the decimal 1 − level stands for) and the two-sided z of a confidence level. */
export interface LevelConstants {
  alpha: number;
  /** z with P(Z > z) = α/2 (1.959963984540054 at 0.95). */
  z: number;
}

const cache = new Map<number, LevelConstants>();

/**
 * α and z for a level, computed once per level: closed-form intervals are called in loops over
 * many rows at one level, and the quantile dominated their cost.
 */
export function levelConstants(level: number): LevelConstants {
  let hit = cache.get(level);
  if (hit === undefined) {
    // 0.95 gives exactly 0.05, not 0.050000000000000044
    const alpha = Number.parseFloat((1 - level).toPrecision(15));
    hit = { alpha, z: normalUpperQuantile(alpha / 2) };
    if (cache.size >= 256) cache.clear();
    cache.set(level, hit);
  }
  return hit;
}
