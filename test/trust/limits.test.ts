// Hostile sizes: each either finishes in time that does not grow faster than its input, or stops at
// once with a typed error naming the bound. Only growth ratios are asserted, never absolute times, and
// with room for a loaded machine: a 4× input may take under 8× the time (quadratic would be 16×), and
// an input 2^26 times larger under 8× for what should grow like log n (linear would be 2^26×).
import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { checkMean } from '../../src/audit/check-mean.js';
import { countDenominators } from '../../src/audit/count-denominators.js';
import { debit } from '../../src/audit/debit.js';
import { inferDenominators } from '../../src/audit/infer-denominators.js';
import { iterateDenominators } from '../../src/audit/iterate-denominators.js';
import { LimitExceededError } from '../../src/errors.js';

const CLINIC = ['54.32', '31.34', '11.71', '2.62'];

/** Time of f(large) over time of f(small): medians of interleaved runs, each repeated `repeat` times. */
function growth(f: (size: number) => unknown, small: number, large: number, repeat = 1): number {
  const run = (s: number) => {
    const start = performance.now();
    for (let i = 0; i < repeat; i++) f(s);
    return performance.now() - start;
  };
  run(small);
  run(large);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 7; i++) {
    a.push(run(small));
    b.push(run(large));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[3]!;
  return median(b) / median(a);
}

describe('audit limits', () => {
  it('debit: 0.5 / 0.5 at n = 4·10^7 (was 37 s and 2.1 GB) grows like log n', () => {
    expect(debit('0.5', '0.5', 40_000_000).consistent).toBe(true);
    expect(growth((n) => debit('0.5', '0.5', n), 2 ** 26, 2 ** 52, 300)).toBeLessThan(8);
  });

  it('checkMean grows like log n and stays exact past 2^53', () => {
    expect(checkMean('5.25', Number.MAX_SAFE_INTEGER).exactTotals).not.toBeNull();
    expect(growth((n) => checkMean('5.25', n), 2 ** 26, 2 ** 52, 300)).toBeLessThan(8);
  });

  it('infer-n 60 60 --partition --max 10^15 (never finished) is empty at once', () => {
    expect([...iterateDenominators(['60', '60'], { partition: true, max: 1e15 })]).toEqual([]);
    expect(inferDenominators(['60', '60'], { partition: true, max: 1e15 })).toEqual([]);
  });

  it('countDenominators to 10^7 and beyond costs the same: past a point it is arithmetic', () => {
    expect(growth((max) => countDenominators(CLINIC, { partition: true, max }), 1e7, 1e14, 5)).toBeLessThan(8);
  });

  it('iterateDenominators grows linearly with what it yields', () => {
    const drain = (max: number) => {
      let k = 0;
      for (const c of iterateDenominators(CLINIC, { partition: true, max })) k += c.n > 0 ? 1 : 0;
      return k;
    };
    expect(growth(drain, 50_000, 200_000)).toBeLessThan(8);
  });

  it('refuses, before any work, a one-by-one scan or an array beyond its bound', () => {
    const start = performance.now();
    expect(() => countDenominators(['33.3333333333'], { max: 1e15 })).toThrow(LimitExceededError);
    expect(() => inferDenominators(['96'], { max: 1e15 })).toThrow(LimitExceededError);
    expect(performance.now() - start).toBeLessThan(5_000); // a bound, not a benchmark: the scan alone would take days
  });

  it('auditClaims grows linearly with the number of claims', () => {
    const file = (k: number) => ({
      title: 't',
      source: { name: 's' },
      claims: Array.from({ length: k }, (_, i) => ({ id: `c${i}`, numerator: (i * 7) % 4000, denominator: 4278, percent: ((100 * ((i * 7) % 4000)) / 4278).toFixed(2) })),
    });
    expect(auditClaims(file(10)).findings.length).toBeGreaterThanOrEqual(0);
    expect(growth((k) => auditClaims(file(k)), 300, 1200)).toBeLessThan(8);
  });
});
