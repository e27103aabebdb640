import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPartition } from '../../src/audit/check-partition.js';
import { checkSubgroups } from '../../src/audit/check-subgroups.js';
import { missingOutcomeBounds } from '../../src/audit/missing-outcome-bounds.js';
import { formatPercent } from '../../src/format/format-percent.js';
import { ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';

const counts = fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 8 }).filter((c) => c.some((x) => x > 0));

describe('checkPartition', () => {
  it('accepts the clinic table: counts sum to 4278 and 99.99 is within rounding of 100', () => {
    const r = checkPartition({
      total: 4278,
      parts: [
        { percent: '54.32', numerator: 2324 },
        { percent: '31.34', numerator: 1341 },
        { percent: '11.71', numerator: 501 },
        { percent: '2.62', numerator: 112 },
      ],
    });
    expect(r).toEqual({ countSum: 4278, countsMatch: true, percentSum: '99.99', band: { min: '99.98', max: '100.02' }, percentSumOk: true });
  });

  it('rejects 98.0 from two parts and a count sum that misses the total', () => {
    expect(checkPartition({ total: 100, parts: [{ percent: '50.0' }, { percent: '48.0' }] }).percentSumOk).toBe(false);
    expect(checkPartition({ total: 10, parts: [{ percent: '50', numerator: 5 }, { percent: '40', numerator: 4 }] }).countsMatch).toBe(false);
  });

  it('accepts every partition printed by the rule it is told (the band is a law of rounding)', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 0, max: 3 }), fc.constantFrom<RoundingMode>(...ROUNDING_MODES), (cs, decimals, mode) => {
        const total = cs.reduce((a, b) => a + b, 0);
        const parts = cs.map((c) => ({ percent: formatPercent(c, total, { decimals, rounding: mode }), numerator: c }));
        const r = checkPartition({ total, parts }, { rounding: mode });
        expect(r.percentSumOk).toBe(true);
        expect(r.countsMatch).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkSubgroups', () => {
  it('catches a total that is not the weighted mean of its parts', () => {
    expect(checkSubgroups({ n: 200, percent: '75' }, [{ n: 100, percent: '90' }, { n: 100, percent: '70' }])).toEqual({
      consistent: false,
      sizesMatch: true,
      totalNumerators: { min: 149, max: 151 },
      impliedNumerators: { min: 160, max: 160 },
    });
  });

  it('accepts any honestly printed set of subgroup rates and their total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 }),
        (groups, decimals) => {
          const k = groups.reduce((a, [x]) => a + x, 0);
          const n = groups.reduce((a, [, m]) => a + m, 0);
          const result = checkSubgroups(
            { n, percent: formatPercent(k, n, { decimals }) },
            groups.map(([x, m]) => ({ n: m, percent: formatPercent(x, m, { decimals }) })),
          );
          expect(result.consistent).toBe(true);
        },
      ),
    );
  });
});

describe('missingOutcomeBounds', () => {
  it('brackets the rate between all-unknown-failed and all-unknown-improved', () => {
    const b = missingOutcomeBounds({ improved: 3963, notImproved: 165, unknown: 150 });
    expect(b.total).toBe(4278);
    expect(b.worstCase).toBe(3963 / 4278);
    expect(b.bestCase).toBe(4113 / 4278);
    expect(b.amongKnown).toBe(3963 / 4128);
    expect(b.worstCase).toBeLessThanOrEqual(b.amongKnown!);
    expect(b.amongKnown!).toBeLessThanOrEqual(b.bestCase);
  });
  it('rejects negative counts and an empty cohort', () => {
    expect(() => missingOutcomeBounds({ improved: -1, notImproved: 0, unknown: 0 })).toThrow(/improved/);
    expect(() => missingOutcomeBounds({ improved: 0, notImproved: 0, unknown: 0 })).toThrow(/no patients/);
  });
});
