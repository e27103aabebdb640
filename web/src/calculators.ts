// One-number calculators over the same functions the audit uses: a percent, a set of percents,
// a mean (GRIM), a mean and SD (GRIMMER), a mean and SD of 0/1 data (DEBIT).
import { checkMean } from '../../src/audit/check-mean.js';
import { debit } from '../../src/audit/debit.js';
import { grimmer } from '../../src/audit/grimmer.js';
import { inferDenominators } from '../../src/audit/infer-denominators.js';
import { h } from './dom.js';
import { rangeText } from './explain.js';
import { describeSingleCheck } from './single-check.js';

interface Field {
  name: string;
  label: string;
  value: string;
  /** A checkbox instead of a text field. */
  check?: boolean;
  hint?: string;
}

interface Calculator {
  id: string;
  title: string;
  fields: Field[];
  /** The verdict: its class (ok / error) and words. */
  run(values: Record<string, string>, checked: Record<string, boolean>): { status: 'ok' | 'error' | 'warning'; text: string };
}

const whole = (text: string | undefined, what: string): number => {
  const n = Number((text ?? '').replace(/[\s,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${what} must be a whole number of at least 1, got “${text ?? ''}”`);
  return n;
};
const optionalWhole = (text: string | undefined, what: string) => ((text ?? '').trim() === '' ? undefined : whole(text, what));

const CALCULATORS: Calculator[] = [
  {
    id: 'calc-percent',
    title: 'Check a percent',
    fields: [
      { name: 'percent', label: 'Printed percent', value: '31.34' },
      { name: 'n', label: 'Out of (n)', value: '4278' },
    ],
    run: (v) => {
      const r = describeSingleCheck({ percent: v.percent!.replace('%', '').trim(), denominator: whole(v.n, 'n') });
      return { status: r.possible ? 'ok' : 'error', text: r.text };
    },
  },
  {
    id: 'calc-infer',
    title: 'Infer n from a set of percents',
    fields: [
      { name: 'percents', label: 'Printed percents (separated by spaces)', value: '54.32 31.34 11.71 2.62' },
      { name: 'max', label: 'Largest n to try', value: '10000' },
      { name: 'partition', label: 'The percents are parts of one whole (their counts add up to n)', value: '', check: true },
    ],
    run: (v, c) => {
      const percents = v.percents!.split(/[\s;]+/).map((p) => p.replace('%', '')).filter((p) => p !== '');
      if (percents.length === 0) throw new Error('give at least one percent');
      const max = whole(v.max, 'the largest n');
      const found = inferDenominators(percents, { max, limit: 10, partition: c.partition ?? false });
      if (found.length === 0) return { status: 'error', text: `No n up to ${max} gives every one of these percents${c.partition ? ' with counts that add up to n' : ''}.` };
      const list = found.map((x) => `n = ${x.n}${x.example ? ` (e.g. ${x.example.join(' + ')})` : ` (${x.numerators.map(rangeText).join(', ')})`}`);
      const which = found.length === 1 ? 'The only n' : found.length === 10 ? 'The first 10 values of n' : `All ${found.length} values of n`;
      return { status: 'ok', text: `${which} up to ${max} that give${found.length === 1 ? 's' : ''} every percent: ${list.join('; ')}.` };
    },
  },
  {
    id: 'calc-grim',
    title: 'GRIM: a mean of whole numbers',
    fields: [
      { name: 'mean', label: 'Printed mean', value: '5.19' },
      { name: 'n', label: 'Sample size (n)', value: '28' },
      { name: 'items', label: 'Items per person (blank: 1)', value: '' },
    ],
    run: (v) => {
      const n = whole(v.n, 'n');
      const items = optionalWhole(v.items, 'items') ?? 1;
      const r = checkMean(v.mean!.trim(), n, { items });
      const of = items === 1 ? `${n} whole numbers` : `${n} people with ${items} whole-number items each`;
      if (!r.consistent) return { status: 'error', text: `A mean of ${of} cannot print as ${v.mean!.trim()}: no whole-number total divided by ${n * items} rounds to it.` };
      return { status: 'ok', text: `Possible: totals ${rangeText(r.totals)} give a mean that prints as ${v.mean!.trim()}.` };
    },
  },
  {
    id: 'calc-grimmer',
    title: 'GRIMMER: a mean and SD of whole numbers',
    fields: [
      { name: 'mean', label: 'Printed mean', value: '5.21' },
      { name: 'sd', label: 'Printed SD', value: '1.60' },
      { name: 'n', label: 'Sample size (n)', value: '28' },
      { name: 'items', label: 'Items per person (blank: 1)', value: '' },
    ],
    run: (v) => {
      const r = grimmer(v.mean!.trim(), v.sd!.trim(), whole(v.n, 'n'), { items: optionalWhole(v.items, 'items') ?? 1 });
      if (!r.decided) return { status: 'warning', text: 'Undecided: the search for a sample stopped at its work limit, so this is not called impossible.' };
      if (r.consistent) return { status: 'ok', text: `Possible${r.sample ? `: for example ${r.sample.map((s) => `${s.count} × ${s.value}`).join(', ')}` : ''}.` };
      const near = r.nearest ? [r.nearest.below, r.nearest.above].filter((x) => x !== undefined).join(' or ') : '';
      return { status: 'error', text: `Impossible (${r.reason ?? 'no sample'}): ${r.meanConsistent ? 'the mean is possible, but no whole-number sample with it has this SD' : 'no whole-number total gives this mean'}.${near ? ` The nearest possible SDs: ${near}.` : ''}` };
    },
  },
  {
    id: 'calc-debit',
    title: 'DEBIT: a mean and SD of 0/1 data',
    fields: [
      { name: 'mean', label: 'Printed mean (a proportion)', value: '0.35' },
      { name: 'sd', label: 'Printed SD', value: '0.18' },
      { name: 'n', label: 'Sample size (n)', value: '20' },
    ],
    run: (v) => {
      const r = debit(v.mean!.trim(), v.sd!.trim(), whole(v.n, 'n'));
      if (r.consistent) return { status: 'ok', text: `Possible: ${r.numerators.map(rangeText).join(', ')} ones out of ${v.n!.trim()} give both.` };
      return { status: 'error', text: r.meanConsistent ? 'Impossible: counts of ones give this mean, but none of them gives this SD.' : 'Impossible: no count of ones gives this mean.' };
    },
  },
];

/** The calculator forms. */
export function calculatorsView(): Node[] {
  return CALCULATORS.map((calc) => {
    const output = h('output', { id: `${calc.id}-out`, for: calc.fields.map((f) => `${calc.id}-${f.name}`).join(' '), 'aria-live': 'polite' });
    const inputs = calc.fields.map((f) => {
      const id = `${calc.id}-${f.name}`;
      if (f.check) return { f, input: h('input', { type: 'checkbox', id, name: f.name }) };
      return { f, input: h('input', { type: 'text', id, name: f.name, value: f.value, autocomplete: 'off', inputmode: 'decimal' }) };
    });
    const form = h(
      'form',
      { id: calc.id, novalidate: true },
      h(
        'fieldset',
        {},
        h('legend', {}, calc.title),
        ...inputs.map(({ f, input }) =>
          f.check ? h('div', { class: 'field' }, h('label', { class: 'inline', for: input.id }, input, f.label)) : h('div', { class: 'field' }, h('label', { for: input.id }, f.label), input),
        ),
        h('button', { type: 'submit' }, 'Check'),
        output,
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = Object.fromEntries(inputs.filter((x) => !x.f.check).map(({ f, input }) => [f.name, input.value]));
      const checked = Object.fromEntries(inputs.filter((x) => x.f.check).map(({ f, input }) => [f.name, input.checked]));
      try {
        const r = calc.run(values, checked);
        output.replaceChildren(h('span', { class: `verdict ${r.status}` }, r.text));
      } catch (error) {
        output.replaceChildren(h('span', { class: 'error-text' }, error instanceof Error ? error.message : String(error)));
      }
    });
    return form;
  });
}
