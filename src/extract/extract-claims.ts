import type { DocumentBlock, TableData, TextDocument } from '../document/document.js';
import { lazyWords } from './word-boundary.js';
import { textDocument } from '../document/text-document.js';
import { cerebralPalsyCohort } from '../schema/cerebral-palsy.js';
import type { Cohort } from '../schema/define-cohort.js';
import { ambiguousTie, comparedSubgroups, countNoun, narrowedBy, percentOfNoun, testedComparison } from './ambiguity.js';
import { resolveShare, Scope, type Group } from './discourse.js';
import { fitFields, fitShare } from './fit.js';
import { declaredName, usedName } from './named-groups.js';
import { readMentions, type Mention, type PartMention, type ShareMention } from './grammar.js';
import { RESTATEMENT_AT_END } from './vocabulary.js';
import { resolveLocale, type ReadingLocale } from './locale.js';
import { addPartition, proposeCountParts, proposeNestedParts, proposeParagraphPartitions, proposePartitions, proposeSentenceParts, type SentenceCount } from './partitions.js';
import { slug } from './slug.js';
import { screenExtraction } from './screen.js';
import { splitSentences } from './sentences.js';
import { readTextTables } from './text-table.js';
import { tieSharesToLaterTotals } from './later-totals.js';
import { proposeValueLines } from './value-lines.js';
import { tokenize, type NumberToken } from './tokens.js';
import type { ExtractedClaim, ExtractedMean, ExtractedPartition, Extraction, ExtractOptions, TextSpan, TotalInScope, UnresolvedFigure } from './types.js';

// expressions used inside functions, built once (a literal there is rebuilt on every call)
const LEADING_FILLER = lazyWords(() => /^\s*(?:were|was|had|have|with|of|are|is|in|patients?\s+with|children\s+with)\b/i);
const NOUN_WITH = lazyWords(() => /\b(?:patients?|children|cases?|subjects?|participants?|people|persons?)\s+(?:with|had|have|who\s+had|diagnosed\s+with|of)\b/i);
const CONDITION_NAME = lazyWords(() => /\b(?:cerebral\s+palsy|CP)\b/gi);
const TYPE_WORD = lazyWords(() => /\b(?:type|types|form|forms|subtype|subtypes)\b/gi);
const OTHER_BEFORE = lazyWords(() => /\bother\s*$/i);
// "(26% women)", "(57% boys; ...)": a word after the percent inside its bracket says what part of the count it is
// ("(57.5% male with mean age of 63 years)": a share of the sexes may go on to another trait of the group)
const COMPOSITION_AFTER = lazyWords(() => /^\s*(?:(?!(?:of|aller|der|des|de|du|del|von|in|among|vs\.?|versus)\b)[\p{L}][\p{L}-]*(?:\s+[\p{L}-]+){0,2}\s*[);]|(?:male|female|men|women|boys|girls|males|females)\s*(?:,|\bwith\b|\band\b))/iu);
const RATE_NAME = lazyWords(() => /\b(?:the\s+)?(?:total\s+|overall\s+)?(?:[\p{L}-]+\s+)?(?:rate|Rate|rate\b|taux|tasa|rate)\b/iu);


export type { DenominatorSource, ExtractedClaim, ExtractedMean, ExtractedPartition, Extraction, ExtractLocale, ExtractOptions, TableContext, TableExtraction, TableReader, TextSpan, TotalInScope, UnresolvedFigure } from './types.js';

/** The claims of one sentence as the partition step needs them: in text order, with their mentions. */
export interface SentenceClaims {
  claims: { claim: ExtractedClaim; mention: ShareMention | PartMention; group?: Group }[];
  totals: Group[];
  partCue: boolean;
}

class Builder {
  readonly claims: ExtractedClaim[] = [];
  readonly partitions: ExtractedPartition[] = [];
  readonly unresolved: UnresolvedFigure[] = [];
  readonly means: ExtractedMean[] = [];
  private readonly ids = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  /** Keys of proposed partitions, so one is not proposed twice. */
  readonly partitionKeys = new Set<string>();
  /** Starts of figures already listed as unresolved. */
  readonly unresolvedStarts = new Set<number>();
  constructor(
    readonly text: string,
    readonly cohort: Cohort<string>,
  ) {}
  span(start: number, end: number): TextSpan {
    return { start, end, quote: this.text.slice(start, end) };
  }
  id(base: string): string {
    const clean = base || 'claim';
    let id = clean;
    // a counter per base keeps this constant time on pages with thousands of "claim-N"
    for (let k = this.nextSuffix.get(clean) ?? 2; this.ids.has(id); k++) {
      id = `${clean}-${k}`;
      this.nextSuffix.set(clean, k + 1);
    }
    this.ids.add(id);
    return id;
  }
  unresolvedAt(start: number, end: number, reason: string): void {
    this.unresolved.push({ text: this.text.slice(start, end), reason, span: this.span(start, end) });
    this.unresolvedStarts.add(start);
  }
}

const RELATIVE_CLAUSE_BETWEEN = /^\s*[\p{L}-]+(?:\s+[\p{L}-]+){0,2}\s*,\s*(?:die|der|das|welche|who|that|which|qui|que|quienes|los\s+que|las\s+que)\s[^.;\d]{0,80}?,\s*(?:[\p{L}-]+\s+){1,3}$/u;
const GERMAN_OF_HEAD = /(?:^|[.;:]\s*|\n)\s*(?:Von|Unter)\s+(?:den|allen)?\s*$/u;
const OF_TOTAL_HEAD = /(?:^|[.;:]\s*|\n)\s*(?:Of|Among|De|Von|Sur|Parmi|Entre|Unter)\s+(?:the|all|los|las|den|les|todos\s+los)?\s*$/u;


