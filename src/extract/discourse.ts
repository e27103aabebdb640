import { fitFields, fitShare, withinOneUnit, type Fit } from './fit.js';
import type { ShareMention } from './grammar.js';
import type { DenominatorSource } from './types.js';

// The discourse model: the groups a share can be a share of. Each stated total opens a group
// whose scope is the rest of its paragraph and, more weakly, its section (headings end a
// section). "Of these", "davon" or "dont" point back to the last count, so a subgroup's shares
// can be tied to the subgroup. A share is tied to the nearest group it fits; a group it does
// not fit is passed over, with a note saying so; a share that fits no group is left unresolved.

/** A group whose size is known: a stated total, or a count that later shares refer back to. */
export interface Group {
  value: number;
  approximate: boolean;
  /** Offsets in the document text. */
  start: number;
  end: number;
  /** Index of its sentence in the document. */
  sentence: number;
  /** The block (paragraph) it was stated in. */
  block: number;
  kind: 'total' | 'count';
  /** A count printed as a share of a larger group ("18 (20,0%)"), not a group later shares are of. */
  isPart?: boolean;
  /**
   * Printed in a ratio: a count of a larger group ("22,520 of those 356,461"), a smaller group later figures
   * may be of; or the denominator of one ("3 of 389 cases"), a group of its own.
   */
  ratio?: boolean;
  /** How many groups the text had counted when this one was stated (see {@link Scope.countedSince}). */
  countedAt?: number;
}

/** The groups in reach at one point of the document. */
export class Scope {
  private section: Group[] = [];
  private paragraph: Group[] = [];
  private earlierParagraphs: Group[] = [];
  /** The last count stated (a total or a part), for "of these". */
  lastCount: Group | undefined;
  /** The group the last "X% of these" was tied to, with its sentence and end: the next one may be of it too. */
  ofThemChain: { group: Group; sentence: number; end: number } | undefined;
  /** Recent counts of the paragraph (parts included), a last resort for a share that fits no total. */
  private counts: Group[] = [];
  /** Groups the document names ("group A (n = 44)"), by name: they stay in reach to the end. */
  private named = new Map<string, Group>();
  /** Totals and counts stated so far, for how far the text has moved on from a group. */
  private counted = 0;

  /** How many totals and counts the text has stated since `group`. */
  countedSince(group: Group): number {
    return group.countedAt === undefined ? 0 : this.counted - group.countedAt;
  }

  nameGroup(name: string, group: Group): void {
    this.named.set(name.toLowerCase(), group);
  }

  /** The size of the group of that name, when the text stated it before `at`. */
  namedGroup(name: string, at: number): Group | undefined {
    const g = this.named.get(name.toLowerCase());
    return g !== undefined && g.end <= at ? g : undefined;
  }

  /** A heading ends the section: its totals (e.g. "Spastic diplegia (n = 45)") open the next one. */
  heading(totals: readonly Group[]): void {
    this.section = [...totals];
    this.paragraph = [];
    this.earlierParagraphs = [];
    this.lastCount = totals[totals.length - 1];
    this.ofThemChain = undefined;
  }

  /** A new paragraph: totals of the previous ones stay in reach, but after this paragraph's own. */
  paragraphBreak(): void {
    this.earlierParagraphs = [...this.paragraph.slice(-4).reverse(), ...this.earlierParagraphs].slice(0, 6);
    this.paragraph = [];
    // "The first 100 queries were recorded.\n\n29% of these ...": an anaphor opening the next paragraph still
    // points back to the last count (only an anaphor reaches lastCount)
    this.counts = [];
  }

  /** Whether a total of the paragraph was stated between `from` and `to`. */
  totalBetween(from: number, to: number): boolean {
    return this.paragraph.some((g) => g.start >= from && g.end <= to);
  }

  /** Whether a group of `value` was stated in reach (its section, paragraph, recent paragraphs or counts). */
  stated(value: number): boolean {
    const has = (gs: readonly Group[]) => gs.some((g) => g.value === value);
    return has(this.paragraph) || has(this.counts) || has(this.earlierParagraphs) || has(this.section);
  }

  /** The largest exact total of the paragraph so far. */
  largestTotal(): number | undefined {
    let max: number | undefined;
    for (const g of this.paragraph) if (!g.approximate && (max === undefined || g.value > max)) max = g.value;
    return max;
  }

