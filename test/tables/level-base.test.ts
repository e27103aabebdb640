import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/tables/cell-grammar.js';
import { levelBase } from '../../src/tables/level-base.js';

// as the table reader leaves a cell once it has decided that "a (b)" is a count and percent
const level = (label: string, text: string) => {
  const v = readCell(text);
  const value = v.kind === 'pair' ? { kind: 'count-percent' as const, count: v.first, percent: v.second, order: 'n (%)' as const } : v;
  return { label, text, cell: { row: 0, column: 1, value, statistic: undefined } };
};
const half = (count: number, of: number, decimals: number) => {
  const scale = 10 ** decimals;
  return (Math.floor((2 * 100 * scale * count + of) / (2 * of)) / scale).toFixed(decimals);
};

describe('levelBase', () => {
  it('uses the size a heading row prints when the levels add up to it ("Gravidity | 682" of 708)', () => {
    const levels = [level('1', '217(31.8%)'), level('2', '222(32.6%)'), level('3', '121(17.7%)'), level('≥ 4', '122(17.9%)')];
    expect(levelBase({ levels, n: 708, headingCount: 682, missingNoted: false })).toMatchObject({ n: 682, basis: 'subgroup' });
  });

  it('takes a "Missing" count printed without a percent out of the levels\' base', () => {
    const levels = [level('White', '129 (82)'), level('Black', '12 (8)'), level('Asian', '9 (6)'), level('Other', '7 (4)'), level('Missing', '1')];
    // every percent fits 158 too: the missing count without a percent says the percents leave it out
    expect(levelBase({ levels, n: 158, missingNoted: false })).toMatchObject({ n: 157, basis: 'levels' });
  });

  it('keeps the column\'s N when the levels fit it, so a count short by one is reported (the table shows none missing)', () => {
    const levels = [level('3–19', '576 (31.1)'), level('20–39', '431 (23.3)'), level('40–59', '517 (27.9)'), level('⩾60', '327 (17.7)')];
    expect(levelBase({ levels, n: 1852, missingNoted: false, completeElsewhere: true })).toBeUndefined();
    // the notes say values are missing: the table does not say which is the base
    expect(levelBase({ levels, n: 1852, missingNoted: true, completeElsewhere: true })).toHaveProperty('unresolved');
  });

  it('never gives a base some level does not fit, for levels printed as shares of a smaller N', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 }), (counts, missing, decimals) => {
        const of = counts.reduce((s, x) => s + x, 0);
        const levels = [...counts.map((c, k) => level(`L${k}`, `${c} (${half(c, of, decimals)})`)), level('Missing', String(missing))];
        const r = levelBase({ levels, n: of + missing, missingNoted: false });
        // the levels are shares of those with data: never read against the column's N
        expect(r).toMatchObject({ n: of });
      }),
    );
  });
});
