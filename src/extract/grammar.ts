import { fitFields, fitShare } from './fit.js';
import type { NumberToken } from './tokens.js';
import { lazyWords } from './word-boundary.js';
import { ACCURACY_BEFORE, ANAPHOR_BEFORE, APPROXIMATE_BEFORE, COUNT_NOUN, EACH_OF_LISTED_AFTER, IMPROVEMENT_RATE, PAIRED_BY_RESPECTIVELY_AFTER, PAIRED_BY_RESPECTIVELY_BEFORE, INCLUDED_AFTER, NOUN_OF_BETWEEN, PARTS_CUE, RATE_IN_CATEGORY_BEFORE, RATIO_LINK_BETWEEN, RESTATEMENT_AT_END, RESTATEMENT_BETWEEN, SUBGROUP_DESCRIBED_AFTER, SUBGROUP_DESCRIBED_BEFORE, SUBGROUP_NOUN_AFTER, SUBGROUP_NOUN_BEFORE, SUBGROUP_QUALIFIED_BEFORE, TOPIC_SUBGROUP_BEFORE, TOTAL_BEFORE, TOTAL_VERB } from './vocabulary.js';

// expressions used inside functions, built once (a literal there is rebuilt on every call)
const LABEL_AFTER_BRACKET = lazyWords(() => /^\s*([\p{L}][\p{L}\s\-'’]{0,40}?)(?=[,;.:()]|\s+(?:and|or|und|oder|et|ou|y|o)\b|$)/u);
const ANAPHOR_IN_HEAD = lazyWords(() => /\b(?:of\s+(?:these|them|those|whom)|davon|dont|de\s+(?:estas|estos|ellas|ellos|las\s+cuales|los\s+cuales)|von\s+diesen)\b/iu);
const LABEL_TRAILING_FILLER = lazyWords(() => /\b(?:[nN]\s*[=:]|in|of|the|and|or)\s*$/u);
const LABEL_AFTER_COUNT = lazyWords(() => /^\s*([\p{L}][\p{L}\s\-'’]{0,40}?)(?=[,;.:()]|\s+(?:and|or|und|oder|et|ou|y|o)\b|$)/u);


// The grammar of count expressions: which numbers of a sentence are group sizes, which are
// shares (a count, a percent, or both) and which denominators are printed with their share.
// It reads tokens left to right and looks at the few characters between them, never further
// than a clause, so a sentence costs time in proportion to its length.

/** A number that states the size of a group: "we treated 4278 patients", "(n = 120)", "Of the 212 children". */
export interface TotalMention {
  kind: 'total';
  token: NumberToken;
  /** "approximately 2 million", "over 52": not an exact denominator. */
  approximate: boolean;
  /** "(n = 120)" or a total verb: stated as a group size, not merely a count with a noun. */
  strong: boolean;
}

/** A share of some group: a count, a percent or both, with the denominator when it is printed with them. */
export interface ShareMention {
  kind: 'share';
  count?: NumberToken;
  percent?: NumberToken;
  /** "18 of 120", "9/86", "41.2% (35/85)", "4.1% of 2,440", "46 (73%) of 63". */
  denominator?: NumberToken;
  start: number;
  end: number;
  /** A named rate of treatment success: "improvement rate", "Erfolgsrate", "taux de réponse". */
  improvement: boolean;
  /** An anaphor just before the share points back to the last group: "of these", "davon", "de estas". */
  anaphor: boolean;
  /** The share is introduced as a part of what precedes: "including", "of whom", "dont". */
  partCue: boolean;
  /** Words naming the share ("spastic", "patients with mixed type"). */
  label: string;
  /** "75% of them": a share of a subgroup described in the same clause, whose size is not printed. */
  ofThem: boolean;
  /** The printed denominator names a group ("46 (73%) of 63 patients"), which later shares can refer to. */
  denominatorIsGroup: boolean;
  /** "202 of 222 patients could be evaluated": the count is the group that later figures are of. */
  countIsGroup?: boolean;
  /** "12% (n = 250)": the bracket's n is the count of the share when a total is in reach, else the group's size. */
  countIsN?: boolean;
  /** "A% vs. B%": a comparison of two groups; the other percent. */
  versus?: NumberToken;
  /** "about 18%", "rund 40 %": a percent alone said to be approximate, so no exact share to check. */
  approximate?: boolean;
  /** "9,1 % (grupo B)", "58% in the surgical group", "20% and 4% in groups A and B": a share of a named subgroup. */
  namedGroup?: string;
  /**
   * "89.1% of patients with liver metastasis", "4.4% and 9.7% in luminal A and B subtypes,
   * respectively": a share of a smaller group described by its members or listed by name.
   */
  subgroup?: 'described' | 'listed';
}

/** A count with no percent, listed after a total ("(178 surgical, 179 medical)", "(n = 151) or (n = 148)"). */
export interface PartMention {
  kind: 'part';
  token: NumberToken;
  /** Written as "(n = X)". */
  nEquals: boolean;
  label: string;
  /** "200 ont été inclus": the count is the group that later figures are of. */
  included?: boolean;
}

export type Mention = TotalMention | ShareMention | PartMention;

// a few words of the percent's clause, then a bracket opening on "in", "of" or "among": "(in 440 cases)"
const BRACKETED_GROUP_BETWEEN = lazyWords(() => /^\s*(?:[\p{L}-]+\s+){0,4}\(\s*(?:in|of|among)\s+(?:the\s+|all\s+)?$/iu);
const COUNT_NOUN_AFTER = lazyWords(() => new RegExp(`^\\s*${COUNT_NOUN}(?![\\p{L}])`, 'iu'));
const TOTAL_VERB_AFTER = lazyWords(() => new RegExp(`^\\s*${COUNT_NOUN}?\\s*(?:\\([^)]{0,60}\\)\\s*)?(?:[\\p{L}-]+\\s+){0,8}?(?:were|was|have\\s+been|had\\s+been|wurden|waren|sind|ont\\s+été|ont|étaient|fueron|han\\s+sido|se)?\\s*${TOTAL_VERB}\\b`, 'iu'));
const N_EQUALS_BEFORE = /(?:\(|\[|,|;|^|\s)\s*[nN]\s*[=:]\s*$/u;
const OF_BETWEEN = /^\s*(?:\/|of|out\s+of|of\s+the|of\s+all|of\s+these|of\s+those|von|von\s+den|von\s+insgesamt|von\s+diesen|dieser|aus|der|sur|sur\s+les|sur\s+ces|de\s+ces|de|de\s+los|de\s+las|de\s+estos|de\s+estas|des|dei|dos\s+)\s*(?:the\s+|first\s+|last\s+|initial\s+|remaining\s+|evaluable\s+|eligible\s+)?$/iu;
/** A round power of ten after "von", "sur", "de cada": a rate per population ("3 von 1000 Neugeborenen"), not a ratio of a counted group. */
const PER_POWER_OF_TEN = new Set([1000, 10_000, 100_000, 1_000_000]);
/**
 * "acht von zehn Deutschen", "9 patients sur 10", "four out of five", "neun von hundert": a rate said as a figure
 * of speech (a base of ten, or a base of a hundred or up to five written in words) is a ratio of a counted group
 * only when the text stated a group of that size; "97 von 100 Patienten" counts a hundred.
 */
const RATE_OF_BETWEEN = lazyWords(() => /^\s*(?:[\p{L}-]+\s+){0,2}?(?:von|sur|out\s+of|of|de|in)\s*$/iu);
const rateFigure = (text: string, t: NumberToken, n1: NumberToken, stated: (value: number) => boolean): boolean =>
  (n1.value === 10 || (n1.word && t.word && (n1.value === 100 || n1.value <= 5))) && !stated(n1.value) && RATE_OF_BETWEEN().test(text.slice(t.end, n1.start));
const OF_THEM_AFTER = lazyWords(() => /^\s*(?:of\s+(?:them|these|those|whom)|davon|von\s+ihnen|d'entre\s+eux|d'entre\s+elles|de\s+ellos|de\s+ellas)\b/iu);
const VERSUS = lazyWords(() => /^\s*\)?\s*(?:vs\.?|versus|v\.?|gegenüber|contre|frente\s+a|comparado\s+con|compared\s+with|compared\s+to|than|als|que)\s*(?:[\p{L}-]+\s+){0,3}\(?\s*$/iu);
// "about 18%", "etwa 40 %", "environ 30 %", "alrededor del 20 %" (bounds such as "more than" are thresholds, excluded earlier)
const APPROXIMATE_PERCENT_BEFORE = lazyWords(() => /\b(?:about|approximately|approx\.?|around|roughly|nearly|almost|some|circa|ca\.?|etwa|rund|fast|gut|annähernd|ungefähr|environ|presque|près\s+de|quelque|alrededor\s+del?|cerca\s+del?|aproximadamente|casi|unos|unas)\s*(?:the\s+|el\s+|le\s+|la\s+|les\s+)?$/iu);
// a percent (or a list of them) followed by the subgroup it is of: "6,8 % (grupo A)", "58% in the surgical group",
// "20,5 % y 23,3 % en los grupos A y B", "8% in the group treated medically"
const NAMED_GROUP_AFTER = lazyWords(() => /^(?:\s*(?:,|and|or|y|o|und|oder|et|ou|vs\.?|versus)\s*\d[\d.,]*\s*%)*\s*\)?\s*(?:\(\s*)?(?:(?:in|en|im|in\s+der|dans|for|para|bei)\s+)?(?:(?:the|el|los|la|las|le|les|der|den|dem|each)\s+)?(?:[\p{L}-]+\s+)?((?:groups?|grupos?|Gruppen?|groupes?|arms?|Armen?|brazos?|bras)(?:\s+(?:[A-Z]|[IVX]{1,4}|\d{1,2}))?)(?![\p{L}])/u);
// "Y% of N": "of all", "aller", "de tous les", "de todos los" name the whole group as plainly as "of"
const PERCENT_OF_BETWEEN = /^\s*(?:of|of\s+the|of\s+all(?:\s+the)?|of\s+these|von|von\s+den|von\s+allen|der|aller|sämtlicher|des|de\s+tou(?:s|tes)\s+les|de\s+l['’]ensemble\s+des|de\s+los|de\s+las|de\s+tod(?:os|as)\s+l[oa]s|del\s+total\s+de(?:\s+l[oa]s)?|de)\s*$/iu;
const SHARE_OF_AFTER = lazyWords(() => /^\s*(?:of|aller|der|des|de|du|del|von)\b/iu);
// a sentence's opening words naming the group it is about (a heading glued on, "ResultadosDe las", is allowed)
const SENTENCE_OPENS_WITHOUT_ARTICLE = /^\s*(?:[\p{L}]+(?:\s*:\s*|[ \t]*\n\s*|(?<=\p{Ll})(?=\p{Lu})))?(?:Of|Among|De|Von|Sur|Parmi|Entre|Unter)\s*$/u;
const OPENS_WITH_OF_GROUP = /^\s*(?:Of|Among|De|Von|Sur|Parmi|Entre|Unter)\s+(?:the|all|all\s+the|las|los|den|les|todos\s+los|todas\s+las|insgesamt|un\s+total\s+de|au\s+total)?\s*$/u;
const SENTENCE_OPENS_WITH_GROUP = /^\s*(?:[\p{L}]+(?:\s*:\s*|[ \t]*\n\s*|(?<=\p{Ll})(?=\p{Lu})))?(?:Of|Among|De|Von|Sur|Parmi|Entre|Unter)\s+(?:the|all|all\s+the|las|los|den|les|todos\s+los|todas\s+las)\s*$/u;
const THAN_ONLY = lazyWords(() => /^\s*\)?\s*(?:than|als|que)\b/iu);
const COMPARATIVE_BEFORE = lazyWords(() => /\b(?:more|less|fewer|higher|lower|greater|smaller|better|worse|mehr|weniger|höher|niedriger|größer|kleiner|häufiger|seltener|plus|moins|más|menos|mayor|menor)\b/iu);
const COPULA_BEFORE = lazyWords(() => /\b(?:betrug|betrugen|lag\s+bei|belief\s+sich\s+auf|was|were|is|are|fue\s+de|fue|fueron|ascendió\s+a|ascendía\s+a|était\s+de|était|est\s+de|s['’]élevait\s+à|s['’]élève\s+à)\s*$/iu);
// a sentence that opens on the number of a group and prints no figure before it: its figure is the group's size
// ("Die Gesamtanzahl der Patienten ... betrug 3014", and the German compounds of it: "Die Fallzahl betrug 1.234")
const NUMBER_OF_SUBJECT = lazyWords(() => /^\s*(?:[\p{L}]+\s*:\s*)?(?:(?:the|die|le|la|el)\s+)?(?:(?:total\s+number|number|Gesamt(?:an)?zahl|Anzahl|Zahl|nombre\s+total|nombre|número\s+total|número|total)\s+(?:of|der|des|de|du|del)\b|(?:Gesamt)?(?:fall|patienten|patientinnen|geburten|entbindungen|operations|eingriffs|behandlungs|teilnehmer)zahl(?![\p{L}]))[^\d]*$/iu);
const GROUP_FIELD_BEFORE = /(?:Grundgesamtheit|Nenner)\s*:?\s*$/iu;
const EVENTS_FIELD_BEFORE = /(?:Zähler|beobachtete\s+Ereignisse|Ereignisse)\s*:?\s*$/iu;
const RATE_FIELD_BEFORE = /(?:Ergebnis|Rate)(?:\s*\([^)]{0,20}\))?\s*:?\s*$/iu;
const CLAUSE_THEN_BRACKET = lazyWords(() => /^\s*(?:[\p{L}-]+\s+){1,10}\(\s*$/u);
const PAREN_OPEN = /^\s*(?:[\p{L}\s\-/'’]{0,40})?\(\s*$/u;

const between = (text: string, a: { end: number }, b: { start: number }) => text.slice(a.end, b.start);
const isCount = (t: NumberToken | undefined): t is NumberToken => t !== undefined && t.excluded === undefined && !t.percent && t.decimals === 0 && Number.isInteger(t.value) && t.fraction === undefined;
const isPercent = (t: NumberToken | undefined): t is NumberToken => t !== undefined && t.excluded === undefined && t.percent;
const countLike = (t: NumberToken): boolean => isCount(t);
const percentLike = (t: NumberToken): boolean => isPercent(t);

/** Words naming a count, between the count and its "(Y%)", or after the bracket: "2324 spastic (54.32%)", "Eighteen (29%) died". */
function labelAround(text: string, count: NumberToken, percent: NumberToken | undefined, sentenceEnd: number): string {
  const inner = percent !== undefined && percent.start > count.end ? text.slice(count.end, percent.start).replace(/\(\s*$/, '') : '';
  let label = inner.replace(/[()[\]]/g, ' ').trim();
  if (label === '' && percent !== undefined) {
    const close = text.indexOf(')', percent.end);
    const from = close >= 0 && close < sentenceEnd && close - percent.end < 4 ? close + 1 : percent.end;
    const m = LABEL_AFTER_BRACKET().exec(text.slice(from, sentenceEnd));
    label = m?.[1]?.trim() ?? '';
  }
  return label.replace(/\s+/g, ' ').slice(0, 80);
}

// the stronger part of TOTAL_BEFORE: phrases that state a group's size, never a mere preposition ("of", "in the")
const STATED_SIZE_BEFORE = lazyWords(() => /\b(?:a\s+total\s+of|in\s+total|altogether|(?:we|they|the\s+\w+)\s+(?:have\s+|had\s+)?(?:registered|enrolled|included|treated|recruited|studied|analy[sz]ed|examined|evaluated|identified|surveyed|screened|reviewed|operated\s+on|followed(?:\s+up)?))\s*$/i);
const A_TOTAL_OF_BEFORE = lazyWords(() => /\b(?:a\s+total\s+of|in\s+total|altogether)\s*$/i);
const NOT_LITERATURE_NOUN_AFTER = /^\s*(?![\p{L}-]*\s*(?:articles?|studies|study|papers?|publications?|reports?|trials?|reviews?|abstracts?|references?)(?![\p{L}]))[\p{L}]/u;
// (the articles or studies a review counts are not a group of patients its percents are of)
const STATED_SIZE_NOUN_PHRASE_AFTER = /^\s*(?![\p{L}-]*\s*(?:articles?|studies|study|papers?|publications?|reports?|trials?|reviews?|abstracts?|references?)(?![\p{L}]))[\p{L}][\p{L}-]*(?:\s+(?!(?:articles?|studies|papers?|publications?|reports?|trials?)(?![\p{L}]))[\p{L}][\p{L}-]*){0,2}\s*(?:[.;,:]|\s+(?:were|was|have|had)\b|$)/u;

const PARTS_POINT_BACK_AFTER = lazyWords(() => /^\s*(?:[\p{L}-]+\s*){0,3}?[,;]?\s*(?:davon|darunter|dont|de\s+(?:los|las)\s+cuales|de\s+(?:ellos|ellas)|of\s+whom|of\s+which|among\s+them)\b[\s:,]*\d/iu);

const TOTAL_OF_NAMED_BEFORE = lazyWords(() => /\b(?:a\s+total\s+of|un\s+total\s+de|von\s+insgesamt|insgesamt)\s*$/iu);

/** What is printed just before a count that makes it the size of a group. */
function totalKind(text: string, token: NumberToken, sentenceStart: number, sentenceEnd: number, larger: number | undefined): { strong: boolean } | undefined {
  const b = text.slice(Math.max(sentenceStart, token.start - 48), token.start);
  const a = text.slice(token.end, Math.min(sentenceEnd, token.end + 160));
  if (N_EQUALS_BEFORE.test(b)) {
    // "(n = 120)" is a group size, but "(45.8%, n = 11)" and "62% (n = 150)" give the count of a share,
    // and "laparoscopic (n = 151) or open (n = 148)" after "299 patients" lists parts
    if (/%\s*[,;]?\s*(?:\(|\[)?\s*[nN]\s*[=:]\s*$/u.test(b)) return undefined;
    if (larger !== undefined && larger > token.value) return undefined;
    return { strong: true };
  }
  // a count inside brackets ("(125 men and 133 women)", "(60 patients)") lists a part, not a new group
  if (insideBracket(text, Math.max(sentenceStart, token.start - 200), token.start) && !GROUP_FIELD_BEFORE.test(b)) return undefined;
  // "2324 spastic (54.32%)" is a part; "3028 children (57% boys; ...)" a total whose bracket describes it
  if (/^\s*(?:\p{L}+\s+){0,4}\(\s*\d[\d.,]*\s*%(?!\s*[\p{L}])/u.test(a)) return undefined;
  if (ANAPHOR_BEFORE().test(b)) return undefined;
  // "von 7.777 auf 7.926 gestiegen, davon 6.397 in Bremen", "1 204 séjours dont 30": the count that "davon", "dont",
  // "de los cuales" point back to is the size of the group its parts are of, whatever noun it has
  if (PARTS_POINT_BACK_AFTER().test(a)) return { strong: false };
  // "Of the 90 judgements, ...", "De las 90 sentencias, ...": the sentence opens by naming its group, whatever it counts
  if (SENTENCE_OPENS_WITH_GROUP.test(text.slice(sentenceStart, token.start)) && /^\s*[\p{L}-]+(?:\s+[\p{L}-]+){0,3}\s*,/u.test(a)) return { strong: true };
  // "Sur 105 centres qui ont reçu le questionnaire, 60 …", "Von 80 angeschriebenen Kliniken antworteten 56": without an
  // article the opening names its group too, when a relative clause or a short phrase and a comma follow it
  if (SENTENCE_OPENS_WITHOUT_ARTICLE.test(text.slice(sentenceStart, token.start)) && /^\s*[\p{L}-]+(?:\s+[\p{L}'’-]+){0,6}\s*,\s*\d/u.test(a)) return { strong: true };
  // "Die Gesamtanzahl der Patienten, die an der Studie teilnahm, betrug 3014", "El número total de casos fue de 170"
  if (COPULA_BEFORE().test(b) && NUMBER_OF_SUBJECT().test(text.slice(sentenceStart, token.start)) && /^\s*(?:[.;,)]|$)/u.test(a)) return { strong: true };
  const noun = COUNT_NOUN_AFTER().test(a);
  if (TOTAL_BEFORE().test(b) && (noun || /^\s*[,;:)]/.test(a) || /^\s*$/.test(a))) return { strong: true };
  // "..., sur un total de 250.", "de un total de 250.": a total named as one, at the end of its sentence
  if (TOTAL_OF_NAMED_BEFORE().test(b) && /^\s*\.(?!\d)/.test(a)) return { strong: true };
  // "We registered 4,000 cardiac arrests.", "A total of 806 laparoscopic procedures were evaluated": a verb or phrase that
  // states a group's size makes the number one, whatever it counts, when a short noun phrase ends the clause
  if (STATED_SIZE_BEFORE().test(b) && STATED_SIZE_NOUN_PHRASE_AFTER.test(a)) return { strong: true };
  // "A total of 144 surgeons from 10 centres returned the survey": after "a total of" any noun names the group
  if (A_TOTAL_OF_BEFORE().test(b) && NOT_LITERATURE_NOUN_AFTER.test(a)) return { strong: true };
  if (TOTAL_VERB_AFTER().test(a) && noun) return { strong: true };
  if (noun) return { strong: false };
  return undefined;
}

/**
 * The mentions of one sentence: totals, shares (with their printed denominators) and bare
 * parts, in text order. `tokens` are the sentence's numbers, `text` the block they index.
 */
export function readMentions(text: string, tokens: readonly NumberToken[], sentenceStart: number, sentenceEnd: number, context: { largestTotal?: number; statedSize?: (value: number) => boolean; totalsInReach?: readonly number[] } = {}): Mention[] {
  const out: Mention[] = [];
  const used = new Set<NumberToken>();
  // what came before in the sentence, bounded: a sentence of a table rendered as text can run for pages
  const sentenceHead = (t: { start: number }) => text.slice(Math.max(sentenceStart, t.start - 160), t.start);
  const share = (fields: Omit<ShareMention, 'kind' | 'improvement' | 'anaphor' | 'partCue' | 'label' | 'ofThem' | 'denominatorIsGroup' | 'countIsGroup'> & { label?: string }): ShareMention => {
    const head = sentenceHead({ start: fields.start });
    const window = text.slice(Math.max(sentenceStart, fields.start - 90), fields.start);
    return {
      kind: 'share',
      ...fields,
      label: fields.label ?? '',
      ofThem: OF_THEM_AFTER().test(text.slice(fields.end, Math.min(sentenceEnd, fields.end + 24))),
      denominatorIsGroup: fields.denominator !== undefined && COUNT_NOUN_AFTER().test(text.slice(fields.denominator.end, fields.denominator.end + 40)),
      ...(fields.count && fields.denominator && !fields.percent && INCLUDED_AFTER().test(text.slice(fields.end, Math.min(sentenceEnd, fields.end + 80))) ? { countIsGroup: true } : {}),
      improvement: IMPROVEMENT_RATE().test(window) || IMPROVEMENT_RATE().test(text.slice(fields.start, Math.min(sentenceEnd, fields.end + 20))),
      anaphor: ANAPHOR_BEFORE().test(text.slice(Math.max(sentenceStart, fields.start - 30), fields.start)) || ANAPHOR_IN_HEAD().test(head.slice(-60)),
      partCue: PARTS_CUE().test(head),
    };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (used.has(t) || t.excluded !== undefined) continue;
    const n1 = tokens[i + 1];
    const n2 = tokens[i + 2];
    const n3 = tokens[i + 3];
    // "41.2% (35/85)", "80% (130/163)", "3,6% (115/3174)", "83% (⅚)", "20.2% of cases (33/163)"
    const ratioParen = /^\s*(?:(?:of|de|des|der|du)\s+(?:[\p{L}-]+\s+){0,3})?\(\s*$/u;
    if (percentLike(t) && n1 && ratioParen.test(between(text, t, n1))) {
      if (n1.fraction && n1.excluded === undefined) {
        out.push(share({ percent: t, count: { ...n1, value: n1.fraction.numerator, digits: String(n1.fraction.numerator) }, denominator: { ...n1, value: n1.fraction.denominator, digits: String(n1.fraction.denominator) }, start: t.start, end: closeAfter(text, n1.end, sentenceEnd) }));
        used.add(t).add(n1);
        continue;
      }
      if (isCount(n1) && isCount(n2) && /^\s*(?:\/|of|out\s+of|von|sur|de)\s*$/iu.test(between(text, n1, n2))) {
        out.push(share({ percent: t, count: n1, denominator: n2, start: t.start, end: closeAfter(text, n2.end, sentenceEnd) }));
        used.add(t).add(n1).add(n2);
        continue;
      }
    }
    // "62,3% (n=43)", "del 100% (60 pacientes)", "79,2% de los casos (160 pacientes)"
    // "31% (n = 29/94)": the n is a ratio, count and denominator
    if (percentLike(t) && isCount(n1) && isCount(n2) && /^\s*\(\s*[nN]\s*[=:]\s*$/u.test(between(text, t, n1)) && /^\s*\/\s*$/.test(between(text, n1, n2!)) && n2!.value >= n1.value) {
      out.push(share({ percent: t, count: n1, denominator: n2!, start: t.start, end: closeAfter(text, n2!.end, sentenceEnd), label: labelAround(text, t, undefined, sentenceEnd) }));
      used.add(t).add(n1).add(n2!);
      continue;
    }
    if (percentLike(t) && isCount(n1) && /^\s*(?:(?:of|de|des|der|du)\s+(?:[\p{L}-]+\s+){0,3})?\(\s*(?:[nN]\s*[=:]\s*)?$/u.test(between(text, t, n1)) && (/[nN]\s*[=:]\s*$/.test(between(text, t, n1)) || COUNT_NOUN_AFTER().test(text.slice(n1.end, n1.end + 40)))) {
      out.push(share({ percent: t, count: n1, start: t.start, end: closeAfter(text, n1.end, sentenceEnd), label: labelAround(text, t, undefined, sentenceEnd), ...(/[nN]\s*[=:]\s*$/.test(between(text, t, n1)) ? { countIsN: true } : {}) }));
      used.add(t).add(n1);
      continue;
    }
    // "27 Prozent aller Patienten wurde wegen ... behandelt (3 060 Fälle)": a bracket closing the percent's clause
    // with a count and its noun gives the count of the share, when it is that share of a total in reach
    if (percentLike(t) && isCount(n1) && CLAUSE_THEN_BRACKET().test(between(text, t, n1)) && COUNT_NOUN_AFTER().test(text.slice(n1.end, n1.end + 40)) && /^[^()\d]{0,40}\)/u.test(text.slice(n1.end, n1.end + 41)) && (context.totalsInReach ?? []).some((total) => fitShare(fitFields(n1, t), total) === 'exact')) {
      out.push(share({ percent: t, count: n1, start: t.start, end: closeAfter(text, n1.end, sentenceEnd), label: labelAround(text, t, undefined, sentenceEnd) }));
      used.add(t).add(n1);
      continue;
    }
    // "(63.2%, 24 of 38 cases)", "(55%; 16/29)": a percent and then its ratio in one bracket
    if (percentLike(t) && isCount(n1) && isCount(n2) && /^\s*[,;]\s*$/.test(between(text, t, n1)) && /^\s*(?:\/|of|out\s+of)\s*$/iu.test(between(text, n1, n2!)) && n2!.value >= n1.value && /\(\s*$/.test(text.slice(Math.max(sentenceStart, t.start - 3), t.start)) && /^\s*(?:[\p{L}-]+\s*)?\)/u.test(text.slice(n2!.end, n2!.end + 24))) {
      out.push(share({ percent: t, count: n1, denominator: n2!, start: t.start, end: closeAfter(text, n2!.end, sentenceEnd), label: labelAround(text, t, undefined, sentenceEnd) }));
      used.add(t).add(n1).add(n2!);
      continue;
    }
    // "(46,8 %, n = 60)", "(40,6%, n=28)"
    if (percentLike(t) && isCount(n1) && /^\s*[,;]\s*[nN]\s*[=:]\s*$/.test(between(text, t, n1))) {
      out.push(share({ percent: t, count: n1, start: t.start, end: closeAfter(text, n1.end, sentenceEnd) }));
      used.add(t).add(n1);
      continue;
    }
    // "0.7% had procedural complications (in 440 nondiagnostic cases)", "3.2% (of 440 operated patients)": the
    // bracket after the percent's clause names the group it is of
    if (percentLike(t) && isCount(n1) && BRACKETED_GROUP_BETWEEN().test(between(text, t, n1)) && COUNT_NOUN_AFTER().test(text.slice(n1.end, n1.end + 40)) && /^[^()]{0,40}\)/.test(text.slice(n1.end, n1.end + 41))) {
      // the bracket's group qualifies this percent only: later shares are not of it
      out.push({ ...share({ percent: t, denominator: n1, start: t.start, end: closeAfter(text, n1.end, sentenceEnd) }), denominatorIsGroup: false });
      used.add(t).add(n1);
      continue;
    }
    // "Y% of N", "4.1% of 2,440 admissions", "75 % des 92 sujets", "el 25% de los 2182 pacientes"
    if (percentLike(t) && isCount(n1) && PERCENT_OF_BETWEEN.test(between(text, t, n1)) && COUNT_NOUN_AFTER().test(text.slice(n1.end, n1.end + 40))) {
      out.push(share({ percent: t, denominator: n1, start: t.start, end: n1.end }));
      used.add(t).add(n1);
      continue;
    }
    // "X/N (Y%)", "X of N (Y%)", "X of the N patients (Y%)", "X von N", bare "X/N"
    const nounOf = countLike(t) && isCount(n1) && /(?:sur|of|los|las|den|insgesamt|les)\s*$/u.test(between(text, t, n1)) && NOUN_OF_BETWEEN().test(between(text, t, n1));
    const perPopulation = isCount(n1) && PER_POWER_OF_TEN.has(n1.value) && /^\s*(?:von|sur|out\s+of)\s*$/iu.test(between(text, t, n1));
    // neither figure of the rate is a count or a group of the text
    if (countLike(t) && isCount(n1) && n1.value >= t.value && rateFigure(text, t, n1, context.statedSize ?? (() => false))) {
      used.add(t).add(n1);
      continue;
    }
    if (countLike(t) && isCount(n1) && !t.weak && !perPopulation && (OF_BETWEEN.test(between(text, t, n1)) || nounOf) && n1.value >= t.value) {
      // "Etwa 2/3 sind Frauen", "about 4 out of 5": a ratio given approximately is a rough fraction, no counts to check
      if (APPROXIMATE_BEFORE().test(text.slice(Math.max(sentenceStart, t.start - 30), t.start))) {
        used.add(t).add(n1);
        continue;
      }
      const rest = between(text, n1, n2 ?? { start: Math.min(sentenceEnd, n1.end + 60) });
      // "12/40 30%", "60/69, 87%", "12/40 = 30%": a percent printed right after the ratio is its share when it fits
      const percent =
        isPercent(n2) && (/^\s*(?:[\p{L}/\-'’*]+\s+){0,4}\(\s*$|^\s*\(\s*$/u.test(rest) || (/^\s*[,:=]?\s*$/u.test(rest) && fitShare(fitFields(t, n2), n1.value) === 'exact')) ? n2 : undefined;
      const slash = /^\s*\/\s*$/.test(between(text, t, n1));
      // "of N" needs a noun or bracket after N to be a denominator: "15 of 36 patients", "30/36"
      // "out of" is a ratio whatever follows: "4 out of 9 had a history of seizures"
      const outOf = /^\s*out\s+of\s*$/iu.test(between(text, t, n1));
      // "of those N" and "of the N" refer to a group already known: "22,520 of those 356,461 were witnessed"
      const known = /\b(?:the|those|these)\s*$/iu.test(between(text, t, n1));
      // "22 von 180 Merkmalen", "60 sur 105 centres": these links make a ratio whatever noun follows
      const linked = RATIO_LINK_BETWEEN().test(between(text, t, n1)) && /^\s*[\p{L}]/u.test(text.slice(n1.end, n1.end + 3));
      if (slash || outOf || known || nounOf || linked || percent || COUNT_NOUN_AFTER().test(text.slice(n1.end, n1.end + 40)) || /^\s*[(,;.)]/.test(text.slice(n1.end, n1.end + 3))) {
        out.push(share({ count: t, denominator: n1, ...(percent ? { percent } : {}), start: t.start, end: percent ? closeAfter(text, percent.end, sentenceEnd) : n1.end, label: labelBefore(text, t, sentenceStart) }));
        used.add(t).add(n1);
        if (percent) used.add(percent);
        continue;
      }
    }
    // "150 patients, soit 75 %", "45 pacientes para un 56,2 %", "12 Kinder, das entspricht 10 %": the count restated as a share
    // the article of "para un 56,2 %", "soit un" is read as the number one: the percent is the token after it
    const weakArticle = n1 !== undefined && n1.weak && isPercent(n2) && /^\s*$/.test(between(text, n1, n2));
    const restatedPercent = isPercent(n1) ? n1 : weakArticle ? n2 : undefined;
    const restated = restatedPercent !== undefined && RESTATEMENT_AT_END().test(between(text, t, restatedPercent)) && RESTATEMENT_BETWEEN().test(between(text, t, restatedPercent));
    if (countLike(t) && !t.weak && restatedPercent && restated) {
      out.push(share({ count: t, percent: restatedPercent, start: t.start, end: restatedPercent.end, label: labelAfter(text, t, sentenceEnd) }));
      used.add(t).add(restatedPercent);
      if (n1 !== restatedPercent) used.add(n1!);
      continue;
    }
    // "75 %, soit 150 patients": the share restated as a count
    if (percentLike(t) && isCount(n1) && !n1.weak && RESTATEMENT_AT_END().test(between(text, t, n1)) && RESTATEMENT_BETWEEN().test(between(text, t, n1)) && COUNT_NOUN_AFTER().test(text.slice(n1.end, n1.end + 40))) {
      out.push(share({ count: n1, percent: t, start: t.start, end: n1.end, label: labelAfter(text, n1, sentenceEnd) }));
      used.add(t).add(n1);
      continue;
    }
    // a quality report's fields: "Grundgesamtheit: 412; Zähler: 35; Ergebnis: 8,5 %": the count of the events and its rate
    if (countLike(t) && !t.weak && EVENTS_FIELD_BEFORE.test(text.slice(Math.max(sentenceStart, t.start - 40), t.start))) {
      const rate = tokens.slice(i + 1, i + 3).find((o) => isPercent(o) && RATE_FIELD_BEFORE.test(text.slice(Math.max(t.end, o.start - 40), o.start)) && !/\d/.test(text.slice(t.end, o.start)));
      if (rate !== undefined) {
        out.push(share({ count: t, percent: rate, start: t.start, end: rate.end, label: '' }));
        used.add(t).add(rate);
        continue;
      }
      // "Ergebnis: 8,5 % (Zähler: 35, Grundgesamtheit: 412)": the rate printed before its count
      const at = out.length - 1;
      const before = out[at];
      if (before?.kind === 'share' && before.percent !== undefined && before.count === undefined && before.denominator === undefined && RATE_FIELD_BEFORE.test(text.slice(Math.max(sentenceStart, before.percent.start - 40), before.percent.start)) && !/\d/.test(text.slice(before.percent.end, t.start))) {
        out[at] = { ...before, count: t, end: t.end };
        used.add(t);
        continue;
      }
    }
    // "X (Y%) of N": "In 54 (51%) of 105 treatments", "323 (86%) of 374 children"
    // "Fallecieron 30 pacientes (12 %) de los 250 ingresados", "21 patients (8,4 %) sur un total de 250"
    // (the article of "de un total de 250" is read as one: the total is the number after it)
    const whole = n2 !== undefined && n2.weak && isCount(n3) && /^\s*total\s+de\s*$/iu.test(between(text, n2, n3)) ? n3 : n2;
    if (countLike(t) && isPercent(n1) && isCount(whole) && /^\s*(?:[\p{L}-]+\s+){0,2}\(\s*$/u.test(between(text, t, n1)) && /^\s*\)\s*,?\s*(?:of|of\s+the|of\s+all|out\s+of|out\s+of\s+a\s+total\s+of|von|von\s+den|von\s+insgesamt|de|de\s+l[oa]s|des|sur|sur\s+les|sur\s+un\s+total\s+de|d['’]un\s+total\s+de|de\s+un(?:\s+total\s+de)?)\s*$/iu.test(between(text, n1, whole))) {
      out.push(share({ count: t, percent: n1, denominator: whole, start: t.start, end: whole.end, label: labelBefore(text, t, sentenceStart) }));
      used.add(t).add(n1).add(whole);
      if (whole !== n2) used.add(n2!);
      continue;
    }
    // "X label (Y%)", "X (Y%) label", "cinq hématomes (3,9 %)", "GMFCS I=10, (3%)"; but "We included 3028 children (57% boys; ...)"
    // states a total whose bracket describes a subgroup
    // "440 Frauen (2 % aller weiblichen Neuerkrankungen)" gives the count's own share of a larger group instead
    const describes = isPercent(n1) && /^\s*[\p{L}]/u.test(text.slice(n1.end, n1.end + 3)) && !SHARE_OF_AFTER().test(text.slice(n1.end, n1.end + 24)) && TOTAL_BEFORE().test(text.slice(Math.max(sentenceStart, t.start - 48), t.start));
    // (an article read as "one" counts only when one of some group can give the percent: "une complication (3 %)", never
    // "un predominio de accidentes de tránsito (91,2%)")
    if (countLike(t) && isPercent(n1) && !describes && PAREN_OPEN.test(between(text, t, n1)) && (!t.weak || oneCanGive(n1)) && !/%\s*\(?\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start))) {
      out.push(share({ count: t, percent: n1, start: t.start, end: closeAfter(text, n1.end, sentenceEnd), label: labelAround(text, t, n1, sentenceEnd) }));
      used.add(t).add(n1);
      continue;
    }
    // a table row printed as text: "White British 5852 63% Other White 1067 11%"
    if (countLike(t) && !t.weak && isPercent(n1) && /^[ \t|]+$/.test(between(text, t, n1)) && !/%\s*$/.test(text.slice(Math.max(sentenceStart, t.start - 4), t.start))) {
      out.push(share({ count: t, percent: n1, start: t.start, end: n1.end, label: labelBefore(text, t, sentenceStart) }));
      used.add(t).add(n1);
      continue;
    }
    // "(122; 52,14 %)", "(n = 45; 56,2 %)", "(45, 56.2%)": a count and its percent alone in one bracket
    if (countLike(t) && !t.weak && isPercent(n1) && /^\s*[,;]\s*$/u.test(between(text, t, n1)) && /\(\s*(?:[nN]\s*[=:]\s*)?$/u.test(text.slice(Math.max(sentenceStart, t.start - 8), t.start)) && /^\s*\)/.test(text.slice(n1.end, n1.end + 3))) {
      out.push(share({ count: t, percent: n1, start: t.start, end: closeAfter(text, n1.end, sentenceEnd), label: labelBefore(text, t, sentenceStart) }));
      used.add(t).add(n1);
      continue;
    }
    // "(152 patients, 89.4%)", "(60 pacientes; 46,8 %)": a count and its percent in one bracket
    if (countLike(t) && isPercent(n1) && /^\s*(?:[\p{L}-]+\s*){1,2}[,;]\s*$/u.test(between(text, t, n1)) && COUNT_NOUN_AFTER().test(between(text, t, n1)) && insideBracket(text, Math.max(sentenceStart, t.start - 40), t.start)) {
      out.push(share({ count: t, percent: n1, start: t.start, end: closeAfter(text, n1.end, sentenceEnd), label: labelBefore(text, t, sentenceStart) }));
      used.add(t).add(n1);
      continue;
    }
    if (countLike(t) && isPercent(n1) && /^\s*,\s*\(\s*$/.test(between(text, t, n1))) {
      out.push(share({ count: t, percent: n1, start: t.start, end: closeAfter(text, n1.end, sentenceEnd), label: labelAround(text, t, n1, sentenceEnd) }));
      used.add(t).add(n1);
      continue;
    }
    // a percent alone: "53.9% of the children had ...", "I in 14%", "the improvement rate is 96%"
    if (percentLike(t)) {
      // "Pregnancy rate 87%" then "60/69" on the next line: the ratio belongs to the percent
      // (not the last of a row of percents: its ratio is the last of the row under it, not the first)
      const left = tokens[i - 1];
      const inRow = left !== undefined && left.percent && !text.slice(left.end, t.start).includes('\n');
      if (!inRow && isCount(n1) && isCount(n2) && /^[\s*]*$/.test(between(text, t, n1)) && /^\s*\/\s*$/.test(between(text, n1, n2)) && !(n3 && /^\s*\(/.test(between(text, n2, n3)))) {
        out.push(share({ percent: t, count: n1, denominator: n2, start: t.start, end: n2.end }));
        used.add(t).add(n1).add(n2);
        continue;
      }
      const prevShare = out[out.length - 1];
      // "than", "als", "que" compare only after a comparative ("higher in A (30%) than in B"); "hombres (66,7%) que tuvieron" is a relative clause
      const compares = (from: NumberToken, gap: string) => VERSUS().test(gap) && (!THAN_ONLY().test(gap) || COMPARATIVE_BEFORE().test(text.slice(Math.max(sentenceStart, from.start - 60), from.start)));
      // "(12,3 vs. 51,3%)": the first figure of a comparison shares the percent sign printed after the second
      const sharedSign = left !== undefined && left.excluded === 'a decimal that is not a percent' && compares(left, between(text, left, t)) ? left : undefined;
      // (and a whole number printed as the second is: "(49 vs. 48%)")
      const leftBare = sharedSign === undefined && left !== undefined && !left.percent && !left.word && left.decimals === 0 && t.decimals === 0 && left.value <= 100 && left.start >= sentenceStart && compares(left, between(text, left, t)) ? left : undefined;
      const versus = isPercent(n1) && compares(t, between(text, t, n1)) ? n1 : prevShare?.kind === 'share' && prevShare.percent && compares(prevShare.percent, text.slice(prevShare.percent.end, t.start)) ? prevShare.percent : sharedSign ?? leftBare;
      const approximate = APPROXIMATE_PERCENT_BEFORE().test(text.slice(Math.max(sentenceStart, t.start - 24), t.start));
      const after = text.slice(t.end, Math.min(sentenceEnd, t.end + 200));
      const namedGroup = NAMED_GROUP_AFTER().exec(after.slice(0, 80))?.[1];
      let prev = i - 1;
      // past excluded figures ("80% or more"), but never further back than the window
      while (prev >= 0 && tokens[prev]!.excluded !== undefined && tokens[prev]!.end > t.start - 100) prev--;
      const clause = text.slice(Math.max(sentenceStart, tokens[prev]?.end ?? 0, t.start - 100), t.start);
      // "Bei Patienten mit Diabetes lag die Rate bei 20 %", "En ce qui concerne les femmes, 20 % ...": a smaller group named before
      const described = SUBGROUP_DESCRIBED_AFTER().test(after) || SUBGROUP_DESCRIBED_BEFORE().test(clause) || SUBGROUP_QUALIFIED_BEFORE().test(clause) || SUBGROUP_NOUN_AFTER().test(after) || SUBGROUP_NOUN_BEFORE().test(clause) || ACCURACY_BEFORE().test(clause) || TOPIC_SUBGROUP_BEFORE().test(text.slice(Math.max(0, sentenceStart - 2, t.start - 160), t.start));
      // "… Sterblichkeit in der Ösophagus- (8,6 %) und Magenchirurgie (11,7 %)": the rate of each bracketed category
      const inCategory = /[\p{L}-]\s*\(\s*$/u.test(text.slice(Math.max(sentenceStart, t.start - 4), t.start)) && RATE_IN_CATEGORY_BEFORE().test(text.slice(Math.max(sentenceStart, t.start - 160), t.start));
      // "mit jeweils 20 %": the same percent of each of several groups
      const each = /(?<![\p{L}])jeweils\s*$/iu.test(text.slice(Math.max(sentenceStart, t.start - 12), t.start));
      // "Von den verstorbenen Tuberkulösen waren 9,8 Prozent Kinder, 24,4 Prozent Jugendliche": the smaller group the
      // sentence opens with holds for every bare percent of its list, not only the first
      const headShare = out.find((o): o is ShareMention => o.kind === 'share');
      const underHead = headShare !== undefined && headShare.subgroup === 'described' && headShare.count === undefined && headShare.denominator === undefined && !/[;:]/.test(text.slice(headShare.end, t.start)) && out.every((o) => o.kind === 'share' && o.count === undefined && o.denominator === undefined);
      const paired = PAIRED_BY_RESPECTIVELY_AFTER().test(after) || PAIRED_BY_RESPECTIVELY_BEFORE().test(text.slice(Math.max(sentenceStart, t.start - 24), t.start));
      const subgroup = described || underHead ? 'described' : EACH_OF_LISTED_AFTER().test(after) || inCategory || each || paired ? 'listed' : undefined;
      out.push(share({ percent: t, start: t.start, end: t.end, label: labelAround(text, t, undefined, sentenceEnd), ...(versus ? { versus } : {}), ...(approximate ? { approximate } : {}), ...(namedGroup ? { namedGroup } : {}), ...(subgroup ? { subgroup } : {}) }));
      used.add(t);
      continue;
    }
    // "davon 8.075 lebend (7.918) und 29 tot (36)": a count alone in brackets just after another count's words is
    // that count's figure of another year or place, given to compare, not one more part
    const left = tokens[i - 1];
    if (countLike(t) && left !== undefined && isCount(left) && used.has(left) && /^\s*(?:[\p{L}-]+\s+){0,4}\(\s*$/u.test(between(text, left, t)) && /^\s*\)/.test(text.slice(t.end, t.end + 3)) && out[out.length - 1]?.kind === 'part') {
      used.add(t);
      continue;
    }
    if (countLike(t) && !t.weak) {
      // after "of these", "including", "davon", "dont" the counts of the sentence are parts, not new groups
      // ("We included 3028 children" states the group: a cue lists parts only once a group is known)
      const groupKnown = context.largestTotal !== undefined || out.some((m) => m.kind === 'total');
      // "Of 1,234 patients, 694 were women", "Von den 1.234 Patienten waren 694 Frauen": after the group a sentence opens
      // with, a smaller count is one of its parts, whatever noun it has
      const opening = out[0];
      const underOpening = opening?.kind === 'total' && opening.token.value > t.value && OPENS_WITH_OF_GROUP.test(text.slice(sentenceStart, opening.token.start));
      const enumerating = (PARTS_CUE().test(sentenceHead(t)) && groupKnown) || ANAPHOR_BEFORE().test(sentenceHead(t).slice(-40)) || out.some((m) => m.kind === 'part' && !m.nEquals) || underOpening;
      const largest = Math.max(context.largestTotal ?? 0, ...out.filter((m): m is TotalMention => m.kind === 'total').map((m) => m.token.value));
      // (the count "davon" points back to is a group even after other counts: "von 7.777 auf 7.926 gestiegen, davon ...")
      const pointedBack = !ANAPHOR_BEFORE().test(sentenceHead(t).slice(-40)) && PARTS_POINT_BACK_AFTER().test(text.slice(t.end, Math.min(sentenceEnd, t.end + 80)));
      const kind = pointedBack ? { strong: false } : enumerating && !N_EQUALS_BEFORE.test(text.slice(Math.max(sentenceStart, t.start - 8), t.start)) ? undefined : totalKind(text, t, sentenceStart, sentenceEnd, largest > 0 ? largest : undefined);
      const b = text.slice(Math.max(sentenceStart, t.start - 30), t.start);
      if (kind) {
        out.push({ kind: 'total', token: t, approximate: APPROXIMATE_BEFORE().test(b), strong: kind.strong });
        used.add(t);
        continue;
      }
      const nEquals = N_EQUALS_BEFORE.test(text.slice(Math.max(sentenceStart, t.start - 8), t.start));
      const included = !nEquals && INCLUDED_AFTER().test(text.slice(t.end, Math.min(sentenceEnd, t.end + 80)));
      out.push({ kind: 'part', token: t, nEquals, label: nEquals ? labelBefore(text, t, sentenceStart) : labelAfter(text, t, sentenceEnd), ...(included ? { included } : {}) });
      used.add(t);
    }
  }
  return out;
}

/** Whether 1 of some group prints as `percent` (1/33 is 3 %; no group gives 91,2 %). */
function oneCanGive(percent: NumberToken): boolean {
  if (percent.value <= 0) return false;
  const n = Math.round(100 / percent.value);
  return [n - 1, n, n + 1].some((d) => d >= 1 && fitShare({ count: 1, percent: percent.value, decimals: percent.decimals }, d) === 'exact');
}

/** Is `at` inside a bracket opened after `from`? ("(125 men and 133 women)") */
function insideBracket(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

/** Just after the closing bracket that follows `at`, when one follows closely. */
function closeAfter(text: string, at: number, limit: number): number {
  const m = /^[^()]{0,12}?\)/.exec(text.slice(at, Math.min(limit, at + 14)));
  return m ? at + m[0].length : at;
}

function labelBefore(text: string, t: NumberToken, sentenceStart: number): string {
  const label = text.slice(Math.max(sentenceStart, t.start - 40), t.start).split(/[,;:.()]/).pop() ?? '';
  return label.replace(LABEL_TRAILING_FILLER(), '').trim();
}

function labelAfter(text: string, t: NumberToken, sentenceEnd: number): string {
  const m = LABEL_AFTER_COUNT().exec(text.slice(t.end, Math.min(sentenceEnd, t.end + 60)));
  return m?.[1]?.trim() ?? '';
}
