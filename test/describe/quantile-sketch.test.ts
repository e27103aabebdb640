import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { exactQuantile, mergeQuantileSketches, QuantileAccumulator, quantileSketch, sketchQuantile } from '../../src/describe/quantile-sketch.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { expectClose } from '../inference/close.js';
import reference from '../fixtures/reference/table-one.json' with { type: 'json' };

type Vector = { values: number[]; probs: number[]; quantiles: number[] };
const vectors = reference.describe as unknown as Record<string, Vector>;

describe('sketchQuantile against R quantile(type = 7)', () => {
  for (const [name, v] of Object.entries(vectors)) {
    it(name, () => {
      const s = quantileSketch(v.values);
      v.probs.forEach((p, i) => expectClose(sketchQuantile(s, p), v.quantiles[i]!, 1e-15, 1e-300, `${name} p=${p}`));
    });
  }
});

// Oracle: type 7 over the sorted list, as a rational from the decimal strings: x[j] + g (x[j+1] − x[j]) with g = h − j, h = (n − 1)p.
function rationalQuantile(values: readonly number[], pNum: bigint, pDen: bigint): [bigint, bigint] {
  const sorted = [...values].sort((a, b) => a - b);
  const units = (x: number, d: number) => {
    const [w, f = ''] = String(x).split('.');
    return BigInt(`${w}${f.padEnd(d, '0')}`);
  };
  const d = Math.max(0, ...sorted.map((x) => String(x).split('.')[1]?.length ?? 0));
  const h = BigInt(sorted.length - 1) * pNum; // h·pDen
  const j = h / pDen;
  const g = h - j * pDen; // fraction ·pDen
  const lo = units(sorted[Number(j)]!, d);
  const hi = g === 0n ? lo : units(sorted[Number(j) + 1]!, d);
  return [lo * pDen + g * (hi - lo), pDen * 10n ** BigInt(d)];
}

describe('exact quantiles', () => {
  it('equal the rational type-7 value of the decimals as written', () => {
    const decimal = fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 3 })).map(([u, d]) => Number((u / 10 ** d).toFixed(d)));
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 40 }), fc.constantFrom(0, 0.25, 0.5, 0.75, 1, 0.1, 0.9), (values, p) => {
        const pFraction: Record<number, [bigint, bigint]> = { 0: [0n, 1n], 0.25: [1n, 4n], 0.5: [1n, 2n], 0.75: [3n, 4n], 1: [1n, 1n] };
        const exact = exactQuantile(quantileSketch(values), p)!;
        if (pFraction[p]) {
          const [num, den] = rationalQuantile(values, ...pFraction[p]!);
          expect(exact.num * den).toBe(num * exact.den);
        }
        expectClose(sketchQuantile(quantileSketch(values), p), quantileSorted([...values].sort((a, b) => a - b), p), 1e-12, 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('see the tie 3.275 (Q3 of 3.2, 3.3), which the doubles in R put below it', () => {
    const exact = exactQuantile(quantileSketch([3.2, 3.3]), 0.75)!;
    expect(exact.num * 1000n).toBe(3275n * exact.den);
    expect(0.25 * 3.2 + 0.75 * 3.3).toBeLessThan(3.275); // R's (1 − h)·x[j] + h·x[j+1]: 3.2749999999999995
  });
});

describe('relative sketch', () => {
  it('keeps every quantile of positive data within α of the exact one once past the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 50, maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const relative = quantileSketch(values, { limit: 10 });
        expect(relative.method).toBe('relative');
        const exact = sketchQuantile(quantileSketch(values, { limit: Infinity }), p);
        const approx = sketchQuantile(relative, p);
        expect(Math.abs(approx - exact)).toBeLessThanOrEqual(relative.alpha * exact * (1 + 1e-12));
      }),
      { numRuns: 300 },
    );
  });

  it('holds negative values, zero and positive values in order', () => {
    const s = quantileSketch([-5, -1, 0, 0, 2, 8], { limit: 2 });
    expect(s.method).toBe('relative');
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(6);
    expect([...s.values]).toEqual([...s.values].sort((a, b) => a - b));
    expect(sketchQuantile(s, 0.5)).toBe(0);
    expectClose(sketchQuantile(s, 0), -5, 0.005);
    expectClose(sketchQuantile(s, 1), 8, 0.005);
  });

  it('merges: a merged sketch counts what the parts counted, and exact ones stay exact', () => {
    const a = quantileSketch([1, 2, 2]);
    const b = quantileSketch([2, 5]);
    expect(mergeQuantileSketches(a, b)).toEqual(quantileSketch([1, 2, 2, 2, 5]));
    const big = mergeQuantileSketches(quantileSketch([1, 2], { limit: 1 }), quantileSketch([3]));
    expect(big.method).toBe('relative');
    expect(big.n).toBe(3);
  });

  it('counts many at once', () => {
    const acc = new QuantileAccumulator();
    acc.add(3, 1000);
    acc.add(1, 1);
    expect(acc.sketch()).toEqual({ n: 1001, method: 'exact', alpha: 0, values: [1, 3], counts: [1, 1000] });
  });
});

describe('bad input', () => {
  it('refuses probabilities outside [0, 1] and non-finite values', () => {
    expect(() => sketchQuantile(quantileSketch([1]), 1.5)).toThrow(InvalidArgumentError);
    expect(() => quantileSketch([NaN])).toThrow(/values\[0\]/);
    expect(Number.isNaN(sketchQuantile(quantileSketch([]), 0.5))).toBe(true);
  });
});
