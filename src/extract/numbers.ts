// Numbers in prose: counts and percents with their exact spans, and the contexts that are not claims
// (years, ages, doses, p-values, confidence levels, reference markers).

/** A number found in text. */
export interface NumberToken {
  /** Digits as printed, normalised to a '.' decimal mark and no thousands separators: "4,278" gives "4278". */
  digits: string;
  value: number;
  isPercent: boolean;
  start: number;
  /** Just after the number, or after its '%' / 'per cent'. */
  end: number;
  /** Why the number is not a count or a share, when it is not. */
  excluded?: string;
}

const UNIT = /^\s*(?:mg|g|kg|ml|mL|l|L|µg|mcg|ug|iu|IU|U|mmol|mol|mmHg|cm|mm|m|km|h|hrs?|hours?|min|minutes?|s|secs?|seconds?|days?|weeks?|months?|years?|yrs?|y|year-old|years-old|°C|°F|x|times|fold)\b/;
const AGE_BEFORE = /\b(?:aged?|ages|age of|dose|doses|dosage|mean|median|SD|IQR|range|score|scores|grade|level|GMFCS|version|week|day|month|year|visit|stage|type|phase|step|table|figure|fig\.|ref\.?|reference)\s*$/i;
const P_VALUE_BEFORE = /\bp\s*(?:[<=>≤≥]|=<|>=)\s*$/i;
const CI_AFTER = /^\s*(?:CI|CrI|confidence|credible|prediction|uncertainty)\b/i;
const CI_BEFORE = /\b(?:CI|CrI|confidence interval|interval)\b[^()]{0,12}$/i;
const YEAR_BEFORE = /\b(?:in|since|from|to|until|till|through|between|during|by|of|end of|early|late|mid|and|year|years)\s*$/i;
const RANGE_AFTER = /^\s*(?:–|—|-|to)\s*\d/;
// a count, not a year: a count noun follows, or words and then a percent in brackets ("1954 other types (45.68%)")
const COUNT_NOUN_AFTER = /^\s*(?:patients?|children|cases?|subjects?|participants?|people|persons?|individuals?|infants?|adults?|women|men|boys|girls|respondents?|families|with|had|were|\(|[^()\d.;]{0,40}\(\s*\d[\d.,]*\s*%)/i;
const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$/;

/** Find every number in `text`; `decimalComma` reads "31,34" as 31.34 and "4.278" as 4278. */
export function findNumbers(text: string, decimalComma = false): NumberToken[] {
  const thousands = decimalComma ? '[.\\u00a0\\u202f ]' : '[,\\u00a0\\u202f ]';
  const decimal = decimalComma ? ',' : '\\.';
  const pattern = new RegExp(`(?<![\\w.,])(\\d{1,3}(?:${thousands}\\d{3})+|\\d+)(?:${decimal}(\\d+))?(?![\\d\\w])(\\s*(?:%|per\\s?cent\\b|percent\\b))?`, 'g');
  const out: NumberToken[] = [];
  for (const m of text.matchAll(pattern)) {
    const whole = m[1]!.replace(/[^\d]/g, '');
    const frac = m[2];
    const digits = frac === undefined ? whole : `${whole}.${frac}`;
    const start = m.index;
    const end = start + m[0].length;
    const numberEnd = end - (m[3]?.length ?? 0);
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 40);
    const token: NumberToken = { digits, value: Number(digits), isPercent: m[3] !== undefined, start, end };
    if (/\[\s*$/.test(before) || /^\s*\]/.test(after)) token.excluded = 'reference marker';
    else if (P_VALUE_BEFORE.test(before)) token.excluded = 'p-value';
    else if (token.isPercent && CI_AFTER.test(after)) token.excluded = 'confidence level';
    else if (CI_BEFORE.test(before)) token.excluded = 'interval bound';
    else if (!token.isPercent && UNIT.test(text.slice(numberEnd, numberEnd + 20))) token.excluded = 'measurement';
    else if (!token.isPercent && AGE_BEFORE.test(before)) token.excluded = 'not a count';
    else if (!token.isPercent && frac !== undefined) token.excluded = 'not a count';
    else if (!token.isPercent && MONTH.test(before)) token.excluded = 'date';
    else if (!token.isPercent && frac === undefined && token.value >= 1900 && token.value <= 2100 && !COUNT_NOUN_AFTER.test(after) && (YEAR_BEFORE.test(before) || RANGE_AFTER.test(after) || /^\s*[,)]?\s*(?:when|we|the|there|it|this|a|an)\b/i.test(after) || /[–—-]\s*$/.test(before))) {
      token.excluded = 'year';
    } else if (!token.isPercent && RANGE_AFTER.test(after) && UNIT.test(after.replace(RANGE_AFTER, '').replace(/^\d+/, ''))) token.excluded = 'measurement';
    out.push(token);
  }
  return out;
}
