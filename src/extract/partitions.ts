import type { Group } from './discourse.js';
import type { ExtractionBuilder, SentenceClaims } from './extract-claims.js';
import type { Mention, PartMention, TotalMention } from './grammar.js';
import { fitShare } from './fit.js';
import { slug } from './slug.js';
import type { ExtractedClaim, TextSpan } from './types.js';

// Partitions: parts that add up to a stated total. Shares resolved to one total in one sentence
// are proposed when their counts add up (or nearly: the difference is reported, and the audit
// checks it) or their percents add up to 100 within rounding. Counts listed without percents
// after a total ("357 participants (178 surgical, 179 medical)") are proposed only when a run of
// them adds up exactly, which a coincidence rarely does.

const tolerance = (total: number) => Math.max(2, Math.round(total * 0.02));

/**
 * The run of consecutive values adding up to `total` exactly: the one that starts the list when
 * there is one (a list of types followed by other counts), else the longest (O(n), prefix sums).
 */
export function exactRun(values: readonly number[], total: number): [number, number] | undefined {
  const firstAt = new Map<number, number>([[0, 0]]);
  let sum = 0;
  let best: [number, number] | undefined;
  for (let j = 0; j < values.length; j++) {
    sum += values[j]!;
    if (sum === total && j >= 1) return [0, j + 1];
    const i = firstAt.get(sum - total);
    if (i !== undefined && j + 1 - i >= 2 && (best === undefined || j + 1 - i > best[1] - best[0])) best = [i, j + 1];
    if (!firstAt.has(sum)) firstAt.set(sum, j + 1);
  }
  return best;
}

/** Record a partition of `total` into `parts` once (the same total and parts are proposed only once). */
export function addPartition(out: ExtractionBuilder, total: number, parts: readonly ExtractedClaim[], difference: number, start: number): void {
  const ids = parts.map((p) => p.id);
  const key = `${total}:${ids.join()}`;
  if (new Set(ids).size < 2 || out.partitionKeys.has(key)) return;
  out.partitionKeys.add(key);
  const end = Math.max(...parts.map((p) => p.span.end));
  out.partitions.push({
    id: out.id(parts.every((p) => p.type !== undefined) ? 'types' : 'parts'),
    total,
    parts: ids,
    difference,
    span: out.span(Math.min(start, ...parts.map((p) => p.span.start)), end),
  });
}

/**
 * Propose the partitions of one sentence: shares tied to one total, and bare counts that add up
 * to a total in reach (`inReach`: the groups in reach where the sentence starts).
 */
export function proposePartitions(out: ExtractionBuilder, sentences: readonly SentenceClaims[], mentions: readonly Mention[], inReach: readonly Group[], sentence: number, context: TextSpan): void {
  for (const s of sentences) {
    const byTotal = new Map<number, { claim: ExtractedClaim; group?: Group }[]>();
    for (const c of s.claims) {
      if (c.claim.measure === 'improvement' || (c.claim.percent === undefined && c.claim.numerator === undefined)) continue;
      if (c.claim.percent === undefined) continue; // bare counts are proposed below, from the counts themselves
      const list = byTotal.get(c.claim.denominator) ?? [];
      list.push(c);
      byTotal.set(c.claim.denominator, list);
    }
    for (const [total, list] of byTotal) {
      if (list.length < 2) continue;
      const claims = list.map((c) => c.claim);
      const start = list[0]!.group && list[0]!.group.end <= claims[0]!.span.start ? list[0]!.group.start : claims[0]!.span.start;
      if (claims.every((c) => c.numerator !== undefined)) {
        const sum = claims.reduce((a, c) => a + c.numerator!, 0);
        if (sum === total || (Math.abs(sum - total) <= tolerance(total) && (s.partCue || claims.length >= 3))) {
          addPartition(out, total, claims, sum - total, start);
          continue;
        }
        const run = exactRun(claims.map((c) => c.numerator!), total);
        if (run) addPartition(out, total, claims.slice(run[0], run[1]), 0, start);
        continue;
      }
      if (claims.every((c) => c.percent !== undefined)) {
        const decimals = Math.max(...claims.map((c) => c.percent!.split('.')[1]?.length ?? 0));
        const sum = claims.reduce((a, c) => a + Number(c.percent), 0);
        if (Math.abs(sum - 100) <= 0.5 * 10 ** -decimals * claims.length + 1e-9) addPartition(out, total, claims, 0, start);
      }
    }
  }
  const counts = mentions
    .filter((m): m is PartMention | TotalMention => m.kind === 'part' || m.kind === 'total')
    .map((m) => (m.kind === 'part' ? m : { kind: 'part' as const, token: m.token, nEquals: false, label: '' }));
  const totals = mentions.filter((m): m is TotalMention => m.kind === 'total' && !m.approximate).map((m) => m.token);
  const candidates: { value: number; start: number; end: number; sentence?: number }[] = [...totals.map((t) => ({ value: t.value, start: t.start, end: t.end, sentence })), ...inReach];
  proposeCountParts(out, counts, candidates, sentence, context);
}

