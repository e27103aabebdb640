import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { formatPValue } from '../../src/format/format-p-value.js';

describe('formatPValue', () => {
  it('prints ordinary, small and underflowed p-values in words a reader knows', () => {
    expect(formatPValue(0.5)).toBe('p = 0.50');
    expect(formatPValue(0.0234)).toBe('p = 0.023');
    expect(formatPValue(0.001)).toBe('p = 0.0010');
    expect(formatPValue(2.9e-134)).toBe('p = 2.9 × 10^-134');
    expect(formatPValue(5e-324)).toBe('p = 4.9 × 10^-324');
    // ln p = -1385.2 is log10 p = -601.6: p lies below 10^-601
    expect(formatPValue(0, -1385.2)).toBe('p < 10^-601');
    expect(formatPValue(0, -1385.2, 'html')).toBe('p &lt; 10<sup>−601</sup>');
    expect(formatPValue(0)).toBe('p < 10^-300');
  });

  it('is an upper bound that holds: 10^k above p and within one power of ten', () => {
    for (const logP of [-700, -1000.5, -2092.18, -1e5]) {
      const k = Number(/10\^(-\d+)/.exec(formatPValue(0, logP))![1]);
      const log10p = logP / Math.LN10;
      expect(k).toBeGreaterThan(log10p);
      expect(k - log10p).toBeLessThanOrEqual(1);
    }
  });

  it('refuses what is not a probability', () => {
    for (const p of [-0.1, 1.5, Number.NaN, '0.1']) expect(() => formatPValue(p as number)).toThrow(InvalidArgumentError);
  });
});
