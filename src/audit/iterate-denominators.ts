import { assertPositiveCount } from '../exact/validate.js';
import { DenominatorSearch, type DenominatorCandidate, type DenominatorSearchOptions } from './denominator-scan.js';

/** Options of {@link iterateDenominators}. */
export interface IterateDenominatorsOptions extends DenominatorSearchOptions {
  /** Stop after this many candidates (the smallest), as `inferDenominators` does. */
  limit?: number;
}

function* take<T>(items: Generator<T, void, undefined>, limit: number): Generator<T, void, undefined> {
  if (limit === Infinity) return yield* items;
  let left = limit;
  for (const item of items) {
    yield item;
    left -= 1;
    if (left === 0) return;
  }
}

function* walk(search: DenominatorSearch): Generator<DenominatorCandidate, void, undefined> {
  const { min, max, regime } = search;
  const repeatsFrom = regime.kind === 'unknown' ? Infinity : Math.max(min, regime.from);
  const upTo = Math.min(max, repeatsFrom - 1);
  for (let n = min; n <= upTo; n++) if (search.test(n)) yield search.candidate(n);
  if (regime.kind === 'unknown' || regime.kind === 'none' || repeatsFrom > max) return;
  if (regime.kind === 'all') {
    for (let n = repeatsFrom; n <= max; n++) if (search.test(n)) yield search.candidate(n);
    return;
  }
  // periodic: test one period, then visit only the offsets that qualified
  const offsets: number[] = [];
  const windowEnd = Math.min(max, repeatsFrom + regime.period - 1);
  for (let n = repeatsFrom; n <= windowEnd; n++) {
    if (!search.test(n)) continue;
    offsets.push(n - repeatsFrom);
    yield search.candidate(n);
  }
  if (offsets.length === 0) return;
  for (let base = repeatsFrom + regime.period; base <= max; base += regime.period) {
    for (const offset of offsets) {
      const n = base + offset;
      if (n > max) return;
      if (search.test(n)) yield search.candidate(n);
    }
  }
}

/**
 * The same candidates as {@link inferDenominators}, yielded one at a time in ascending n, so any
 * `max` runs in flat memory. Where the answer starts repeating (every n qualifies, none does, or
 * a pattern recurs) is worked out first, so the wait for the next candidate is bounded; a search
 * that would test more than `maxScan` denominators one by one before that point is refused at
 * once with a `LimitExceededError`.
 *
 * @example
 * const first = iterateDenominators(['54.32', '31.34', '11.71', '2.62'], { partition: true }).next().value;
 * first.n; // 1793
 * [...iterateDenominators(['60', '60'], { partition: true, max: 1e15 })].length; // 0: 60% + 60% is no partition for any n
 */
export function iterateDenominators(percents: readonly string[], options: IterateDenominatorsOptions = {}): Generator<DenominatorCandidate, void, undefined> {
  const { limit = Infinity, ...rest } = options;
  if (limit !== Infinity) assertPositiveCount(limit, 'limit');
  const search = new DenominatorSearch(percents, rest);
  search.assertScanWithinLimit();
  return take(walk(search), limit);
}
