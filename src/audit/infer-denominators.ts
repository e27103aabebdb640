import { LimitExceededError } from '../errors.js';
import { assertPositiveCount } from '../exact/validate.js';
import { countSearch } from './count-denominators.js';
import { DenominatorSearch, type DenominatorCandidate, type DenominatorSearchOptions } from './denominator-scan.js';
import { iterateDenominators } from './iterate-denominators.js';

export type { DenominatorCandidate } from './denominator-scan.js';

/** Options of {@link inferDenominators}. */
export interface InferDenominatorsOptions extends DenominatorSearchOptions {
  /** Return at most this many candidates (the smallest). */
  limit?: number;
  /**
   * Without `limit`, the most candidates one array may hold (default 10^6): more is refused at
   * once with a `LimitExceededError`. `iterateDenominators` and `countDenominators` have no such bound.
   */
  maxCandidates?: number;
}

/**
 * Every denominator n in [min, max] for which each printed percent is possible, with the
 * numerators that give each. With `partition: true`, only the n for which numerators can also
 * sum to exactly n. Exact arithmetic on the printed digits; integer-only inner loop. For large
 * ranges, `iterateDenominators` yields the same candidates in flat memory and `countDenominators`
 * counts them.
 *
 * @example
 * inferDenominators(['54.32', '31.34', '11.71', '2.62'], { partition: true, limit: 1 });
 * // [{ n: 1793, numerators: [{ min: 974, max: 974 }, …], example: [974, 562, 210, 47] }]
 */
export function inferDenominators(percents: readonly string[], options: InferDenominatorsOptions = {}): DenominatorCandidate[] {
  const { limit = Infinity, maxCandidates = 1_000_000, ...search } = options;
  if (limit !== Infinity) assertPositiveCount(limit, 'limit');
  assertPositiveCount(maxCandidates, 'maxCandidates');
  if (limit > maxCandidates) {
    const count = countSearch(new DenominatorSearch(percents, search));
    if (count > maxCandidates) {
      throw new LimitExceededError(
        'maxCandidates',
        maxCandidates,
        count,
        `${count} denominators qualify, more than one array may hold (maxCandidates ${maxCandidates}); pass limit, narrow min and max, or use iterateDenominators or countDenominators`,
      );
    }
  }
  return [...iterateDenominators(percents, { ...search, limit })];
}
