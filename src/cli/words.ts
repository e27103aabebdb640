/** "1 record", "2 records": a count with its noun in the right number. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "from 559 to 560", or "559" when both ends are one number. */
export function range(min: number, max: number, dash = '–'): string {
  return min === max ? String(min) : `${min}${dash}${max}`;
}