/** Counts with no percent that add up exactly to a total before them become bare claims and a partition. */
export function proposeCountParts(
  out: ExtractionBuilder,
  parts: readonly PartMention[],
  candidates: readonly { value: number; start: number; end: number; sentence?: number }[],
  sentence: number | undefined,
  context: TextSpan | undefined,
): void {
  if (parts.length < 2) return;
  const used = new Set<PartMention>();
  for (const nEquals of [true, false]) {
    for (let c = 0; c < candidates.length; c++) {
      const g = candidates[c]!;
      const list = parts.filter((p) => p.nEquals === nEquals && !used.has(p) && p.token.start >= g.end && p.token.value < g.value);
      if (list.length < 2) continue;
      const run = exactRun(list.map((p) => p.token.value), g.value);
      if (!run) continue;
      c--; // the same total may be split twice ("six cohorts: 129, 139, ..." then "340 and 339")
      const chosen = list.slice(run[0], run[1]);
      const source = sentence !== undefined && g.sentence === sentence ? 'same-sentence' : 'earlier-sentence';
      const claims = chosen.map((p) => {
        used.add(p);
        return partClaim(out, p.token, p.label, g.value, source, (percent) =>
          `one of ${chosen.length} counts that add up to ${g.value}${percent ? `; the bare number in brackets after it is its percent` : ''}`, context);
      });
      addPartition(out, g.value, claims, 0, g.start);
    }
  }
}

/**
 * "30 (75) were women": a bare number in brackets right after a part is its percent printed without
 * the sign, when the part of the total prints exactly that; otherwise it is left alone.
 */
export function bracketedPercent(text: string, count: { value: number; end: number }, total: number): string | undefined {
  const m = /^\s*\(\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*\)/.exec(text.slice(count.end, count.end + 14));
  if (!m) return undefined;
  const digits = m[1]!.replace(',', '.');
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  return fitShare({ count: count.value, percent: Number(digits), decimals }, total) === 'exact' ? digits : undefined;
}

/** The bare claim and partition for parts that add up to a count of the sentence. */
function partsOf(out: ExtractionBuilder, total: number, seed: ExtractedClaim | undefined, parts: readonly PartMention[], start: number, context: TextSpan): void {
  const claims = parts.map((p) => {
    const claim: ExtractedClaim = {
      id: out.id(slug(p.label) || 'part'),
      ...(p.label && /\p{L}/u.test(p.label) ? { label: p.label } : {}),
      numerator: p.token.value,
      denominator: total,
      denominatorSource: 'same-sentence',
      denominatorNote: `one of ${parts.length + (seed ? 1 : 0)} counts that add up to ${total}`,
      span: out.span(p.token.start, p.token.end),
      context,
    };
    out.claims.push(claim);
    return claim;
  });
  addPartition(out, total, seed ? [seed, ...claims] : claims, 0, start);
}

/**
 * Parts of a count of the sentence rather than of a stated total: "4 out of 9 had ... while 5
 * had ..." (the share and the parts after it add up to its denominator), "Sixty-six patients (20 per
 * cent) ... (60 patients) or ... (six)" (parts after a share add up to its count), "124 patients
 * (6 hommes et 118 femmes)" (a bracket of parts adds up to the count before it). Exact sums only.
 */
