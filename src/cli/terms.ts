// A reader of the audit's text output meets finding codes and statistical terms before any help
// page; each one used is explained once, under the findings, in a sentence.
import type { FindingCode } from '../audit/finding.js';

/** What each finding code means, in one sentence. */
export const FINDING_CODE_TEXT: Readonly<Record<FindingCode, string>> = {
  'percent-impossible': 'no whole count out of the denominator prints as the published percent',
  'percent-mismatch': 'the published count and denominator print as a different percent',
  'rounding-inconsistent': 'no single rounding rule reproduces every printed percent of the table',
  'count-sum-mismatch': 'the parts’ counts do not add up to the total',
  'percent-sum-out-of-bounds': 'the parts’ percents add up to more or less than their rounding allows around 100%',
  'subgroup-inconsistent': 'the subgroup rates cannot combine into the printed total rate',
  'denominator-unstated': 'the publication does not say what the percent is a share of; the audit assumed a denominator',
  'reference-divergent': 'the case mix differs from a population reference by more than chance explains',
  'reference-unavailable': 'a reference the file names was not available, so no comparison was made',
  'claim-outside-prediction': 'a claimed rate lies outside the prediction interval of the published studies',
  'numerator-range': 'the counts a printed percent allows',
  'percent-decimals-guessed': 'a percent was written as a number, so the decimals it was printed with were guessed',
  'records-mismatch': 'the record-level data count a different figure than the one published',
  'records-basis': 'which denominator of the record-level data reproduces the published figure',
  'figure-invalid': 'a figure that cannot be read, or cannot be right as written',
  'figure-unchecked': 'a figure not checked, because one it depends on could not be read',
  'mean-impossible': 'no set of whole-number values gives the printed mean (GRIM), or it lies outside the scale',
  'sd-impossible': 'no whole-number values with that mean give the printed SD (GRIMMER, or DEBIT for 0–1 data)',
};

const TERMS: readonly { term: string; when: RegExp; text: string }[] = [
  {
    term: 'half-up, half-down, half-even',
    when: /half-(?:up|down|even)/,
    text: 'how a value exactly halfway between two printed values (12.5 to no decimals) is rounded: up (13), down (12) or to the even neighbour (12); other values round to the nearest under all three',
  },
  { term: 'floor (truncation), ceiling', when: /\bfloor\b|\bceiling\b|\bceil\b/, text: 'cutting off the digits not printed, or rounding every value up' },
  {
    term: 'χ², df, p',
    when: /χ²/,
    text: 'the chi-squared test of whether the counts could come from the reference by chance; df is the number of groups compared minus one; p is the chance of a departure at least this large if they did',
  },
  { term: 'standardized residual', when: /standardized residual/, text: 'how far one group’s count is from what the reference expects, in standard errors; beyond ±2 it departs on its own' },
];

/** The finding `codes` and the terms `text` uses, explained one line each (empty when there are none). */
export function termsUsed(text: string, codes: readonly string[]): string {
  const lines: string[] = [];
  for (const code of new Set(codes)) {
    const meaning = (FINDING_CODE_TEXT as Readonly<Record<string, string>>)[code];
    if (meaning !== undefined) lines.push(`  ${code}: ${meaning}`);
  }
  const explained = lines.length;
  for (const t of TERMS) if (t.when.test(text)) lines.push(`  ${t.term}: ${t.text}`);
  if (lines.length === 0) return '';
  return `\n${explained > 0 ? 'Codes and terms' : 'Terms'} used above:\n${lines.join('\n')}\n`;
}
