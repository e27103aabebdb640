// Sizes a table's notes give some of its rows, one per group column: "The number of measurements for
// intervention and usual care were 4,880 and 3,554, respectively, for HbA1c, 144 and 61, respectively
// for fasting blood glucose", or "Sample size for head circumference was 791 (male = 394, female = 397)".

const LIST = /(\d[\d,]*(?:\s*(?:,|and)\s*\d[\d,]*)+),?\s*respectively,?\s*(?:for|in)\s+([^,;.]+)/gi;
// words that qualify a measurement without naming it
const QUALIFIERS = new Set(['serum', 'plasma', 'measured', 'the', 'of', 'a', 'an', 'level', 'levels', 'concentration', 'value', 'values']);
const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');

// "for X was 791 (male = 394, female = 397)": the whole sample's size, then each group's by name
const NAMED = /\bfor\s+([^,;.()]+?)\s+(?:was|were|is|=)\s+(\d[\d,]*)\s*\(([^()]*=[^()]*)\)/gi;
const NAMED_PART = /^\s*([\p{L}][\p{L}\s-]*?)\s*[=:]\s*(\d[\d,]*)\s*$/u;
const count = (x: string) => Number(x.replace(/,/g, ''));

/** The sizes of "791 (male = 394, female = 397)", one per group column: each part named in its column's label, in order. */
function namedSizes(whole: string, inner: string, groupLabels: readonly string[]): number[] | undefined {
  const parts = inner.split(/\s*[,;]\s*/).map((p) => NAMED_PART.exec(p));
  if (parts.some((p) => p === null)) return undefined;
  const named = parts.map((p) => ({ name: p![1]!.toLowerCase(), n: count(p![2]!) }));
  // a first column that is not one of the named groups is the whole sample ("Full cohort", "Total")
  const extra = groupLabels.length - named.length;
  if (extra !== 0 && extra !== 1) return undefined;
  const sizes = [...(extra === 1 ? [count(whole)] : []), ...named.map((p) => p.n)];
  const ownsName = named.every((p, k) => words(groupLabels[k + extra]!).includes(p.name) || groupLabels[k + extra]!.toLowerCase().includes(p.name));
  return ownsName && sizes.every((n) => Number.isSafeInteger(n) && n > 0) ? sizes : undefined;
}

/** The one row whose label (before its units) holds every word the note names. */
function rowNamed(what: string, rowLabels: readonly string[]): number | undefined {
  const named = words(what).filter((w) => !QUALIFIERS.has(w));
  if (named.length === 0) return undefined;
  const rows = rowLabels.flatMap((label, r) => {
    const own = new Set(words(label.split(' / ').pop()!.split(',')[0]!));
    return named.every((w) => own.has(w)) ? [r] : [];
  });
  return rows.length === 1 ? rows[0] : undefined;
}

/**
 * Row (by label) → one size per group column, from "A and B, respectively, for X" or "for X was
 * N (a = A, b = B)" in the notes. `groupLabels` names the group columns (for the second form, whose
 * parts must be named in their own column's label, in order).
 */
export function sizesInNotes(notes: string, rowLabels: readonly string[], groups: number, groupLabels: readonly string[] = []): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (groupLabels.length === groups) {
    for (const m of notes.matchAll(NAMED)) {
      const sizes = namedSizes(m[2]!, m[3]!, groupLabels);
      const row = sizes ? rowNamed(m[1]!, rowLabels) : undefined;
      if (sizes && row !== undefined) out.set(row, sizes);
    }
  }
  for (const m of notes.matchAll(LIST)) {
    const sizes = m[1]!.replace(/,\s*$/, '').split(/\s*(?:,(?!\d{3}\b)|and)\s*/).filter((x) => x !== '').map((x) => Number(x.replace(/,/g, ''))).filter((x) => Number.isSafeInteger(x));
    if (sizes.length !== groups || sizes.some((x) => x < 1)) continue;
    const row = rowNamed(m[2]!, rowLabels);
    if (row !== undefined) out.set(row, sizes);
  }
  return out;
}