export function proposeNestedParts(out: ExtractionBuilder, mentions: readonly Mention[], shares: SentenceClaims['claims'], context: TextSpan, claimsBefore: number): void {
  // only this sentence's claims can have taken its parts: the cost stays that of the sentence
  const taken = new Set<number>();
  for (let c = claimsBefore; c < out.claims.length; c++) taken.add(out.claims[c]!.span.start);
  const parts = mentions.filter((m): m is PartMention => m.kind === 'part' && !m.nEquals);
  /** The free parts from `from` on, in order, until their sum passes `target`: a run adding up to it exactly, or none. */
  const leadingRun = (from: number, to: number, target: number): PartMention[] | undefined => {
    let lo = 0;
    let hi = parts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (parts[mid]!.token.start < from) lo = mid + 1;
      else hi = mid;
    }
    const run: PartMention[] = [];
    let sum = 0;
    for (let k = lo; k < parts.length && parts[k]!.token.end <= to; k++) {
      const p = parts[k]!;
      if (taken.has(p.token.start)) continue;
      run.push(p);
      sum += p.token.value;
      if (sum === target) return run;
      if (sum > target) return undefined;
    }
    return undefined;
  };
  const take = (run: readonly PartMention[]) => {
    for (const p of run) taken.add(p.token.start);
  };
  for (const { claim, mention } of shares) {
    if (mention.kind !== 'share' || mention.count === undefined || claim.measure === 'improvement') continue;
    if (mention.denominator !== undefined) {
      const run = leadingRun(mention.end, Number.MAX_SAFE_INTEGER, mention.denominator.value - mention.count.value);
      if (run) {
        partsOf(out, mention.denominator.value, claim, run, claim.span.start, context);
        take(run);
      }
      continue;
    }
    const run = leadingRun(mention.end, Number.MAX_SAFE_INTEGER, mention.count.value);
    if (run && run.length >= 2) {
      partsOf(out, mention.count.value, undefined, run, mention.count.start, context);
      take(run);
    }
  }
  for (const m of parts) {
    if (taken.has(m.token.start)) continue;
    // "37 non-study related serious adverse events (19 intervention, 18 control)"
    const open = /^\s*(?:[\p{L}-]+\s+){0,6}\(/u.exec(out.text.slice(m.token.end, m.token.end + 80));
    if (!open) continue;
    const from = m.token.end + open[0].length;
    const close = out.text.indexOf(')', from);
    if (close < 0 || close - from > 120) continue;
    const run = leadingRun(from, close, m.token.value);
    // every part inside the bracket, and at least two of them
    if (run && run.length >= 2 && !parts.some((p) => p.token.start >= from && p.token.end <= close && !run.includes(p) && !taken.has(p.token.start))) {
      partsOf(out, m.token.value, undefined, run, m.token.start, context);
      take(run);
    }
  }
}

/** The claims that `keep` accepts (improvement rates never), grouped by denominator in text order. */
function byDenominator(claims: readonly ExtractedClaim[], keep: (c: ExtractedClaim) => boolean): Map<number, ExtractedClaim[]> {
  const out = new Map<number, ExtractedClaim[]>();
  for (const c of claims) {
    if (c.measure === 'improvement' || !keep(c)) continue;
    const list = out.get(c.denominator) ?? [];
    list.push(c);
    out.set(c.denominator, list);
  }
  return out;
}

/**
 * Counts of one total stated in different sentences of a paragraph ("in 73 von 150 Fällen (49%).
 * Somit gab es 77 unterschiedliche Befunde (51%).") that add up to it exactly are a partition too.
 */
export function proposeParagraphPartitions(out: ExtractionBuilder, claims: readonly ExtractedClaim[]): void {
  for (const [total, list] of byDenominator(claims, (c) => c.numerator !== undefined)) {
    if (list.length < 2) continue;
    const run = exactRun(list.map((c) => c.numerator!), total);
    if (run) addPartition(out, total, list.slice(run[0], run[1]), 0, list[run[0]]!.span.start);
  }
  proposeParagraphShares(out, claims);
}

