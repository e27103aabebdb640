import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertCount } from '../exact/validate.js';
import { chiSquareGoodnessOfFit, type GoodnessOfFit } from '../inference/goodness-of-fit.js';
import { assertLevel } from '../inference/assert.js';
import { referenceSchema, type ReferenceDistribution, type ReferenceMapping } from '../schema/reference.js';

/** Options of {@link compareToReference}. */
export interface CompareToReferenceOptions {
  /** Cohort type → reference categories, or the name of one of `reference.mappings`. Default: the reference's only mapping. */
  mapping?: ReferenceMapping | string;
  /**
   * The cohort type that holds what the publication does not list separately ("other types").
   * Reference categories that no reported type reaches are folded into its group, so a category
   * the publication does not report is never counted as 0 observed. Default: `'other'` when the
   * counts have it; `null` leaves such categories out (the remaining shares are renormalised).
   */
  other?: string | null;
  /** Significance level for `divergent` (default 0.05). */
  alpha?: number;
}

/** One compared group: cohort types and the reference categories they correspond to. */
export interface ReferenceGroup {
  types: string[];
  /** Every reference category in the group, folded ones included. */
  categories: string[];
  /** Of `categories`, those folded in because the publication does not report them (only in the `other` group). */
  folded: string[];
  observed: number;
  /** Expected count under the reference shares (renormalised over the compared categories). */
  expected: number;
  observedShare: number;
  referenceShare: number;
  /** Standardized residual: beyond ±2 the group departs from the reference on its own. */
  stdres: number;
}

/** A reference category that no reported cohort type reaches. */
export interface UnreportedCategory {
  id: string;
  label: string;
  /** Its share in the reference, as printed there. */
  percent: string;
  /** Cohort types the mapping sends to it that the publication does not report. */
  types: string[];
}

/** How a cohort's case mix compares with a population distribution. */
export interface ReferenceComparison {
  reference: { id: string; title: string; citation: string };
  groups: ReferenceGroup[];
  /** Cohort types left out because the reference has no such category (mapped to null). */
  excluded: { type: string; count: number }[];
  /** Reference categories no reported type reaches: folded into `foldedInto`'s group, or left out when it is null. */
  unreported: UnreportedCategory[];
  /** The cohort type whose group holds the unreported categories, or null when they were left out. */
  foldedInto: string | null;
  /** Reference categories left out of the comparison (their share removed, the rest renormalised). */
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
 * such as 'mixed' in SCPE, is left out), fold the reference categories the publication does not
 * report into its 'other' group, then test goodness of fit with per-group residuals and Cohen's w.
 *
 * @example
 * const scpe = { id: 'scpe', title: 'SCPE', citation: '…', categories: [
 *   { id: 'spastic', percent: '84.9' }, { id: 'dyskinetic', percent: '6.6' }, { id: 'ataxic', percent: '4.1' }, { id: 'other', percent: '4.4' } ] };
 * const c = compareToReference({ spastic: 2324, athetoid: 501, other: 112, mixed: 1341 }, scpe,
 *   { mapping: { spastic: ['spastic'], athetoid: ['dyskinetic'], ataxic: ['ataxic'], other: ['other'], mixed: null } });
 * c.excluded;  // [{ type: 'mixed', count: 1341 }]
 * c.groups.map((g) => g.categories); // [['spastic'], ['dyskinetic'], ['other', 'ataxic']]: no ataxic type reported, so 'ataxic' joins 'other'
 * c.test.df; // 2
 */
