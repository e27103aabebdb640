import { editDistance, MAX_SPELLING_LENGTH } from './suggest.js';

/** Years a treatment record plausibly carries when the cohort sets no range of its own. */
export const PLAUSIBLE_YEARS: readonly [number, number] = /* @__PURE__ */ Object.freeze([1900, 2100] as const);

/** Above this many distinct types the pairwise spelling comparison is skipped (and said so). */
export const MAX_TYPES_COMPARED = 1000;

/**
 * Something accepted records have in common that may not be what the data meant: two spellings
 * of one type (`'spastik'` beside `'spastic'`), or years no treatment happened in (`-5`, `99999`).
 * Nothing is dropped for a warning; a cohort with types, aliases and years turns them into
 * rejections.
 */
export type RecordWarning =
  | {
      code: 'similar-types';
      /** The rarer spelling, and how many records carry it. */
      type: string;
      count: number;
      /** The more frequent spelling it is probably meant to be, and its count. */
      suggestion: string;
      suggestionCount: number;
      message: string;
    }
  | {
      code: 'implausible-years';
      /** Each year outside the range with its number of records, ascending. */
      years: { year: number; count: number }[];
      message: string;
    }
  | { code: 'too-many-types'; count: number; message: string };

const records = (n: number): string => `${n} ${n === 1 ? 'record' : 'records'}`;
const digits = (s: string): string => s.replace(/\D+/g, ' ').trim();

/**
 * Pairs of type spellings that look like one type written two ways: close in edit distance (at
 * most one edit per three letters), at least four letters long and not told apart by their digits
 * (`'type 1'` and `'type 2'` are two types). The rarer spelling is suggested to be the more
 * frequent one. Linear in the number of records; quadratic only in the number of distinct types,
 * which is bounded by {@link MAX_TYPES_COMPARED}.
 *
 * @example
 * similarTypeWarnings([['spastic', 2000], ['spastik', 3], ['mixed', 900]])[0].message;
 * // 'type "spastik" (3 records) looks like a misspelling of "spastic" (2000 records)'
 */
export function similarTypeWarnings(typeCounts: Iterable<readonly [type: string, count: number]>): RecordWarning[] {
  const types = [...typeCounts].filter(([, n]) => n > 0);
  if (types.length > MAX_TYPES_COMPARED) {
    return [
      {
        code: 'too-many-types',
        count: types.length,
        message: `${types.length} distinct types (more than ${MAX_TYPES_COMPARED}): is the type column the right one? Spellings were not compared; give a cohort to check them`,
      },
    ];
  }
  // most frequent first, so each spelling is compared only with the ones it could be a misspelling of
  const order = types.map((t, i) => ({ type: t[0], count: t[1], index: i })).sort((a, b) => b.count - a.count || a.index - b.index);
  const warnings: RecordWarning[] = [];
  for (let i = 1; i < order.length; i++) {
    const rare = order[i]!;
    if (rare.type.length < 4 || rare.type.length > MAX_SPELLING_LENGTH) continue;
    const limit = Math.max(1, Math.floor(rare.type.length / 3));
    let best: (typeof order)[number] | undefined;
    let bestDistance = Infinity;
    for (let j = 0; j < i; j++) {
      const common = order[j]!;
      if (common.type.length < 4 || Math.abs(common.type.length - rare.type.length) > limit) continue;
      if (digits(common.type) !== digits(rare.type)) continue;
      const distance = editDistance(rare.type, common.type);
      if (distance <= limit && distance < bestDistance) {
        best = common;
        bestDistance = distance;
      }
    }
    if (best === undefined) continue;
    warnings.push({
      code: 'similar-types',
      type: rare.type,
      count: rare.count,
      suggestion: best.type,
      suggestionCount: best.count,
      message: `type ${JSON.stringify(rare.type)} (${records(rare.count)}) looks like a misspelling of ${JSON.stringify(best.type)} (${records(best.count)})`,
    });
  }
  return warnings;
}

/**
 * Years outside `range` (default {@link PLAUSIBLE_YEARS}, 1900–2100), as one warning: a two-digit
 * "05" read as year 5, or a typo such as 20005. The message names the first five.
 *
 * @example
 * implausibleYearWarnings([[2010, 40], [-5, 1]])[0].message;
 * // 'year -5 (1 record) is outside 1900–2100; give the cohort a year range to reject such rows'
 */
export function implausibleYearWarnings(yearCounts: Iterable<readonly [year: number | null, count: number]>, range: readonly [number, number] = PLAUSIBLE_YEARS): RecordWarning[] {
  const [from, to] = range;
  const years: { year: number; count: number }[] = [];
  for (const [year, count] of yearCounts) if (year !== null && count > 0 && (year < from || year > to)) years.push({ year, count });
  if (years.length === 0) return [];
  years.sort((a, b) => a.year - b.year);
  const shown = years.slice(0, 5).map((y) => `${y.year} (${records(y.count)})`);
  const more = years.length > 5 ? ` and ${years.length - 5} more` : '';
  const verb = years.length === 1 ? 'year' : 'years';
  const is = years.length === 1 ? 'is' : 'are';
  return [
    {
      code: 'implausible-years',
      years,
      message: `${verb} ${shown.join(', ')}${more} ${is} outside ${from}–${to}; give the cohort a year range to reject such rows`,
    },
  ];
}

/** What {@link recordWarnings} needs to know of a cohort: whether it fixes the types and the years. */
export interface VocabularyBounds {
  readonly types?: readonly string[] | undefined;
  readonly years?: readonly [number, number] | undefined;
}

/**
 * The warnings that fit a vocabulary: without a cohort, similar type spellings and implausible
 * years; with a cohort's fixed types, only years (unless it sets a year range too).
 *
 * @example
 * recordWarnings([['spastic', 9], ['spastik', 1]], [[2010, 10]]).map((w) => w.code); // ['similar-types']
 */
export function recordWarnings(
  typeCounts: Iterable<readonly [type: string, count: number]>,
  yearCounts: Iterable<readonly [year: number | null, count: number]>,
  cohort?: VocabularyBounds,
): RecordWarning[] {
  const fixedTypes = Array.isArray(cohort?.types);
  return [...(fixedTypes ? [] : similarTypeWarnings(typeCounts)), ...(cohort?.years ? [] : implausibleYearWarnings(yearCounts))];
}
