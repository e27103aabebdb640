import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferDenominators } from '../../src/audit/infer-denominators.js';
import { numeratorRange } from '../../src/audit/numerator-range.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { ROUNDING_MODES } from '../../src/format/rounding.js';
import { printOf } from './brute.js';

const CLINIC = ['54.32', '31.34', '11.71', '2.62'];

describe('inferDenominators', () => {
  it('finds 1793 as the smallest n for which the clinic percents form a partition', () => {
    const [first] = inferDenominators(CLINIC, { partition: true, limit: 1 });
    expect(first).toEqual({
      n: 1793,
      numerators: [
        { min: 974, max: 974 },
        { min: 562, max: 562 },
        { min: 210, max: 210 },
        { min: 47, max: 47 },
      ],
      example: [974, 562, 210, 47],
    });
  });

  it('under half-up between 4200 and 4359 finds only 4234 and 4269: not the published 4278', () => {
    expect(inferDenominators(CLINIC, { partition: true, min: 4200, max: 4359, rounding: 'half-up' }).map((c) => c.n)).toEqual([4234, 4269]);
  });

  it('matches numeratorRange for every n it scans, and brute-force partitions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3 }).map((ds) => ds.map((x) => (x / 10).toFixed(1))),
        fc.subarray([...ROUNDING_MODES], { minLength: 1 }),
        fc.integer({ min: 1, max: 60 }),
        (percents, rounding, max) => {
          const found = inferDenominators(percents, { max, rounding });
          const expected = [];
          for (let n = 1; n <= max; n++) {
            const ranges = percents.map((p) => numeratorRange(p, n, { rounding }));
            if (ranges.every((r) => r !== null)) expected.push({ n, numerators: ranges });
          }
          expect(found).toEqual(expected);

          const partitions = inferDenominators(percents, { max, rounding, partition: true }).map((c) => c.n);
          const brute = expected
            .filter(({ n, numerators }) => {
              // is there a choice of one numerator per range summing to n? (sets of reachable sums)
              let sums = new Set([0]);
              for (const r of numerators) {
                const next = new Set<number>();
                for (const s of sums) for (let k = r!.min; k <= r!.max; k++) if (s + k <= n) next.add(s + k);
                sums = next;
              }
              return sums.has(n);
            })
            .map((c) => c.n);
          expect(partitions).toEqual(brute);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives examples that sum to n and print as reported, and flags a shared divisor', () => {
    for (const c of inferDenominators(CLINIC, { partition: true, max: 3000 })) {
      expect(c.example!.reduce((a, b) => a + b, 0)).toBe(c.n);
      c.example!.forEach((k, i) => expect(['half-up', 'half-down', 'half-even'].map((m) => printOf(k, c.n, 2, m as 'half-up'))).toContain(CLINIC[i]));
    }
    const halves = inferDenominators(['50', '50'], { partition: true, max: 4 });
    expect(halves.map((c) => [c.n, c.commonDivisor])).toEqual([
      [2, undefined],
      [4, 2],
    ]);
  });

  it('scans with exact integers past where floats would do', () => {
    const r = inferDenominators(['33.3333333333'], { min: 2_999_999_990, max: 3_000_000_010 });
    expect(r.map((c) => c.n)).toEqual(r.map((c) => c.n).filter((n) => numeratorRange('33.3333333333', n) !== null));
  });

  it('refuses empty input and an inverted range', () => {
    expect(() => inferDenominators([])).toThrow(InvalidArgumentError);
    expect(() => inferDenominators(['5'], { min: 10, max: 5 })).toThrow(/must not be below min/);
  });
});
