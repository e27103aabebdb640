// The size a column heading states: "(n = 120)" as in any text, and the forms only a heading uses
// for it: "Trials (k = 12)" (k counts studies in a review), "Group A (40 patients)", "120 patients".
import { statedN } from './context.js';

const NUMBER = String.raw`(\d{1,3}(?:[,\s\u00a0\u202f\u2009]\d{3})+|\d+)`;
// "k = 12", "(k=186)": the number of studies or trials a review column counts
const K_SIZE = new RegExp(String.raw`(?:^|[\s(\[,;])[kK]\s*=\s*${NUMBER}(?![\d.,]\d)`);
const WHO = String.raw`(?:patients|pts\.?|participants|subjects|children|women|men|persons|people|individuals|cases|controls|infants|adults|respondents|trials|studies|reviews|eyes|pregnancies|mothers)`;
// the whole heading, or its last part in brackets or after a comma or colon: "(40 patients)",
// "Treated, 120 patients", "120 patients"; not "per 100 patients" or "≥ 2 patients"
// "No. of patients = 120", "Number of participants: 58"
const NUMBER_OF = new RegExp(String.raw`\b(?:no\.?|number)\s+of\s+${WHO}\s*[=:]\s*${NUMBER}(?![\d.,]\d)`, 'iu');
const WHO_SIZE = new RegExp(String.raw`(?:^|\(\s*|[,:;]\s+|\s[–—-]\s+)${NUMBER}\s+${WHO}\s*\)?\s*$`, 'iu');

/**
 * The size a column heading states, or null: every form {@link statedN} reads, "k = 12" and a count
 * of people (or studies) closing the heading.
 *
 * @example
 * // (internal to the table reader, not exported)
 * // headerSize('Treated (n = 120)') → 120, headerSize('Trials (k = 186)') → 186,
 * // headerSize('Group A (40 patients)') → 40, headerSize('1,204 participants') → 1204,
 * // headerSize('No. of patients = 120') → 120, headerSize('Events per 100 patients') → null
 */
export function headerSize(text: string): number | null {
  const stated = statedN(text);
  if (stated !== null) return stated;
  const m = K_SIZE.exec(text) ?? NUMBER_OF.exec(text) ?? (/\b(?:per|every|each)\s+\d/i.test(text) || /[<>≤≥]\s*\d[\d,\s]*\s+\p{L}+\s*\)?\s*$/u.test(text) ? null : WHO_SIZE.exec(text));
  if (!m) return null;
  const n = Number(m[1]!.replace(/[^\d]/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
