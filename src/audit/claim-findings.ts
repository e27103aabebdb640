import type { Claim } from '../claims/schema.js';
import { formatPercent } from '../format/format-percent.js';
import { decimalsOf, finerDecimals, label, listModes, modeName, type AuditContext } from './audit-context.js';
import { checkPercent } from './check-percent.js';
import { explainRounding } from './explain-rounding.js';
import type { Check } from './finding.js';

const INFERRED: Partial<Record<NonNullable<Claim['denominatorSource']>, string>> = {
  'same-sentence': 'the total stated elsewhere in the same sentence',
  'earlier-sentence': 'the total stated in an earlier sentence',
  'table-header': "the table's header",
  // a table's size that no cell prints, read from its other figures: its findings say so
  assumed: 'the figures around it',
};
/** " The denominator N is inferred from ..." for a claim read from text whose denominator was not printed with it. */
const inferredNote = (c: Claim): string => {
  const from = c.denominatorSource === undefined ? undefined : INFERRED[c.denominatorSource];
  return from === undefined ? '' : ` The denominator ${c.denominator} is inferred from ${from}, not printed with the figure${c.denominatorNote ? ` (${c.denominatorNote})` : ''}.`;
};
const sourceEvidence = (c: Claim) => (c.denominatorSource === undefined ? {} : { denominatorSource: c.denominatorSource });

/** The checks on one printed percent: is it possible, does it match its count, what does it imply. */
export function claimChecks(claim: Claim, path: string, ctx: AuditContext): Check[] {
  const out: Check[] = [];
  if (claim.percent === undefined) return out; // a bare count "X/N": nothing printed to check
  const c = { ...claim, percent: claim.percent };
  const check = checkPercent(c.percent, c.denominator, { rounding: ctx.modes, decimalComma: ctx.decimalComma });
  const d = decimalsOf(c.percent);
  const shown = ctx.shown(c.percent);
  const at = { claim: c.id, path };
  if (c.denominatorAssumed) {
    out.push({
      code: 'denominator-unstated',
      severity: 'warning',
      ...at,
      message: `${label(c)}: ${shown} is printed without saying what it is a share of; assuming all ${c.denominator} patients${check.numerators ? `, it means ${check.numerators.min}–${check.numerators.max} of them` : ''}. A share of those followed up would have a smaller, unstated denominator.`,
      evidence: { denominator: c.denominator, assumed: true },
    });
  }
  if (!check.consistent) {
    const near = [check.nearest?.below, check.nearest?.above]
      .filter((x) => x !== undefined)
      .map((x) => `${ctx.shown(x.reported)} (${x.numerator}/${c.denominator})`)
      .join(' and ');
    const others = check.modes.filter((m) => !ctx.modes.includes(m));
    out.push({
      code: 'percent-impossible',
      severity: 'error',
      ...at,
      message:
        `${label(c)}: no whole number out of ${c.denominator} prints as ${shown} under ${listModes(ctx.modes)} rounding; the nearest possible values are ${near}.` +
        (others.length ? ` Only ${listModes(others)} rounding can produce ${shown}.` : '') +
        inferredNote(c),
      evidence: { reported: c.percent, denominator: c.denominator, rounding: ctx.modes, nearest: check.nearest, modesThatFit: check.modes, ...sourceEvidence(c) },
    });
  } else if (c.numerator === undefined) {
    const r = check.numerators!;
    const pct = (k: number) => ctx.num(formatPercent(k, c.denominator, { decimals: finerDecimals(d, 2) }));
    out.push({
      code: 'numerator-range',
      severity: 'info',
      ...at,
      message:
        (r.min === r.max
          ? `${label(c)}: ${shown} of ${c.denominator} means exactly ${r.min} (${pct(r.min)}%).`
          : `${label(c)}: ${shown} of ${c.denominator} means between ${r.min} and ${r.max} (${pct(r.min)}%–${pct(r.max)}%).`) + inferredNote(c),
      evidence: { numerators: r, denominator: c.denominator, ...sourceEvidence(c) },
    });
  }
  if (c.numerator !== undefined) {
    const numerator = c.numerator;
    const prints = [...new Set(ctx.modes.map((m) => formatPercent(numerator, c.denominator, { decimals: d, rounding: m })))];
    const printed = c.percent.replace('%', '').trim().replace(',', '.');
    if (!prints.includes(printed)) {
      const exact = ctx.num(formatPercent(numerator, c.denominator, { decimals: finerDecimals(d, 4), rounding: 'floor' }));
      out.push({
        code: 'percent-mismatch',
        severity: 'error',
        ...at,
        message: `${label(c)}: ${numerator}/${c.denominator} = ${exact}...%, which prints as ${prints.map((p) => `${ctx.num(p)}%`).join(' or ')}, not the published ${shown}.${inferredNote(c)}`,
        evidence: { numerator, denominator: c.denominator, reported: c.percent, expected: prints.map(ctx.num), rounding: ctx.modes, ...sourceEvidence(c) },
      });
    }
  }
  return out;
}

/** Does one rounding rule reproduce every percent that comes with its count? */
export function roundingCheck(counted: readonly { claim: Claim & { percent: string; numerator: number } }[], ctx: AuditContext): Check | undefined {
  if (counted.length < 2) return undefined;
  const e = explainRounding(
    counted.map(({ claim: c }) => ({ reported: c.percent, numerator: c.numerator, denominator: c.denominator })),
    { decimalComma: ctx.decimalComma },
  );
  if (e.modes.length > 0) return undefined;
  const reasons = (['half-up', 'floor', 'ceil'] as const).map((m) => {
    const i = e.items.findIndex((item) => !item.modes.includes(m));
    const item = e.items[i]!;
    return `${modeName(m)} prints ${ctx.num(item.prints[m])} for ${label(counted[i]!.claim)} (published ${item.reported.replace('%', '').trim()})`;
  });
  return {
    code: 'rounding-inconsistent',
    severity: 'warning',
    path: 'claims',
    message: `No single rounding rule reproduces all ${counted.length} printed percents: ${reasons.join('; ')}.`,
    evidence: { items: e.items.map((item, i) => ({ claim: counted[i]!.claim.id, reported: item.reported, modes: item.modes })) },
  };
}
