// What the words around a cell say it prints, and which denominators the table states.
import { readCell, type CellNumber } from './cell-grammar.js';

/** A statistic named by a label, caption or note. */
export type Statistic = 'count-percent' | 'percent-count' | 'mean-sd' | 'mean-se' | 'median' | 'percent' | 'count';

const MEAN_SD = /\bmeans?\b[^,;]{0,12}?(?:\(|\[|±|\+\/-)?\s*(?:SDs?|s\.d\.|standard deviations?)\b|\(\s*SDs?\s*\)|\bSDs?\b|±\s*SD|mean\s*±/i;
const MEAN_SE = /\bS\.?E\.?M?\.?\b|standard error/;
// "range" names a statistic, unless it states the scale's bounds: "Number of diseases (range 0–11)"
const MEDIAN = /\bmedian\b|\bIQR\b|interquartile|\brange\b(?!\s*[:=]?\s*\d+(?:[.,]\d+)?\s*(?:[–—-]|to)\s*\d)/i;
const COUNT_PERCENT = /\b[nN]\s*\(\s*%\s*\)|\bno\.?\s*\(\s*%\s*\)|\bnumber\s*\(\s*%\s*\)|\bn\s*\[\s*%\s*\]|\(\s*%\s*\)|\bN\s*%|\bn\s*,\s*%|numbers?\s*\(\s*%|counts?\s*\(\s*%|\bn\s*\(\s*percent/i;
// "% (n)", "% (Number of participants)", "% (No.)"
const PERCENT_COUNT = /%\s*\(\s*(?:n|no\.?|number\b[^)]*)\s*\)/i;
// "Men, %", "(% of patients)", "Sex, % women" (a share of the column; "% of women" is of a subgroup, so not)
const PERCENT_ONLY = /(?:^|[\s,(])%\s*\)?\s*$|\(\s*%\s+[a-z][a-z -]*\)|,\s*%\s+(?!of\b)[a-z][a-z -]*$|\bpercentages?\b|\bper\s?cent\b|\bproportion\b/i;

/** The statistics a piece of text names, in the order they appear. */
export function statisticsIn(text: string): Statistic[] {
  const found: { at: number; s: Statistic }[] = [];
  const add = (re: RegExp, s: Statistic) => {
    const m = re.exec(text);
    if (m) found.push({ at: m.index, s });
  };
  add(PERCENT_COUNT, 'percent-count');
  if (!PERCENT_COUNT.test(text)) add(COUNT_PERCENT, 'count-percent');
  add(MEAN_SE, 'mean-se');
  if (!MEAN_SE.test(text)) add(MEAN_SD, 'mean-sd');
  add(MEDIAN, 'median');
  if (found.every((f) => f.s !== 'count-percent' && f.s !== 'percent-count')) add(PERCENT_ONLY, 'percent');
  return found.sort((a, b) => a.at - b.at).map((f) => f.s);
}

/** One statistic when the text names exactly one kind of summary, else undefined. */
export function statisticOf(text: string): Statistic | undefined {
  const s = statisticsIn(text);
  const kinds = new Set(s.map((x) => (x === 'percent' ? 'count-percent' : x)));
  return kinds.size === 1 ? s[0] : undefined;
}

/**
 * A table-wide default from the caption or notes: "Numbers are means (SDs) unless stated otherwise",
 * "Values are n (%)". Text naming several summaries ("Data are mean (SD) or n (%)") sets no default.
 */
export function defaultStatistic(text: string): Statistic | undefined {
  const m = DATA_ARE.exec(text);
  if (!m) return undefined;
  return statisticOf(m[1]!);
}

const DATA_ARE = /\b(?:values|data|numbers|figures|results)\s+(?:are|is|were|represent|shown as|presented as|given as|expressed as)\b([^.]*)/i;

/**
 * Every summary the caption or notes say the table prints: "Data presented as percentages and mean
 * (SD)" names 'percent' and 'mean-sd'; empty when they say nothing of it.
 *
 * @example
 * // (internal to the table reader, not exported)
 * // statedStatistics('Data presented as percentages and mean (SD).') → ['percent', 'mean-sd']
 */
export function statedStatistics(text: string): Statistic[] {
  const m = DATA_ARE.exec(text);
  if (!m) return [];
  const named = statisticsIn(m[1]!);
  // "percentages" beside another summary: statisticsIn names the percent only when no count is named
  return /\bpercentages?\b|\bper\s?cent\b/i.test(m[1]!) && !named.includes('percent') && !named.includes('count-percent') ? ['percent', ...named] : named;
}

// "n = 120", "N: 58", "n = 2,694", "N = 21 024", "(n 5295)" without a sign in parentheses, and
// "total number of participants with MD = 5,903"
const N_IN_TEXT = /(?:^|[\s(\[,;])[nN]\s*(?:=|:)\s*(\d{1,3}(?:[,\s\u00a0\u202f\u2009]\d{3})+|\d+)(?![\d.,]\d)|\(\s*[nN]\s+(\d{1,3}(?:[,\s\u00a0\u202f\u2009]\d{3})+|\d+)\s*\)|\btotal\s+(?:number|no\.?)\s+of\s+[\p{L}\s-]{1,60}?\s*[=:]\s*(\d{1,3}(?:[,\s\u00a0\u202f\u2009]\d{3})+|\d+)(?![\d.,]\d)/iu;

/** A denominator stated in text: "(n = 120)", "N=58", "N: 58", "n = 2,694", "N = 21 024", "(n 5295)", "total number of patients = 5,903"; null when none. */
export function statedN(text: string): number | null {
  const m = N_IN_TEXT.exec(text);
  if (!m) return null;
  const n = Number((m[1] ?? m[2] ?? m[3])!.replace(/[^\d]/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Every stated denominator in text, in order. */
export function statedNs(text: string): number[] {
  const re = new RegExp(N_IN_TEXT.source, 'giu');
  return [...text.matchAll(re)].map((m) => Number((m[1] ?? m[2] ?? m[3])!.replace(/[^\d]/g, ''))).filter((n) => Number.isSafeInteger(n) && n > 0);
}

const NOT_A_GROUP_WORDS = /\bp[\s-]*(?:value|for trend)?\s*[a-z*†‡§]?$|^p\b|\bP\s*[<=]|χ2|chi[\s-]?squared?|\btest\b|statistic|difference|\bdiff\b|odds ratio|risk ratio|hazard|effect size|95\s*%\s*CI|confidence|significance|\bsig\.?$/i;
const NOT_A_GROUP_ABBREVIATIONS = /\b(?:OR|RR|HR|IRR|SMD|AOR|aOR|CI)\b|\bd$/;
/** A column that counts each row's missing values ("Nmiss", "Missing, n"): not a group; {@link missingColumn}. */
export const MISSING_COLUMN = /^(?:n\s*miss(?:ing)?|no\.?\s+missing|missing(?:\s*,?\s*(?:n|no\.?|values?|data))?)\s*(?:[a-h]|\[[a-h]\]|[*†‡§¶#]+)?$/i;
export const missingColumn = (label: string): boolean => MISSING_COLUMN.test(label.split(' / ').pop()!.trim());

/** A column that holds tests or differences, not a group's statistics: p, χ², OR, 95% CI, difference, missing counts. */
export const notAGroup = (label: string): boolean => NOT_A_GROUP_WORDS.test(label) || NOT_A_GROUP_ABBREVIATIONS.test(label) || missingColumn(label);

/** A row that states each column's size: "N", "n", "Number of participants (n)", "Number randomized", "Patients, No.", "Participants (n)", "ITT (n)". */
const WHO = String.raw`(?:participants|patients|subjects|children|cases|controls|people|persons|women|men|individuals|respondents|infants|adults|trials|studies)`;
const HOW = String.raw`(?:randomi[sz]ed|enrolled|included|analy[sz]ed|recruited|allocated)`;
// the analysis sets of a trial: "ITT (n)", "Intention-to-treat population, n", "Safety set"
const SET = String.raw`(?:ITT|mITT|intention[-\s]to[-\s]treat|full analysis|safety|per[-\s]protocol|FAS|PP)(?:\s+(?:population|set|sample|analysis))?`;
export const N_ROW = new RegExp(
  String.raw`^(?:[nN]|no\.?|number|(?:total\s+)?(?:number|no\.?)\s+(?:of\s+)?(?:${WHO}(?:\s+${HOW})?|${HOW})(?:\s*\((?:[nN]|%|[nN],?\s*%)\))?|(?:total\s*)?(?:sample size|[nN])|participants|patients|subjects|total number.*|n\s*\(total\)|\(n\)|${WHO},?\s*(?:no\.?|n|number)|${WHO}\s*\(\s*(?:[nN]|no\.?)\s*\)|${SET}(?:\s*\(\s*[nN]\s*\)|,\s*[nN])?)$`,
  'i',
);

/** A label that names the whole column ("Total", "All", "Overall"). */
export const TOTAL_LABEL = /^(?:total|all|overall|whole (?:sample|cohort)|entire cohort|all (?:patients|participants|children|subjects)|total (?:sample|cohort|population|patients|participants))\b/i;

/** An integer count printed in a cell on its own, or null. */
export function countOf(text: string, decimalComma: boolean): number | null {
  const v = readCell(text, { decimalComma });
  // "113 614 (100.0)" in a "Total" row is the column's size too
  if (v.kind === 'count-percent' || v.kind === 'pair') {
    const [count, percent] = v.kind === 'pair' ? [v.first, v.second] : [v.count, v.percent];
    return isCount(count) && percent.value === 100 ? count.value : null;
  }
  if (v.kind !== 'number') return null;
  return isCount(v.value) ? v.value.value : null;
}

export const isCount = (x: CellNumber): boolean => x.decimals === 0 && !x.negative && !x.percent && Number.isSafeInteger(x.value);
