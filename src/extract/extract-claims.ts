import type { TextDocument } from '../document/document.js';
import { textDocument } from '../document/text-document.js';
import { cerebralPalsyCohort } from '../schema/cerebral-palsy.js';
import { findNumbers, type NumberToken } from './numbers.js';
import type { ExtractedClaim, ExtractedPartition, Extraction, ExtractOptions, TextSpan, UnresolvedFigure } from './types.js';

export type { DenominatorSource, ExtractedClaim, ExtractedPartition, Extraction, ExtractLocale, ExtractOptions, TableContext, TableExtraction, TableReader, TextSpan, TotalInScope, UnresolvedFigure } from './types.js';

interface Sentence {
  start: number;
  end: number;
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // a sentence ends at . ! ? followed by space and a capital, digit or opening bracket, or at a blank line
  const boundary = /[.!?](?=\s+[A-Z0-9(“"])|\n\s*\n/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

const TOTAL_BEFORE = /\b(?:treated|enrolled|included|recruited|studied|analy[sz]ed|examined|followed|surveyed|registered|identified|a total of|total of|in total|among|of all|of the|von|unter|sur|parmi|de)\s*$/i;
const COUNT_NOUN = '(?:patients?|children|cases?|subjects?|participants?|people|persons?|individuals?|infants?|adults?|respondents?|records?|admissions?|Kindern|Kinder|Patienten|Fälle[n]?|enfants|cas)';
const TOTAL_AFTER = new RegExp(`^\\s*(?:registered\\s+|eligible\\s+)?${COUNT_NOUN}\\b(?!\\s+(?:with|had|have|who)\\b)`, 'i');
const TOTAL_VERB_AFTER = new RegExp(`^\\s*${COUNT_NOUN}\\s+(?:were\\s+)?(?:enrolled|included|recruited|treated|analy[sz]ed|studied|screened|registered|eligible)\\b`, 'i');
const OF_BEFORE = /\b(?:of|among|from|von|sur|unter|parmi)\s+(?:the\s+|all\s+)?$/i;
const PART_OF_RATIO = /^\s*(?:\/|of|out of)\s*(?:the\s+)?\d/;
const N_EQUALS = /\b[nN]\s*=\s*$/;
const PARTS_START = /\b(?:including|comprising|of whom|of which|of these|among them|consisting of|namely)\b/i;
const IMPROVEMENT = /\b(?:improvement|response|effective(?:ness)?|success|efficacy|recovery)\s+rate\s*(?:\(|:)?\s*(?:is|was|of|reached|were|=|:)?\s*(?:about|approximately|around|nearly|over|up to)?\s*$/i;
const RATE_NAME = /\b(?:the\s+)?(?:total\s+|overall\s+)?(?:improvement|response|effective(?:ness)?|success|efficacy|recovery)\s+rate/i;
const IMPROVED_AFTER = /^\s*(?:of\s+(?:the\s+)?(?:patients|children|cases)\s+)?(?:improved|showed improvement|had improved|were improved|responded)\b/i;

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'claim';
}

/** The label words between a count and its "(Y%)", with filler removed: "patients with spastic type" → "spastic". */
function cleanLabel(words: string): string {
  return words
    .replace(/^\s*(?:were|was|had|have|with|of|are|is)\b/i, '')
    .replace(/\b(?:patients?|children|cases?|subjects?|participants?|people|persons?)\s+(?:with|had|have|who had|diagnosed with|of)\b/i, '')
    .replace(/\b(?:cerebral palsy|CP)\b/gi, '')
    .replace(/\b(?:type|types|form|forms|subtype|subtypes)\b/gi, (m, offset: number, all: string) => (/\bother\s*$/i.test(all.slice(0, offset)) ? m : ''))
    .replace(/[,;:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Turn prose (a web page, an abstract, a press release) into claims to audit: counts with their
 * percents and denominators, totals and the parts stated after them, improvement rates, each with
 * the exact source span. Deterministic rules, no network, no model. Figures it cannot tie to a
 * denominator go to `unresolved`, never dropped; years, ages, doses, p-values and confidence
 * levels are not claims.
 *
 * @example
 * const { claims, partitions } = extractClaims('We treated 200 patients, including 150 with spastic type (75%) and 50 with mixed type (25%).');
 * claims.map((c) => [c.id, c.numerator, c.denominator, c.percent]); // [['spastic', 150, 200, '75'], ['mixed', 50, 200, '25']]
 * partitions[0].parts; // ['spastic', 'mixed']
 */
export function extractClaims(input: string | TextDocument, options: ExtractOptions = {}): Extraction {
  const document = typeof input === 'string' ? textDocument(input) : input;
  const text = document.text;
  const cohort = options.cohort ?? cerebralPalsyCohort;
  const locale = options.locale === undefined || options.locale === 'auto' ? 'en' : options.locale;
  const decimalComma = options.decimalComma ?? locale !== 'en';
  const numbers = findNumbers(text, decimalComma);
  const used = new Set<NumberToken>();
  const claims: ExtractedClaim[] = [];
  const partitions: ExtractedPartition[] = [];
  const unresolved: UnresolvedFigure[] = [];
  const ids = new Set<string>();
  const span = (start: number, end: number): TextSpan => ({ start, end, quote: text.slice(start, end) });
  const uniqueId = (base: string) => {
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    return id;
  };
  const live = numbers.filter((t) => t.excluded === undefined);
  const countAt = (t: NumberToken | undefined) => t !== undefined && !t.isPercent && !used.has(t) && Number.isInteger(t.value);
  const between = (a: NumberToken, b: NumberToken) => text.slice(a.end, b.start);

  let total: { value: number; token: NumberToken; sentence: number } | undefined;
  const sentenceList = sentences(text);
  sentenceList.forEach((sentence, s) => {
    const tokens = live.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    let partsFrom: number | undefined;
    const parts: ExtractedClaim[] = [];
    // a total stated in this sentence: "treated 4278 patients", "a total of 300", "(n = 120)"
    for (const t of tokens) {
      if (t.isPercent || !Number.isInteger(t.value)) continue;
      const before = text.slice(Math.max(sentence.start, t.start - 40), t.start);
      const after = text.slice(t.end, Math.min(sentence.end, t.end + 40));
      // "64 of 80" and "9/86" are a numerator and its denominator, not a total
      if (PART_OF_RATIO.test(after) || /(?:\d|%|per\s?cent|percent)\s*(?:\/|of|out of)\s*(?:the\s+|all\s+)?$/.test(before)) continue;
      const stated =
        TOTAL_BEFORE.test(before) ||
        N_EQUALS.test(before) ||
        TOTAL_VERB_AFTER.test(after) ||
        (OF_BEFORE.test(before) && TOTAL_AFTER.test(after)) ||
        (TOTAL_AFTER.test(after) && !/\(\s*$/.test(before) && PARTS_START.test(text.slice(t.end, sentence.end)));
      if (stated) {
        total = { value: t.value, token: t, sentence: s };
        used.add(t);
        const rest = text.slice(t.end, sentence.end);
        const m = PARTS_START.exec(rest);
        if (m) partsFrom = t.end + m.index;
      }
    }
    const inReach = total !== undefined && s - total.sentence <= 1 ? total : undefined;

    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (used.has(t)) continue;
      const next = tokens[i + 1];
      const next2 = tokens[i + 2];
      // "Y% (X/N)" and "Y% (X of N)"
      if (t.isPercent && countAt(next) && countAt(next2) && /^\s*\(\s*$/.test(between(t, next!)) && /^\s*(?:\/|of|out of)\s*$/.test(between(next!, next2!))) {
        claims.push({ id: uniqueId('claim'), numerator: next!.value, denominator: next2!.value, denominatorSource: 'with-claim', percent: t.digits, span: span(t.start, text.indexOf(')', next2!.end) + 1 || next2!.end) });
        [t, next!, next2!].forEach((x) => used.add(x));
        continue;
      }
      // "X/N (Y%)", "X of N (Y%)", "X of the N patients (Y%)", and bare "X/N"
      if (countAt(t) && countAt(next) && /^\s*(?:\/|of|out of|of the)\s*$/.test(between(t, next!))) {
        const percent = next2 !== undefined && next2.isPercent && /^\s*(?:\w+\s+){0,2}\(\s*$/.test(between(next!, next2)) ? next2 : undefined;
        const end = percent ? (text.indexOf(')', percent.end) + 1 || percent.end) : next!.end;
        const label = cleanLabel(text.slice(Math.max(sentence.start, t.start - 30), t.start).split(/[,;:.]/).pop() ?? '');
        const type = label ? cohort.normalizeType(label) : undefined;
        claims.push({
          id: uniqueId(type ?? 'claim'),
          ...(type ? { type } : {}),
          numerator: t.value,
          denominator: next!.value,
          denominatorSource: 'with-claim',
          ...(percent ? { percent: percent.digits } : {}),
          span: span(t.start, end),
        });
        [t, next!, ...(percent ? [percent] : [])].forEach((x) => used.add(x));
        continue;
      }
      // "Y% of N" and "Y% of the N patients"
      if (t.isPercent && countAt(next) && /^\s*of\s+(?:the\s+|all\s+)?$/.test(between(t, next!))) {
        claims.push({ id: uniqueId('claim'), denominator: next!.value, denominatorSource: 'with-claim', percent: t.digits, span: span(t.start, next!.end) });
        used.add(t).add(next!);
        continue;
      }
      // "X label (Y%)" and "X (Y%) label"
      if (countAt(t) && next?.isPercent && !used.has(next)) {
        const gap = between(t, next);
        const inParens = /^([^()%0-9]{0,60})\(\s*$/.exec(gap);
        if (inParens) {
          let label = cleanLabel(inParens[1]!);
          let end = text.indexOf(')', next.end) + 1 || next.end;
          if (label === '') {
            const trailing = /^\s*([a-zA-Z][a-zA-Z \-]{0,40}?)(?=[,;.]|\s+and\b|\s+or\b|$)/.exec(text.slice(end, sentence.end));
            if (trailing) {
              label = cleanLabel(trailing[1]!);
              end += trailing[0].length;
            }
          }
          const type = label ? cohort.normalizeType(label) : undefined;
          const denominator = inReach?.value;
          if (denominator === undefined) {
            unresolved.push({ text: text.slice(t.start, end), reason: 'a count and percent with no total in reach', span: span(t.start, end) });
          } else {
            const claim: ExtractedClaim = {
              id: uniqueId(type ?? slug(label)),
              ...(label ? { label } : {}),
              ...(type ? { type } : {}),
              numerator: t.value,
              denominator,
              denominatorSource: inReach!.sentence === s ? 'same-sentence' : 'earlier-sentence',
              percent: next.digits,
              span: span(t.start, end),
            };
            claims.push(claim);
            if (partsFrom !== undefined ? t.start > partsFrom : inReach !== undefined) parts.push(claim);
          }
          used.add(t).add(next);
          continue;
        }
      }
      // improvement rates: "the total improvement rate is 96%", "96% improved"
      if (t.isPercent) {
        const before = text.slice(Math.max(sentence.start, t.start - 60), t.start);
        const after = text.slice(t.end, Math.min(sentence.end, t.end + 40));
        if (IMPROVEMENT.test(before) || IMPROVED_AFTER.test(after)) {
          // the span starts at the rate's name ("The total improvement rate is 96%") or at the percent ("96% improved")
          const named = IMPROVEMENT.test(before) ? before.search(RATE_NAME) : -1;
          const start = named >= 0 ? t.start - before.length + named : t.start;
          const end = IMPROVEMENT.test(before) ? t.end : t.end + (IMPROVED_AFTER.exec(after)?.[0].length ?? 0);
          const nearby = tokens.find((x) => !x.isPercent && x !== t && Math.abs(x.start - t.start) < 80 && N_EQUALS.test(text.slice(Math.max(0, x.start - 6), x.start)));
          if (nearby || inReach) {
            claims.push({
              id: uniqueId('improvement'),
              label: 'improvement rate',
              measure: 'improvement',
              denominator: (nearby ?? inReach!.token).value,
              denominatorSource: nearby ? 'with-claim' : 'assumed',
              ...(nearby ? {} : { denominatorAssumed: true }),
              percent: t.digits,
              span: span(start, end),
            });
          } else unresolved.push({ text: text.slice(start, end), reason: 'an improvement rate with no denominator in reach', span: span(start, end) });
          used.add(t);
          continue;
        }
        unresolved.push({ text: text.slice(t.start, t.end), reason: 'a percent with no denominator in reach', span: span(t.start, t.end) });
        used.add(t);
      }
    }
    if (parts.length >= 2 && inReach) {
      const countSum = parts.reduce((a, p) => a + (p.numerator ?? 0), 0);
      const difference = countSum - inReach.value;
      // propose the partition when the parts add up, or nearly (within 2% of the total)
      if (Math.abs(difference) <= Math.max(2, inReach.value * 0.02)) {
        partitions.push({
          id: uniqueId(parts.every((p) => p.type !== undefined) ? 'types' : 'parts'),
          total: inReach.value,
          parts: parts.map((p) => p.id),
          difference,
          span: span(inReach.token.start, parts[parts.length - 1]!.span.end),
        });
      }
    }
  });
  return { claims, partitions, unresolved, locale, decimalComma };
}
