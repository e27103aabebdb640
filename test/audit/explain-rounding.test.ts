import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRounding } from '../../src/audit/explain-rounding.js';
import { formatPercent } from '../../src/format/format-percent.js';
import { ROUNDING_MODES } from '../../src/format/rounding.js';

describe('explainRounding', () => {
  it('finds that no single rule explains the clinic table', () => {
    const e = explainRounding([
      { reported: '54.32', numerator: 2324, denominator: 4278 },
      { reported: '31.34', numerator: 1341, denominator: 4278 },
      { reported: '11.71', numerator: 501, denominator: 4278 },
      { reported: '2.62', numerator: 112, denominator: 4278 },
    ]);
    expect(e.modes).toEqual([]);
    expect(e.items.map((i) => i.modes)).toEqual([
      ['half-up', 'half-down', 'half-even', 'floor'],
      ['floor'],
      ['half-up', 'half-down', 'half-even', 'floor'],
      ['half-up', 'half-down', 'half-even', 'ceil'],
    ]);
    expect(e.items[1]?.prints['half-up']).toBe('31.35');
  });

  it('always explains a table printed by one rule with that rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROUNDING_MODES),
        fc.array(fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        (mode, pairs, decimals) => {
          const items = pairs.map(([k, n]) => ({ reported: formatPercent(k, n, { decimals, rounding: mode }), numerator: k, denominator: n }));
          const e = explainRounding(items);
          expect(e.modes).toContain(mode);
          e.items.forEach((item) => expect(item.modes).toEqual(ROUNDING_MODES.filter((m) => item.prints[m] === item.reported)));
        },
      ),
    );
  });
});
