// Sizes a table's notes give some of its rows, one per group column: "The number of measurements for
// intervention and usual care were 4,880 and 3,554, respectively, for HbA1c, 144 and 61, respectively
// for fasting blood glucose".

const LIST = /(\d[\d,]*(?:\s*(?:,|and)\s*\d[\d,]*)+),?\s*respectively,?\s*(?:for|in)\s+([^,;.]+)/gi;
// words that qualify a measurement without naming it
const QUALIFIERS = new Set(['serum', 'plasma', 'measured', 'the', 'of', 'a', 'an', 'level', 'levels', 'concentration', 'value', 'values']);
const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');

/** Row (by label) → one size per group column, from "A and B, respectively, for X" in the notes. */
export function sizesInNotes(notes: string, rowLabels: readonly string[], groups: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const m of notes.matchAll(LIST)) {
    const sizes = m[1]!.replace(/,\s*$/, '').split(/\s*(?:,(?!\d{3}\b)|and)\s*/).filter((x) => x !== '').map((x) => Number(x.replace(/,/g, ''))).filter((x) => Number.isSafeInteger(x));
    if (sizes.length !== groups || sizes.some((x) => x < 1)) continue;
    const named = words(m[2]!).filter((w) => !QUALIFIERS.has(w));
    if (named.length === 0) continue;
    // the one row whose label (before its units) holds every word the note names
    const rows = rowLabels.flatMap((label, r) => {
      const own = new Set(words(label.split(' / ').pop()!.split(',')[0]!));
      return named.every((w) => own.has(w)) ? [r] : [];
    });
    if (rows.length === 1) out.set(rows[0]!, sizes);
  }
  return out;
}
