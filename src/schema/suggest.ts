/**
 * Longest text compared for spelling. Edit distance costs the product of the two lengths, so a
 * 100 MB cell against "improved" would need a table of 10^9 entries; nothing that long is a misspelling.
 */
export const MAX_SPELLING_LENGTH = 128;

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * What a misspelled `input` most likely meant: the target of the closest key, or `undefined`
 * when no key is close (at most one edit per three letters) or two keys with different
 * targets are equally close. Keys are compared case-insensitively.
 */
export function suggestClosest<T>(input: string, candidates: Iterable<readonly [key: string, target: T]>): T | undefined {
  if (input.length > 4 * MAX_SPELLING_LENGTH) return undefined; // before trimming and lower-casing it
  const needle = input.trim().toLowerCase();
  if (needle.length === 0 || needle.length > MAX_SPELLING_LENGTH) return undefined;
  const limit = Math.max(1, Math.floor(needle.length / 3));
  let best: T | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const [key, target] of candidates) {
    if (Math.abs(key.length - needle.length) > limit) continue; // the distance is at least the difference in length
    const distance = editDistance(needle, key.toLowerCase());
    if (distance < bestDistance) {
      best = target;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && target !== best) {
      tied = true;
    }
  }
  return bestDistance <= limit && !tied ? best : undefined;
}
