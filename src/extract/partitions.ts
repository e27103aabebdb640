import type { Group } from './discourse.js';
import type { ExtractionBuilder, SentenceClaims } from './extract-claims.js';
import type { Mention, PartMention, TotalMention } from './grammar.js';
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

function addPartition(out: ExtractionBuilder, total: number, parts: readonly ExtractedClaim[], difference: number, start: number): void {
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
      const claims: ExtractedClaim[] = chosen.map((p) => {
        used.add(p);
        const claim: ExtractedClaim = {
          id: out.id(slug(p.label) || 'part'),
          ...(p.label && /\p{L}/u.test(p.label) ? { label: p.label } : {}),
          numerator: p.token.value,
          denominator: g.value,
          denominatorSource: sentence !== undefined && g.sentence === sentence ? 'same-sentence' : 'earlier-sentence',
          denominatorNote: `one of ${chosen.length} counts that add up to ${g.value}`,
          span: out.span(p.token.start, p.token.end),
          ...(context ? { context } : {}),
        };
        out.claims.push(claim);
        return claim;
      });
      addPartition(out, g.value, claims, 0, g.start);
    }
  }
}
