import { InvalidArgumentError } from '../errors.js';
import { assertPart, assertPositiveCount } from '../exact/validate.js';
import { numeratorRange, type IntRange, type PercentCheckOptions } from './numerator-range.js';

/** A rate as published: its denominator and either its count or its printed percent (or both). */
export interface PublishedRate {
  n: number;
  percent?: string;
  numerator?: number;
}

/** What {@link checkSubgroups} found. */
export interface SubgroupCheck {
  consistent: boolean;
  /** The subgroup sizes add up to the total's n. */
  sizesMatch: boolean;
  /** The numerators the total's print allows (null when none does). */
  totalNumerators: IntRange | null;
  /** The total numerators the subgroups' prints allow together (null when a subgroup allows none). */
  impliedNumerators: IntRange | null;
}

function numeratorsOf(rate: PublishedRate, name: string, options: PercentCheckOptions): IntRange | null {
  assertPositiveCount(rate.n, `${name}.n`);
  if (rate.numerator !== undefined) {
    assertPart(rate.numerator, rate.n, `${name}.numerator`, `${name}.n`);
    return { min: rate.numerator, max: rate.numerator };
  }
  if (rate.percent === undefined) throw new InvalidArgumentError(name, rate, `${name} needs a numerator or a percent`);
  return numeratorRange(rate.percent, rate.n, options);
}

/**
 * Is a total rate the size-weighted mean of its subgroup rates? With rounded prints, the
 * numerators the subgroups allow must add up to a numerator the total allows: their ranges
 * must intersect.
 *
 * @example
 * checkSubgroups({ n: 200, percent: '75' }, [{ n: 100, percent: '90' }, { n: 100, percent: '70' }]).consistent;
 * // false: 90 + 70 = 160 of 200 is 80%, not 75%
 */
export function checkSubgroups(total: PublishedRate, groups: readonly PublishedRate[], options: PercentCheckOptions = {}): SubgroupCheck {
  if (!Array.isArray(groups) || groups.length === 0) throw new InvalidArgumentError('groups', groups, 'groups must be a non-empty array');
  const totalNumerators = numeratorsOf(total, 'total', options);
  const ranges = groups.map((g, i) => numeratorsOf(g, `groups[${i}]`, options));
  const sizesMatch = groups.reduce((a, g) => a + g.n, 0) === total.n;
  const impliedNumerators = ranges.some((r) => r === null)
    ? null
    : ranges.reduce<IntRange>((a, r) => ({ min: a.min + r!.min, max: a.max + r!.max }), { min: 0, max: 0 });
  const overlap =
    totalNumerators !== null && impliedNumerators !== null && impliedNumerators.min <= totalNumerators.max && totalNumerators.min <= impliedNumerators.max;
  return { consistent: sizesMatch && overlap, sizesMatch, totalNumerators, impliedNumerators };
}