  addTotal(group: Group): void {
    group.countedAt ??= ++this.counted;
    this.paragraph.push(group);
    if (this.paragraph.length > 16) this.paragraph.shift();
    this.lastCount = group;
  }

  /** Totals that turned out to be parts of an earlier total ("24 hommes et 23 femmes" of 47) are no group of their own. */
  demote(starts: ReadonlySet<number>): void {
    this.paragraph = this.paragraph.filter((g) => !starts.has(g.start));
    if (this.lastCount !== undefined && starts.has(this.lastCount.start)) this.lastCount = undefined;
  }

  addCount(group: Group): void {
    group.countedAt ??= ++this.counted;
    this.lastCount = group;
    this.counts.push(group);
    if (this.counts.length > 6) this.counts.shift();
  }

  /** Counts stated before `at`, nearest first: a share may be of one of them when it fits no total exactly. */
  recentCounts(at: number): Group[] {
    return this.counts.filter((g) => g.end <= at).reverse();
  }

  /** The totals in reach of a share at `at`, nearest first, each with the source it would give. */
  candidates(at: number, sentence: number, anaphor: boolean): { group: Group; source: DenominatorSource; via: string }[] {
    const out: { group: Group; source: DenominatorSource; via: string }[] = [];
    const seen = new Set<Group>();
    const add = (group: Group | undefined, via: string) => {
      if (group === undefined || seen.has(group) || group.approximate) return;
      seen.add(group);
      out.push({ group, source: group.sentence === sentence ? 'same-sentence' : 'earlier-sentence', via });
    };
    if (anaphor && this.lastCount !== undefined && this.lastCount.end <= at) add(this.lastCount, 'the group the sentence refers back to');
    for (let i = this.paragraph.length - 1; i >= 0; i--) {
      const g = this.paragraph[i]!;
      if (g.end <= at) add(g, g.sentence === sentence ? 'the total stated earlier in the sentence' : 'a total stated earlier in the paragraph');
    }
    for (const g of this.earlierParagraphs) add(g, 'a total stated in an earlier paragraph of the section');
    for (let i = this.section.length - 1; i >= 0; i--) add(this.section[i], "the total in the section's heading");
    return out;
  }
}

/** Where a share's denominator was found, or why none was. */
export type Resolution =
  | { ok: true; denominator: number; source: DenominatorSource; fit: Fit; note?: string; group?: Group }
  | { ok: false; reason: string; innermost?: Group };

/**
 * Tie a share to a denominator: the one printed with it, else the nearest group in reach that
 * the share fits exactly, else the nearest it nearly fits (a misprint the audit will report).
 */
