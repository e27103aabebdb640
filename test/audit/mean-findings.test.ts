import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { parseClaims } from '../../src/claims/parse.js';
import { formatScaled, roundRational } from '../../src/format/rounding.js';

const file = (means: object[]) => ({ title: 't', source: { name: 's' }, means });
const codes = (means: object[]) => auditClaims(file(means)).findings.flatMap((f) => f.codes);

function isqrt(x: bigint): bigint {
  let r = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (r * r > x) r--;
  while ((r + 1n) * (r + 1n) <= x) r++;
  return r;
}
/** Mean and SD of whole numbers, printed half-up from the exact fractions. */
function prints(values: readonly number[], dm: number, ds: number): { mean: string; sd: string } {
  const n = BigInt(values.length);
  const s = values.reduce((a, b) => a + BigInt(b), 0n);
  const q = values.reduce((a, b) => a + BigInt(b) * BigInt(b), 0n);
  const mean = formatScaled(roundRational(s * 10n ** BigInt(dm), n, 'half-up'), dm);
  const num = (n * q - s * s) * 10n ** BigInt(2 * ds);
  const den = n * (n - 1n);
  const r = isqrt(num / den);
  const up = 4n * num > (2n * r + 1n) * (2n * r + 1n) * den || (4n * num === (2n * r + 1n) * (2n * r + 1n) * den);
  return { mean, sd: formatScaled(r * r * den === num ? r : up ? r + 1n : r, ds) };
}

describe('means in claims files', () => {
  it('accepts a file of means alone and names the path of a bad one', () => {
    expect(parseClaims(file([{ id: 'a', mean: '5.25', n: 28 }])).file.means).toHaveLength(1);
    expect(() => parseClaims(file([{ id: 'a', mean: 5.25, n: 28 }]))).toThrow(/means\[0\]\.mean: mean must be the printed text/);
    expect(() => parseClaims({ title: 't', source: { name: 's' } })).toThrow(/at least one claim or mean/);
  });

  it('reports GRIM, GRIMMER, DEBIT and range failures with stable codes', () => {
    expect(codes([{ id: 'a', mean: '5.19', n: 28 }])).toEqual(['mean-impossible']);
    expect(codes([{ id: 'a', mean: '5.23', sd: '2.55', n: 35 }])).toEqual(['sd-impossible']);
    expect(codes([{ id: 'a', mean: '0.19', sd: '0.35', n: 1683, scale: [0, 1] }])).toEqual(['sd-impossible']);
    expect(codes([{ id: 'a', mean: '3.0', sd: '5.0', n: 4, scale: [1, 5] }])).toEqual(['sd-impossible']);
    expect(codes([{ id: 'a', mean: '45.2', sd: '40.0', n: 30, scale: [18, 90], continuous: true }])).toEqual(['sd-impossible']);
    expect(codes([{ id: 'a', mean: '95', n: 30, scale: [18, 90], continuous: true }])).toEqual(['mean-impossible']);
    // a measurement is not whole-number data: GRIM does not apply
    expect(codes([{ id: 'a', mean: '5.19', sd: '1.00', n: 28, continuous: true }])).toEqual([]);
    expect(codes([{ id: 'a', mean: '5.25', sd: '2.55', n: 28 }, { id: 'b', mean: '2.74', sd: '0.96', n: 63, items: 2 }])).toEqual([]);
  });

  it('says why, and what would be possible', () => {
    const [f] = auditClaims(file([{ id: 'a', label: 'Seizures per month', mean: '5.19', n: 28 }])).findings;
    expect(f!.message).toContain('Seizures per month: no total of 28 whole numbers gives a mean of 5.19; the nearest possible means are 5.18 (145/28) and 5.21 (146/28)');
  });

  it('never flags the mean and SD of a real sample, whole numbers or measured, within its scale', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (values, dm, ds) => {
        const { mean, sd } = prints(values, dm, ds);
        expect(codes([{ id: 'a', mean, sd, n: values.length, scale: [0, 10] }])).toEqual([]);
        expect(codes([{ id: 'a', mean, sd, n: values.length, scale: [0, 10], continuous: true }])).toEqual([]);
        expect(codes([{ id: 'a', mean, sd, n: values.length }])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
