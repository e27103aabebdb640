import type { ExtractionBuilder } from './extract-claims.js';
import type { ReadingLocale } from './locale.js';
import { addPartition } from './partitions.js';
import { slug } from './slug.js';
import { tokenize, type NumberToken } from './tokens.js';
import type { ExtractedClaim } from './types.js';

// Lists of values printed one label a line, as a table rendered as text or a list of figures reads:
// "| Total completed procedures | 1,773 | 293 |" then "| Hip procedures | 1,072 | 178 |", or
// "Patients treated: 120" then "• Spastic 70". A line whose values the lines right after it add up
// to exactly, column by column, is their total: each of those values is a bare claim of it, and the
// lines are a partition. Only exact sums over every column are taken, so a header of years ("| 2025
// | 2026 |") or a list of unrelated figures proposes nothing.

const MAX_PARTS = 60;
const WHOLE_LABEL = /\b(?:total|totals|all|overall|sum|in\s+all)\b/iu;

/** One line holding a label and one or more counts, and nothing else. */
interface ValueLine {
  label: string;
  values: NumberToken[];
}

// a label, then counts separated by pipes, tabs, colons or spaces; no percent, no prose after them
const LABEL_FIRST = /^[\s|•*·–-]*([\p{L}][^|:\d\n]*?)\s*[|:\t ]\s*[|\s]*([\d][\d\s|,.'’]*)\|?\s*$/u;

// "Patients treated in 2019: 120": after a colon, the label may hold figures of its own (a year)
const LABEL_COLON = /^[\s•*·–-]*([\p{L}][^|:\n]*?)\s*:\s*(\d[\d\s,.'’]*)$/u;

function readValueLine(text: string, start: number, end: number, locale: ReadingLocale): ValueLine | undefined {
  const line = text.slice(start, end).trimEnd();
  const m = LABEL_FIRST.exec(line) ?? LABEL_COLON.exec(line);
  if (!m) return undefined;
  const from = start + m.index + m[0].length - m[0].slice(m[0].indexOf(m[2]!, m[1]!.length)).length;
  const values = tokenize(line, locale)
    .map((t) => ({ ...t, start: t.start + start, end: t.end + start }))
    .filter((t) => t.start >= from);
  // every value must be a count: a percent, a decimal, a number word or an excluded figure is no value of this list
  if (values.length === 0 || values.some((t) => t.percent || t.decimals > 0 || t.word || t.excluded !== undefined)) return undefined;
  return { label: m[1]!.trim(), values };
}

/**
 * Propose the partitions of lists of values one label a line whose first line is the total of the
 * lines right after it, in every column; values already claimed by the prose reader are left to it
 * ("| Total | 1,773 |" over "| Hip | 1,072 |", "| Knee | 629 |", "| Other | 72 |": three bare claims of 1773).
 */
export function proposeValueLines(out: ExtractionBuilder, text: string, locale: ReadingLocale, blocks: readonly { start: number; end: number }[]): void {
  const claimedAt = new Set(out.claims.map((c) => c.span.start));
  // a run goes on across paragraphs and list items ("Patients treated: 120", a blank line, "• Spastic 70")
  const lines: ValueLine[] = [];
  const flush = () => {
    proposeRun(out, lines, claimedAt);
    lines.length = 0;
  };
  let last = -1;
  for (const block of blocks) {
    if (last >= 0 && /[^\s•*·–-]/u.test(text.slice(last, block.start))) flush();
    let at = block.start;
    for (const raw of text.slice(block.start, block.end).split('\n')) {
      const line = readValueLine(text, at, at + raw.length, locale);
      if (line && (lines.length === 0 || line.values.length === lines[0]!.values.length)) lines.push(line);
      else if (!/^[\s|:-]*$/.test(raw)) {
        flush();
        if (line) lines.push(line);
      }
      at += raw.length + 1;
    }
    last = block.end;
  }
  flush();
}

function proposeRun(out: ExtractionBuilder, lines: readonly ValueLine[], claimedAt: ReadonlySet<number>): void {
  for (let i = 0; i + 2 < lines.length; i++) {
    const total = lines[i]!;
    // the lines right after it, as many as add up to it in the first column (a list has at most MAX_PARTS items,
    // which keeps a run of thousands of lines linear)
    let sum = 0;
    let j = i + 1;
    while (j < lines.length && j - i <= MAX_PARTS && sum < total.values[0]!.value) sum += lines[j++]!.values[0]!.value;
    const parts = lines.slice(i + 1, j);
    if (parts.length < 2 || !total.values.every((v, c) => v.value > 0 && parts.reduce((a, p) => a + p.values[c]!.value, 0) === v.value)) continue;
    if (parts.some((p) => p.values.some((v) => claimedAt.has(v.start)))) continue;
    // two values in one column add up to a third by chance often enough: then the label must say it is a total
    if (parts.length === 2 && total.values.length === 1 && !WHOLE_LABEL.test(total.label)) continue;
    for (let c = 0; c < total.values.length; c++) {
      const whole = total.values[c]!;
      const claims = parts.map((p): ExtractedClaim => {
        const value = p.values[c]!;
        const claim: ExtractedClaim = {
          id: out.id(slug(p.label) || 'part'),
          ...(/\p{L}/u.test(p.label) ? { label: p.label } : {}),
          numerator: value.value,
          denominator: whole.value,
          denominatorSource: 'earlier-sentence',
          denominatorNote: `one of ${parts.length} values listed under "${total.label}" (${whole.value}) that add up to it`,
          span: out.span(value.start, value.end),
        };
        out.claims.push(claim);
        return claim;
      });
      addPartition(out, whole.value, claims, 0, whole.start);
    }
    i = j - 1;
  }
}
