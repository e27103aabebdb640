import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitShare } from '../../src/extract/fit.js';
import { formatPercent } from '../../src/format/format-percent.js';

describe('fitShare', () => {
  it('tells exact fits, misprints and shares of another group apart', () => {
    expect(fitShare({ count: 2324, percent: 54.32, decimals: 2 }, 4278)).toBe('exact');
    expect(fitShare({ count: 1341, percent: 31.34, decimals: 2 }, 4278)).toBe('near');
    expect(fitShare({ count: 10, percent: 43, decimals: 0 }, 314)).toBe('far');
    expect(fitShare({ count: 30, percent: 50, decimals: 0 }, 20)).toBe('far');
    expect(fitShare({ percent: 10, decimals: 0 }, 47)).toBe('near');
    expect(fitShare({ percent: 78.5, decimals: 1 }, 81)).toBe('near');
  });

  it('calls every correctly rounded share exact (fast-check against formatPercent)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), fc.integer({ min: 0, max: 2 }), (n, k, decimals) => {
        const x = k % (n + 1);
        const printed = formatPercent(x, n, { decimals });
        expect(fitShare({ count: x, percent: Number(printed), decimals }, n)).toBe('exact');
        expect(fitShare({ percent: Number(printed), decimals }, n)).toBe('exact');
      }),
    );
  });
});
