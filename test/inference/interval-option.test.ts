import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../../src/format/format-decimal.js';
import { formatInterval } from '../../src/inference/interval-option.js';
import { multinomialCI } from '../../src/inference/multinomial-ci.js';
import { proportionCI } from '../../src/inference/proportion-ci.js';
import { fromCounts } from '../../src/stats/count-table.js';
import { improvementRate } from '../../src/stats/improvement-rate.js';
import { ratesBy } from '../../src/stats/rates-by.js';
import { typeDistribution } from '../../src/stats/type-distribution.js';
import { scaledFromString } from '../oracles.js';

const clinic = fromCounts([
  { type: 'spastic', count: 2324 },
  { type: 'mixed', count: 1341 },
  { type: 'athetoid', count: 501 },
  { type: 'other', count: 112 },
]);

describe('intervals on summaries', () => {
  it('prints "54.32% (95% CI 52.83–55.81, Wilson)" in one call', () => {
    const row = typeDistribution(clinic, { decimals: 2, ci: { method: 'wilson' } }).rows[0]!;
    expect(`${row.percent}% (${formatInterval(row.ci!, { decimals: 2 })})`).toBe('54.32% (95% CI 52.83–55.81, Wilson)');
  });

  it('attaches per-row or simultaneous intervals to a distribution', () => {
    const sg = typeDistribution(clinic, { ci: { method: 'sison-glaz', level: 0.9 } });
    const direct = multinomialCI([2324, 1341, 501, 112], { method: 'sison-glaz', level: 0.9 });
    sg.rows.forEach((r, i) => expect([r.ci?.lower, r.ci?.upper]).toEqual([direct[i]!.lower, direct[i]!.upper]));
    const cp = typeDistribution(clinic, { ci: { method: 'clopper-pearson' } });
    expect(cp.rows[3]!.ci!.lower).toBe(proportionCI(112, 4278, { method: 'clopper-pearson' }).lower);
  });

  it('gives the improvement rate its interval, null where no outcome is known, and refuses simultaneous methods', () => {
    const t = fromCounts([
      { type: 'a', outcome: 'improved', count: 3963 },
      { type: 'a', outcome: 'unchanged', count: 165 },
      { type: 'b', outcome: 'unknown', count: 150 },
    ]);
    const rate = improvementRate(t, { ci: { method: 'jeffreys' } });
    const direct = proportionCI(3963, 4128, { method: 'jeffreys' });
    expect(rate.ci).toEqual({ lower: direct.lower, upper: direct.upper, method: 'jeffreys', level: 0.95 });
    expect(ratesBy(t, 'type', { ci: {} }).map((r) => r.ci === null)).toEqual([false, true]);
    expect(() => improvementRate(t, { ci: { method: 'sison-glaz' } })).toThrow(/simultaneous/);
  });
});

describe('formatDecimal', () => {
  it('rounds the exact binary value of a double', () => {
    expect(formatDecimal(2.675, { decimals: 2 })).toBe('2.67'); // 2.675 is stored as 2.67499999…
    expect(formatDecimal(0.125, { decimals: 2 })).toBe('0.13'); // exactly representable tie, half-up
    expect(formatDecimal(0.125, { decimals: 2, rounding: 'half-even' })).toBe('0.12');
    expect(formatDecimal(-1.5, { decimals: 0 })).toBe('-2');
    expect(formatDecimal(0.5282855379414282, { decimals: 2, scale: 100 })).toBe('52.83');
  });

  it('agrees with toFixed (which rounds the exact value half-up) on random doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, d) => {
        const ours = formatDecimal(x, { decimals: d });
        const theirs = x.toFixed(d);
        // toFixed may print "-0.00" for tiny negatives; compare the values
        expect(scaledFromString(ours, d)).toBe(scaledFromString(theirs, d));
      }),
      { numRuns: 1000 },
    );
  });
});
