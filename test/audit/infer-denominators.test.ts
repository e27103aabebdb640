import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDenominators } from '../../src/audit/count-denominators.js';
import { inferDenominators } from '../../src/audit/infer-denominators.js';
import { iterateDenominators } from '../../src/audit/iterate-denominators.js';
import { numeratorRange, rangesByMode, readShare, unionRange } from '../../src/audit/numerator-range.js';
import { InvalidArgumentError, LimitExceededError } from '../../src/errors.js';
import { ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';
import { ORDINARY_ROUNDING as ORDINARY } from '../../src/audit/rounding-set.js';
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

/** Brute force: every n in [min, max] tested on its own with numeratorRange (ranges are intervals, so a partition needs Σmin ≤ n ≤ Σmax). */
function bruteNs(percents: readonly string[], min: number, max: number, rounding: RoundingMode[], partition: boolean): number[] {
  const out: number[] = [];
  const shares = percents.map((p) => readShare(p)); // numeratorRange without re-reading the text each time
  for (let n = min; n <= max; n++) {
    const ranges = shares.map((share) => unionRange(rangesByMode(share, n, rounding).values()));
    if (ranges.some((r) => r === null)) continue;
    if (partition && !(ranges.reduce((a, r) => a + r!.min, 0) <= n && n <= ranges.reduce((a, r) => a + r!.max, 0))) continue;
    out.push(n);
  }
  return out;
}

// Printed parts whose sum sits exactly on an edge of the rounding band (Σ = 100 ± k/2 last digits):
// there the answer depends on n modulo a period, the hardest case for the shortcut past the scan.
const onTheEdge = fc.tuple(fc.constantFrom(2, 4), fc.constantFrom(0, 1), fc.constantFrom(1, -1), fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 3, maxLength: 3 })).map(([k, d, side, weights]) => {
  const unit = 10 ** d;
  const total = 100 * unit + (side * k) / 2;
  const w = weights.slice(0, k - 1);
  const sum = w.reduce((a, b) => a + b, 0) + 10;
  const parts = w.map((x) => Math.floor((x * total) / sum));
  parts.push(total - parts.reduce((a, b) => a + b, 0));
  return parts.map((p) => (p / unit).toFixed(d));
});

describe('iterateDenominators and countDenominators', () => {
  const percent = fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.integer({ min: 0, max: 1000 }).map((x) => (x / 10).toFixed(1)));

  it('yield and count exactly what a brute-force scan finds, across the point where the answer starts repeating', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(percent, { minLength: 1, maxLength: 4 }), onTheEdge),
        fc.subarray([...ROUNDING_MODES], { minLength: 1 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.boolean(),
        (percents, rounding, min, span, partition) => {
          const options = { min, max: min + span, rounding, partition };
          const brute = bruteNs(percents, min, min + span, rounding, partition);
          expect([...iterateDenominators(percents, options)].map((c) => c.n)).toEqual(brute);
          expect(countDenominators(percents, options)).toBe(brute.length);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('yield the same candidates as inferDenominators, example and shared divisor included, limit too', () => {
    const options = { partition: true, max: 5000 };
    expect([...iterateDenominators(CLINIC, options)]).toEqual(inferDenominators(CLINIC, options));
    expect([...iterateDenominators(CLINIC, { ...options, limit: 3 })]).toEqual(inferDenominators(CLINIC, options).slice(0, 3));
    expect(() => iterateDenominators(CLINIC, { limit: 0 })).toThrow(InvalidArgumentError);
  });

  it('know at once that 60% + 60% is no partition, however large max is', () => {
    expect([...iterateDenominators(['60', '60'], { partition: true, max: 1e15 })]).toEqual([]);
    expect(countDenominators(['60', '60'], { partition: true, max: Number.MAX_SAFE_INTEGER })).toBe(0);
    expect(inferDenominators(['60', '60'], { partition: true, max: 1e15, limit: 20 })).toEqual([]);
  });

  it('count to 10^15 without testing every n: past a point every n qualifies', () => {
    // 95.5%–96.5% is 1% wide, so from n = 100 on some k/n always lands in it (brute force checks a stretch)
    const early = bruteNs(['96'], 1, 1000, [...ORDINARY], false);
    expect(bruteNs(['96'], 1000, 3000, [...ORDINARY], false)).toHaveLength(2001);
    expect(countDenominators(['96'], { max: 1e15 })).toBe(early.length + (1e15 - 1000));
    const clinic = countDenominators(CLINIC, { partition: true, max: 1e12 });
    expect(clinic).toBe(countDenominators(CLINIC, { partition: true, max: 100_000 }) + (1e12 - 100_000));
  });

  it('refuse at once, with a typed error naming the bound, what would take too long or too much memory', () => {
    const scan = () => countDenominators(['33.3333333333'], { max: 1e13 });
    expect(scan).toThrow(LimitExceededError);
    expect(scan).toThrow(/maxScan \(100000000\)/);
    expect(() => iterateDenominators(['33.3333333333'], { max: 1e13 })).toThrow(LimitExceededError); // on the call, before any next()
    const array = () => inferDenominators(['96'], { max: 1e7 });
    expect(array).toThrow(LimitExceededError);
    expect(array).toThrow(/9999950 denominators qualify, more than one array may hold \(maxCandidates 1000000\)/);
    expect(inferDenominators(['96'], { max: 1e7, limit: 3 }).map((c) => c.n)).toEqual([23, 24, 25]);
  });
});
