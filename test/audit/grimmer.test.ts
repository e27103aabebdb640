import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grimmer } from '../../src/audit/grimmer.js';
import { findIntegerSample } from '../../src/audit/integer-sample.js';
import { formatScaled, ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';
import { roundByDistance } from '../oracles.js';
import pigs5 from '../fixtures/grimmer/scrutiny-pigs5.json' with { type: 'json' };

// Oracle: print a mean and an SD from the sample itself, by definition (nearest candidate, then the tie rule).
function printMean(sum: number, n: number, decimals: number, mode: RoundingMode): string {
  return formatScaled(roundByDistance(BigInt(sum) * 10n ** BigInt(decimals), BigInt(n), mode), decimals);
}
function bigSqrt(x: bigint): bigint {
  let r = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (r * r > x) r--;
  while ((r + 1n) * (r + 1n) <= x) r++;
  return r;
}
/** SD (n − 1) of integer values at `decimals`: sqrt(D / (n(n−1))) with D = nΣx² − (Σx)², rounded exactly. */
function printSd(values: readonly number[], decimals: number, mode: RoundingMode): string {
  const n = BigInt(values.length);
  const s = values.reduce((a, b) => a + BigInt(b), 0n);
  const q = values.reduce((a, b) => a + BigInt(b) * BigInt(b), 0n);
  const num = (n * q - s * s) * 10n ** BigInt(2 * decimals); // (sd·10^d)² = num / den
  const den = n * (n - 1n);
  const r = bigSqrt(num / den); // floor(sqrt(num/den))
  const exact = r * r * den === num;
  const twice = 4n * num - (2n * r + 1n) * (2n * r + 1n) * den; // sign of sd·10^d − (r + ½)
  let digits: bigint;
  if (exact) digits = r;
  else if (mode === 'floor') digits = r;
  else if (mode === 'ceil') digits = r + 1n;
  else if (twice < 0n) digits = r;
  else if (twice > 0n) digits = r + 1n;
  else digits = mode === 'half-up' ? r + 1n : mode === 'half-down' ? r : r % 2n === 0n ? r : r + 1n;
  return formatScaled(digits, decimals);
}

function sampleExists(mean: string, sd: string, n: number, hi: number, dm: number, ds: number, modes: readonly RoundingMode[]): boolean {
  const values: number[] = [];
  const walk = (from: number): boolean => {
    if (values.length === n) {
      const sum = values.reduce((a, b) => a + b, 0);
      return modes.some((m) => printMean(sum, n, dm, m) === mean) && modes.some((m) => printSd(values, ds, m) === sd);
    }
    for (let v = from; v <= hi; v++) {
      values.push(v);
      if (walk(v)) return true;
      values.pop();
    }
    return false;
  };
  return walk(0);
}

const modeList = fc.subarray([...ROUNDING_MODES], { minLength: 1 });

describe('grimmer', () => {
  it('reproduces scrutiny 0.6.1 on its pigs5 data (test-3 case included)', () => {
    for (const row of pigs5.rows) {
      const r = grimmer(row.x, row.sd, row.n);
      expect(r.consistent, `${row.x} ${row.sd} ${row.n}`).toBe(row.consistent);
      expect(r.decided).toBe(true);
    }
  });

  it('agrees with brute force over every sample of 0..hi (scale given)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), modeList, fc.nat(), fc.nat(), (n, dm, ds, modes, a, b) => {
        const hi = n <= 4 ? 9 : 6;
        const mean = formatScaled(BigInt(a % (hi * 10 ** dm + 1)), dm);
        const sd = formatScaled(BigInt(b % (Math.ceil(hi * 0.7 * 10 ** ds) + 1)), ds);
        const r = grimmer(mean, sd, n, { rounding: modes, scale: [0, hi] });
        expect(r.decided).toBe(true);
        expect(r.consistent, `${mean} ${sd} n=${n} ${modes.join(',')}`).toBe(sampleExists(mean, sd, n, hi, dm, ds, modes));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with brute force without a scale where every sample must lie in the enumerated range', () => {
    // |x − mean| <= SD·(n − 1)/sqrt(n), so a mean near 9 and an SD below 2 keep every value in 0..18
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 }), modeList, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (n, dm, ds, modes, a, b) => {
        const mean = formatScaled(BigInt(Math.round((8.5 + a / 100) * 10 ** dm)), dm);
        const sd = formatScaled(BigInt(Math.round((b / 100) * 1.9 * 10 ** ds)), ds);
        const r = grimmer(mean, sd, n, { rounding: modes });
        expect(r.decided).toBe(true);
        expect(r.consistent, `${mean} ${sd} n=${n}`).toBe(sampleExists(mean, sd, n, 18, dm, ds, modes));
      }),
      { numRuns: 200 },
    );
  });

  it('backs every "possible" with a sample that prints both values, for large n and items too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 3000 }), (n, items, dm, ds, a, b) => {
        const mean = formatScaled(BigInt(Math.round((a / 1000) * 10 ** dm)), dm);
        const sd = formatScaled(BigInt(Math.round((b / 1000) * 10 ** ds)), ds);
        const r = grimmer(mean, sd, n, { items });
        if (!r.consistent || !r.decided) return;
        const totals = r.sample!.flatMap(({ value, count }) => Array.from({ length: count }, () => Math.round(value * items)));
        expect(totals.length).toBe(n);
        const sum = totals.reduce((x, y) => x + y, 0);
        // the sample is in item-total units: mean = sum / (n·items), SD = SD(totals) / items
        const meanOk = ['half-up', 'half-down', 'half-even'].some((m) => printMean(sum, n * items, dm, m as RoundingMode) === mean);
        expect(meanOk, `mean ${mean} n=${n} items=${items}`).toBe(true);
        if (items === 1) expect(['half-up', 'half-down', 'half-even'].some((m) => printSd(totals, ds, m as RoundingMode) === sd)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a sample exactly when one exists, by dynamic programming over small values', () => {
    // reachable (sum, sum of squares) of m values in -12..12, for m = 2..7 and sums of squares up to 140
    for (let m = 2; m <= 7; m++) {
      let reach = new Set<string>(['0 0']);
      for (let k = 0; k < m; k++) {
        const next = new Set<string>();
        for (const key of reach) {
          const [s, q] = key.split(' ').map(Number) as [number, number];
          for (let v = -12; v <= 12; v++) if (q + v * v <= 140) next.add(`${s + v} ${q + v * v}`);
        }
        reach = next;
      }
      for (let t = -m; t <= m; t++) {
        for (let e = 0; e <= 140; e++) {
          const found = findIntegerSample(BigInt(m), BigInt(t), BigInt(e), { lo: null, hi: null }, { steps: 1e6 });
          expect(found.kind, `m=${m} t=${t} e=${e}`).toBe(reach.has(`${t} ${e}`) ? 'found' : 'none');
          if (found.kind === 'found') {
            const values = [...found.counts].flatMap(([v, c]) => Array.from({ length: Number(c) }, () => v));
            expect([values.length, values.reduce((a, b) => a + b, 0n), values.reduce((a, b) => a + b * b, 0n)]).toEqual([m, BigInt(t), BigInt(e)]);
          }
        }
      }
    }
  });

  it('is exact for samples of two to four, where sums of squares have gaps', () => {
    // 0 and 4: no three whole numbers adding to 0 have squares adding to 4
    expect(findIntegerSample(3n, 0n, 4n, { lo: null, hi: null }, { steps: 1e5 }).kind).toBe('none');
    expect(findIntegerSample(3n, 0n, 6n, { lo: null, hi: null }, { steps: 1e5 }).kind).toBe('found');
    // n = 2: mean 1.0, SD 1.00 needs values 1 ± 0.707, impossible
    expect(grimmer('1.0', '1.00', 2)).toMatchObject({ consistent: false, reason: 'sd-parity' }); // 2Q − 4 = 2 needs Q = 3, odd with an even total
    expect(grimmer('1.5', '0.71', 2).consistent).toBe(true); // 1 and 2
  });

  it('names why and the nearest possible SDs', () => {
    const r = grimmer('5.23', '2.55', 35);
    expect(r).toMatchObject({ consistent: false, meanConsistent: true, reason: 'sd-parity', nearest: { below: '2.54', above: '2.56' } });
    expect(grimmer('5.19', '1.00', 28)).toMatchObject({ consistent: false, meanConsistent: false, reason: 'mean' });
    // a 1–5 item with mean 3.0 cannot have an SD of 5
    expect(grimmer('3.0', '5.0', 4, { scale: [1, 5] })).toMatchObject({ consistent: false, reason: 'scale' });
    expect(grimmer('3.0', '5.0', 4).consistent).toBe(true);
    // an SD of 0.00 needs equal values, so a whole-number mean
    expect(grimmer('4.30', '0.00', 100)).toMatchObject({ consistent: false, reason: 'sd-too-small' });
  });

  it('differs from scrutiny where scrutiny tries one total or ignores the equal-values minimum', () => {
    // mean "3" of 10 allows totals 25..34; scrutiny (as rsprite2) tries only 30 and misses SD 0.53 from total 26 (e.g. 2,2,2,2,3,3,3,3,3,3)
    expect(grimmer('3', '0.52', 10).consistent).toBe(true);
    // scrutiny accepts 1.2 / 0.3 / 57, but 57 whole numbers with a mean of 1.15–1.25 have an SD of at least 0.36
    expect(grimmer('1.2', '0.3', 57)).toMatchObject({ consistent: false, reason: 'sd-too-small' });
  });

  it('leaves a search it cannot finish undecided, never impossible', () => {
    const r = grimmer('4.3', '0.00', 1_000_000, { maxSteps: 50 });
    expect(r).toMatchObject({ consistent: true, decided: false });
  });

  it('rejects bad input with the argument named', () => {
    expect(() => grimmer('5.1', '1.0', 1)).toThrow(/n must be at least 2/);
    expect(() => grimmer('5.1', '-1.0', 10)).toThrow(/sd/);
    expect(() => grimmer('5.1', '1.0', 10, { scale: [5, 1] })).toThrow(/scale/);
    expect(() => grimmer('5,1', '1,0', 10, { decimalComma: true })).not.toThrow();
  });
});
