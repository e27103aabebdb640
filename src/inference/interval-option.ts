import { InvalidArgumentError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { formatDecimal } from '../format/format-decimal.js';
import { multinomialCI } from './multinomial-ci.js';
import { proportionCI, PROPORTION_CI_METHODS, type ProportionCIMethod } from './proportion-ci.js';

/** Simultaneous methods for the shares of a whole (see `multinomialCI`). */
export type SimultaneousMethod = 'goodman' | 'quesenberry-hurst' | 'sison-glaz';
/** Any interval method the summary functions accept. */
export type IntervalMethod = ProportionCIMethod | SimultaneousMethod;

/** The `ci` option of `typeDistribution`, `improvementRate` and `ratesBy`. */
export interface IntervalOption {
  /** Default 'wilson'. Distributions also take the simultaneous 'goodman', 'quesenberry-hurst' and 'sison-glaz'. */
  method?: IntervalMethod;
  /** Default 0.95. */
  level?: number;
}

/** An interval attached to a summary row. */
export interface Interval {
  lower: number;
  upper: number;
  method: IntervalMethod;
  level: number;
}

const SIMULTANEOUS: readonly SimultaneousMethod[] = ['goodman', 'quesenberry-hurst', 'sison-glaz'];

/** True for the methods that cover all shares of a whole at once (they make no sense for one rate). */
export function isSimultaneous(method: IntervalMethod): method is SimultaneousMethod {
  return (SIMULTANEOUS as readonly string[]).includes(method);
}
const NAMES: Record<IntervalMethod, string> = {
  wald: 'Wald',
  wilson: 'Wilson',
  'wilson-cc': 'Wilson, continuity-corrected',
  'agresti-coull': 'Agresti–Coull',
  'clopper-pearson': 'Clopper–Pearson',
  jeffreys: 'Jeffreys',
  'mid-p': 'mid-p',
  logit: 'logit',
  probit: 'probit',
  cloglog: 'complementary log-log',
  'likelihood-ratio': 'likelihood ratio',
  blaker: 'Blaker',
  goodman: 'Goodman, simultaneous',
  'quesenberry-hurst': 'Quesenberry–Hurst, simultaneous',
  'sison-glaz': 'Sison–Glaz, simultaneous',
};

/** Per-count intervals for shares of one whole (simultaneous methods cover all shares at once). */
export function shareIntervals(counts: readonly number[], total: number, option: IntervalOption): Interval[] {
  const { method = 'wilson', level = 0.95 } = option;
  assertOneOf(method, [...PROPORTION_CI_METHODS, ...SIMULTANEOUS], 'ci.method');
  if (isSimultaneous(method)) {
    return multinomialCI(counts, { method, level }).map((ci) => ({ lower: ci.lower, upper: ci.upper, method, level }));
  }
  return counts.map((c) => {
    const ci = proportionCI(c, total, { method: method as ProportionCIMethod, level });
    return { lower: ci.lower, upper: ci.upper, method, level };
  });
}

/** An interval for one rate; simultaneous methods make no sense for a single proportion. */
export function rateInterval(successes: number, trials: number, option: IntervalOption): Interval | null {
  const { method = 'wilson', level = 0.95 } = option;
  if (isSimultaneous(method)) {
    throw new InvalidArgumentError('ci.method', method, `${method} is a simultaneous method for the shares of a whole; a rate takes one of ${PROPORTION_CI_METHODS.join(', ')}`);
  }
  assertOneOf(method, PROPORTION_CI_METHODS, 'ci.method');
  if (trials === 0) return null;
  const ci = proportionCI(successes, trials, { method, level });
  return { lower: ci.lower, upper: ci.upper, method, level };
}

/**
 * An interval as a report prints it: "95% CI 52.83–55.81, Wilson" (bounds as percents).
 *
 * @example
 * formatInterval({ lower: 0.5282855379414282, upper: 0.558125881901731, method: 'wilson', level: 0.95 }, { decimals: 2 });
 * // '95% CI 52.83–55.81, Wilson'
 */
export function formatInterval(ci: Interval, options: { decimals?: number } = {}): string {
  const { decimals = 1 } = options;
  const level = formatDecimal(ci.level, { scale: 100, decimals: 6 }).replace(/\.?0+$/, '');
  return `${level}% CI ${formatDecimal(ci.lower, { decimals, scale: 100 })}–${formatDecimal(ci.upper, { decimals, scale: 100 })}, ${NAMES[ci.method]}`;
}