/**
 * "411 patients étaient des femmes (79,7 %). Les hommes … représentaient 20,3 % des patients": shares of one
 * total in successive sentences of a paragraph, with no part already in a partition, whose percents add up to
 * 100 within rounding, split that total.
 */
function proposeParagraphShares(out: ExtractionBuilder, claims: readonly ExtractedClaim[]): void {
  // the partitions proposed for this paragraph are the last ones: a walk back stops at the first that ends before it
  const first = claims[0]?.span.start ?? 0;
  const inPartition = new Set<string>();
  for (let k = out.partitions.length - 1; k >= 0 && out.partitions[k]!.span.end >= first; k--) for (const id of out.partitions[k]!.parts) inPartition.add(id);
  for (const [total, list] of byDenominator(claims, (c) => c.percent !== undefined)) {
    if (list.length < 2 || list.some((c) => inPartition.has(c.id))) continue;
    runs: for (let i = 0; i < list.length - 1; i++) {
      let sum = 0;
      let decimals = 0;
      for (let j = i; j < list.length; j++) {
        sum += Number(list[j]!.percent);
        decimals = Math.max(decimals, list[j]!.percent!.split('.')[1]?.length ?? 0);
        if (j > i && Math.abs(sum - 100) <= 0.5 * 10 ** -decimals * (j - i + 1) + 1e-9) {
          addPartition(out, total, list.slice(i, j + 1), 0, list[i]!.span.start);
          break runs;
        }
        if (sum > 100 + 1) break;
      }
    }
  }
}

/** The one count of a sentence that prints no other figure ("In 281 cases, waiting times had been recorded."). */
export interface SentenceCount {
  token: { value: number; start: number; end: number };
  label: string;
  sentence: number;
}

/**
 * "The audit reviewed 650 waiting times. In 281 cases ... In 202 cases ... And in a further 167 cases
 * ...": counts that are each the only figure of successive sentences, three or more, adding up exactly
 * to a total stated before them in the paragraph, are its parts (an exact sum of three is rarely chance).
 */
export function proposeSentenceParts(out: ExtractionBuilder, counts: readonly SentenceCount[], totals: readonly Group[], context: TextSpan): void {
  if (counts.length < 3) return;
  // the few totals stated last, nearest first: a long paragraph stays linear
  for (const g of totals.slice(-8).reverse()) {
    if (g.approximate) continue;
    const after = counts.filter((c) => c.token.start >= g.end && c.sentence > g.sentence && c.token.value < g.value);
    if (after.length < 3) continue;
    const run = exactRun(after.map((c) => c.token.value), g.value);
    if (!run || run[1] - run[0] < 3) continue;
    const chosen = after.slice(run[0], run[1]);
    const note = `one of ${chosen.length} counts, each the only figure of its sentence, that add up to ${g.value}`;
    const claims = chosen.map((c) => partClaim(out, c.token, c.label, g.value, 'earlier-sentence', () => note, context));
    addPartition(out, g.value, claims, 0, g.start);
    return;
  }
}

/**
 * The bare claim of one count among parts that add up to a total: its percent is the bare number in
 * brackets after it when that number fits, and its note says how the total was found.
 */
function partClaim(
  out: ExtractionBuilder,
  token: { value: number; start: number; end: number },
  label: string,
  total: number,
  source: 'same-sentence' | 'earlier-sentence',
  note: (percent: string | undefined) => string,
  context: TextSpan | undefined,
): ExtractedClaim {
  const percent = bracketedPercent(out.text, token, total);
  const claim: ExtractedClaim = {
    id: out.id(slug(label) || 'part'),
    ...(label && /\p{L}/u.test(label) ? { label } : {}),
    numerator: token.value,
    denominator: total,
    denominatorSource: source,
    denominatorNote: note(percent),
    ...(percent ? { percent } : {}),
    span: out.span(token.start, token.end),
    ...(context ? { context } : {}),
  };
  out.claims.push(claim);
  return claim;
}
