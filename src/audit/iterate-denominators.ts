import { DenominatorSearch, type DenominatorCandidate, type DenominatorSearchOptions } from './denominator-scan.js';

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
export function iterateDenominators(percents: readonly string[], options: DenominatorSearchOptions = {}): Generator<DenominatorCandidate, void, undefined> {
  const search = new DenominatorSearch(percents, options);
  search.assertScanWithinLimit();
  return walk(search);
}
