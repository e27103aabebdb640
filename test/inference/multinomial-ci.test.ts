import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { multinomialCI, type MultinomialCIMethod } from '../../src/inference/multinomial-ci.js';
import { expectClose } from './close.js';

interface Case {
  counts: number[];
  conf_level: number;
  reference: Record<string, { lower: number[]; upper: number[] }>;
}
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/reference/multinomial.json', import.meta.url), 'utf8')) as { cases: Case[] };
const REF: [MultinomialCIMethod, string, number, number][] = [
  ['goodman', 'goodman', 1e-13, 1e-15],
  ['quesenberry-hurst', 'quesenberry_hurst', 1e-13, 1e-15],
  ['wilson', 'wilson_per_component_not_simultaneous', 1e-13, 1e-15],
  ['sison-glaz', 'sison_glaz', 0, 1e-8],
];
const worst: Record<string, number> = {};
afterAll(() => console.log('worst error per multinomial method (relative; absolute for sison-glaz):', JSON.stringify(worst)));

describe('multinomialCI against the mpmath reference', () => {
  for (const [method, key, rel, abs] of REF) {
    it(method, () => {
      for (const c of cases) {
        const got = multinomialCI(c.counts, { method, level: c.conf_level });
        expect(got).toHaveLength(c.counts.length);
        c.counts.forEach((_, i) => {
          for (const side of ['lower', 'upper'] as const) {
            const ref = c.reference[key]![side][i]!;
            const value = got[i]![side];
            const err = method === 'sison-glaz' ? Math.abs(value - ref) : Math.abs(value - ref) / Math.max(Math.abs(ref), 1e-300);
            worst[method] = Math.max(worst[method] ?? 0, ref === 0 ? Math.abs(value) : err);
            expectClose(value, ref, rel, abs, `${method} ${JSON.stringify(c.counts)}[${i}] ${side}`);
          }
        });
      }
    });
  }
});

describe('multinomialCI properties', () => {
  it('contains each estimate, stays in [0, 1], and simultaneous intervals are wider than per-cell Wilson', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 6 }).filter((c) => c.some((x) => x > 0)), (counts) => {
        const wilson = multinomialCI(counts, { method: 'wilson' });
        for (const method of ['goodman', 'quesenberry-hurst', 'sison-glaz', 'wilson'] as const) {
          const cis = multinomialCI(counts, { method });
          cis.forEach((ci, i) => {
            expect(ci.lower).toBeGreaterThanOrEqual(0);
            expect(ci.upper).toBeLessThanOrEqual(1);
            expect(ci.lower).toBeLessThanOrEqual(ci.estimate);
            expect(ci.estimate).toBeLessThanOrEqual(ci.upper);
            if (method === 'goodman') expect(ci.upper - ci.lower).toBeGreaterThanOrEqual(wilson[i]!.upper - wilson[i]!.lower - 1e-15);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rejects bad counts', () => {
    expect(() => multinomialCI([5])).toThrow(/at least 2/);
    expect(() => multinomialCI([0, 0])).toThrow(/all be zero/);
    expect(() => multinomialCI([1, 2], { method: 'exact' as 'wilson' })).toThrow(/method/);
  });
});

describe('multinomialCI regressions', () => {
  it('puts the bounds of an all-or-nothing count exactly at 0 and 1 (found by the property above)', () => {
    for (const method of ['goodman', 'quesenberry-hurst', 'wilson', 'sison-glaz'] as const) {
      const [none, all] = multinomialCI([0, 126], { method });
      expect(none!.lower).toBe(0);
      expect(all!.upper).toBe(1);
    }
  });
});

describe('multinomialCI at large counts', () => {
  it('answers [5e11, 5e11] (Sison–Glaz in closed form) with the width the normal limit predicts', () => {
    const [a, b] = multinomialCI([5e11, 5e11]);
    expect(a!.estimate).toBe(0.5);
    expect(b).toEqual(a);
    // two categories: simultaneous coverage is one-dimensional, so the half-width is about z·√(pq/n)
    const half = (a!.upper - a!.lower) / 2;
    expect(half / ((1.959963984540054 * 0.5) / Math.sqrt(1e12))).toBeGreaterThan(0.95);
    expect(half / ((1.959963984540054 * 0.5) / Math.sqrt(1e12))).toBeLessThan(1.1);
  });

  it('costs no more for 10^4 times the counts (CPU time ratio, generous bound)', () => {
    const cpu = (counts: number[]) => {
      const start = process.cpuUsage();
      for (let i = 0; i < 20; i++) multinomialCI(counts);
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    cpu([5e7, 3e7, 2e7]); // warm up
    const small = cpu([5e7, 3e7, 2e7]);
    const large = cpu([5e11, 3e11, 2e11]);
    expect(large / small).toBeLessThan(5); // a cost growing like √n would be 100×
  });
});