export function compareToReference(
  counts: Readonly<Record<string, number>>,
  reference: ReferenceDistribution,
  options: CompareToReferenceOptions = {},
): ReferenceComparison {
  const parsed = referenceSchema().safeParse(reference);
  if (!parsed.success) throw new InvalidArgumentError('reference', reference, `reference is not a valid distribution: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ref = parsed.data;
  const { alpha = 0.05 } = options;
  assertLevel(alpha, 'alpha');
  const mapping = pickMapping(ref, options.mapping);
  const byId = new Map(ref.categories.map((c) => [c.id, c]));

  for (const [type, target] of Object.entries(mapping)) {
    if (target === null) continue;
    if (!Array.isArray(target) || target.length === 0) throw new InvalidArgumentError('mapping', mapping, `mapping for "${type}" is empty; use null to leave the type out`);
    for (const category of target) {
      if (!byId.has(category)) throw new InvalidArgumentError('mapping', mapping, `mapping for "${type}" names "${category}", which is not a category of reference "${ref.id}"`);
    }
  }
  const excluded: { type: string; count: number }[] = [];
  const reported: [string, number, readonly string[]][] = [];
  for (const [type, count] of Object.entries(counts)) {
    assertCount(count, `counts.${type}`);
    if (!Object.hasOwn(mapping, type)) {
      throw new InvalidArgumentError('mapping', mapping, `type "${type}" has no mapping to the categories of reference "${ref.id}"; map it, or map it to null to leave it out`);
    }
    const target = mapping[type];
    if (target === null || target === undefined) excluded.push({ type, count });
    else reported.push([type, count, target]);
  }

  // Union-find over the categories of the reported types, so types that share a category form one group.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const [, , target] of reported) for (const category of target) parent.set(find(category), find(target[0]!));
  const groupsByRoot = new Map<string, { types: string[]; categories: string[]; folded: string[]; observed: number }>();
  for (const [type, count, target] of reported) {
    const root = find(target[0]!);
    const g = groupsByRoot.get(root) ?? { types: [], categories: [], folded: [], observed: 0 };
    g.types.push(type);
    g.observed += count;
    groupsByRoot.set(root, g);
  }
  for (const c of ref.categories) if (parent.has(c.id)) groupsByRoot.get(find(c.id))!.categories.push(c.id);

  const unreported: UnreportedCategory[] = ref.categories
    .filter((c) => !parent.has(c.id))
    .map((c) => ({
      id: c.id,
      label: c.label ?? c.id,
      percent: c.percent,
      types: Object.entries(mapping).filter(([t, target]) => target?.includes(c.id) && !Object.hasOwn(counts, t)).map(([t]) => t),
    }));
  const otherType = options.other === undefined ? (reported.some(([t]) => t === 'other') ? 'other' : null) : options.other;
  let foldedInto: string | null = null;
  if (otherType !== null) {
    const entry = reported.find(([t]) => t === otherType);
    if (entry === undefined) throw new InvalidArgumentError('other', otherType, `other names "${otherType}", which is not a reported type mapped to reference "${ref.id}"`);
    if (unreported.length > 0) {
      const g = groupsByRoot.get(find(entry[2][0]!))!;
      for (const u of unreported) {
        g.categories.push(u.id);
        g.folded.push(u.id);
      }
      foldedInto = otherType;
    }
  }
  const groups = [...groupsByRoot.values()];
  if (groups.length < 2) throw new InvalidArgumentError('mapping', mapping, 'the mapping leaves fewer than two groups to compare');
  const shareOf = (id: string) => Number(byId.get(id)!.percent);
  const referenceShares = groups.map((g) => g.categories.reduce((a, c) => a + shareOf(c), 0));
  const test = chiSquareGoodnessOfFit(
    groups.map((g) => g.observed),
    referenceShares,
  );
  const totalShare = referenceShares.reduce((a, b) => a + b, 0);
  return {
    reference: { id: ref.id, title: ref.title, citation: ref.citation },
    groups: groups.map((g, i) => ({
      types: g.types,
      categories: g.categories,
      folded: g.folded,
      observed: g.observed,
      expected: test.expected[i]!,
      observedShare: g.observed / test.n,
      referenceShare: referenceShares[i]! / totalShare,
      stdres: test.stdres[i]!,
    })),
    excluded,
    unreported,
    foldedInto,
    unmatchedCategories: foldedInto === null ? unreported.map((u) => u.id) : [],
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
  const parsed = referenceSchema().safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('reference', value, `not a reference distribution (${describeValue(value)}): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
