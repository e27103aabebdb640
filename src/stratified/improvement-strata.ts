import { describeValue, InvalidArgumentError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { toCountTable, type CohortInput } from '../stats/count-table.js';
import type { RateBasis } from '../stats/improvement-rate.js';
import type { Stratum } from './strata.js';

/** Options of improvementStrata. */
export interface ImprovementStrataOptions {
  /** The two types to compare: group 1 and group 2 of every stratum. */
  compare: readonly [string, string];
  /** What the strata are (default 'year'). */
  by?: 'year';
  /** 'known' (default): improved among patients with a known outcome; 'all': among all treated. */
  basis?: RateBasis;
}

/**
 * One stratum per year comparing the improvement of two types: x1 improved of n1 patients of
 * the first type, x2 of n2 of the second (among known outcomes by default). Years where neither
 * type has a patient are left out. The strata feed `mantelHaenszel`, `cmhTest` and `breslowDay`.
 *
 * @example
 * const records = [
 *   { type: 'spastic', year: 2004, outcome: 'improved' }, { type: 'athetoid', year: 2004, outcome: 'unchanged' },
 *   { type: 'spastic', year: 2005, outcome: 'unknown' }, { type: 'athetoid', year: 2005, outcome: 'improved' },
 * ] as const;
 * improvementStrata(records, { compare: ['spastic', 'athetoid'] });
 * // [{ label: '2004', x1: 1, n1: 1, x2: 0, n2: 1 }, { label: '2005', x1: 0, n1: 0, x2: 1, n2: 1 }]
 */
export function improvementStrata(input: CohortInput, options: ImprovementStrataOptions): Stratum[] {
  const { compare, by = 'year', basis = 'known' } = options ?? ({} as ImprovementStrataOptions);
  assertOneOf(by, ['year'], 'by');
  assertOneOf(basis, ['known', 'all'], 'basis');
  if (!Array.isArray(compare) || compare.length !== 2 || compare.some((t) => typeof t !== 'string') || compare[0] === compare[1]) {
    throw new InvalidArgumentError('compare', compare, `compare must name two different types, such as ['spastic', 'athetoid'], got ${describeValue(compare)}`);
  }
  const table = toCountTable(input);
  const index = compare.map((type, i) => {
    const t = table.types.indexOf(type);
    if (t < 0) throw new InvalidArgumentError(`compare[${i}]`, type, `there is no type ${describeValue(type)} in the cohort; its types are ${table.types.map((x) => `'${x}'`).join(', ')}`);
    return t;
  }) as [number, number];
  const O = table.outcomes.length;
  const Y = table.years.length;
  const improvedAt = table.outcomes.indexOf('improved');
  const unknownAt = table.outcomes.indexOf('unknown');
  const cell = (t: number, y: number) => {
    let total = 0;
    for (let o = 0; o < O; o++) total += table.counts[(t * Y + y) * O + o]!;
    const improved = table.counts[(t * Y + y) * O + improvedAt]!;
    const unknown = table.counts[(t * Y + y) * O + unknownAt]!;
    return { improved, denominator: basis === 'known' ? total - unknown : total, total };
  };
  const strata: Stratum[] = [];
  table.years.forEach((year, y) => {
    const a = cell(index[0], y);
    const b = cell(index[1], y);
    if (a.total + b.total === 0) return;
    strata.push({ label: year === null ? 'not stated' : String(year), x1: a.improved, n1: a.denominator, x2: b.improved, n2: b.denominator });
  });
  return strata;
}
