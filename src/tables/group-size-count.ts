// "Sex | 62% male, 38% female" in the column "All participants (n = 555)" beside "Women (n = 208)" and
// "Men (n = 347)": the count behind each percent is the size of the column its level names.
import { headerSize } from './header-size.js';

// the words a level and a column heading use for the same people
const SAME_PEOPLE: RegExp[] = [/^(?:males?|men|man|boys?)$/i, /^(?:females?|women|woman|girls?)$/i];

/** The people a heading names, without its size: "Men (n = 347)" → "men". */
const groupName = (label: string) => label.replace(/[([]?\s*(?:[nNkK]\s*=|n\s+\d).*$/, '').replace(/[,:;]?\s*\d[\d,\s]*\s*\p{L}*\s*$/u, '').trim().toLowerCase();

/**
 * The column of the same table that holds exactly the people a level names, when the column of the
 * cell is their whole: its heading names the same people ("male" and "Men (n = 347)") and states a
 * size, and the whole's size is the sum of the groups' sizes. Returns that column and its size, or
 * undefined.
 *
 * @example
 * // (internal to the table reader, not exported)
 * // groupSizeCount('male', 1, [1, 2, 3], ['', 'All (n = 555)', 'Women (n = 208)', 'Men (n = 347)'], sizes of 555, 208, 347)
 * // → { column: 3, n: 347 }
 */
export function groupSizeCount(level: string, column: number, groupCols: readonly number[], labels: readonly string[], sizes: ReadonlyMap<number, number>): { column: number; n: number } | undefined {
  const whole = sizes.get(column);
  const others = groupCols.filter((c) => c !== column);
  if (whole === undefined || others.length < 2) return undefined;
  // the groups must make up the whole, or the percent is of some other whole
  const own = others.map((c) => headerSize(labels[c]!.split(' / ').pop() ?? ''));
  if (own.some((n) => n === null) || own.reduce((s, n) => s! + n!, 0) !== whole) return undefined;
  const word = level.trim().toLowerCase();
  const family = SAME_PEOPLE.find((re) => re.test(word));
  const named = others.filter((c) => {
    const name = groupName(labels[c]!.split(' / ').pop() ?? '');
    return family ? family.test(name) : name === word;
  });
  if (named.length !== 1) return undefined;
  const n = own[others.indexOf(named[0]!)]!;
  return { column: named[0]!, n };
}
