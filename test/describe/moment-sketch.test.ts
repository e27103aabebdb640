import fc from 'fast-check';
import { mean as ssMean, sampleVariance as ssSampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { exactMean, exactVariance, mergeMomentSketches, momentSketch, repeatedSketch, sketchMean, sketchVariance } from '../../src/describe/moment-sketch.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { expectClose } from '../inference/close.js';
import reference from '../fixtures/reference/table-one.json' with { type: 'json' };

type Vector = { values: number[]; n: number; mean: number; sd: number | null };
const vectors = reference.describe as unknown as Record<string, Vector>;

// Oracle: the exact sums of decimals written as text, by string arithmetic on their digits.
function decimalSums(values: readonly number[]): { d: number; s: bigint; q: bigint } {
  const parts = values.map((x) => {
    const [whole, frac = ''] = String(x).split('.');
    return { digits: BigInt(`${whole}${frac}`), d: frac.length };
  });
  const d = Math.max(0, ...parts.map((p) => p.d));
  const scaled = parts.map((p) => p.digits * 10n ** BigInt(d - p.d));
  return { d, s: scaled.reduce((a, b) => a + b, 0n), q: scaled.reduce((a, b) => a + b * b, 0n) };
}

describe('momentSketch against R (mean, sd with n − 1)', () => {
  for (const [name, v] of Object.entries(vectors)) {
    it(name, () => {
      const s = momentSketch(v.values);
      expect(s.n).toBe(v.n);
      expectClose(sketchMean(s), v.mean, 1e-15, 1e-300, `${name} mean`);
      // R works on the doubles; large_offset's doubles (123456789.123 …) sit up to 7e-9 from their
      // decimals, which moves the SD by 1e-8 relative. Its exact decimal SD is √0.07441.
      if (v.sd === null) expect(Number.isNaN(sketchVariance(s))).toBe(true);
      else expectClose(Math.sqrt(sketchVariance(s)), v.sd, name === 'large_offset' ? 2e-8 : 1e-14, 0, `${name} sd`);
      if (name === 'large_offset') expect(Math.sqrt(sketchVariance(s))).toBe(Math.sqrt(0.07441));
      expect(s.min).toBe(Math.min(...v.values));
      expect(s.max).toBe(Math.max(...v.values));
    });
  }
});

describe('exact decimal sums', () => {
  const decimal = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 4 })).map(([u, d]) => Number((u / 10 ** d).toFixed(d)));

  it('equal the sums of the values as written (string oracle), for any mix of decimals', () => {
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 60 }), (values) => {
        const s = momentSketch(values);
        const oracle = decimalSums(values);
        expect(s.grid).not.toBeNull();
        const lift = 10n ** BigInt(s.grid!.decimals - oracle.d);
        expect(s.grid!.sum).toBe(oracle.s * lift);
        expect(s.grid!.sumOfSquares).toBe(oracle.q * lift * lift);
      }),
      { numRuns: 500 },
    );
  });

  it('make the mean of 7.2 and 7.3 exactly 29/4, a tie, where the doubles are not', () => {
    const s = momentSketch([7.2, 7.3]);
    expect(exactMean(s)).toEqual({ num: 145n, den: 20n });
    expect((7.2 + 7.3) / 2).toBe(7.25);
    const v = momentSketch([0.1, 0.2, 0.3]);
    expect(exactMean(v)).toEqual({ num: 6n, den: 30n });
    expect(exactVariance(v)).toEqual({ num: 3n * 14n - 36n, den: 6n * 100n });
  });

  it('stay exact past 2^53 (a bigint beyond the doubles)', () => {
    const values = Array.from({ length: 2000 }, () => 999_999_999_999.999);
    const s = momentSketch(values);
    expect(s.grid!.sum).toBe(999_999_999_999_999n * 2000n);
    expect(s.grid!.sumOfSquares).toBe(999_999_999_999_999n ** 2n * 2000n);
    expect(exactVariance(s)!.num).toBe(0n);
  });

  it('are dropped (null) once a value is not a short decimal, and the doubles take over', () => {
    const s = momentSketch([1 / 3, 2 / 3]);
    expect(s.grid).toBeNull();
    expectClose(sketchMean(s), 0.5, 1e-15);
    expectClose(sketchVariance(s), 1 / 18, 1e-14);
  });
});

describe('merging', () => {
  it('a merge of sketches of parts is the sketch of the whole (exact sums equal, doubles close)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 30 }), { minLength: 1, maxLength: 6 }), (parts) => {
        const whole = momentSketch(parts.flat());
        const merged = mergeMomentSketches(...parts.map((p) => momentSketch(p)));
        expect(merged.n).toBe(whole.n);
        expect(merged.min).toBe(whole.min);
        expect(merged.max).toBe(whole.max);
        expect(merged.grid).toEqual(whole.grid);
        if (whole.n > 0) {
          expectClose(merged.sum, whole.sum, 1e-9, 1e-6);
          expectClose(merged.m2, whole.m2, 1e-8, 1e-6 * (1 + Math.abs(whole.max)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('repeatedSketch is the sketch of that many copies', () => {
    const s = repeatedSketch(2.5, 7);
    expect(s).toEqual(momentSketch(Array(7).fill(2.5)));
  });
});

describe('against simple-statistics on doubles that are not short decimals', () => {
  it('mean and sampleVariance (n − 1) agree to 1e-12', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 80 }), (values) => {
        const s = momentSketch(values);
        expectClose(sketchMean(s), ssMean(values), 1e-12, 1e-12);
        expectClose(sketchVariance(s), ssSampleVariance(values), 1e-10, 1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bad input', () => {
  it('refuses non-finite values with the index', () => {
    expect(() => momentSketch([1, NaN])).toThrow(InvalidArgumentError);
    expect(() => momentSketch([1, Infinity])).toThrow(/values\[1\]/);
  });
});
