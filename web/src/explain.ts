// The numbers behind one highlighted figure, in the shape the detail panel lists them.
import { checkPercent, type PercentCheck } from '../../src/audit/check-percent.js';
import { rangesByMode, readShare, type IntRange } from '../../src/audit/numerator-range.js';
import type { DenominatorSource } from '../../src/extract/types.js';
import { formatScaled, roundRational, ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';
import type { WorkbenchClaim } from './pipeline.js';

/** What one rounding rule says about a printed percent out of a denominator. */
export interface RuleRow {
  mode: RoundingMode;
  /** The numerators that print as claimed under this rule (null: none). */
  numerators: IntRange | null;
  /** What the claim's own numerator prints as under this rule (when the claim has one). */
  printsAs?: string;
}

/** A claim's percent worked out under every rounding rule. */
export interface FigureExplanation {
  check: PercentCheck;
  rules: RuleRow[];
}

export const RULE_NAMES: Record<RoundingMode, string> = {
  'half-up': 'half up',
  'half-down': 'half down',
  'half-even': 'half to even',
  floor: 'truncation (floor)',
  ceil: 'rounding up (ceiling)',
};

const SOURCE_WORDS: Record<DenominatorSource, string> = {
  'with-claim': 'printed with the figure',
  'same-sentence': 'a total stated in the same sentence',
  'earlier-sentence': 'a total stated in an earlier sentence',
  'table-header': "the table's header",
  assumed: 'assumed: the text does not say what the percent is of',
};

/** Where a claim's denominator came from, in plain words. */
export function denominatorOrigin(claim: WorkbenchClaim): string {
  const source = claim.denominatorSource ?? (claim.denominatorAssumed ? 'assumed' : undefined);
  const base = source !== undefined ? SOURCE_WORDS[source] : 'given in the claims file';
  return claim.denominatorNote !== undefined ? `${base} (${claim.denominatorNote})` : base;
}

/** The numerators under each rule and the nearest possible prints, or undefined for a claim without a percent. */
export function explainFigure(claim: WorkbenchClaim, decimalComma = false): FigureExplanation | undefined {
  if (claim.percent === undefined) return undefined;
  const check = checkPercent(claim.percent, claim.denominator, { decimalComma });
  const share = readShare(claim.percent, { decimalComma });
  const ranges = rangesByMode(share, claim.denominator, ROUNDING_MODES);
  const rules = ROUNDING_MODES.map((mode) => ({
    mode,
    numerators: ranges.get(mode) ?? null,
    ...(claim.numerator !== undefined && claim.numerator <= claim.denominator
      ? { printsAs: formatScaled(roundRational(BigInt(claim.numerator) * share.scale, BigInt(claim.denominator), mode), share.decimals) }
      : {}),
  }));
  return { check, rules };
}

/** "1341", "4086–4128" or "none". */
export const rangeText = (r: IntRange | null): string => (r === null ? 'none' : r.min === r.max ? String(r.min) : `${r.min}–${r.max}`);
