import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { binomialDensity, binomialLowerTail, binomialUpperTail, logBinomialDensity, logBinomialTail } from '../../src/special/binomial.js';

interface TailCase {
  region: string;
  k: number;
  n: number;
  p: number;
  tail: 'upper' | 'lower';
  log: string;
  value: number;
}
const sweep = JSON.parse(readFileSync(new URL('../fixtures/reference/binomial-tails.json', import.meta.url), 'utf8')) as { cases: TailCase[] };
const worst: Record<string, number> = {};

afterAll(() => console.log('binomial tails, worst error per region (relative; log relative below 1e-290):', JSON.stringify(worst)));

describe('logBinomialTail against the mpmath sweep', () => {
  it.each(sweep.cases.map((c, i) => [`${i} ${c.region} k=${c.k} n=${c.n} p=${c.p} ${c.tail}`, c] as const))('%s', (_label, c) => {
    const l = logBinomialTail(c.k, c.n, c.p, c.tail === 'upper');
    if (c.log === '-Inf') {
      expect(l).toBe(-Infinity);
      return;
    }
    const ref = Number(c.log);
    let err: number;
    if (ref < Math.log(1e-290)) {
      err = Math.abs(l - ref) / Math.abs(ref);
      expect(err, `log p ${l} vs ${ref}`).toBeLessThan(1e-9);
    } else {
      const v = c.tail === 'upper' ? binomialUpperTail(c.k, c.n, c.p) : binomialLowerTail(c.k, c.n, c.p);
      err = Math.abs(v - c.value) / c.value;
      expect(err, `${v} vs ${c.value}`).toBeLessThan(1e-12);
    }
    const key = `${c.region}${ref < Math.log(1e-290) ? ' (log)' : ''}`;
    worst[key] = Math.max(worst[key] ?? 0, err);
  });
});

describe('binomial tails: laws', () => {
  it('the two tails add up to one (on the short side, directly)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2e6 }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p, u) => {
        const k = Math.floor(u * n);
        const total = binomialLowerTail(k, n, p) + binomialUpperTail(k + 1, n, p);
        expect(Math.abs(total - 1)).toBeLessThan(1e-14);
      }),
    );
  });

  it('consecutive tails differ by the density', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p, u) => {
        const k = Math.floor(u * n);
        const diff = binomialLowerTail(k, n, p) - (k > 0 ? binomialLowerTail(k - 1, n, p) : 0);
        const d = binomialDensity(k, n, p);
        expect(Math.abs(diff - d)).toBeLessThanOrEqual(1e-14 + 1e-9 * d);
      }),
    );
  });

  it('sums the whole density of a small binomial exactly', () => {
    let s = 0;
    for (let x = 0; x <= 40; x++) s += Math.exp(logBinomialDensity(x, 40, 0.37));
    expect(Math.abs(s - 1)).toBeLessThan(1e-15);
  });

  it('handles the ends of the support and degenerate p', () => {
    expect(logBinomialTail(0, 10, 0.3, true)).toBe(0);
    expect(logBinomialTail(11, 10, 0.3, true)).toBe(-Infinity);
    expect(logBinomialTail(10, 10, 0.3, false)).toBe(0);
    expect(logBinomialTail(-1, 10, 0.3, false)).toBe(-Infinity);
    expect(binomialUpperTail(1, 10, 0)).toBe(0);
    expect(binomialLowerTail(9, 10, 1)).toBe(0);
    expect(logBinomialTail(2 ** 53 - 1, 2 ** 53 - 1, 0.5, true)).toBeCloseTo(-(2 ** 53 - 1) * Math.LN2, -3);
  });
});
