import type { ExtractLocale } from './types.js';
import { lazyWords } from './word-boundary.js';

// expressions used inside functions, built once (a literal there is rebuilt on every call)
const EN_WORDS = lazyWords(() => /\b(?:the|and|of|with|were|was|patients|children|in|had|to)\b/gi);
const DE_WORDS = lazyWords(() => /\b(?:der|die|das|und|mit|von|bei|wurden|Patienten|Kinder|nach|eine?|im|ist|sind|waren|wird|werden|des|dem|den|insgesamt|davon|darunter|auch|nicht|Frauen|Männer|Menschen)\b/g);
const FR_WORDS = lazyWords(() => /\b(?:les|des|et|avec|été|patients|enfants|chez|dans|une?|du)\b/gi);
const ES_WORDS = lazyWords(() => /\b(?:los|las|del|con|fueron|pacientes|niños|en|una?|el|y)\b/gi);


/** How numbers and words of a text are read. */
export interface ReadingLocale {
  language: ExtractLocale;
  /** "31,34" is a decimal, and "4.278" (a group of three digits) is four thousand. */
  decimalComma: boolean;
}

// Words that are frequent in one language's medical prose and rare in the others.
const STOPWORDS: Record<ExtractLocale, RegExp> = {
  en: EN_WORDS(),
  de: DE_WORDS(),
  fr: FR_WORDS(),
  es: ES_WORDS(),
};

// percent words of every language count for either mark: "0.52 por ciento" is a point decimal
const COMMA_DECIMAL_PERCENT = /\d,\d{1,2}(?!\d)\s?(?:%|Prozent|pour\s?cent|por\s?ciento|per\s?cent|percent)/g;
const POINT_DECIMAL_PERCENT = /\d\.\d{1,2}(?!\d)\s?(?:%|per\s?cent|percent|Prozent|pour\s?cent|por\s?ciento)/g;
const COMMA_DECIMAL_NUMBER = /(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+|(?<![\d.,])\d+,\d{1,2}(?![\d.,])/g;
const POINT_DECIMAL_NUMBER = /(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+|(?<![\d.,])\d+\.\d{1,2}(?![\d.,])/g;

const COMMA_GROUPED = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g;
// an interval printed as a pair in brackets, "(5,25)" or "[0,1]": the comma separates two numbers
const BRACKETED_PAIR = /[([]\s*\d+,\d{1,2}\s*[)\]]/g;
// thousands commas no decimal comma could be: two groups ("1,561,012"), or a count ("N = 1,040", "1,040 patients")
const THOUSANDS_COMMA = lazyWords(
  () => /(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,])|\b[nN]\s*[=:]\s*\d{1,3},\d{3}(?![\d,])|(?<![\d.,])\d{1,3},\d{3}(?![\d,.])\s+(?:patients|children|cases|participants|subjects|people|persons|women|men|infants|adults|admissions|operations|procedures|births)\b/g,
);
const POINT_GROUPED = /(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.])/g;

const count = (text: string, pattern: RegExp) => {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
};

/**
 * Tell the language and the decimal mark of a text from the text itself: decimals printed
 * with a comma ("84,3 %", "1.204,5") against decimals printed with a point ("54.32%"), then
 * the language's frequent words. A sample of the text is enough (the first 64 KB).
 *
 * @example
 * detectLocale('Von den 569 Patienten hatten 86 (84,3 %) eine Verbesserung.'); // { language: 'de', decimalComma: true }
 * detectLocale('Of 212 children enrolled, 164 (77.4%) had spastic cerebral palsy.'); // { language: 'en', decimalComma: false }
 */
export function detectLocale(text: string): ReadingLocale {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const scores = (Object.keys(STOPWORDS) as ExtractLocale[]).map((l) => [l, count(sample, STOPWORDS[l])] as const);
  const language = scores.reduce((best, s) => (s[1] > best[1] ? s : best))[0];
  const { comma, point, commaPercents } = decimalEvidence(sample);
  // an English text needs a decimal comma where a percent is printed ("84,3 %") before its numbers are read
  // that way: a bare "5,25" is as often an interval "(5,25)" or a list as a decimal
  const decimalComma = comma === point ? language !== 'en' : comma > point && (commaPercents > 0 || language !== 'en');
  return { language, decimalComma };
}

/**
 * How many decimals of the text are printed with a comma and how many with a point: percents count
 * three times, and so do thousands commas that cannot be decimal commas ("N = 1,040", "1,561,012");
 * a pair in brackets ("(5,25)") is an interval, no evidence of a decimal comma.
 */
function decimalEvidence(sample: string): { comma: number; point: number; commaPercents: number } {
  const commaPercents = count(sample, COMMA_DECIMAL_PERCENT);
  return {
    comma: 3 * commaPercents + Math.max(0, count(sample, COMMA_DECIMAL_NUMBER) - count(sample, BRACKETED_PAIR)),
    point: 3 * count(sample, POINT_DECIMAL_PERCENT) + count(sample, POINT_DECIMAL_NUMBER) + 3 * count(sample, THOUSANDS_COMMA()),
    commaPercents,
  };
}

/** The reading locale for an option value ('auto' looks at the text). */
export function resolveLocale(option: ExtractLocale | 'auto' | undefined, decimalComma: boolean | undefined, text: string): ReadingLocale {
  if (option === 'auto') {
    const detected = detectLocale(text);
    return decimalComma === undefined ? detected : { ...detected, decimalComma };
  }
  const language = option ?? 'en';
  if (decimalComma !== undefined || language === 'en') return { language, decimalComma: decimalComma ?? false };
  // Spanish from Mexico or Puerto Rico, and many German and French abstracts, print "24.0 %" and "1,250": the
  // language's decimal comma gives way when the text prints decimals with a point only, several times
  // (a point-decimal percent alone is read right either way; what goes wrong is "1,250" read as 1.25)
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const { comma, point } = decimalEvidence(sample);
  const pointStyle = comma === 0 && point >= 3 && count(sample, COMMA_GROUPED) > 0 && count(sample, POINT_GROUPED) === 0;
  return { language, decimalComma: !pointStyle };
}
