import type { Group } from './discourse.js';
import type { ExtractionBuilder } from './extract-claims.js';
import { fitFields, fitShare } from './fit.js';
import { lazyWords } from './word-boundary.js';
import type { NumberToken } from './tokens.js';
import type { ExtractedClaim, TextSpan } from './types.js';

// "60 Prozent der Befragten schätzt … Die Forsa-Umfrage wurde … erhoben (1.003 Befragte)": a share printed
// before the only total of its paragraph that counts the same noun is a share of that total
const NOUN_OF_AFTER = lazyWords(() => /^\s*(?:of\s+(?:the\s+|all\s+)?|der\s+|aller\s+|des\s+|de\s+(?:los|las)\s+|de\s+tou(?:s|tes)\s+les\s+|de\s+todos\s+los\s+)([\p{L}][\p{L}-]{3,})/iu);
const NOUN_AFTER = /^\s*\(?\s*([\p{L}][\p{L}-]{3,})/u;
const NO_TOTAL = 'a percent with no total in reach';

/** Two spellings of one noun: "Befragten" and "Befragte", "patients" and "patient", "pacientes" and "paciente". */
function sameNoun(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long.startsWith(short) && long.length - short.length <= 2 && short.length >= 4;
}

/**
 * Tie the bare percents of a paragraph that found no total before them ("a percent with no total in
 * reach") to a total stated later in the paragraph, when it is the only later total that counts the
 * noun the percent is "of" and the percent is exactly possible for it. A sentence's only figure counts
 * as a total here ("… erhoben (1.003 Befragte)"). The denominator is `assumed`: the text states the
 * group after its share. Only the figures listed unresolved since `from` (this paragraph's) are looked at.
 */
export function tieSharesToLaterTotals(out: ExtractionBuilder, from: number, tokens: readonly NumberToken[], totals: readonly Pick<Group, 'value' | 'start' | 'end' | 'approximate'>[], context: TextSpan): void {
  if (totals.length === 0 || out.unresolved.length === from) return;
  const text = out.text;
  const distinct = [...new Map(totals.map((g) => [g.start, g])).values()];
  const byStart = new Map(tokens.filter((t) => t.percent && t.excluded === undefined).map((t) => [t.start, t]));
  const kept = [];
  for (const u of out.unresolved.slice(from)) {
    const percent = u.reason === NO_TOTAL && u.span.start >= context.start && u.span.end <= context.end ? byStart.get(u.span.start) : undefined;
    const noun = percent ? NOUN_OF_AFTER().exec(text.slice(percent.end, percent.end + 40))?.[1] : undefined;
    const later = noun === undefined ? [] : distinct.filter((g) => !g.approximate && g.start > percent!.end && sameNoun(NOUN_AFTER.exec(text.slice(g.end, g.end + 30))?.[1] ?? '', noun));
    const g = later.length === 1 ? later[0]! : undefined;
    if (percent === undefined || g === undefined || fitShare(fitFields(undefined, percent), g.value) !== 'exact') {
      kept.push(u);
      continue;
    }
    const claim: ExtractedClaim = {
      id: out.id('claim'),
      denominator: g.value,
      denominatorSource: 'assumed',
      denominatorAssumed: true,
      denominatorNote: `the ${g.value} ${noun} stated after the share, later in the paragraph`,
      percent: percent.digits,
      span: u.span,
      context,
    };
    out.claims.push(claim);
  }
  out.unresolved.length = from;
  out.unresolved.push(...kept);
}
