// The panel beside the text: one figure's claim, denominator, rounding arithmetic and finding.
import { h } from './dom.js';
import { denominatorOrigin, explainFigure, rangeText, RULE_NAMES } from './explain.js';
import type { Figure } from './pipeline.js';
import { STATUS_WORDS } from './text-view.js';

/** What the panel can ask the page to do. */
export interface DetailActions {
  /** Audit again with this denominator for the claim (undefined: back to the extracted one). */
  correct(claimId: string, denominator: number | undefined): void;
}

/** The panel's content for a figure, or the hint when none is chosen. */
export function detailView(figure: Figure | undefined, totals: readonly number[], original: number | undefined, actions: DetailActions, decimalComma: boolean): (Node | null)[] {
  const heading = h('h3', { id: 'detail-heading' }, 'The figure');
  if (figure === undefined) return [heading, h('p', { class: 'muted' }, 'Choose a highlighted figure to see its claim, its denominator and what rounding allows.')];
  const badge = h('span', { class: `badge ${figure.status}` }, STATUS_WORDS[figure.status]);
  if (figure.unresolved) {
    return [
      heading,
      h('p', {}, badge, `“${figure.unresolved.span.quote}”`),
      h('p', { class: 'finding' }, `Not checked: ${figure.unresolved.reason}.`),
      h('p', { class: 'muted' }, 'The text does not tie this figure to a total, so the audit says nothing about it rather than guess.'),
    ];
  }
  const claim = figure.claim!;
  const explanation = explainFigure(claim, decimalComma);
  const printed = claim.percent !== undefined ? `${claim.percent}%` : undefined;
  const claimText = `${claim.numerator !== undefined ? `${claim.numerator} of ${claim.denominator}` : `a share of ${claim.denominator}`}${printed ? ` printed as ${printed}` : ''}`;
  const finding = figure.finding;
  const messages = finding ? [finding.message, ...finding.related.map((r) => r.message)] : [`Consistent: ${claimText} is possible under ordinary rounding.`];

  const input = h('input', { type: 'number', id: 'denominator', min: 1, step: 1, value: claim.denominator, list: 'denominator-totals', inputmode: 'numeric', 'aria-describedby': 'denominator-origin' });
  input.addEventListener('input', () => {
    const n = Number(input.value);
    if (Number.isSafeInteger(n) && n >= 1 && (claim.numerator === undefined || n >= claim.numerator)) actions.correct(claim.id, n);
  });
  const reset =
    original !== undefined && original !== claim.denominator
      ? h('button', { type: 'button', class: 'secondary', onclick: () => actions.correct(claim.id, undefined) }, `Back to ${original}`)
      : null;

  return [
    heading,
    h('p', {}, badge, h('strong', {}, claim.label ?? claim.id), `: ${claimText}.`),
    h('p', { class: 'muted' }, `Quoted: “${claim.span?.quote ?? ''}”`),
    h('div', { class: 'finding', 'data-codes': finding?.codes.join(' ') ?? '' }, ...messages.map((m) => h('p', {}, m))),
    h(
      'dl',
      {},
      h('dt', {}, 'Denominator'),
      h('dd', { id: 'denominator-origin' }, `${claim.denominator}: ${denominatorOrigin(claim)}.`),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'denominator' }, 'Correct the denominator (the audit reruns as you type)'),
      h('div', { class: 'row' }, input, reset),
      h('datalist', { id: 'denominator-totals' }, ...totals.map((t) => h('option', { value: t }))),
    ),
    explanation ? rulesTable(explanation, claim.numerator, claim.denominator, printed!) : null,
    explanation && !explanation.check.consistent ? nearestText(explanation.check, claim.denominator) : null,
  ];
}

function rulesTable(explanation: NonNullable<ReturnType<typeof explainFigure>>, numerator: number | undefined, n: number, printed: string): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': 'Numerators under each rounding rule', tabindex: 0 },
    h(
      'table',
      {},
      h('caption', { class: 'muted' }, `Numerators out of ${n} that print as ${printed}, by rounding rule`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rounding rule'), h('th', { scope: 'col', class: 'num' }, 'Numerators'), numerator !== undefined ? h('th', { scope: 'col', class: 'num' }, `${numerator}/${n} prints`) : null)),
      h(
        'tbody',
        {},
        ...explanation.rules.map((r) =>
          h('tr', { 'data-mode': r.mode }, h('th', { scope: 'row' }, RULE_NAMES[r.mode]), h('td', { class: 'num' }, rangeText(r.numerators)), r.printsAs !== undefined ? h('td', { class: 'num' }, `${r.printsAs}%`) : null),
        ),
      ),
    ),
  );
}

function nearestText(check: NonNullable<ReturnType<typeof explainFigure>>['check'], n: number): HTMLElement {
  const near = [check.nearest?.below, check.nearest?.above].filter((x) => x !== undefined);
  return h('p', { class: 'nearest' }, h('strong', {}, 'Nearest possible prints: '), near.map((x) => `${x.reported.replace(/%?$/, '%')} (${x.numerator}/${n})`).join(' and '), '.');
}
