// Footnote marks on row labels, and what the table's notes say under each mark.
import { statedN } from './context.js';

const TRAILING_MARK = /(?:\s*\[(\d{1,2}|[a-h])\]|(?<=[)\]%a-zA-Z])(\d{1,2})|(?<=[)\]%])([a-h])|([*†‡§¶‖#]+))\s*$/;

/**
 * The footnote marks a label ends with: "Iron deficiency (%)6" → ['6'], "Metformin [4]" → ['4'],
 * "Stunted, n (%)b" → ['b'], "Age†" → ['†'].
 */
export function footnoteMarks(label: string): string[] {
  const out: string[] = [];
  let rest = label.trim();
  for (let m = TRAILING_MARK.exec(rest); m && out.length < 3; m = TRAILING_MARK.exec(rest)) {
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
    rest = rest.slice(0, m.index).trimEnd();
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text of the note that starts with a mark ("6Defined as ferritin < 15 μg/L; n = 307 for the
 * placebo group"), up to the next note; undefined when the notes have none.
 */
export function footnoteText(notes: string, mark: string): string | undefined {
  const start = new RegExp(`(?:^|[\\s.;])${escape(mark)}(?=\\s?[A-Z])`).exec(notes);
  if (!start) return undefined;
  const from = start.index + start[0].length;
  const next = /[\s;](?:\d{1,2}|[a-h]|[*†‡§¶‖#]+)(?=[A-Z])/.exec(notes.slice(from));
  return notes.slice(from, next ? from + next.index : undefined).trim();
}

/** Does a note under one of the label's marks give the row a size of its own ("n = 307 for ...")? */
export function rowSizeInNotes(label: string, notes: string): boolean {
  return footnoteMarks(label).some((m) => {
    const text = footnoteText(notes, m);
    return text !== undefined && statedN(text) !== null;
  });
}

const ABOUT_THE_BASE = /\bmissing|not (?:known|available|recorded|reported)|\bunknown\b|available for|\bonly\b|\bamong\b|\bof (?:the )?(?:women|men|those|patients with|participants with)|\bsubset\b|\bsubgroup\b/i;

/**
 * Does a label carry a footnote mark whose note could change its denominator: a note about missing
 * values, a subgroup or a size of its own, or a mark whose note the table does not print? A letter
 * glued to the label's last word ("Descriptive outcome datab") counts when a note starts with it.
 */
export function qualifyingMark(label: string, notes: string): boolean {
  const marks = footnoteMarks(label);
  const glued = /[a-z]([a-h])$/.exec(label.trim());
  if (glued && marks.length === 0 && footnoteText(notes, glued[1]!) !== undefined) marks.push(glued[1]!);
  return marks.some((m) => {
    const text = footnoteText(notes, m);
    return text === undefined || ABOUT_THE_BASE.test(text) || statedN(text) !== null;
  });
}