/** The label words of a share with filler removed: "patients with spastic type" → "spastic". */
function cleanLabel(phrase: string): string {
  return phrase
    .replace(LEADING_FILLER(), '')
    .replace(NOUN_WITH(), '')
    .replace(CONDITION_NAME(), '')
    .replace(TYPE_WORD(), (m, offset: number, all: string) => (OTHER_BEFORE().test(all.slice(0, offset)) ? m : ''))
    .replace(/[,;:*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Turn a page (text, Markdown, or a document read from HTML) into claims to audit: counts with
 * their percents and denominators, totals and the parts that add up to them, improvement rates,
 * each with its exact source span and the paragraph that holds it. The text is read once:
 * numbers (with the locale's decimal mark, number words, percent words), then a small grammar of
 * count expressions, then a discourse model of the groups stated so far, so a share reaches a
 * total stated sentences earlier, and shares of a subgroup are tied to the subgroup or left
 * unresolved. Every claim says how its denominator was found (`denominatorSource`); figures that
 * cannot be tied to a group go to `unresolved` with the reason; p-values, intervals, odds ratios,
 * ages, doses, dates, ranges, percent changes and rates per population yield nothing. Linear in
 * the length of the text. Deterministic, no network, no model.
 *
 * @example
 * const { claims, partitions } = extractClaims('We treated 200 patients, including 150 with spastic type (75%) and 50 with mixed type (25%).');
 * claims.map((c) => [c.id, c.numerator, c.denominator, c.percent]); // [['spastic', 150, 200, '75'], ['mixed', 50, 200, '25']]
 * partitions[0].parts; // ['spastic', 'mixed']
 */
export function extractClaims(input: string | TextDocument, options: ExtractOptions = {}): Extraction {
  const document = typeof input === 'string' ? textDocument(input) : input;
  const text = document.text;
  const locale = resolveLocale(options.locale, options.decimalComma, text);
  const cohort = options.cohort ?? cerebralPalsyCohort;
  const out = new Builder(text, cohort);
  const scope = new Scope();
  let sentenceIndex = 0;
  let listParts: { mention: PartMention; sentence: number }[] = [];
  let lastParagraphTotal: Group | undefined;
  // tables printed as text are read first, by their columns; the prose reader skips what they took
  const tableBlocks = options.tables ? document.blocks.filter((b) => b.kind === 'table' && b.table) : [];
  const tables = readTextTables(out, text, locale, (at) => tableBlocks.some((b) => at >= b.start && at < b.end));
  const inTextTable = (at: number) => {
    let lo = 0;
    let hi = tables.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = tables.ranges[mid]!;
      if (at < r.start) hi = mid - 1;
      else if (at >= r.end) lo = mid + 1;
      else return true;
    }
    return false;
  };

  // a list is read as one enumeration: its items' shares of one total are proposed as a partition together
  let listShares: SentenceClaims['claims'] = [];
  const flushList = () => {
    if (listParts.length >= 2 && lastParagraphTotal) proposeCountParts(out, listParts.map((p) => p.mention), [lastParagraphTotal], undefined, undefined);
    if (listShares.length >= 2) proposePartitions(out, [{ claims: listShares, totals: [], partCue: false }], [], [], sentenceIndex, out.span(0, 0));
    listParts = [];
    listShares = [];
  };

  document.blocks.forEach((block, b) => {
    if (block.kind === 'table' && block.table && options.tables) {
      flushList();
      readTable(out, document, block as DocumentBlock & { table: TableData }, options, locale, cohort, scope);
      return;
    }
    const allTokens = tokenize(block.text, locale).map((t) => ({ ...t, start: t.start + block.start, end: t.end + block.start }));
    const tokens = tables.ranges.length === 0 ? allTokens : allTokens.filter((t) => !inTextTable(t.start));
    if (tokens.length < allTokens.length) {
      for (const t of allTokens) {
        if (t.percent && t.excluded === undefined && inTextTable(t.start) && !tables.claimed.has(t.start) && !out.unresolvedStarts.has(t.start)) out.unresolvedAt(t.start, t.end, 'a percent in a table printed as text whose row does not line up with the group sizes of its header');
      }
    }
    const sentences = block.kind === 'table' ? tableLines(block) : splitSentences(block.text, block.start);
    if (block.kind === 'heading') {
      flushList();
      const totals: Group[] = [];
      for (const s of sentences) {
        for (const m of readMentions(text, tokens.filter((t) => t.start >= s.start && t.end <= s.end), s.start, s.end)) {
          if (m.kind === 'total' && !m.approximate) totals.push(group(m.token, sentenceIndex, b, 'total'));
        }
        sentenceIndex++;
      }
      scope.heading(totals);
      reportPercents(out, tokens, new Set());
      return;
    }
    if (block.kind !== 'list-item') {
      flushList();
      scope.paragraphBreak();
    }
    const claimed = new Set<number>();
    const claimsBefore = out.claims.length;
    const unresolvedBefore = out.unresolved.length;
    // counts that are each the only figure of their sentence, and the totals of the paragraph, for proposeSentenceParts
    const sentenceCounts: SentenceCount[] = [];
    const paragraphTotals: Group[] = [];
    let t = 0;
    for (const s of sentences) {
      const inSentence: typeof tokens = [];
      while (t < tokens.length && tokens[t]!.start < s.start) t++;
      for (let u = t; u < tokens.length && tokens[u]!.start < s.end; u++) inSentence.push(tokens[u]!);
      const largest = scope.largestTotal();
      const statedSize = (value: number) => scope.stated(value);
      const totalsInReach = scope.candidates(s.start, sentenceIndex, false).map((c) => c.group.value);
      const mentions = readMentions(text, inSentence, s.start, s.end, { ...(largest !== undefined ? { largestTotal: largest } : {}), statedSize, totalsInReach });
      const sentence = readSentence(out, mentions, scope, sentenceIndex, b, block, claimed, s, tokens);
      if (block.kind === 'list-item') listShares.push(...sentence.claims);
      if (block.kind === 'list-item' && sentence.claims.length === 0) {
        const parts = mentions.filter((m): m is PartMention => m.kind === 'part');
        if (parts.length === 1 && mentions.every((m) => m.kind !== 'share')) listParts.push({ mention: parts[0]!, sentence: sentenceIndex });
      }
      const lastTotal = sentence.totals[sentence.totals.length - 1];
      if (lastTotal) lastParagraphTotal = lastTotal;
      paragraphTotals.push(...sentence.totals);
      const only = mentions.length === 1 ? mentions[0]! : undefined;
      if (only !== undefined && only.kind !== 'share' && !(only.kind === 'part' && only.nEquals) && !(only.kind === 'total' && only.approximate) && sentence.claims.length === 0) {
        sentenceCounts.push({ token: only.token, label: only.kind === 'part' ? only.label : countNoun(text, only.token) ?? '', sentence: sentenceIndex });
      }
      sentenceIndex++;
    }
    if (block.kind !== 'list-item') {
      tieSharesToLaterTotals(out, unresolvedBefore, tokens, [...paragraphTotals, ...sentenceCounts.map((c) => ({ ...c.token, approximate: false }))], out.span(block.start, block.end));
      proposeSentenceParts(out, sentenceCounts, paragraphTotals, out.span(block.start, block.end));
      proposeParagraphPartitions(out, out.claims.slice(claimsBefore));
    }
    reportPercents(out, tokens, claimed);
  });
  flushList();
  proposeValueLines(out, text, locale, document.blocks.filter((b) => b.kind !== 'heading' && !(b.kind === 'table' && b.table && options.tables)));
  return screenExtraction({ claims: out.claims, partitions: out.partitions, unresolved: out.unresolved, ...(out.means.length > 0 ? { means: out.means } : {}), locale: locale.language, decimalComma: locale.decimalComma });
}

const group = (token: { value: number; start: number; end: number }, sentence: number, block: number, kind: Group['kind'], approximate = false): Group => ({
  value: token.value,
  approximate,
  start: token.start,
  end: token.end,
  sentence,
  block,
  kind,
});

/** Each row of a table block read as a sentence (when no table reader is given). */
function tableLines(block: DocumentBlock) {
  const out: { start: number; end: number }[] = [];
  let at = block.start;
  for (const line of block.text.split('\n')) {
    out.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return out;
}

/** Resolve the shares of one sentence, add its totals to the scope, and propose partitions. */
function readSentence(out: Builder, mentions: Mention[], scope: Scope, sentence: number, blockIndex: number, block: DocumentBlock, claimed: Set<number>, bounds: { start: number; end: number }, blockTokens: readonly NumberToken[]): SentenceClaims {
  const result: SentenceClaims = { claims: [], totals: [], partCue: false };
  const unresolvedBefore = out.unresolved.length;
  const context = out.span(block.start, block.end);
  const claimsBefore = out.claims.length;
  declareNamedGroups(out.text, mentions, scope, sentence, blockIndex, bounds);
  // the group named by a share ("30% de los pacientes del grupo control") holds for the bare percents after it
  let groupName: string | undefined;
  const pending: { mention: ShareMention; claim: ExtractedClaim; group?: Group }[] = [];
  const far: { mention: ShareMention; innermost?: Group }[] = [];
  const inReachAtStart = scope.candidates(mentions[0]?.kind === 'share' ? mentions[0].start : Number.MAX_SAFE_INTEGER, sentence, false).map((c) => c.group);
  const later = [
    ...mentions.filter((m): m is Mention & { kind: 'total' } => m.kind === 'total').map((m) => group(m.token, sentence, blockIndex, 'total', m.approximate)),
    ...sumsPrintedAfter(mentions).map((t) => group(t, sentence, blockIndex, 'total')),
  ];
  // "ORR was 48.8%: CR 15/45 (33.3%); PR 7/45 (15.5%)": a denominator printed later in the sentence, a last resort
  const printedLater = mentions.flatMap((m) => (m.kind === 'share' && m.denominator ? [group(m.denominator, sentence, blockIndex, 'total')] : []));
  let approximateSeen = false;
  const compared = comparedSubgroups(out.text, mentions, bounds.end);
  // percents closed by "respectively" are each of its own group: never the cohort's rate
  const listedRun = new Set<Mention>();
  const respective = respectiveGroups(out, mentions, block.start, blockTokens, listedRun);
  const composed: NumberToken[] = [];
  // where the mention before the current one ends: the clause that introduces it starts there
  let previousEnd = bounds.start;
  let lastEnd = bounds.start;
  for (let m of mentions) {
    previousEnd = lastEnd;
    lastEnd = m.kind === 'share' ? m.end : m.token.end;
    if (m.kind === 'total') {
      const at = m.token.start;
      const g = later.find((l) => l.start === at && l.kind === 'total')!;
      scope.addTotal(g);
      const noun = countNoun(out.text, m.token);
      if (noun !== undefined) scope.nameGroup(`the ${noun}`, g);
      result.totals.push(g);
      continue;
    }
    if (m.kind === 'part') {
      scope.addCount(group(m.token, sentence, blockIndex, 'count'));
      const noun = countNoun(out.text, m.token);
      if (noun !== undefined) scope.nameGroup(`the ${noun}`, group(m.token, sentence, blockIndex, 'total'));
      // "9012 patients étaient admissibles aux analyses": the analysed group
      if (m.included) scope.addTotal(group(m.token, sentence, blockIndex, 'total'));
      continue;
    }
    result.partCue ||= m.partCue;
    if (m.ofThem && m.count === undefined && m.denominator === undefined) {
      // "1.204 Patienten behandelt; 29,2 % davon": a bare "of them" points back to the group just stated in the
      // sentence, when the percent is possible for it; "of those who died" describes a smaller group instead
      const last = scope.lastCount;
      // "54.3% of patients had a catheter, removed in 75% of them": after a share, "of them" is that share's subgroup
      const at = m.start;
      const shareBetween = last !== undefined && mentions.some((o) => o.kind === 'share' && o.start > last.end && o.start < at);
      // within the sentence, or from the sentence just before when no figure stands between ("recorded 100 queries.
      // 29% of these ..."), and down a run of such shares ("25% of these ..."): further back "them" may be any group
      const chain = scope.ofThemChain;
      const from = last === undefined ? m.start : Math.max(last.end, chain?.group === last ? chain.end : 0);
      const adjacent = last !== undefined && (last.sentence === sentence - 1 || (chain?.group === last && chain.sentence === sentence - 1)) && m.start - from <= 400 && !/\d/.test(out.text.slice(from, m.start));
      const back = !m.subgroup && !shareBetween && m.percent && last !== undefined && (last.sentence === sentence || adjacent) && last.end <= m.start && !last.approximate && fitShare(fitFields(undefined, m.percent), last.value) === 'exact' ? last : undefined;
      // "70% of the patients had a vaginal approach, 10% of them an abdominal and 20% of them a laparoscopic one": bare
      // percents of one sentence that add up to 100 split one group, so "of them" is the group of the share before it
      const split = back === undefined && shareBetween && m.percent && !m.subgroup ? splitWith(mentions, pending, m) : undefined;
      if (split !== undefined && m.percent) {
        const claim: ExtractedClaim = {
          id: out.id(slug(cleanLabel(m.label)) || 'claim'),
          denominator: split.value,
          denominatorSource: split.sentence === sentence ? 'same-sentence' : 'earlier-sentence',
          denominatorNote: `"of them" after a share of the ${split.value}: the percents of the sentence add up to 100, so they split that one group`,
          percent: m.percent.digits,
          span: out.span(m.start, m.end),
          context,
        };
        pending.push({ mention: m, claim, group: split });
        continue;
      }
      if (!back || !m.percent) {
        out.unresolvedAt(m.start, m.end, 'a share of a subgroup whose size is not printed ("of them")');
        if (m.percent) claimed.add(m.percent.start);
        continue;
      }
      const claim: ExtractedClaim = {
        id: out.id(slug(cleanLabel(m.label)) || 'claim'),
        denominator: back.value,
        denominatorSource: back.sentence === sentence ? 'same-sentence' : 'earlier-sentence',
        denominatorNote: `"of them" points back to the ${back.value} stated just before`,
        percent: m.percent.digits,
        span: out.span(m.start, m.end),
        context,
      };
      pending.push({ mention: m, claim, group: back });
      scope.ofThemChain = { group: back, sentence, end: m.end };
      continue;
    }
    // after "about 18% of patients", the bare percents of the sentence ("with anemia (7%), ...") break down that vague group
    if (m.approximate) approximateSeen = true;
    if (m.percent && (m.approximate || (approximateSeen && m.count === undefined && m.denominator === undefined))) {
      out.unresolvedAt(m.start, m.end, m.approximate ? 'an approximate percent ("about 18%"), not an exact share to check' : 'a percent of a group the sentence gives only approximately');
      claimed.add(m.percent.start);
      continue;
    }
    if (m.percent && m.count === undefined && m.denominator === undefined) {
      const own = usedName(out.text, m.percent, previousEnd, bounds.end);
      groupName = own ?? groupName;
      if (groupName !== undefined) {
        const named = scope.namedGroup(groupName, m.start);
        if (named === undefined) {
          out.unresolvedAt(m.start, m.end, `a share of a named group ("${groupName}") whose size the text has not stated`);
          claimed.add(m.percent.start);
          continue;
        }
        const fit = fitShare(fitFields(undefined, m.percent), named.value);
        const claim: ExtractedClaim = {
          id: out.id(slug(`group ${groupName}`)),
          label: `group ${groupName}`,
          denominator: named.value,
          denominatorSource: named.sentence === sentence ? 'same-sentence' : 'earlier-sentence',
          denominatorNote: `the size of the group named "${groupName}"${own === undefined ? ' earlier in the sentence' : ''}${fit === 'exact' ? '' : `; ${m.percent.digits}% is not exactly possible for ${named.value}`}`,
          percent: m.percent.digits,
          span: out.span(m.start, m.end),
          context,
        };
        pending.push({ mention: m, claim, group: named });
        continue;
      }
    }
    if (m.namedGroup && m.percent && m.count === undefined && m.denominator === undefined && !m.anaphor) {
      out.unresolvedAt(m.start, m.end, `a share of a named subgroup ("${m.namedGroup}") whose size is not printed with it`);
      claimed.add(m.percent.start);
      continue;
    }
    if (m.versus && m.percent && m.count === undefined && m.denominator === undefined) {
      // "27% vs. 50%" compares two groups; "92% versus 8%" splits one group in two
      const decimals = Math.max(m.percent.decimals, m.versus.decimals);
      if (Math.abs(m.percent.value + m.versus.value - 100) > 10 ** -decimals + 1e-9) {
        out.unresolvedAt(m.start, m.end, 'a comparison between two groups whose sizes are not tied to the percents');
        claimed.add(m.percent.start);
        continue;
      }
    }
    // "(6.8% men and 6.1% women; P=0.55)": percents a p-value tests against each other are rates of the groups compared
    if (m.percent && m.count === undefined && m.denominator === undefined && testedComparison(out.text, m.percent.start, bounds.start, bounds.end)) {
      out.unresolvedAt(m.start, m.end, 'a rate of one of the groups a test compares (a p-value in its bracket), whose sizes are not tied to the percents');
      claimed.add(m.percent.start);
      continue;
    }
    // "Completion rates were highest for inpatient treatment (75%) and lowest for outpatient programs (18%)"
    if (m.percent && m.count === undefined && m.denominator === undefined && RANKED_SUBGROUP_BEFORE().test(out.text.slice(Math.max(bounds.start, m.percent.start - 120), m.percent.start))) {
      out.unresolvedAt(m.start, m.end, 'the rate of a subgroup a comparison ranks ("highest for ..."), whose size is not printed');
      claimed.add(m.percent.start);
      continue;
    }
    if (m.subgroup && m.percent && m.count === undefined && m.denominator === undefined && !(m.subgroup === 'listed' && respective.has(m))) {
      out.unresolvedAt(m.start, m.end, m.subgroup === 'described' ? 'a share of a smaller group described by its members ("of patients with ..."), whose size is not printed' : 'one of a list of percents, each of its own subgroup ("..., respectively"), whose sizes are not printed');
      claimed.add(m.percent.start);
      continue;
    }
    if (m.improvement && m.percent && m.denominator === undefined && m.count === undefined && listedRun.has(m)) {
      out.unresolvedAt(m.start, m.end, 'one of a list of rates, each of its own group ("..., respectively"), whose sizes are not printed');
      claimed.add(m.percent.start);
      continue;
    }
    if (m.improvement && m.denominator === undefined && m.count === undefined && m.percent && !respective.has(m)) {
      const candidates = scope.candidates(m.start, sentence, m.anaphor);
      const at = m.start;
      const afterIt = later.find((g) => g.start > at && !g.approximate);
      const innermost = candidates[0] ?? (afterIt ? { group: afterIt, via: 'the total stated later in the sentence' } : undefined);
      if (!innermost) {
        out.unresolvedAt(m.start, m.end, 'an improvement rate with no denominator in reach');
        claimed.add(m.percent.start);
        continue;
      }
      const claim: ExtractedClaim = {
        id: out.id('improvement'),
        label: 'improvement rate',
        measure: 'improvement',
        denominator: innermost.group.value,
        denominatorSource: 'assumed',
        denominatorAssumed: true,
        denominatorNote: `the text does not say what the rate is of; assumed to be all ${innermost.group.value} (${innermost.via})`,
        percent: m.percent.digits,
        span: out.span(rateStart(out.text, m), m.end),
        context,
      };
      pending.push({ mention: m, claim, group: innermost.group });
      continue;
    }
    // "102,004 (26% women) STEMI": the percent describes the count printed before it, its own group
    if (m.count && m.percent && m.denominator === undefined && /^\s*(?:[\p{L}-]+\s+){0,3}\(\s*$/u.test(out.text.slice(m.count.end, m.percent.start)) && COMPOSITION_AFTER().test(out.text.slice(m.percent.end, Math.min(bounds.end, m.percent.end + 40)))) {
      const n = m.count;
      const claim: ExtractedClaim = {
        id: out.id(slug(cleanLabel(m.label)) || 'claim'),
        denominator: n.value,
        denominatorSource: 'with-claim',
        denominatorNote: `the percent describes the ${n.value} printed just before it`,
        percent: m.percent.digits,
        span: out.span(m.start, m.end),
        context,
      };
      const described = { ...m, count: undefined, denominator: n };
      pending.push({ mention: described, claim });
      composed.push(n);
      scope.addCount(group(n, sentence, blockIndex, 'count'));
      continue;
    }
    // "We included 250 boys and 200 girls. Asthma was found in 12% of boys and 8.5% of girls": a compared subgroup
    // the text counted before, under the same noun, is the group of its percent
    const comparedName = m.percent ? compared.get(m) : undefined;
    const comparedGroup = comparedName !== undefined ? scope.namedGroup(`the ${comparedName}`, m.start) : undefined;
    if (comparedGroup !== undefined && m.percent && fitShare(fitFields(undefined, m.percent), comparedGroup.value) === 'exact') {
      pending.push({ mention: m, claim: nounGroupClaim(out, m, m.percent, comparedName!, comparedGroup, sentence, context), group: comparedGroup });
      continue;
    }
    if (compared.has(m) && m.percent) {
      out.unresolvedAt(m.start, m.end, 'a comparison of percents between subgroups named after them ("9.6% in women and 5.3% in men") whose sizes are not tied to the percents');
      claimed.add(m.percent.start);
      continue;
    }
    // "180 boys and 120 girls. 40% of the boys improved": the percent is of the group its noun names
    const ofNoun = m.percent && m.count === undefined && m.denominator === undefined && !m.anaphor ? percentOfNoun(out.text, m.percent, bounds.end) : undefined;
    const nounGroup = ofNoun !== undefined ? scope.namedGroup(`the ${ofNoun}`, m.start) : undefined;
    if (ofNoun !== undefined && m.percent && (nounGroup === undefined || fitShare(fitFields(undefined, m.percent), nounGroup.value) === 'far')) {
      out.unresolvedAt(m.start, m.end, `a share of the ${ofNoun}, a subgroup whose size ${nounGroup === undefined ? 'the text does not print' : `(${nounGroup.value}) the percent does not fit`}`);
      claimed.add(m.percent.start);
      continue;
    }
    if (nounGroup !== undefined && m.percent) {
      pending.push({ mention: m, claim: nounGroupClaim(out, m, m.percent, ofNoun!, nounGroup, sentence, context), group: nounGroup });
      continue;
    }
    // "Diabetes was present in 18%, of whom 40% were on insulin": "of whom" after a bare percent is that percent's subgroup
    if (m.anaphor && m.percent && m.count === undefined && m.denominator === undefined && ofPercentBefore(out.text, mentions, m, scope.lastCount?.end ?? bounds.start)) {
      out.unresolvedAt(m.start, m.end, 'a share of the subgroup the percent before it describes ("18%, of whom 40%"), whose size is not printed');
      claimed.add(m.percent.start);
      continue;
    }
    const listedGroup = m.percent ? respective.get(m) : undefined;
    if (listedGroup !== undefined && m.percent) {
      const fit = fitShare(fitFields(undefined, m.percent), listedGroup.size);
      // a percent "respectively" gives a group it is no possible share of says the groups were not these: left unresolved
      if (fit !== 'exact') {
        out.unresolvedAt(m.start, m.end, `"respectively" would give ${m.percent.digits}% to the ${listedGroup.size} listed ${listedGroup.ordinal} of ${listedGroup.of} groups before it, of which it is no possible share: the percents are of other groups`);
        claimed.add(m.percent.start);
        continue;
      }
      const claim: ExtractedClaim = {
        id: out.id(slug(listedGroup.label) || 'claim'),
        ...(listedGroup.label ? { label: listedGroup.label } : {}),
        denominator: listedGroup.size,
        denominatorSource: listedGroup.sameSentence ? 'same-sentence' : 'earlier-sentence',
        denominatorNote: `"respectively": the share of the ${listedGroup.size} listed ${listedGroup.ordinal} of ${listedGroup.of} groups before it`,
        percent: m.percent.digits,
        span: out.span(m.start, m.end),
        context,
      };
      pending.push({ mention: m, claim });
      continue;
    }
    // "bei 19.850 von insgesamt 67.817 Geburten ... Das entspricht einem Anteil von 29,3 Prozent": a bare percent that the
    // ratio just before it gives exactly is that ratio restated, not a share of some other group
    if (m.percent && m.count === undefined && m.denominator === undefined && !m.ofThem && m.subgroup === undefined && m.namedGroup === undefined && restateRatio(out, m.percent, block.start, m.start)) {
      claimed.add(m.percent.start);
      continue;
    }
    let r = resolveShare(m, scope, sentence, [...later, ...printedLater]);
    // "von 9.750 Kindern 2.920 per Kaiserschnitt geboren. Damit lag die Rate dort bei 29,9 Prozent", "starben acht Menschen,
    // obschon das Spital bloss 70 dieser Eingriffe vornahm. Das entspricht einer Sterberate von 11 Prozent": when exactly one
    // count of the sentence before gives the printed percent of one group in reach (its total, or another count of that
    // sentence), with no total stated after it, the percent alone in its sentence is that count's share of that group
    let countOfTotal = false;
    if ((r.ok ? r.group !== undefined : r.innermost === undefined) && mentions.length === 1 && m.percent && m.count === undefined && m.denominator === undefined && !m.ofThem && m.subgroup === undefined) {
      const pair = countGivingPercent(scope, m.percent, m.start, r.ok ? r.group : undefined, sentence, blockIndex);
      if (pair) {
        m = { ...m, count: { start: pair.count.start, end: pair.count.end, value: pair.count.value, digits: String(pair.count.value), decimals: 0, percent: false, word: false, weak: false } };
        r = { ok: true, denominator: pair.of.value, source: pair.of.sentence === sentence ? 'same-sentence' : 'earlier-sentence', fit: 'exact', group: pair.of, note: `the count is the ${pair.count.value} of the sentence before, the only one there that gives the printed ${m.percent!.digits}% of a group in reach (${pair.of.value})` };
        countOfTotal = true;
      }
    }
    const narrowed = r.ok && r.source === 'earlier-sentence' && r.group ? narrowedBy(out.text, m, bounds.start, nounAfter(out.text, r.group.end)) : undefined;
    if (narrowed !== undefined && m.percent) {
      out.unresolvedAt(m.start, m.end, `a share of a smaller group the sentence narrows to ("${narrowed}"), whose size is not printed`);
      claimed.add(m.percent.start);
      continue;
    }
    // a bare percent three sentences or more after the total it fits, with three groups or more counted since and no
    // words of its own naming the whole ("of patients", "Of all patients,"), is as likely of one of those groups: in
    // the held-back corpus passages such ties were wrong five times in six
    if (r.ok && r.source === 'earlier-sentence' && r.group && !countOfTotal && m.percent && m.count === undefined && m.denominator === undefined && !m.anaphor && sentence - r.group.sentence >= 3 && scope.countedSince(r.group) >= 3 && !namesWhole(out.text, m.percent, bounds)) {
      out.unresolvedAt(m.start, m.end, `${m.percent.digits}% fits the ${r.denominator} stated ${sentence - r.group.sentence} sentences before, but the text has counted ${scope.countedSince(r.group)} groups since and does not say which it is of`);
      claimed.add(m.percent.start);
      continue;
    }
    const tie = r.ok && !countOfTotal ? ambiguousTie(m, r, scope, sentence, out.text) : undefined;
    if (typeof tie === 'object' && r.ok) r = { ...r, denominator: tie.group.value, group: tie.group, note: tie.note };
    const ambiguous = typeof tie === 'string' ? tie : undefined;
    if (ambiguous !== undefined && m.percent) {
      out.unresolvedAt(m.start, m.end, ambiguous);
      claimed.add(m.percent.start);
      continue;
    }
    // "The response rate was 62% (n = 150)": with no total it fits, the n of a named rate is its denominator
    // "Complications occurred in 12% of cases (n = 250)": with no total in reach at all, the n is the group's size
    const noTotal = !r.ok && r.innermost === undefined;
    if ((m.improvement || (m.countIsN && noTotal)) && m.count && m.percent && m.denominator === undefined && (!r.ok || r.fit !== 'exact') && fitShare(fitFields(undefined, m.percent), m.count.value) === 'exact') {
      const n = m.count;
      r = { ok: true, denominator: n.value, source: 'with-claim', fit: 'exact' };
      m = { ...m, count: undefined };
      if (!m.improvement) scope.addTotal(group(n, sentence, blockIndex, 'total'));
    }
    if (!r.ok) {
      far.push({ mention: m, ...(r.innermost ? { innermost: r.innermost } : {}) });
      out.unresolvedAt(m.start, m.end, r.reason);
      if (m.percent) claimed.add(m.percent.start);
      continue;
    }
    const label = cleanLabel(m.label);
    const type = label ? out.cohort.normalizeType(label) : undefined;
    const claim: ExtractedClaim = {
      id: out.id(m.improvement ? 'improvement' : type ?? (slug(label) || 'claim')),
      ...(label && /\p{L}/u.test(label) ? { label } : {}),
      ...(type ? { type } : {}),
      ...(m.improvement ? { measure: 'improvement' as const } : {}),
      ...(m.count ? { numerator: m.count.value } : {}),
      denominator: r.denominator,
      denominatorSource: r.source,
      ...(r.note ? { denominatorNote: r.note } : r.fit === 'near' && r.source !== 'with-claim' ? { denominatorNote: `the printed percent is not exactly possible for ${r.denominator}, the nearest total in reach` } : {}),
      ...(m.percent ? { percent: m.percent.digits } : {}),
      span: out.span(m.start, m.end),
      context,
    };
    pending.push({ mention: m, claim, ...(r.group ? { group: r.group } : {}) });
    if (m.count) scope.addCount({ ...group(m.count, sentence, blockIndex, 'count'), ...(m.percent ? { isPart: true } : m.denominator ? { ratio: true } : {}) });
    if (m.denominator && m.denominatorIsGroup) scope.addTotal({ ...group(m.denominator, sentence, blockIndex, 'total'), ratio: true });
    // the whole of a ratio "of those 4,000" stays in view as a group a later percent may be of, after its part
    else if (m.denominator && m.count && !m.percent) scope.addCount({ ...group(m.denominator, sentence, blockIndex, 'count'), isPart: true });
    if (m.count && m.countIsGroup) scope.addTotal(group(m.count, sentence, blockIndex, 'total'));
  }
  // a list whose percents fit the totals only in part is a list of subgroup rates ("GMFCS I=10 (3%), ..., III=53 (43%)")
  const lastTotalEnd = Math.max(-1, ...later.map((g) => g.end));
  const listed = (x: { mention: ShareMention }) => x.mention.count !== undefined && x.mention.denominator === undefined && x.mention.start > lastTotalEnd;
  const farInList = far.filter(listed).length;
  const perLevel = farInList > 0 && farInList + pending.filter(listed).length >= 3;
  mergeRatioPercents(out, pending, claimed);
  for (const p of pending) {
    if (perLevel && listed(p)) {
      out.unresolvedAt(p.mention.start, p.mention.end, 'the percents of this list do not all fit one total: they seem to be of each subgroup');
      if (p.mention.percent) claimed.add(p.mention.percent.start);
      continue;
    }
    out.claims.push(p.claim);
    result.claims.push(p);
    for (const tok of [p.mention.percent, p.mention.count, p.mention.denominator]) if (tok) claimed.add(tok.start);
  }
  if (pending.length === 0) keepSharesOfPrintedWhole(out, far, sentence, context, result, claimed, unresolvedBefore);
  proposeComposedParts(out, composed, [...later, ...inReachAtStart], sentence, context, result);
  readOfTotalPart(out, mentions, result, sentence, context, scope, blockIndex, bounds.start);
  const partitionsBefore = out.partitions.length;
  proposePartitions(out, [result], mentions, inReachAtStart, sentence, context);
  proposeNestedParts(out, mentions, result.claims, context, claimsBefore);
  demoteParts(out, scope, result.totals, partitionsBefore, claimsBefore);
  return result;
}

/**
 * The group of the share just before `m` in its sentence, when the bare percents of the sentence add up to 100 (they
 * split one group) and every one of them is possible for that group.
 */
function splitWith(mentions: readonly Mention[], pending: readonly { mention: ShareMention; group?: Group }[], m: ShareMention): Group | undefined {
  const bare = mentions.filter((o): o is ShareMention => o.kind === 'share' && o.percent !== undefined && o.count === undefined && o.denominator === undefined);
  if (bare.length < 2) return undefined;
  const decimals = Math.max(...bare.map((o) => o.percent!.decimals));
  const sum = bare.reduce((a, o) => a + o.percent!.value, 0);
  if (Math.abs(sum - 100) > bare.length * 0.5 * 10 ** -decimals + 1e-9) return undefined;
  // the first share of the sentence, already tied to its group
  const group = bare[0] === m ? undefined : pending.find((p) => p.mention === bare[0])?.group;
  if (group === undefined) return undefined;
  return bare.every((o) => fitShare(fitFields(undefined, o.percent!), group.value) === 'exact') ? group : undefined;
}

// "13.6% of patients", "Of all patients 49% ...": the percent's own words say it is of the whole
const OF_AFTER = /^\s*(?:of|among|de|des|du|del|der|aller|von|unter|parmi|entre)\s/iu;
const OF_HEAD_BEFORE = lazyWords(() => /\b(?:of|among|de|parmi|entre|von|unter)\s+(?:all\s+|the\s+|los\s+|las\s+|les\s+|den\s+|todos\s+los\s+)?[\p{L}]+\s*,?\s*$/iu);
const namesWhole = (text: string, percent: { start: number; end: number }, bounds: { start: number; end: number }) =>
  OF_AFTER.test(text.slice(percent.end, Math.min(bounds.end, percent.end + 12))) || OF_HEAD_BEFORE().test(text.slice(Math.max(bounds.start, percent.start - 40), percent.start));

const RANKED_SUBGROUP_BEFORE = lazyWords(() => /\b(?:highest|lowest|higher|lower|greatest|smallest|best|worst)\s+(?:in|for|among|with)\s+[^()%\d;.]{2,80}\(\s*$/iu);

// "12 of the 40 patients followed up for a year (30%)", "179 out of 2,796 patients, a rate of 6.4%": the percent
// printed after a ratio, with no figure between, restates it; read alone it would be a second claim of the total
const RESTATES_RATIO = lazyWords(() => /^[^\d%;.]{0,100}?(?:\(\s*|,?\s*(?:representing|i\.\s?e\.,?|that\s+is|or|giving\s+(?:an?\s+)?(?:[\p{L}-]+\s+)?(?:rate|proportion)\s+of|(?:an?\s+)?(?:[\p{L}-]+\s+)?(?:rate|proportion)\s+of)\s*)$/iu);

function mergeRatioPercents(out: Builder, pending: { mention: ShareMention; claim: ExtractedClaim; group?: Group }[], claimed: Set<number>): void {
  for (let i = 0; i + 1 < pending.length; i++) {
    const ratio = pending[i]!;
    const next = pending[i + 1]!;
    const r = ratio.mention;
    const q = next.mention;
    if (!r.count || !r.denominator || r.percent || !q.percent || q.count || q.denominator || next.claim.denominator !== r.denominator.value) continue;
    if (!RESTATES_RATIO().test(out.text.slice(r.end, q.percent.start))) continue;
    if (fitShare(fitFields(r.count, q.percent), r.denominator.value) !== 'exact') continue;
    ratio.claim = { ...ratio.claim, percent: q.percent.digits, span: out.span(r.start, q.end), denominatorNote: `the percent printed after the ratio ${r.count.value}/${r.denominator.value} restates it` };
    ratio.mention = { ...r, percent: q.percent, end: q.end };
    claimed.add(q.percent.start);
    pending.splice(i + 1, 1);
  }
}

/** The one count of the sentence before that gives `percent` exactly of the group a share was tied to or of another count there. */
function countGivingPercent(scope: Scope, percent: NumberToken, at: number, tied: Group | undefined, sentence: number, blockIndex: number): { count: Group; of: Group } | undefined {
  const previous = scope.recentCounts(at).filter((g) => g.sentence === sentence - 1 && g.block === blockIndex && !g.isPart);
  const groups = tied !== undefined && tied.block === blockIndex ? [tied, ...previous] : previous;
  let found: { count: Group; of: Group } | undefined;
  for (const count of previous) {
    if (scope.totalBetween(count.end, at)) continue;
    for (const of of groups) {
      if (of === count || count.value >= of.value || fitShare({ count: count.value, percent: percent.value, decimals: percent.decimals }, of.value) !== 'exact') continue;
      if (found !== undefined) return undefined;
      found = { count, of };
    }
  }
  return found;
}

const YEAR = /(?<![\d.,])(?:19|20)\d\d(?![\d.,]*\d)/g;
/** Give the nearest ratio claim of the paragraph before `at` the percent that restates it, when it gives that percent exactly. */
function restateRatio(out: Builder, percent: NumberToken, blockStart: number, at: number): boolean {
  for (let i = out.claims.length - 1; i >= 0; i--) {
    const c = out.claims[i]!;
    if (c.span.start < blockStart || c.span.end > at) break;
    if (c.percent !== undefined || c.numerator === undefined) return false;
    // a year between ("690 von 1.951 Krankenhäusern führten im Jahr 2016 Entbindungen durch. Das entspricht ...") is no other figure
    const between = out.text.slice(c.span.end, at).replace(/\d+(?:[.,]\d+)?\s*(?:Prozent|%|per\s*cent|percent|pour\s*cent|por\s*ciento)\s*$/iu, '').replace(YEAR, '');
    if (at - c.span.end > 160 || /%|[0-9]/.test(between)) return false;
    if (fitShare({ count: c.numerator, percent: percent.value, decimals: percent.decimals }, c.denominator) !== 'exact') return false;
    out.claims[i] = { ...c, percent: percent.digits, span: out.span(c.span.start, percent.end), denominatorNote: `${c.numerator}/${c.denominator} gives the ${percent.digits}% printed after it, which restates it` };
    return true;
  }
  return false;
}

// the words between a bare percent and a share that make the share one of that percent's subgroup (no bracket closes between)
const ANAPHOR_AFTER_SHARE = /^[^)]{0,40}\b(?:of\s+(?:whom|which|these|them|those)|dont|davon|de\s+(?:los|las)\s+cuales|de\s+(?:ellos|ellas|estos|estas))\b[^)]*$/iu;
/** A bare percent's claim of the group the text counted before under `noun` ("180 boys ... 40% of the boys"). */
function nounGroupClaim(out: Builder, m: ShareMention, percent: NumberToken, noun: string, g: Group, sentence: number, context: TextSpan): ExtractedClaim {
  return {
    id: out.id(slug(noun) || 'claim'),
    label: noun,
    denominator: g.value,
    denominatorSource: g.sentence === sentence ? 'same-sentence' : 'earlier-sentence',
    denominatorNote: `the ${g.value} ${noun} the text counted before`,
    percent: percent.digits,
    span: out.span(m.start, m.end),
    context,
  };
}

/** A bare percent of the sentence before `m`, after `from`, that "of whom" between them makes `m` a share of. */
function ofPercentBefore(text: string, mentions: readonly Mention[], m: ShareMention, from: number): boolean {
  return mentions.some((o) => o.kind === 'share' && o !== m && o.percent !== undefined && o.count === undefined && o.denominator === undefined && o.end <= m.start && o.start >= from && ANAPHOR_AFTER_SHARE.test(text.slice(o.end, m.start)));
}

// "respectively" closes the run in the four languages; German often joins the run by "bzw." instead
const RESPECTIVELY_NEXT = lazyWords(() => /^\s*%?\s*\)?\s*,?\s*(?:respectively|respectivement|respectivamente|beziehungsweise|jeweils)\b/iu);
const RESPECTIVELY_BETWEEN = lazyWords(() => /^\s*%?\s*,?\s*(?:bzw\.|beziehungsweise)\s*$/iu);
const AND_NEXT = lazyWords(() => /^\s*%?\s*,?\s*(?:and|or|und|oder|bzw\.|beziehungsweise|et|ou|y|o|e)?\s*$/iu);
const N_EQUALS_OPEN = /[([]\s*[nN]\s*[=:]\s*$/u;
const CLOSE_NEXT = /^\s*[)\]]/u;

/**
 * "We enrolled 200 patients (100 surgical, 100 medical). Complications occurred in 12% and 8%,
 * respectively.": a run of bare percents closed by "respectively" with no groups named after it takes, in
 * order, the groups of the last partition of the paragraph when it has as many parts as the run.
 */
function respectiveGroups(out: Builder, mentions: readonly Mention[], blockStart: number, blockTokens: readonly NumberToken[], unmatched: Set<Mention>): Map<Mention, { size: number; label: string; ordinal: number; of: number; sameSentence?: boolean }> {
  const found = new Map<Mention, { size: number; label: string; ordinal: number; of: number; sameSentence?: boolean }>();
  let run: ShareMention[] = [];
  for (const m of mentions) {
    const bare = m.kind === 'share' && m.percent !== undefined && m.count === undefined && m.denominator === undefined;
    if (!bare) {
      run = [];
      continue;
    }
    const joint = run.length > 0 ? out.text.slice(run[run.length - 1]!.percent!.end, m.percent!.start) : '';
    if (run.length > 0 && !AND_NEXT().test(joint)) run = [];
    run.push(m);
    const closed = RESPECTIVELY_NEXT().test(out.text.slice(m.percent!.end, m.percent!.end + 24));
    // "75 % bzw. 60 %": the run is respective when the next figure does not continue it
    const next = mentions[mentions.indexOf(m) + 1];
    const byBzw = run.length >= 2 && RESPECTIVELY_BETWEEN().test(joint) && !(next?.kind === 'share' && next.percent !== undefined && AND_NEXT().test(out.text.slice(m.percent!.end, next.percent.start)));
    if (!closed && !byBzw) continue;
    const last = out.partitions[out.partitions.length - 1];
    if (run.length >= 2 && last !== undefined && last.parts.length === run.length && last.span.start >= blockStart && last.span.end <= run[0]!.start) {
      // the parts were added just before: only the last claims are looked at, so a long page stays linear
      const byId = new Map(out.claims.slice(-256).map((c) => [c.id, c]));
      const parts = last.parts.map((id) => byId.get(id));
      if (parts.every((c) => c?.numerator !== undefined)) run.forEach((r, i) => found.set(r, { size: parts[i]!.numerator!, label: parts[i]!.label ?? '', ordinal: i + 1, of: run.length }));
    }
    // "Groups A (n=120) and B (n=80) had rates of 75% and 60%, respectively": the groups sized with "n =" just
    // before the run, as many as its percents, each of which fits its own
    if (run.length >= 2 && !found.has(run[0]!)) {
      const from = Math.max(blockStart, run[0]!.start - 300);
      // the sizes are read by the tokenizer, in the text's locale ("(n = 1.200)" with decimal commas is 1200)
      const matches = blockTokens.filter((t) => t.start >= from && t.end <= run[0]!.start && t.excluded === undefined && !t.percent && t.decimals === 0 && N_EQUALS_OPEN.test(out.text.slice(Math.max(from, t.start - 8), t.start)) && CLOSE_NEXT.test(out.text.slice(t.end, t.end + 3))).slice(-run.length);
      const sized = matches.map((t) => t.value);
      const sameSentence = matches.length > 0 && !/[.;]\s/u.test(out.text.slice(matches[0]!.start, run[0]!.start));
      if (sized.length === run.length && run.every((r, i) => fitShare(fitFields(undefined, r.percent), sized[i]!) === 'exact')) run.forEach((r, i) => found.set(r, { size: sized[i]!, label: '', ordinal: i + 1, of: run.length, sameSentence }));
    }
    if (run.length >= 2 && !found.has(run[0]!)) for (const r of run) unmatched.add(r);
    run = [];
  }
  return found;
}

/**
 * "Of the total 100 women, 42 (49.4%) were resistant and 43 (50.6%) sensitive, and 15 dropped out": counts
 * with percents that none fits the whole the sentence opens with, but whose percents add up to 100, split
 * some smaller group of it (those evaluated). The text prints them as of that whole, so they are kept as its
 * shares, with a note saying the percents do not fit it, rather than left unresolved or re-targeted.
 */
function keepSharesOfPrintedWhole(out: Builder, far: readonly { mention: ShareMention; innermost?: Group }[], sentence: number, context: TextSpan, result: SentenceClaims, claimed: Set<number>, unresolvedBefore: number): void {
  if (far.length < 2) return;
  const whole = far[0]!.innermost;
  if (whole === undefined || whole.sentence !== sentence || whole.kind !== 'total' || !OF_TOTAL_HEAD.test(out.text.slice(Math.max(0, whole.start - 30), whole.start).replace(/\btotal\s+$/i, ''))) return;
  const shares = far.map((f) => f.mention);
  if (far.some((f) => f.innermost !== whole) || shares.some((m) => !m.count || !m.percent || m.denominator !== undefined || m.start < whole.end || m.count.value >= whole.value)) return;
  const decimals = Math.max(...shares.map((m) => m.percent!.decimals));
  const sum = shares.reduce((a, m) => a + m.percent!.value, 0);
  if (Math.abs(sum - 100) > shares.length * 0.5 * 10 ** -decimals + 1e-9) return;
  const starts = new Set(shares.map((m) => m.start));
  // only the sentence's own unresolved figures are looked at, so a long page stays linear
  for (let i = out.unresolved.length - 1; i >= unresolvedBefore; i--) if (starts.has(out.unresolved[i]!.span.start)) out.unresolved.splice(i, 1);
  for (const m of shares) {
    const claim: ExtractedClaim = {
      id: out.id(slug(cleanLabel(m.label)) || 'claim'),
      numerator: m.count!.value,
      denominator: whole.value,
      denominatorSource: 'same-sentence',
      denominatorNote: `the sentence gives it as of the ${whole.value} it opens with, but its percents (adding up to 100) are of a smaller group: ${m.count!.value}/${whole.value} does not give ${m.percent!.digits}%`,
      percent: m.percent!.digits,
      span: out.span(m.start, m.end),
      context,
    };
    out.claims.push(claim);
    result.claims.push({ claim, mention: m });
    claimed.add(m.percent!.start);
    claimed.add(m.count!.start);
  }
}

/**
 * A bare number right after a run of counts with percents that is their exact sum, every percent
 * fitting it: the total row of a table printed as text ("... Other 656 7% Not known 342 4% 9327").
 */
function sumsPrintedAfter(mentions: readonly Mention[]): NumberToken[] {
  const out: NumberToken[] = [];
  let run: ShareMention[] = [];
  for (const m of mentions) {
    if (m.kind === 'share' && m.count && m.percent && !m.denominator) {
      run.push(m);
      continue;
    }
    if (m.kind === 'part' && run.length >= 2) {
      const sum = run.reduce((a, r) => a + r.count!.value, 0);
      if (sum === m.token.value && run.every((r) => fitShare(fitFields(r.count, r.percent), sum) === 'exact')) out.push(m.token);
    }
    run = [];
  }
  return out;
}

/**
 * "Of 136,247 patients, ... 102,004 (26% women) STEMI, 14,466 (29% women) NSTEMI and 19,777 (40% women)
 * UA": counts whose brackets describe them, adding up exactly to a total in reach, are its parts.
 */
function proposeComposedParts(out: Builder, counts: readonly NumberToken[], totals: readonly Group[], sentence: number, context: TextSpan, result: SentenceClaims): void {
  if (counts.length < 2) return;
  const sum = counts.reduce((a, t) => a + t.value, 0);
  const total = totals.find((g) => g.value === sum && !g.approximate && g.end <= counts[0]!.start);
  if (total === undefined) return;
  const parts = counts.map((t) => {
    const claim: ExtractedClaim = { id: out.id('part'), numerator: t.value, denominator: total.value, denominatorSource: total.sentence === sentence ? 'same-sentence' : 'earlier-sentence', span: out.span(t.start, t.end), context };
    out.claims.push(claim);
    return claim;
  });
  addPartition(out, total.value, parts, 0, counts[0]!.start);
  void result;
}

/** The noun right after a total ("300 children" gives "children"). */
const nounAfter = (text: string, at: number): string | undefined => /^\s*([\p{L}-]+)/u.exec(text.slice(at, at + 40))?.[1];

/** Totals of the sentence that a new partition lists as parts of a larger total leave the scope. */
function demoteParts(out: Builder, scope: Scope, totals: readonly Group[], partitionsBefore: number, claimsBefore: number): void {
  if (totals.length === 0 || out.partitions.length === partitionsBefore) return;
  const partStarts = new Set<number>();
  const byId = new Map(out.claims.slice(claimsBefore).map((c) => [c.id, c]));
  for (const p of out.partitions.slice(partitionsBefore)) {
    for (const id of p.parts) {
      const c = byId.get(id);
      if (c && totals.some((g) => g.start === c.span.start && g.value < p.total)) partStarts.add(c.span.start);
    }
  }
  if (partStarts.size > 0) scope.demote(partStarts);
}

/** Record the groups the sentence names with their sizes: "un grupo estudio (n=142)", "al grupo A pertenecían 44". */
function declareNamedGroups(text: string, mentions: readonly Mention[], scope: Scope, sentence: number, blockIndex: number, bounds: { start: number; end: number }): void {
  let declared = false;
  for (const m of mentions) {
    const token = m.kind === 'share' ? m.count : m.token;
    if (token === undefined) continue;
    const name = declaredName(text, bounds.start, token, bounds.end, declared);
    if (name === undefined) continue;
    scope.nameGroup(name, group(token, sentence, blockIndex, 'total'));
    declared = true;
  }
}

/** "Of the 507 operations, 230 were for bleeding": a count right after an "of N" total is a share of it. */
function readOfTotalPart(out: Builder, mentions: readonly Mention[], result: SentenceClaims, sentence: number, context: TextSpan, scope: Scope, blockIndex: number, sentenceStart: number): void {
  const [first, second, third] = mentions;
  if ((first?.kind !== 'total' && first?.kind !== 'part') || second?.kind !== 'part' || (third !== undefined && third.kind !== 'share') || second.nEquals) return;
  const head = out.text.slice(Math.max(0, first.token.start - 24), first.token.start);
  if (!OF_TOTAL_HEAD.test(head) || second.token.value >= first.token.value) return;
  const between = out.text.slice(first.token.end, second.token.start);
  // "Of the 507 operations, 230 ...", and the verb-second order of German: "Von 36 Kindern konnten 15 ...", with the
  // adverbials German puts between the verb and its subject: "Von den 2045 Krankenhäusern in Deutschland boten im
  // vergangenen Jahr 784 Entbindungen an" (the count the sentence opens with is its group, whatever it counts)
  const verbSecond = /^\s*[\p{L}-]+\s+[\p{L}]+\s+$/u.test(between) || (GERMAN_OF_HEAD.test(head) && /^\s*[\p{L}-]+(?:\s+[\p{L}-]+){1,8}\s+$/u.test(between));
  // "Von den 717 565 Kindern, die 2014 zur Welt kamen, wurden nur 11 391 ...": a relative clause about the group, a year in it
  const relative = RELATIVE_CLAUSE_BETWEEN.test(between.replace(YEAR, 'year'));
  if ((!/,\s*$/.test(between) && !verbSecond && !relative) || between.length > 100) return;
  // a count the grammar did not take for a total heads the sentence only when nothing but "Von den" stands before it
  if (first.kind === 'part' && !/^\s*(?:Of|Among|De|Von|Sur|Parmi|Entre|Unter)\s+(?:the|all|los|las|den|les|todos\s+los)?\s*$/u.test(out.text.slice(sentenceStart, first.token.start))) return;
  const claim: ExtractedClaim = {
    id: out.id(slug(second.label) || 'claim'),
    ...(second.label ? { label: second.label } : {}),
    numerator: second.token.value,
    denominator: first.token.value,
    denominatorSource: 'same-sentence',
    span: out.span(first.token.start, second.token.end),
    context,
  };
  // "Sur 250 patients, 21 ont présenté une complication (8,4 %)": the percent after the part, with no figure between,
  // restates its share of the opening group when it gives it exactly; one claim, not a ratio and a bare percent
  const restated = third?.kind === 'share' && third.percent !== undefined && third.count === undefined && third.denominator === undefined ? result.claims.findIndex((c) => c.mention === third && c.claim.denominator === first.token.value && c.claim.numerator === undefined) : -1;
  const gap = restated >= 0 ? out.text.slice(second.token.end, (third as ShareMention).percent!.start) : '';
  if (restated >= 0 && (RESTATES_RATIO().test(gap) || (RESTATEMENT_AT_END().test(gap) && !/\d/.test(gap) && gap.length <= 100)) && fitShare(fitFields(second.token, (third as ShareMention).percent), first.token.value) === 'exact') {
    const percentClaim = result.claims[restated]!.claim;
    const merged: ExtractedClaim = { ...claim, percent: percentClaim.percent!, span: out.span(first.token.start, third!.end), denominatorNote: `the percent printed after the ${second.token.value} of the ${first.token.value} the sentence opens with restates it` };
    const at = out.claims.indexOf(percentClaim);
    if (at >= 0) out.claims.splice(at, 1, merged);
    result.claims.splice(restated, 1, { claim: merged, mention: second });
  } else {
    out.claims.push(claim);
    result.claims.push({ claim, mention: second });
  }
  if (second.included) scope.addTotal(group(second.token, sentence, blockIndex, 'total'));
}

/** A named rate's span starts at its name: "The total improvement rate is 96%". */
function rateStart(text: string, m: ShareMention): number {
  const from = Math.max(0, m.start - 100);
  let window = text.slice(from, m.start);
  // the window may open inside a word ("…nse rate") or an earlier sentence: start it at the next word of this one
  if (from > 0 && /\p{L}/u.test(text[from - 1] ?? '')) window = window.replace(/^[\p{L}\p{N}]*/u, '');
  const sentenceBreak = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '), window.lastIndexOf('\n'));
  if (sentenceBreak >= 0) window = window.slice(sentenceBreak + 1);
  const at = window.search(RATE_NAME());
  return at >= 0 ? m.start - window.length + at : m.start;
}

/** Percents that no claim took are listed as unresolved (excluded ones are not figures to audit). */
function reportPercents(out: Builder, tokens: readonly { start: number; end: number; percent: boolean; excluded?: string }[], claimed: Set<number>): void {
  for (const t of tokens) {
    if (!t.percent || t.excluded !== undefined || claimed.has(t.start) || out.unresolvedStarts.has(t.start)) continue;
    out.unresolvedAt(t.start, t.end, 'a percent that is not tied to any count or total');
  }
}

function readTable(out: Builder, document: TextDocument, block: DocumentBlock & { table: TableData }, options: ExtractOptions, locale: ReadingLocale, cohort: Cohort<string>, scope: Scope): void {
  const totals: TotalInScope[] = scope.candidates(block.start, Number.MAX_SAFE_INTEGER, false).map((c) => ({ value: c.group.value, span: out.span(c.group.start, c.group.end) }));
  const read = options.tables!(block, { document, locale: locale.language, decimalComma: locale.decimalComma, cohort, totals });
  const renamed = new Map<string, string>();
  for (const c of read.claims) {
    const id = out.id(c.id);
    renamed.set(c.id, id);
    out.claims.push({ ...c, id });
  }
  for (const p of read.partitions ?? []) out.partitions.push({ ...p, id: out.id(p.id), parts: p.parts.map((id) => renamed.get(id) ?? id) });
  out.unresolved.push(...(read.unresolved ?? []));
  for (const m of read.means ?? []) out.means.push({ ...m, id: out.id(m.id) });
}

export { Builder as ExtractionBuilder };