export function resolveShare(share: ShareMention, scope: Scope, sentence: number, later: readonly Group[] = []): Resolution {
  const fields = fitFields(share.count, share.percent);
  if (share.denominator !== undefined) {
    return { ok: true, denominator: share.denominator.value, source: 'with-claim', fit: fitShare(fields, share.denominator.value) };
  }
  const candidates = scope.candidates(share.start, sentence, share.anaphor);
  // last resorts, taken only on an exact fit: a total stated later in the sentence ("... was achieved among
  // 400 patients"), and a count stated earlier that the share can be of ("230 were for AUB ... 27 (11.7%)")
  const precise = share.count !== undefined || (share.percent !== undefined && share.percent.decimals > 0);
  const lastResorts = [
    ...later.filter((g) => !g.approximate && g.start > share.start).map((group) => ({ group, source: 'same-sentence' as const, via: 'the total stated later in the sentence' })),
    // a bare percent is not taken for a share of a count that is itself another share's part ("18 (20,0%) ... (61,1%)")
    // nor, across sentences, for a share of a count at all: a later sentence's bare percent is as often of a
    // subgroup it describes as of a count that merely happens to fit it (a total is stated as one)
    // nor, within its sentence, for a share of a count that merely fits it: a bare percent so tied was wrong every
    // time in the corpus (the count is a subgroup's, or of something else), where a count with its percent is right
    ...(precise ? scope.recentCounts(share.start).filter((g) => share.count !== undefined).map((group) => ({ group, source: (group.sentence === sentence ? 'same-sentence' : 'earlier-sentence') as DenominatorSource, via: 'a count stated earlier' })) : []),
  ].filter((f) => f.group.value !== share.count?.value);
  // an earlier count is taken on its fit alone, so the fit must say something: a bare "42.89%" fits every
  // count above 5000 ("a decrease of 700,541 patients, a decrease rate of 42.89%"); a later total is tied by
  // the words between ("9.6% in 3000 operations")
  const telling = (f: (typeof lastResorts)[number]) => share.count !== undefined || f.group.start > share.start || !uninformative(f.group.value, share.percent!.decimals);
  const fallbacks = lastResorts.filter((f) => fitShare(fields, f.group.value) === 'exact' && telling(f));
  // a precise share that fits nothing else may be truncated rather than rounded ("36 (41.3 %)" of 87)
  const truncated = precise ? lastResorts.find((f) => withinOneUnit(fields, f.group.value) && telling(f)) : undefined;
  if (candidates.length === 0 && fallbacks[0]) {
    const f = fallbacks[0];
    return { ok: true, denominator: f.group.value, source: f.source, fit: 'exact', note: `the total is ${f.via}`, group: f.group };
  }
  if (candidates.length === 0 && truncated) return nearly(share, truncated);
  if (candidates.length === 0) return { ok: false, reason: share.count ? 'a count and percent with no total in reach' : 'a percent with no total in reach' };
  const innermost = candidates[0]!;
  // a bare percent is not re-targeted from the nearest stated total to one that nearly every percent of its
  // precision fits: "9,67 %" of a sample of 372 (36/372 = 9,677) is no share of the 9959 records it was drawn
  // from. The size of a subgroup printed in a ratio ("3 of 389 cases") gives way as before.
  const bare = share.count === undefined && share.percent !== undefined && !innermost.group.ratio;
  const weakFit = (n: number) => bare && uninformative(n, share.percent!.decimals);
  let near: (typeof candidates)[number] | undefined;
  for (const c of candidates) {
    const fit = fitShare(fields, c.group.value);
    if (fit === 'exact' && c !== innermost && weakFit(c.group.value)) continue;
    if (fit === 'exact') {
      const note = c === innermost ? undefined : passedOver(share, innermost.group.value, c.group.value);
      return { ok: true, denominator: c.group.value, source: c.source, fit, ...(note ? { note } : {}), group: c.group };
    }
    if (fit === 'near' && near === undefined) near = c;
  }
  const fallback = fallbacks.find((f) => !weakFit(f.group.value));
  if (fallback) return { ok: true, denominator: fallback.group.value, source: fallback.source, fit: 'exact', note: passedOver(share, innermost.group.value, fallback.group.value), group: fallback.group };
  if (near !== undefined) {
    const note = near === innermost ? undefined : passedOver(share, innermost.group.value, near.group.value);
    return { ok: true, denominator: near.group.value, source: near.source, fit: 'near', ...(note ? { note } : {}), group: near.group };
  }
  if (truncated) return nearly(share, truncated, innermost.group.value);
  const shown = share.percent ? `${share.percent.digits}%` : String(share.count?.value);
  return {
    ok: false,
    reason: share.count
      ? `${share.count.value} of ${innermost.group.value} is ${((100 * share.count.value) / innermost.group.value).toFixed(1)}%, far from the printed ${shown}: the percent is of another group`
      : `${shown} is not a possible share of ${innermost.group.value}, nor of any other total in reach`,
    innermost: innermost.group,
  };
}

/** Whether most percents printed with `decimals` decimals are possible shares of `n` (an exact fit then says little). */
function uninformative(n: number, decimals: number): boolean {
  return n + 1 > (100 * 10 ** decimals + 1) / 2;
}

function nearly(share: ShareMention, f: { group: Group; source: DenominatorSource; via: string }, skipped?: number): Resolution {
  const printed = share.percent ? `${share.percent.digits}%` : '';
  const what = share.count ? `${share.count.value}/${f.group.value}` : `a share of ${f.group.value}`;
  const note = `${what} is within one unit of the last digit of ${printed} (truncated rather than rounded?); the total is ${f.via}${skipped !== undefined ? `, as ${printed} is not possible for ${skipped}` : ''}`;
  return { ok: true, denominator: f.group.value, source: f.source, fit: 'near', note, group: f.group };
}

function passedOver(share: ShareMention, skipped: number, chosen: number): string {
  const printed = share.percent ? `${share.percent.digits}%` : '';
  return share.count
    ? `${share.count.value}/${skipped} does not give ${printed}; ${share.count.value}/${chosen} does`
    : `${printed} is not possible for ${skipped}; it is for ${chosen}`;
}
