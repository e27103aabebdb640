import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCell, type CellNumber } from '../../src/tables/cell-grammar.js';
import { commonDenominator } from '../../src/tables/common-denominator.js';
import { fits } from '../../src/tables/fits.js';

const pct = (text: string): CellNumber => {
  const v = readCell(text);
  if (v.kind !== 'number') throw new Error(text);
  return v.value;
};
// count/of printed half up at `decimals`, exactly (integer arithmetic)
const printed = (count: number, of: number, decimals: number): CellNumber => {
  const scale = 10 ** decimals;
  const units = Math.floor((2 * 100 * scale * count + of) / (2 * of));
  return pct((units / scale).toFixed(decimals));
};

describe('commonDenominator', () => {
  it('finds the size shared by levels of those with data (Race under "High Risk (n = 77)", one missing)', () => {
    const levels = [[60, '79'], [8, '11'], [5, '7'], [3, '4']].map(([c, p]) => ({ count: c as number, percent: pct(p as string) }));
    expect(commonDenominator(levels, 77, [76])).toEqual({ kind: 'found', n: 76, preferred: true, candidates: 1 });
    // with no size preferred, 76 is still the only one
    expect(commonDenominator(levels, 77)).toMatchObject({ kind: 'found', n: 76, preferred: false });
  });

  it('leaves one misfit among siblings that fit N alone: that is a finding, not another denominator', () => {
    // "Unclear 2 (3.2%)" among levels of 38: 2 of 38 is 5.3%
    const levels = [[14, '36.8'], [4, '10.5'], [18, '47.4'], [2, '3.2']].map(([c, p]) => ({ count: c as number, percent: pct(p as string) }));
    expect(commonDenominator(levels, 38).kind).toBe('none');
  });

  it('says when many sizes fit and none is preferred', () => {
    // whole percents of small counts fit a run of sizes
    const levels = [[15, '19'], [20, '25'], [8, '10']].map(([c, p]) => ({ count: c as number, percent: pct(p as string) }));
    expect(commonDenominator(levels, 425)).toMatchObject({ kind: 'ambiguous' });
  });

  it('finds a size every level fits, for any counts of a smaller N printed with correct rounding', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 2 }), (counts, extra, decimals) => {
        const nPrime = counts.reduce((s, x) => s + x, 0);
        fc.pre(nPrime > 0);
        const n = nPrime + extra;
        const levels = counts.map((c) => ({ count: c, percent: printed(c, nPrime, decimals) }));
        const r = commonDenominator(levels, n, [nPrime]);
        // never a size the levels do not all fit; and the levels' own sum, preferred, whenever N is told against
        if (r.kind === 'found') expect(levels.every((l) => fits(l.count, r.n, l.percent))).toBe(true);
        if (levels.filter((l) => !fits(l.count, n, l.percent)).length >= 2) expect(r).toMatchObject({ kind: 'found', n: nPrime });
      }),
    );
  });
});
