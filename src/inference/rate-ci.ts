import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertCount, assertOneOf } from '../exact/validate.js';
import { chiSquareLowerQuantile, chiSquareUpperQuantile } from '../special/chi-square.js';
import { assertLevel } from './assert.js';
import { clopperPearsonBounds, midPBounds } from './binomial-bounds.js';
import { levelConstants } from './level.js';

/** Interval methods of {@link rateCI}. */
export type RateCIMethod = 'exact' | 'byar' | 'wald' | 'score';
/** Interval methods of {@link rateRatio}. */
export type RateRatioMethod = 'wald' | 'exact' | 'mid-p';

/** A rate (events per unit of exposure) with its interval. */
export interface RateCI {
  estimate: number;
  lower: number;
  upper: number;
  method: RateCIMethod;
  level: number;
}

function assertExposure(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(name, value, `${name} must be a positive finite number (person-time), got ${describeValue(value)}`);
  }
}

/**
 * A confidence interval for a Poisson rate: `events` over `exposure` person-time (R's epitools).
 * - `exact` (default): the Garwood interval from chi-square quantiles, χ²(α/2; 2x)/2 and
 *   χ²(1 − α/2; 2x + 2)/2 (epitools' pois.exact); 0 below at x = 0.
 * - `byar`: epitools' pois.byar, Byar's approximation with x + ½ in both bounds; clipped at 0.
 * - `wald`: x/T ± z√x/T (epitools' pois.approx), clipped at 0.
 * - `score`: the score (Wilson-type) interval (x + z²/2 ± z√(x + z²/4))/T.
 *
 * @example
 * rateCI(12, 2500);                      // { estimate: 0.0048, lower: 0.00248…, upper: 0.00838…, method: 'exact', level: 0.95 }
 * rateCI(0, 1000, { method: 'exact' }).upper; // 0.003688879454113936
 */
export function rateCI(events: number, exposure: number, options: { method?: RateCIMethod; level?: number } = {}): RateCI {
  const { method = 'exact', level = 0.95 } = options;
  assertCount(events, 'events');
  assertExposure(exposure, 'exposure');
  assertOneOf(method, ['exact', 'byar', 'wald', 'score'], 'method');
  assertLevel(level);
  const { alpha, z } = levelConstants(level);
  const x = events;
  let lower: number;
  let upper: number;
  switch (method) {
    case 'exact':
      lower = x === 0 ? 0 : chiSquareLowerQuantile(alpha / 2, 2 * x) / 2;
      upper = chiSquareUpperQuantile(alpha / 2, 2 * x + 2) / 2;
      break;
    case 'byar': {
      const a = x + 0.5;
      const shift = (z / 3) * Math.sqrt(1 / a);
      lower = Math.max(0, a * (1 - 1 / (9 * a) - shift) ** 3);
      upper = a * (1 - 1 / (9 * a) + shift) ** 3;
      if (x === 0) lower = 0;
      break;
    }
    case 'wald':
      lower = Math.max(0, x - z * Math.sqrt(x));
      upper = x + z * Math.sqrt(x);
      break;
    case 'score': {
      const z2 = z * z;
      const root = z * Math.sqrt(x + z2 / 4);
      lower = x === 0 ? 0 : x + z2 / 2 - root;
      upper = x + z2 / 2 + root;
      break;
    }
  }
  return { estimate: x / exposure, lower: lower / exposure, upper: upper / exposure, method, level };
}

/**
 * The ratio of two Poisson rates (events1/exposure1) / (events2/exposure2) with its interval:
 * - `mid-p` (default, as epitools' rateratio): the conditional mid-p interval, from the binomial
 *   split of events1 among events1 + events2;
 * - `exact`: the conditional exact interval (Clopper–Pearson on that split);
 * - `wald`: exp(log RR ± z√(1/x1 + 1/x2)) (epitools' rateratio.wald); NaN bounds with a zero count.
 * The estimate is the ratio of the rates (epitools' mid-p reports a median-unbiased estimate instead).
 *
 * @example
 * rateRatio(24, 1200, 12, 1400).estimate; // 2.333…
 */
export function rateRatio(
  events1: number,
  exposure1: number,
  events2: number,
  exposure2: number,
  options: { method?: RateRatioMethod; level?: number } = {},
): { estimate: number; lower: number; upper: number; method: RateRatioMethod; level: number } {
  const { method = 'mid-p', level = 0.95 } = options;
  assertCount(events1, 'events1');
  assertCount(events2, 'events2');
  assertExposure(exposure1, 'exposure1');
  assertExposure(exposure2, 'exposure2');
  assertOneOf(method, ['wald', 'exact', 'mid-p'], 'method');
  assertLevel(level);
  const { alpha, z } = levelConstants(level);
  const estimate = events1 / exposure1 / (events2 / exposure2);
  const scale = exposure2 / exposure1;
  if (method === 'wald') {
    if (events1 === 0 || events2 === 0) return { estimate, lower: Number.NaN, upper: Number.NaN, method, level };
    const se = Math.sqrt(1 / events1 + 1 / events2);
    return { estimate, lower: estimate * Math.exp(-z * se), upper: estimate * Math.exp(z * se), method, level };
  }
  const total = events1 + events2;
  if (total === 0) throw new InvalidArgumentError('events1', events1, 'a rate ratio needs at least one event in either group');
  const [pl, pu] = method === 'exact' ? clopperPearsonBounds(events1, total, alpha) : midPBounds(events1, total, alpha);
  // p/(1 − p) with 1 − p computed from the bound's own complement where it is close to 1
  const odds = (p: number) => (p === 1 ? Infinity : p / (1 - p));
  return { estimate, lower: odds(pl) * scale, upper: odds(pu) * scale, method, level };
}
