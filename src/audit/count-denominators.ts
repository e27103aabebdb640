import { DenominatorSearch, type DenominatorSearchOptions } from './denominator-scan.js';

/** @internal The count for an already-built search. */
export function countSearch(search: DenominatorSearch): number {
  const { min, max, regime } = search;
  search.assertScanWithinLimit();
  const repeatsFrom = regime.kind === 'unknown' ? Infinity : Math.max(min, regime.from);
  const upTo = Math.min(max, repeatsFrom - 1);
  let count = 0;
  for (let n = min; n <= upTo; n++) if (search.test(n)) count += 1;
  if (regime.kind === 'unknown' || regime.kind === 'none' || repeatsFrom > max) return count;
  const length = max - repeatsFrom + 1;
  if (regime.kind === 'all') return count + length;
  // periodic: count one period, then whole periods and the remainder by arithmetic
  const period = regime.period;
  const hits: number[] = [];
  for (let offset = 0; offset < Math.min(period, length); offset++) if (search.test(repeatsFrom + offset)) hits.push(offset);
  if (length <= period) return count + hits.length;
  const remainder = length % period;
  return count + Math.floor(length / period) * hits.length + hits.filter((o) => o < remainder).length;
}

/**
 * How many denominators n in [min, max] make every printed percent possible (and, with
 * `partition`, let numerators sum to n): the length of what `iterateDenominators` yields, without
 * building any candidate. Past the point where the answer repeats the count is arithmetic, so
 * counting to 10^7 or 10^15 costs the same.
 *
 * @example
 * countDenominators(['54.32', '31.34', '11.71', '2.62'], { partition: true, max: 4278 }); // 17
 * countDenominators(['96'], { max: 1e15 }); // 999999999999950
 */
export function countDenominators(percents: readonly string[], options: DenominatorSearchOptions = {}): number {
  return countSearch(new DenominatorSearch(percents, options));
}
