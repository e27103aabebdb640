import type { ReadingLocale } from './locale.js';
import { lazyWords } from './word-boundary.js';
import { isNumberWord, parseNumberWords, type NumberWordLanguage } from './number-words.js';
import {
  AVERAGE_WORDS_BEFORE,
  BOUND_BEFORE,
  CHANGE_AFTER,
  CHANGE_BEFORE,
  CHANGE_LINK_AT_END,
  CHANGE_VERB_BEFORE,
  COUNT_CHANGE_BEFORE,
  COUNT_CHANGE_NOUN_BEFORE,
  COUNT_CHANGE_LINK_AT_END,
  DIFFERENCE_AFTER,
  INTERVAL_LEVEL_BEFORE,
  RATIO_STATISTIC_BEFORE,
  TIME_POINT_RATE,
  TIME_UNIT_NEAR,
  THRESHOLD_BEFORE,
  POPULATION_RATE_BEFORE,
  RESTATEMENT_BETWEEN,
  BENCHMARK_BEFORE,
  BENCHMARK_AFTER,
  COMPARED_BEFORE,
  COMPARATOR_BEFORE,
  COUNT_NOUN,
  INTERVAL_AFTER,
  INTERVAL_BEFORE,
  LABEL_BEFORE,
  MONTH,
  STATISTIC_BEFORE,
  SURVIVAL,
  UNIT_AFTER,
  YEAR_BEFORE,
  YEAR_BEFORE_WEAK,
} from './vocabulary.js';

// expressions used inside functions, built once (a literal there is rebuilt on every call)
const DEGREE_BEFORE = lazyWords(() => /(?:[\p{L}]\s+)(?:à|zu|al)\s*$/iu);
const FROM_BEFORE = lazyWords(() => /\b(?:from|von|de|desde)\s*$/iu);
const ONE_BEFORE = lazyWords(() => /\b(?:one|ein(?:e|es|er)?|un|une|uno|una)\s*$/iu);
const SCORE_BEFORE = lazyWords(() => /\b(?:from|to|a|an|score|scored|VAS|EVA|NRS)\s*$/iu);
const COMPARED_YEAR_BEFORE = lazyWords(() => /\b(?:par\s+rapport\s+(?:à|a)|comparé(?:e|s|es)?\s+(?:à|a)|contre|compared\s+(?:with|to)|versus|vs\.?|gegenüber|im\s+Vergleich\s+zu(?:m)?|verglichen\s+mit|frente\s+a(?:l)?|respecto\s+a(?:l)?|en\s+comparación\s+con|comparado\s+con)\s*$/iu);
// "leur incidence représente 4.000 nouveaux cas par an", "la quatrième cause de décès ... (4000 par an)": a country's
// yearly incidence or deaths, no group the text counted (a register's "2279 cases per year were diagnosed" is one)
const PER_YEAR_AFTER = lazyWords(() => /^\s*(?:[\p{L}-]+\s+){0,3}?(?:par\s+an|pro\s+Jahr|per\s+(?:year|annum)|a\s+year|al\s+año|por\s+año|chaque\s+année|each\s+year|every\s+year|cada\s+año|jährlich|annually)(?![\p{L}])/iu);
const POPULATION_MEASURE_BEFORE = lazyWords(() => /\b(?:incidence|incidencia|Inzidenz|prévalence|prevalence|prevalencia|Prävalenz|cause\s+de\s+décès|causes?\s+of\s+death|Todesursache|causa\s+de\s+muerte|estimée?s?|estimated|geschätzt\w*|estimad[oa]s?)\b[^.;]*$/iu);
const CLAUSE_AFTER_YEAR = lazyWords(() => /^\s*[,;)]?\s*(?:when|we|the|there|it|this|a|an|our|wurde|wurden|hat|haben|ont|a\s+été|se|fue|fueron)\b/iu);

/** A number in text, with how it was printed and why it is not a count or a share when it is not. */
export interface NumberToken {
  /** Offsets in the text the tokens were read from. */
  start: number;
  end: number;
  value: number;
  /** Digits with a '.' decimal mark and no grouping ("4 278" is "4278", "31,34" is "31.34"). */
  digits: string;
  /** Decimal places as printed. */
  decimals: number;
  percent: boolean;
  /** Written in words ("Eleven", "cinq"). */
  word: boolean;
  /** An article as much as a number ("one", "un", "une", "ein", "uno"): a count only right before its percent. */
  weak: boolean;
  /** "⅚": a ratio printed as one character. */
  fraction?: { numerator: number; denominator: number };
  /** Why the number is not a count, a total or a share. */
  excluded?: string;
}

