import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertCount } from '../exact/validate.js';
import { chiSquareGoodnessOfFit, type GoodnessOfFit } from '../inference/goodness-of-fit.js';
import { assertLevel } from '../inference/assert.js';
import { referenceDistributionSchema, type ReferenceDistribution, type ReferenceMapping } from '../schema/reference.js';

/** Options of {@link compareToReference}. */
export interface CompareToReferenceOptions {
  /** Cohort type → reference categories, or the name of one of `reference.mappings`. Default: the reference's only mapping. */
  mapping?: ReferenceMapping | string;
  /** Significance level for `divergent` (default 0.05). */
  alpha?: number;
}

/** One compared group: cohort types and the reference categories they correspond to. */
export interface ReferenceGroup {
  types: string[];
  categories: string[];
  observed: number;
  /** Expected count under the reference shares (renormalised over the compared categories). */
  expected: number;
  observedShare: number;
  referenceShare: number;
  /** Standardized residual: beyond ±2 the group departs from the reference on its own. */
  stdres: number;
}

/** How a cohort's case mix compares with a population distribution. */
export interface ReferenceComparison {
  reference: { id: string; title: string; citation: string };
  groups: ReferenceGroup[];
  /** Cohort types left out because the reference has no such category (mapped to null). */
  excluded: { type: string; count: number }[];
  /** Reference categories no cohort type maps to; their share is left out and the rest renormalised. */
  unmatchedCategories: string[];
  test: GoodnessOfFit;
  cohensW: number;
  /** The case mix departs from the reference at level alpha. */
  divergent: boolean;
  alpha: number;
}

function pickMapping(reference: ReferenceDistribution, option: CompareToReferenceOptions['mapping']): ReferenceMapping {
  if (typeof option === 'object' && option !== null) return option;
  const named = reference.mappings ?? {};
  const names = Object.keys(named);
  const name = option ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined || !Object.hasOwn(named, name)) {
    throw new InvalidArgumentError('mapping', option, `give a mapping from cohort types to the categories of reference "${reference.id}"${names.length ? ` or one of its named mappings: ${names.join(', ')}` : ''}`);
  }
  return named[name] as ReferenceMapping;
}

/**
 * Compare a cohort's case mix with a population distribution: map cohort types onto the
 * reference's categories (explicitly: 'athetoid' ≈ 'dyskinetic'; a type the reference lacks,
 * such as 'mixed' in SCPE, is left out), then test goodness of fit with per-group residuals
 * and Cohen's w.
 *
 * @example
 * const scpe = { id: 'scpe', title: 'SCPE', citation: '…', categories: [
 *   { id: 'spastic', percent: '84.9' }, { id: 'dyskinetic', percent: '6.6' }, { id: 'other', percent: '8.5' } ] };
 * const c = compareToReference({ spastic: 2324, athetoid: 501, other: 112, mixed: 1341 }, scpe,
 *   { mapping: { spastic: ['spastic'], athetoid: ['dyskinetic'], other: ['other'], mixed: null } });
 * c.divergent; // true
 * c.excluded;  // [{ type: 'mixed', count: 1341 }]
 */
export function compareToReference(
  counts: Readonly<Record<string, number>>,
  reference: ReferenceDistribution,
  options: CompareToReferenceOptions = {},
): ReferenceComparison {
  const parsed = referenceDistributionSchema.safeParse(reference);
  if (!parsed.success) throw new InvalidArgumentError('reference', reference, `reference is not a valid distribution: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ref = parsed.data;
  const { alpha = 0.05 } = options;
  assertLevel(alpha, 'alpha');
  const mapping = pickMapping(ref, options.mapping);
  const shares = new Map(ref.categories.map((c) => [c.id, Number(c.percent)]));

  // Union-find over reference categories, so types that share a category form one group.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const excluded: { type: string; count: number }[] = [];
  const typed: [string, number, string[]][] = [];
  const mapped = new Set<string>();
  for (const [type, target] of Object.entries(mapping)) {
    if (target === null) continue;
    if (target.length === 0) throw new InvalidArgumentError('mapping', mapping, `mapping for "${type}" is empty; use null to leave the type out`);
    for (const category of target) {
      if (!shares.has(category)) throw new InvalidArgumentError('mapping', mapping, `mapping for "${type}" names "${category}", which is not a category of reference "${ref.id}"`);
      mapped.add(category);
      parent.set(find(category), find(target[0]!));
    }
  }
  for (const [type, count] of Object.entries(counts)) {
    assertCount(count, `counts.${type}`);
    if (!Object.hasOwn(mapping, type)) {
      throw new InvalidArgumentError('mapping', mapping, `type "${type}" has no mapping to the categories of reference "${ref.id}"; map it, or map it to null to leave it out`);
    }
    const target = mapping[type];
    if (target === null || target === undefined) excluded.push({ type, count });
    else typed.push([type, count, [...target]]);
  }
  const groupsByRoot = new Map<string, { types: string[]; categories: Set<string>; observed: number }>();
  for (const category of mapped) {
    const root = find(category);
    const g = groupsByRoot.get(root) ?? { types: [], categories: new Set<string>(), observed: 0 };
    g.categories.add(category);
    groupsByRoot.set(root, g);
  }
  for (const [type, count, target] of typed) {
    const g = groupsByRoot.get(find(target[0]!))!;
    g.types.push(type);
    g.observed += count;
  }
  for (const [type, target] of Object.entries(mapping)) {
    if (target === null) continue;
    const g = groupsByRoot.get(find(target[0]!))!;
    if (!g.types.includes(type)) g.types.push(type);
  }
  const groups = [...groupsByRoot.values()];
  if (groups.length < 2) throw new InvalidArgumentError('mapping', mapping, 'the mapping leaves fewer than two groups to compare');
  const referenceShares = groups.map((g) => [...g.categories].reduce((a, c) => a + (shares.get(c) ?? 0), 0));
  const test = chiSquareGoodnessOfFit(
    groups.map((g) => g.observed),
    referenceShares,
  );
  const totalShare = referenceShares.reduce((a, b) => a + b, 0);
  return {
    reference: { id: ref.id, title: ref.title, citation: ref.citation },
    groups: groups.map((g, i) => ({
      types: g.types,
      categories: [...g.categories],
      observed: g.observed,
      expected: test.expected[i]!,
      observedShare: g.observed / test.n,
      referenceShare: referenceShares[i]! / totalShare,
      stdres: test.stdres[i]!,
    })),
    excluded,
    unmatchedCategories: ref.categories.map((c) => c.id).filter((id) => !mapped.has(id)),
    test,
    cohensW: test.cohensW,
    divergent: test.pValue < alpha,
    alpha,
  };
}

/**
 * Throws unless `value` is a valid reference distribution; returns it typed.
 *
 * @example
 * parseReferenceDistribution({ id: 'r', title: 'R', citation: 'C', categories: [{ id: 'a', percent: '60' }, { id: 'b', percent: '40' }] }).id; // 'r'
 */
export function parseReferenceDistribution(value: unknown): ReferenceDistribution {
  const parsed = referenceDistributionSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('reference', value, `not a reference distribution (${describeValue(value)}): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