// "5 Prozentpunkte", "3 percentage points", "2 points de pourcentage", "4 puntos porcentuales": a difference of percents
const POINTS_AFTER = lazyWords(() => /^\s?(?:%-?\s?Punkte\b|Prozentpunkte\w*|percentage[\s-]points?\b|points?\s+de\s+pourcentage|puntos?\s+porcentuales?)/iu);
const GROUP_SPACE = /[\u00a0\u202f\u2009\u2007]/; // no-break, narrow no-break, thin and figure spaces always group digits
// "vH", "v.H.", "vom Hundert": German statistics; "18{\%}", "18\%": the percent sign escaped as in LaTeX and BibTeX sources
const PERCENT_AFTER = lazyWords(() => /^\s?(?:%(?:-ig\w*)?|\{?\\%\}?|‰|per[\s-]?cent\b|percent\b|pct\b|Prozent\b|Pro-\s?zent\b|pour[\s-]?cent\b|por\s?ciento\b|por\s?cien\b|v\.H\.(?!\p{L})|vH\b|vom\s+Hundert\b)/iu);
const VULGAR: Record<string, [number, number]> = { '½': [1, 2], '⅓': [1, 3], '⅔': [2, 3], '¼': [1, 4], '¾': [3, 4], '⅕': [1, 5], '⅖': [2, 5], '⅗': [3, 5], '⅘': [4, 5], '⅙': [1, 6], '⅚': [5, 6], '⅛': [1, 8], '⅜': [3, 8], '⅝': [5, 8], '⅞': [7, 8] };
const WEAK_WORDS = new Set(['one', 'un', 'une', 'uno', 'una', 'ein', 'eine', 'eins']);
const COUNT_NOUN_AFTER = lazyWords(() => new RegExp(`^\\s*\\(?\\s*${COUNT_NOUN}(?![\\p{L}])`, 'iu'));
// institutions are no group a share is of, but a four-digit number before one is counted, not a year ("Von den 2045 Krankenhäusern")
const INSTITUTION_AFTER = lazyWords(() => /^\s*(?:[\p{L}-]+\s+)?(?:Krankenhäuser|Krankenhäusern|Kliniken|Spitäler|Spitälern|Praxen|Einrichtungen|hospitals|clinics|centres|centers|practices|hôpitaux|établissements|centres|cliniques|hospitales|centros|clínicas)(?![\p{L}])/iu);
// "im vergangenen Jahr 784 Entbindungen", "nach einem Jahr 64 beschwerdefrei", "last year 120 patients": a time phrase with its
// article or adjective, not the label of the number after it ("Jahr 2", "day 5")
const TIME_PHRASE_BEFORE = lazyWords(() => /\b(?:einem|einen|ein|letzten|vergangenen|laufenden|pro|je|jedes|jeden|this|last|next|per|each|one|a|past|este|ese|pasado|cette|chaque|un|une|dernier|dernière)\s+(?:[\p{L}]+\s+)?(?:Jahr|Jahres|year|año|année|Monat|month|mes|mois|Woche|week|semana|semaine)\s*$/iu);
const PER_POPULATION = lazyWords(() => /^\s*(?:per|pro|auf|pour|por(?:\s+cada)?|par|je|auf\s+je|\/)\s*(?:100|1[\s.,\u00a0]?000|10[\s.,\u00a0]?000|100[\s.,\u00a0]?000|1[\s.,\u00a0]?000[\s.,\u00a0]?000|million|Million|mille)\b/iu);
// "dos de cada diez pacientes", "2 out of every 5", "deux sur chaque dix": a rate, whatever the numbers
const EVERY_AFTER = lazyWords(() => /^\s*(?:de\s+cada|of\s+every|out\s+of\s+every|in\s+every|sur\s+chaque|von\s+je|auf\s+je)\s/iu);
const FRACTION_AFTER = lazyWords(() => /^\s*(?:Drittel|Viertel|Fünftel|Sechstel|Achtel|Zehntel|thirds?|quarters?|fifths?|tenths?|tiers|quarts?|cinquièmes?|dixièmes?|tercios?|terceras?\s+partes|cuartas?\s+partes|cuartos?|quintos?|quintas?\s+partes|décimos?)(?![\p{L}])/iu);
const ONE_NOUN_IN = lazyWords(() => /^\s+[\p{L}]+\s+(?:in|sur|von|auf|de\s+cada|of\s+every|out\s+of\s+every)\s+$/iu);
const APPROXIMATE_FEW_BEFORE = lazyWords(() => /\b(?:etwa|rund|fast|knapp|ungefähr|nahezu|about|around|roughly|nearly|almost|approximately|some|environ|près\s+de|presque|casi|cerca\s+de|aproximadamente|alrededor\s+de|unos?|unas?)\s*$/iu);
const FEW_OF_FEW_BETWEEN = lazyWords(() => /^\s*(?:[\p{L}]+\s+)?(?:von|of|in|out\s+of|sur|de\s+cada|de)\s*$/iu);
// "Auslastungsgrad ... 95,9%", "Bettenbelegung lag 2016 bei 96,6 Prozent", "taux d'occupation des lits de 37%", "Teilnahmequote lag
// bei 30,2 %": a share of beds, days or invited people, never of the patients or participants the text counts
const CAPACITY_RATE_BEFORE = lazyWords(() => /\b(?:Auslastung(?:sgrad|squote|srate)?|Bettenauslastung|Bettenbelegung|Belegung(?:sgrad|srate)?|Teilnahme(?:quote|rate)|bed\s+occupancy|occupancy(?:\s+rate)?|participation\s+rate|taux\s+d['’]occupation|taux\s+de\s+participation|(?:tasa|índice|porcentaje)\s+de\s+(?:ocupación|participación)|ocupación\s+(?:hospitalaria|de\s+camas))\b[^.;%]{0,40}$/iu);
const CUMULATIVE_RATE_BEFORE = lazyWords(() => /\b(?:(?:taux|risque)\s+cumulé|cumulative\s+(?:risk|incidence|rate)|kumulative[nrs]?\s+(?:Risiko|Inzidenz|Rate)|(?:riesgo|tasa|incidencia)\s+acumulad[ao])\b[^.;%]*$/iu);
const YEARS_COMPARED_BEFORE = lazyWords(() => /\b(?:que|than|als|qu['’]|in|en|dans|in\s+den)\s+(?:(?:los|las|the|die|den|les)\s+)?(?:(?:dos|tres|two|three|zwei|drei|deux|trois)\s+)?(?:años|years|Jahren|années)\s+(?:anteriores|previos|previous|before|zuvor|davor|précédentes|antérieures)\b[^.;]*$/iu);
const RESPECTIVE_IN_BRACKET = lazyWords(() => /^[^()]*?\b(?:respectivamente|respectively|beziehungsweise|respectivement)\b/iu);
const ESTIMATED_COUNT_BEFORE = lazyWords(() => /\b(?:(?:nombre|number|Zahl|Anzahl|número|total)\s+(?:total\s+)?(?:estimé|estimated|geschätzte|estimado)|estimated\s+(?:number|total)|an\s+estimated|geschätzte\w*\s+(?:Zahl|Anzahl)|(?:nombre|número)\s+estim[ée]\w*)\b[^.;]*$/iu);
const ONE_IN = /^\s*(?:in|of\s+every|out\s+of\s+every|von|sur|de\s+cada|auf)\s+(?:\d|every|jeden|cada)/iu;
const POPULATION_AFTER = lazyWords(() => /^\s*(?:of|der|des|de(?:\s+la|\s+las|\s+los)?|aller)\s+(?:all\s+)?(?:the\s+)?(?:(?:[\p{L}]+\s+)?population|Americans|Europeans|adults\s+in|people\s+(?:in|with|worldwide)|women\s+in|men\s+in|children\s+in|newborns|live\s+births|births|inhabitants|Bevölkerung|Erwachsenen\s+in|Einwohner|aller|population|habitants|naissances|población|habitantes|nacidos|mujeres\b(?!\s+(?:incluidas|estudiadas|tratadas)))/iu);
const LEVEL_AFTER = lazyWords(() => /^\s*(?:[\p{L}]+\s+)?(?:relief|improvement|reduction|Besserung|Verbesserung|Linderung|amélioration|soulagement|mejoría|alivio)\b/iu);
const MONTH_BEFORE = lazyWords(() => new RegExp(`\\b${MONTH}\\s*$`, 'iu'));
const MONTH_AFTER = lazyWords(() => new RegExp(`^\\s*(?:\\.\\s*|de\\s+|of\\s+)?${MONTH}(?![\\p{L}])`, 'iu'));
// "entre el 20 y el 30 %": Spanish and French put articles inside the range
const RANGE_BETWEEN = lazyWords(() => /\b(?:between|zwischen|entre)\s*(?:(?:el|la|los|las|le|les|the)\s+)?$/iu);
const OR_MORE_AFTER = lazyWords(() => /^\s*(?:or\s+(?:more|less|greater|higher|above|over)|oder\s+(?:mehr|weniger)|ou\s+(?:plus|moins)|o\s+(?:más|menos)|y\s+más|et\s+plus)\b/iu);
// "80% power", "agreement was 92%", "the relative risk reduction was 25%": measures of a study or of raters,
// whose percents are of no counted group the text states (a test's accuracy is in the lexicon)
const MEASURE_BEFORE = lazyWords(() => /\b(?:power|agreement|concordance|kappa|reliability|(?:relative|absolute)\s+risk\s+reduction|risk\s+reduction|RRR|ARR|scores?\s+(?:averaged|of))(?![\p{L}\p{N}_])(?:\s+[\p{L}-]+){0,4}?\s*(?:was|were|is|of|reached|averaged)?\s*$/iu);
const MEASURE_AFTER = lazyWords(() => /^\s*(?:power|agreement|concordance)\b/iu);
const AVERAGE_BEFORE = lazyWords(() => /\b(?:mean|average|median|pooled|promedio|media|mediana|moyenne|moyen|médiane|Durchschnitt|durchschnittliche[nr]?|mittlere[nr]?)\s+(?:[\p{L}-]+\s+){0,4}(?:was|were|is|of|de|von|fue|était|lag\s+bei|betrug)?\s*$/iu);
const RESPECTIVELY_AFTER = lazyWords(() => /^[^.;]{0,40}?\b(?:respectively|respectivamente|respectivement|beziehungsweise|bzw)\b/iu);
// "85% on average": an average of rates
const AVERAGE_AFTER = lazyWords(() => /^\s*%?\s*(?:on\s+average|in\s+average|averaged\b)/i);
// "At 5 years, 80% were alive": an estimate at a time point (a time point must come before)
const ALIVE_AFTER = lazyWords(() => /^\s*%?\s*(?:of\s+(?:the\s+)?[\p{L}-]+\s+)?(?:were|was|are|is|remained)\s+(?:still\s+)?(?:alive|surviving|event-free|disease-free|relapse-free|progression-free|recurrence-free)\b/iu);
const TIME_POINT_BEFORE = lazyWords(() => /\b(?:at|after|by)\s+\d+\s*(?:years?|months?|weeks?)\b|\b\d+-(?:year|month|week)\b/i);
// "of those older than 80", "aged over 65": an age bound, not a group's size
const AVERAGE_STATED_BEFORE = lazyWords(() => /\b(?:mean|median|average)\s+(?:[\p{L}-]+\s+){0,5}(?:was|were|is|are)\s*(?:about|approximately|around)?\s*$/iu);
const KINDS_AFTER = lazyWords(() => /^\s*(?:different\s+|main\s+|distinct\s+)?(?:types?|kinds?|sorts?|categories|classes|modalities)\s+of\b/iu);
const AGE_BOUND_BEFORE = lazyWords(() => /\b(?:(?:older|younger)\s+than|(?:over|under|above|below)\s+the\s+age\s+of|aged?\s+(?:over|under|above|below|at\s+least|less\s+than|more\s+than))\s*$/i);
// "expected mortality from the S-MPM was 1.2%", "the predicted rate of 8%", "a target of 95%": a modelled or aimed-for rate
const MODELLED_BEFORE = lazyWords(() => /\b(?:expected|predicted|estimated|projected|modell?ed|target(?:ed)?|goal|aim|estimée?s?|estimad[oa]s?|geschätzt|erwartet|prognostiziert)\b(?:\s+[\p{L}-]+){0,5}?\s*(?:was|is|were|are|of|at|to\s+be)?\s*$/iu);
const AFFECTS_BEFORE = lazyWords(() => /\b(?:affects?|affecting|afecta(?:\s+a)?|touche|touchent|concerne|concernent|betrifft|betreffen|prevalence\s+of|prévalence\s+de|Prävalenz\s+von|prevalencia\s+de|incidence\s+of|Inzidenz\s+von|incidence\s+de|incidencia\s+de)\s*(?:un|una|about|approximately|etwa|rund|environ|alrededor\s+de)?\s*$/iu);

const WORD = /[\p{L}]+/gu;
const SCALE_WORD_ONLY = /^(?:millions?|millón|millon|millones|Millionen|Million|mil|mille|Tausend|tausend|thousand)$/iu;
const SCALE_AFTER = lazyWords(() => /^[\s\u00a0]+(?:millions?|millón|millones|Millionen|Million|Mio\.?|Mill\.|Mrd\.?|milliards?|Milliarden?|billions?|mil|mille|Tausend|thousand)(?![\p{L}])/iu);

/**
 * Runs of number words ("Two hundred and twenty-two"), found by looking each word up rather than
 * by one large alternation over the text, which is several times faster on long pages.
 */
function* numberWordRuns(text: string, language: NumberWordLanguage): Generator<{ 0: string; index: number }> {
  WORD.lastIndex = 0;
  let run: { start: number; end: number } | undefined;
  let lastNumberEnd = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0].toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    const joined = run !== undefined && /^[\s\u00a0]*[-‐‑]?[\s\u00a0]*$/.test(text.slice(run.end, start)) && start - run.end <= 3;
    if (isNumberWord(word, language) && !/[\p{N}]/u.test(text[start - 1] ?? '') && !/[\p{N}]/u.test(text[end] ?? '')) {
      const isJoin = word === 'and' || word === 'y' || word === 'et' || word === 'und';
      if (run !== undefined && joined) {
        run.end = end;
        if (!isJoin) lastNumberEnd = end;
        continue;
      }
      if (run !== undefined) yield { 0: text.slice(run.start, lastNumberEnd), index: run.start };
      run = isJoin ? undefined : { start, end };
      lastNumberEnd = end;
      continue;
    }
    if (run !== undefined) yield { 0: text.slice(run.start, lastNumberEnd), index: run.start };
    run = undefined;
  }
  if (run !== undefined) yield { 0: text.slice(run.start, lastNumberEnd), index: run.start };
}

interface RawNumber {
  start: number;
  end: number;
  digits: string;
  decimals: number;
  /** The number continues as a date or a version ("27.11.2020", "1.2.3"). */
  dotted: boolean;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Read the number that starts at `i` (a digit not preceded by a letter, digit or separator+digit). */
function readNumber(text: string, i: number, decimalComma: boolean): RawNumber {
  let j = i;
  while (isDigit(text[j])) j++;
  const firstLength = j - i;
  let intDigits = text.slice(i, j);
  let groupSep: string | undefined;
  let decimals = '';
  let dotted = false;
  for (;;) {
    const sep = text[j];
    if (sep === undefined || !isDigit(text[j + 1])) break;
    let k = j + 1;
    while (isDigit(text[k])) k++;
    const run = text.slice(j + 1, k);
    const next = text[k];
    const followedByGroup = (next === sep && isDigit(text[k + 1])) || false;
    const leadingZero = intDigits.length > 1 && intDigits.startsWith('0');
    const canGroup = run.length === 3 && (groupSep === undefined ? firstLength <= 3 && !leadingZero : groupSep === sep) && decimals === '';
    if (sep === "'" || sep === '’' || sep === '‘' || GROUP_SPACE.test(sep)) {
      if (!canGroup) break;
      groupSep = sep;
      intDigits += run;
      j = k;
      continue;
    }
    if (sep === ' ') {
      // an ordinary space groups digits only in the French and register style "4 278", "3 287 199"
      if (!canGroup || (groupSep === undefined && !(next === undefined || !isDigit(next)))) break;
      groupSep = sep;
      intDigits += run;
      j = k;
      continue;
    }
    if (sep !== ',' && sep !== '.') break;
    if (decimals !== '') {
      if (sep === '.') dotted = true; // "27.11.2020", "1.2.3"
      break;
    }
    const localeGroup = decimalComma ? '.' : ',';
    const asGroup = canGroup && (sep === localeGroup || groupSep === sep || followedByGroup);
    if (asGroup) {
      groupSep = sep;
      intDigits += run;
      j = k;
      continue;
    }
    if (groupSep === sep) break; // "1,234,56": stop at the group we know
    decimals = run;
    j = k;
    if (text[j] === '.' && isDigit(text[j + 1])) dotted = true;
  }
  const digits = decimals === '' ? intDigits.replace(/^0+(?=\d)/, '') : `${intDigits.replace(/^0+(?=\d)/, '')}.${decimals}`;
  return { start: i, end: j, digits, decimals: decimals.length, dotted };
}

/**
 * Every number of `text` (digits, number words of the text's language, "⅚"), each with its
 * percent sign when it has one, and marked `excluded` when its context makes it something other
 * than a count or a share: p-values, interval bounds, odds ratios and other statistics, ages,
 * doses and other measurements, dates and years, identifiers ("Table 2", "type II"), ranges
 * ("74.5% to 79.5%"), percent changes ("increased by 20%"), thresholds ("MP > 40%"), rates per
 * population ("3.3 per 1000", "1 in 278") and survival estimates. Linear in the length of `text`:
 * each number looks at a bounded window around it.
 */
export function tokenize(text: string, locale: ReadingLocale): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (isDigit(c)) {
      const prev = text[i - 1];
      if (prev !== undefined && /[\p{L}_]/u.test(prev)) {
        while (isDigit(text[i + 1])) i++;
        continue; // "US1", "SMN1", "CD20", "H2O": part of a word
      }
      const raw = joinSpanishThousands(text, readNumber(text, i, locale.decimalComma), locale);
      const token = makeToken(text, raw);
      if (raw.dotted) token.excluded = 'a date or a version number';
      // "2,6 Millionen Behandlungen", "29 mil menores", "4,83 millions de décès": a rounded figure, never an exact group
      if (!token.percent && SCALE_AFTER().test(text.slice(raw.end, raw.end + 16))) token.excluded = 'a rounded count in thousands or millions';
      // "38 .5%", "16, 3 %": a decimal broken by a space in the source cannot be read safely
      const fractionLike = raw.digits.length <= 2 && PERCENT_AFTER().test(text.slice(raw.end, raw.end + 12));
      // (not after the end of a range or bound: ">50…60, 30 % >60…70" lists two figures)
      const last = tokens[tokens.length - 1];
      const afterRange = last !== undefined && /[…–—<>≤≥-]\s*$/u.test(text.slice(Math.max(0, last.start - 2), last.start));
      const broken = fractionLike && !afterRange && ((/[.,]/.test(prev ?? '') && text[i - 2] === ' ' && isDigit(text[i - 3])) || (locale.decimalComma && prev === ' ' && text[i - 2] === ',' && isDigit(text[i - 3])));
      if (broken) {
        token.excluded = 'a number broken by a space';
        if (last && i - last.end <= 2) last.excluded = 'a number broken by a space';
      }
      tokens.push(token);
      i = raw.end - 1;
      if (raw.dotted) while (i + 1 < text.length && /[\d.]/.test(text[i + 1]!)) i++;
      continue;
    }
    const fraction = VULGAR[c];
    if (fraction) {
      const percent = PERCENT_AFTER().exec(text.slice(i + 1, i + 14));
      tokens.push({ start: i, end: i + 1 + (percent?.[0].length ?? 0), value: fraction[0] / fraction[1], digits: String(fraction[0] / fraction[1]), decimals: 0, percent: false, word: false, weak: false, fraction: { numerator: fraction[0], denominator: fraction[1] } });
    }
  }
  const digitCount = tokens.length;
  let digit = 0;
  for (const m of numberWordRuns(text, locale.language)) {
    const value = parseNumberWords(m[0], locale.language);
    if (value === undefined) continue;
    // "mil 439" was read with its digits as 1439 (both lists are in text order: one pass)
    while (digit < digitCount && tokens[digit]!.end <= m.index) digit++;
    if (digit < digitCount && tokens[digit]!.start <= m.index) continue;
    // "por millón", "pro Million": a scale word alone names no count; "2,6 Millionen", "29 mil" belong to their digits
    if (SCALE_WORD_ONLY.test(m[0]) && (value >= 1_000_000 || /\d[\s\u00a0]*$/.test(text.slice(Math.max(0, m.index - 3), m.index)))) continue;
    const end = m.index + m[0].length;
    const percent = PERCENT_AFTER().exec(text.slice(end, end + 14));
    const word = m[0].toLowerCase();
    tokens.push({
      start: m.index,
      end: end + (percent?.[0].length ?? 0),
      value,
      digits: String(value),
      decimals: 0,
      percent: percent !== null,
      word: true,
      weak: WEAK_WORDS.has(word),
      // "tres millones de personas", "zwei Millionen": a figure rounded to millions is no exact group
      ...(!percent && /(?:millions?|millón|millones|millionen)$/u.test(word) ? { excluded: 'a rounded count in thousands or millions' } : {}),
    });
  }
  tokens.sort((a, b) => a.start - b.start);
  // "mortality rates were 15 and 25% respectively": the first number of the list is a percent too
  for (let t = tokens.length - 2; t >= 0; t--) {
    const token = tokens[t]!;
    const next = tokens[t + 1]!;
    if (!token.percent && next.percent && token.excluded === undefined && /^\s*(?:,|and|y|und|et|or|o|ou)\s*$/iu.test(text.slice(token.end, next.start)) && RESPECTIVELY_AFTER().test(text.slice(next.end, next.end + 60))) {
      token.percent = true;
    }
  }
  for (let t = 0; t < tokens.length; t++) excludeByContext(text, tokens, t);
  continueCoordinated(text, tokens);
  markIntervals(text, tokens);
  return tokens;
}

// "24 mil 297", "104 mil 134", "mil 439": Spanish press and statistics offices write thousands as a word between digits
const MIL_THEN_DIGITS = /^[ \u00a0]+mil[ \u00a0]+(\d{1,3})(?![\d\p{L}]|[.,]\d)/u;
const MIL_BEFORE = /(?:^|[^\p{L}\p{N}][ \u00a0]?|[^\p{L}\p{N} \u00a0])mil[ \u00a0]+$/iu;

/** A number of the form "X mil Y" or "mil Y" read as one: X·1000 + Y. */
function joinSpanishThousands(text: string, raw: RawNumber, locale: ReadingLocale): RawNumber {
  if (locale.language !== 'es' || raw.decimals > 0 || raw.dotted || raw.digits.length > 3) return raw;
  const after = MIL_THEN_DIGITS.exec(text.slice(raw.end, raw.end + 12));
  if (after) {
    const rest = after[1]!;
    return { start: raw.start, end: raw.end + after[0].length, digits: String(Number(raw.digits) * 1000 + Number(rest)), decimals: 0, dotted: false };
  }
  const head = text.slice(Math.max(0, raw.start - 8), raw.start);
  if (MIL_BEFORE.test(head) && !/\d[ \u00a0]+mil[ \u00a0]+$/iu.test(head)) {
    const at = raw.start - (/mil[ \u00a0]+$/iu.exec(head)![0].length);
    return { start: at, end: raw.end, digits: String(1000 + Number(raw.digits)), decimals: 0, dotted: false };
  }
  return raw;
}

function makeToken(text: string, raw: RawNumber): NumberToken {
  const percent = PERCENT_AFTER().exec(text.slice(raw.end, raw.end + 14));
  return {
    start: raw.start,
    end: raw.end + (percent?.[0].length ?? 0),
    value: Number(raw.digits),
    digits: raw.digits,
    decimals: raw.decimals,
    percent: percent !== null && !percent[0].includes('‰'),
    word: false,
    weak: false,
    ...(percent?.[0].includes('‰') ? { excluded: 'a rate per thousand' } : {}),
  };
}

// "a progressé de 3,8 % en 1 an et de 19 % en 5 ans", "representa un 19 % de las urgencias de la capital y el 3,7 %
// de las nacionales": a percent coordinated with a percent change, or with the share a count makes of a larger
// population, is one too
const COORDINATED_REASONS = new Set(['a percent change', 'a percent change or the level a change reached', 'the share the count before it makes of a larger population that is not counted']);
const COORDINATED_GAP = lazyWords(() => /^\s*\)?(?:\s+(?:de|des|del|of|der|aller)\s+(?:[\p{L}'’-]+\s+){0,9}?[\p{L}'’-]+)?(?:\s+(?:en|in|im|dans|within|über|sur|innerhalb\s+von|de|del|of|over|après|after|nach|tras)\s+(?:\d+|un|une|uno|una|one|einem|einer|ein)\s+[\p{L}]+)?\s*,?\s*(?:et|and|und|y|e|sowie|ou|or|oder|o)\s+(?:(?:de|by|um|auf|to|à|un|en|del|el|la|le|les|the|los|las|de\s+un|in|par)\s+){0,2}$/iu);

function continueCoordinated(text: string, tokens: NumberToken[]): void {
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (!token.percent || token.excluded === undefined || !COORDINATED_REASONS.has(token.excluded)) continue;
    let u = t + 1;
    while (u < tokens.length && !tokens[u]!.percent && tokens[u]!.start - token.end < 120) u++;
    const next = tokens[u];
    if (next === undefined || !next.percent || next.excluded !== undefined || next.start - token.end > 120) continue;
    if (COORDINATED_GAP().test(text.slice(token.end, next.start))) next.excluded = token.excluded;
  }
}

const before = (text: string, at: number, n = 32) => text.slice(Math.max(0, at - n), at);
const after = (text: string, at: number, n = 48) => text.slice(at, at + n);

/** The end of the number itself (before its percent sign). */
const numberEnd = (text: string, t: NumberToken) => {
  if (!t.percent) return t.end;
  const m = /\s?(?:%\S*|[\p{L}-]+(?:\s[\p{L}]+)?)$/u.exec(text.slice(t.start, t.end));
  return m ? t.end - m[0].length : t.end;
};

function excludeByContext(text: string, tokens: NumberToken[], t: number): void {
  const token = tokens[t]!;
  if (token.excluded !== undefined) return;
  const b = before(text, token.start);
  const a = after(text, token.end);
  const aNumber = after(text, numberEnd(text, token), 24);
  const set = (reason: string) => (token.excluded = reason);
  const next = tokens[t + 1];
  // ranges first: "74.5% to 79.5%", "10–16 %", "25 à 65%", "(0,04–0,4 %)", "between 2008 and 2013"
  if (next && next.excluded === undefined && /^\s*(?:%\s*)?(?:-\s*(?=bis|à|a|to|al)|)(?:–|—|-|…|to|à|bis|al|hasta)\s*$/u.test(text.slice(numberEnd(text, token), next.start)) && !/\/\s*$/.test(b) && !(token.percent && !next.percent && UNIT_AFTER.test(after(text, next.end, 12)))) {
    set('a range');
    next.excluded = 'a range';
    return;
  }
  if (RANGE_BETWEEN().test(b) && next && /^\s*(?:%\s*)?(?:and|und|et|y)\s*(?:(?:el|la|le|les|the)\s+)?$/iu.test(text.slice(numberEnd(text, token), next.start))) {
    set('a range');
    next.excluded = 'a range';
    return;
  }

  if (STATISTIC_BEFORE().test(b) || RATIO_STATISTIC_BEFORE().test(before(text, token.start, 48)) || AVERAGE_WORDS_BEFORE().test(b)) return void set('a statistic (p-value, ratio, mean, score)');
  if (INTERVAL_BEFORE().test(b)) return void set('an interval bound');
  if (/±\s*$/.test(b) || /^\s*(?:±|\+\/-|\+\s?\/\s?-)/.test(aNumber)) return void set('a mean or its spread');
  if (token.percent) {
    if (INTERVAL_AFTER().test(a) || INTERVAL_LEVEL_BEFORE().test(b)) return void set('a confidence level');
    if (COMPARATOR_BEFORE().test(b) || BOUND_BEFORE().test(b) || OR_MORE_AFTER().test(a)) return void set('a threshold or bound, not a share');
    if (AVERAGE_BEFORE().test(b) || AVERAGE_AFTER().test(a)) return void set('an average of rates, not a share of a counted group');
    if (ALIVE_AFTER().test(a) && TIME_POINT_BEFORE().test(before(text, token.start, 60))) return void set('a survival or time-to-event estimate');
    if ((MEASURE_BEFORE().test(b) || MEASURE_AFTER().test(a)) && !/^\s*\(\s*\d+\s*\/\s*\d+\s*\)/.test(a)) return void set("a measure of a study's power, raters' agreement or a risk reduction, not a share of a counted group");
    if (LEVEL_AFTER().test(a)) return void set('a level of improvement, not a share');
    // "une prise en charge à 100 %", "zu 100 Prozent erstattet", "cubierto al 100 %": how fully, not a share of a group
    if (token.value === 100 && DEGREE_BEFORE().test(b)) return void set('a degree (fully), not a share of a counted group');
    if (sharePopulationOfCount(text, tokens, t)) return void set('the share the count before it makes of a larger population that is not counted');
    if (CHANGE_BEFORE().test(b) || CHANGE_AFTER().test(a)) return void set('a percent change');
    if (CHANGE_LINK_AT_END().test(b) && CHANGE_VERB_BEFORE().test(before(text, token.start, 80))) return void set('a percent change or the level a change reached');
    if (FROM_BEFORE().test(b) && /^\s*(?:\w+\s+){0,6}?(?:to|auf|à|a|hasta)\s+\d/u.test(a)) {
      // "varied from 57.99% in the highest quintile to 22.93% in the lowest": the figure it runs to is the other end
      if (next?.percent && next.excluded === undefined && /^\s*(?:\w+\s+){0,6}?(?:to|auf|à|a|hasta)\s+$/u.test(text.slice(token.end, next.start))) next.excluded = 'a change or range (from ... to ...)';
      return void set('a change or range (from ... to ...)');
    }
    if (MODELLED_BEFORE().test(before(text, token.start, 70))) return void set('a modelled, expected or target rate, not a share of a counted group');
    if (AFFECTS_BEFORE().test(b) || POPULATION_AFTER().test(a) || POPULATION_RATE_BEFORE().test(before(text, token.start, 110))) return void set('prevalence in a population that is not counted');
    if (THRESHOLD_BEFORE().test(before(text, token.start, 60))) return void set('a threshold or bound, not a share');
    if (CAPACITY_RATE_BEFORE().test(before(text, token.start, 60))) return void set('a rate of beds, capacity or participation, not a share of the group the text counts');
    if (CUMULATIVE_RATE_BEFORE().test(before(text, token.start, 80))) return void set('a cumulative risk or rate, an estimate for a population');
    // "mayor que en los dos años anteriores (28%, 31% y 34,8%, respectivamente)": the figures of a run of years
    if (YEARS_COMPARED_BEFORE().test(before(text, token.start, 120)) && RESPECTIVE_IN_BRACKET().test(after(text, token.end, 60))) return void set('a figure of another population or year, given to compare with');
    // a year after the percent marks another year only after a comparison ("contre 55 % en 2015"), not in "70 % en 2020" alone
    const benchmarkAfter = BENCHMARK_AFTER().exec(a);
    if (BENCHMARK_BEFORE().test(before(text, token.start, 60)) || (benchmarkAfter && (!/\d/.test(benchmarkAfter[0]) || COMPARED_BEFORE().test(b)))) return void set('a figure of another population or year, given to compare with');
    const words = wordsBefore(text, token.start, 90);
    if (SURVIVAL().test(words) || (TIME_UNIT_NEAR().test(words) && TIME_POINT_RATE().test(words))) return void set('a survival or time-to-event estimate');
  } else {
    if (POINTS_AFTER().test(aNumber)) return void set('a percent change');
    // "The mean age of the patients was 53", "the median number of visits per child was 4": the value of an average
    if (AVERAGE_STATED_BEFORE().test(before(text, token.start, 70))) return void set('a statistic (p-value, ratio, mean, score)');
    // "Four types of treatments were considered": a number of kinds, not a group of the people counted
    if (KINDS_AFTER().test(aNumber)) return void set('a number of kinds, not a counted group');
    if (UNIT_AFTER.test(aNumber)) return void set('a measurement (dose, duration, age or size)');
    // "an IQ < 50", "aged > 65": a bound, not a group
    if (/[<>≤≥]\s*$/.test(b) || AGE_BOUND_BEFORE().test(b)) return void set('a threshold or bound, not a count');
    if (FRACTION_AFTER().test(aNumber)) return void set('a fraction ("two thirds"), not a count');
    if ((COUNT_CHANGE_LINK_AT_END().test(b) && COUNT_CHANGE_BEFORE().test(before(text, token.start, 64))) || COUNT_CHANGE_NOUN_BEFORE().test(b) || DIFFERENCE_AFTER().test(aNumber)) return void set('the amount of a change, not a group');
    if (/^(?:st|nd|rd|th|er|ère|e|ème|º|ª|°|\.(?=\s*(?:[\p{Ll}]|Jahr|Monat|Woche|Tag|Lebens)))(?![\p{L}])/u.test(aNumber) && !token.word) return void set('an ordinal');
    if (/^[\p{L}]/u.test(aNumber) && !token.word) return void set('part of an identifier');
    if ((LABEL_BEFORE().test(b) && !TIME_PHRASE_BEFORE().test(b)) || (!token.word && /[\p{L}]-$/u.test(b))) return void set('an identifier (table, type, grade, level, day ...)');
    if (PER_POPULATION().test(aNumber) || (token.value === 1 && ONE_IN.test(aNumber)) || EVERY_AFTER().test(aNumber)) return void set('a rate per population');
    // "etwa 4 von 5 Fällen", "about 3 in 4", "près de 2 sur 3", "casi 4 de cada 5": an approximate few of a few is a rate
    if (next !== undefined && next.value <= 10 && token.value < next.value && APPROXIMATE_FEW_BEFORE().test(b) && FEW_OF_FEW_BETWEEN().test(text.slice(token.end, next.start))) {
      next.excluded = 'a rate per population';
      return void set('a rate per population');
    }
    // "1 patient sur 4", "un enfant sur trois", "1 Patient von 5": one of a few, a rate however it is written
    if (token.value === 1 && next !== undefined && next.value <= 20 && ONE_NOUN_IN().test(text.slice(token.end, next.start))) {
      next.excluded = 'a rate per population';
      return void set('a rate per population');
    }
    if (PER_YEAR_AFTER().test(after(text, token.end, 40)) && POPULATION_MEASURE_BEFORE().test(wordsBefore(text, token.start, 110))) return void set('a yearly figure of a population that is not counted');
    if (ONE_BEFORE().test(b) && ONE_IN.test(aNumber)) return void set('a rate per population');
    // "57 per 100,000 population": the base of the rate is no group either
    if (/(?:^|[^\p{L}])(?:per|pro|pour|por|par|je|auf)\s*$/iu.test(b) && [100, 1000, 10000, 100000, 1000000].includes(token.value)) return void set('the base of a rate per population');
    // ("Patients treated in 2019: 120" gives a year's figure after its label, no ratio)
    const yearLabel = (/^:\s/.test(aNumber) && token.digits.length === 4 && /^(?:19|20)\d\d$/.test(token.digits)) || /(?<![\d.,])(?:19|20)\d\d:\s+$/.test(b);
    if (!yearLabel && (/^\s*:\s*\d/.test(aNumber) || /\d\s*:\s*$/.test(b))) return void set('a ratio or a time (1:1, 10:30)');
    // "Le nombre estimé de nouveaux cas ... était de 25 277", "an estimated 12,000 cases": an estimate, no group the text counted
    if (ESTIMATED_COUNT_BEFORE().test(before(text, token.start, 90))) return void set('an estimated number, not a counted group');
    if (isYear(token, b, aNumber, text)) return void set('a year');
    if (MONTH_BEFORE().test(b) || MONTH_AFTER().test(aNumber)) return void set('a date');
    if (!token.word && token.decimals === 0 && token.digits.length >= 7 && /^(?:19|20)\d\d(?:19|20)\d\d$/.test(token.digits)) return void set('two years run together');
    if (token.decimals > 0 && !token.percent) {
      token.excluded = 'a decimal that is not a percent';
      return;
    }
  }
  // ratios: "5/1000 live births" is a rate, "a 6/10" a score, "12/2014" a date
  if (next && /^\s*\/\s*$/.test(text.slice(token.end, next.start)) && !token.percent) {
    const denominator = next.value;
    if ([100, 1000, 10000, 100000, 1000000].includes(denominator) && /^\s*[\p{L}]/u.test(after(text, next.end, 4))) {
      set('a rate per population');
      next.excluded = 'a rate per population';
    } else if (denominator >= 1900 && denominator <= 2100 && token.value <= 12) {
      set('a date');
      next.excluded = 'a date';
    } else if (denominator <= 10 && token.value < denominator && /^\s*(?:of|der|des|de|aller|von)\s/iu.test(after(text, next.end, 8))) {
      // "2/3 der Patienten", "1/4 of patients": a fraction of a group, not a count out of three
      set('a fraction ("two thirds"), not a count');
      next.excluded = 'a fraction ("two thirds"), not a count';
    } else if (SCORE_BEFORE().test(b)) {
      set('a score');
      next.excluded = 'a score';
    }
  }
}

// "516 patients ..., ce qui représente 2,8 % des patients", "245.000 urgencias, una cifra que representa un 19 %",
// "..., which accounts for 12% of all", "..., was 3 Prozent aller Fälle entspricht": the percent is the count's share of
// a group the text does not count, never a share of the count itself
const REPRESENTS_BEFORE = lazyWords(() => /\b(?:représente|représentent|représentait|représentaient|représentant|constitue|constituent|correspond\s+à|representa|representan|representaba|representaban|representando|constituye|constituyen|corresponde\s+al?|supone|suponen|represents?|represented|representing|accounts?\s+for|accounted\s+for|accounting\s+for|making\s+up|makes?\s+up|made\s+up|entspricht|entsprach|entsprechen|ausmacht|ausmachen|ausmachten)\s+(?:(?:à|a|of|von)\s+)?(?:(?:environ|près\s+de|presque|aproximadamente|alrededor\s+del?|casi|cerca\s+del?|about|approximately|roughly|nearly|almost|rund|etwa|ca\.?|circa|knapp|un|una|el|le|la|les|the|los|las|del|de|den|die)\s+){0,3}$/iu);
const WAS_BEFORE = lazyWords(() => /(?:,|\()\s*was\s+(?:(?:rund|etwa|ca\.?|knapp|fast)\s+)?$/iu);
const REPRESENTS_AFTER_WAS = lazyWords(() => /^[^.;%]{0,80}?\b(?:entspricht|entsprach|ausmacht|ausmachte)\b/iu);

function sharePopulationOfCount(text: string, tokens: readonly NumberToken[], t: number): boolean {
  const token = tokens[t]!;
  const head = before(text, token.start, 64);
  if (!REPRESENTS_BEFORE().test(head) && !(WAS_BEFORE().test(head) && REPRESENTS_AFTER_WAS().test(text.slice(token.end, token.end + 90)))) return false;
  // the subject is the count before, in the same sentence; "45 pacientes, lo que representa el 56,2 %" restates it as a share instead
  let s = t - 1;
  while (s >= 0 && (tokens[s]!.excluded !== undefined || tokens[s]!.percent || tokens[s]!.weak) && token.start - tokens[s]!.end < 200) s--;
  const subject = tokens[s];
  if (subject === undefined || subject.percent || token.start - subject.end > 200 || /[.;!?]\s/.test(text.slice(subject.end, token.start))) return false;
  return !RESTATEMENT_BETWEEN().test(text.slice(subject.end, token.start));
}

function isYear(token: NumberToken, b: string, aNumber: string, text: string): boolean {
  if (token.word || token.decimals > 0 || token.percent || token.value < 1900 || token.value > 2100 || token.digits.length !== 4) return false;
  if (text.slice(token.start, token.end) !== token.digits) return false; // "1,954" is a count: years have no separator
  const nounAfter = COUNT_NOUN_AFTER().test(aNumber) || INSTITUTION_AFTER().test(aNumber);
  if (YEAR_BEFORE().test(b)) return true;
  // "par rapport à 2010", "gegenüber 2019", "frente a 2015", "compared with 2012": a year compared with, unless a count noun follows
  if (COMPARED_YEAR_BEFORE().test(b) && !nounAfter) return true;
  if (/^\s*(?:–|—|-|\/|to|bis|à|a|al|au|and|und|et|y|through)\s*(?:19|20)\d\d/iu.test(aNumber) || /(?:19|20)\d\d\s*(?:–|—|-|\/|to|bis|à|a|al|au|and|und|et|y|through)\s*$/iu.test(b)) return true;
  // "(1263 with pCR and 2100 without)": a count described by who its members are, listed after another
  if (/(?:\band|,)\s*$/iu.test(b) && /^\s*(?:with|without|who)\b/iu.test(aNumber)) return false;
  if (/\(\s*$/.test(b) && /^\s*\)/.test(aNumber)) return true; // "68,4% (2018)"
  if (CLAUSE_AFTER_YEAR().test(aNumber)) return true;
  // a count needs a noun or a bracketed percent after it: "1954 other types (45.68%)"
  const bracketPercent = /^\s*(?:[^\d()%;.]{0,40})\(\s*\d[\d.,]*\s*%/u.test(text.slice(token.end, token.end + 60));
  if (YEAR_BEFORE_WEAK().test(b) && !nounAfter && !bracketPercent) return true;
  return !nounAfter && !bracketPercent && !/^\s*\(\s*\d/.test(aNumber);
}

/** Numbers inside an interval after "95% CI" up to the closing bracket or semicolon are its bounds. */
function markIntervals(text: string, tokens: NumberToken[]): void {
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const opens = token.excluded === 'a confidence level' || (token.excluded === 'an interval bound' && t > 0 && tokens[t - 1]!.excluded !== 'an interval bound');
    const statistic = token.excluded === 'a statistic (p-value, ratio, mean, score)';
    if (!opens && !statistic) continue;
    // an interval runs to its closing bracket or semicolon; a statistic's own figures ("OR 1.8 (1.2-2.6)") to the next separator
    const limit = Math.min(text.length, token.end + 60);
    let close = limit;
    for (let k = token.end; k < limit; k++) {
      const ch = text[k];
      if (ch === ')' || ch === ']' || ch === ';' || (statistic && (ch === ',' || ch === '(' || ch === '.' && !isDigit(text[k + 1])))) {
        close = k;
        break;
      }
    }
    for (let u = t + 1; u < tokens.length && tokens[u]!.start < close; u++) {
      const other = tokens[u]!;
      if (other.excluded === undefined && (opens || !other.percent)) other.excluded = opens ? 'an interval bound' : 'part of a statistic';
    }
  }
}

/**
 * Up to `length` characters before `at`, starting at a word: a window that opened inside "los"
 * would read "os", and an unanchored "OS" (overall survival) would match it.
 */
function wordsBefore(text: string, at: number, length: number): string {
  let from = Math.max(0, at - length);
  while (from > 0 && from < at && /[\p{L}\p{N}]/u.test(text[from - 1]!) && /[\p{L}\p{N}]/u.test(text[from]!)) from++;
  return text.slice(from, at);
}
