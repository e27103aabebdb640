import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debit } from '../../src/audit/debit.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { roundRational, ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';

const ORDINARY: RoundingMode[] = ['half-up', 'half-down', 'half-even'];

describe('debit', () => {
  it('checks the mean itself: "0.11" is impossible for n = 40 whatever the SD (scrutiny passes it)', () => {
    for (const sd of ['0.31', '0.32', '0.33']) expect(debit('0.11', sd, 40)).toMatchObject({ consistent: false, meanConsistent: false });
    expect(debit('0.10', '0.30', 40).consistent).toBe(true); // k = 4: sd = sqrt(4·36/(40·39)) = 0.3038
  });

  it('accepts exactly the mean/SD prints that some count of ones produces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))), ([n, k]) => {
        const mean = (k / n).toFixed(2);
        const sd = Math.sqrt((k * (n - k)) / (n * (n - 1))).toFixed(2);
        // toFixed is binary half-up on the double; ties are measure-zero here, so it stands in for a printout
        const result = debit(mean, sd, n, { rounding: ['half-up', 'half-down', 'half-even'] });
        expect(result.consistent).toBe(true);
        expect(result.numerators.some((r) => r.min <= k && k <= r.max)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('needs n >= 2', () => {
    expect(() => debit('0.5', '0.5', 1)).toThrow(InvalidArgumentError);
  });
});

// Independent oracle: the printed SD of k ones among n, by integer square roots. sd·10^d = sqrt(Q)
// with Q = k(n−k)·10^(2d) / (n(n−1)); floor(sqrt(Q)) = isqrt(floor(Q)), then ties decided on 4Q vs (2f+1)².
const isqrt = (x: bigint): bigint => {
  if (x < 2n) return x;
  let r = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (r * r > x) r -= 1n;
  while ((r + 1n) * (r + 1n) <= x) r += 1n;
  return r;
};
function sdPrint(k: bigint, n: bigint, d: number, mode: RoundingMode): bigint {
  const num = k * (n - k) * 10n ** BigInt(2 * d);
  const den = n * (n - 1n);
  const f = isqrt(num / den);
  const exact = f * f * den === num;
  if (exact) return f;
  if (mode === 'floor') return f;
  if (mode === 'ceil') return f + 1n;
  const c = 4n * num - (2n * f + 1n) ** 2n * den; // sign of sqrt(Q) − (f + ½)
  if (c !== 0n) return c > 0n ? f + 1n : f;
  return mode === 'half-down' || (mode === 'half-even' && f % 2n === 0n) ? f : f + 1n;
}
const meanPrint = (k: bigint, n: bigint, d: number, mode: RoundingMode) => roundRational(k * 10n ** BigInt(d), n, mode);
function bruteDebit(mean: string, sd: string, n: number, modes: readonly RoundingMode[]): number[] {
  const dm = mean.split('.')[1]?.length ?? 0;
  const ds = sd.split('.')[1]?.length ?? 0;
  const m = BigInt(mean.replace('.', ''));
  const s = BigInt(sd.replace('.', ''));
  const out: number[] = [];
  for (let k = 0n; k <= BigInt(n); k++) {
    if (modes.some((mode) => meanPrint(k, BigInt(n), dm, mode) === m && sdPrint(k, BigInt(n), ds, mode) === s)) out.push(Number(k));
  }
  return out;
}
const expand = (runs: { min: number; max: number }[]) => runs.flatMap((r) => Array.from({ length: r.max - r.min + 1 }, (_, i) => r.min + i));

describe('debit against brute force', () => {
  it('finds exactly the counts of ones a brute-force scan finds, for every mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 400 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 600 }),
        fc.constantFrom(1, 2, 3),
        fc.subarray([...ROUNDING_MODES], { minLength: 1 }),
        (n, mi, si, d, modes) => {
          const mean = (mi / 1000).toFixed(d);
          const sd = (si / 1000).toFixed(d);
          const r = debit(mean, sd, n, { rounding: modes });
          expect(expand(r.numerators)).toEqual(bruteDebit(mean, sd, n, modes));
          expect(r.modes).toEqual(ROUNDING_MODES.filter((m) => bruteDebit(mean, sd, n, [m]).length > 0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers at once for any n: 0.5 / 0.5 with n = 4·10^7 and n = 2^53 − 1, each run bounded exactly', () => {
    for (const n of [40_000_000, Number.MAX_SAFE_INTEGER]) {
      const r = debit('0.5', '0.5', n);
      expect(r.consistent).toBe(true);
      const N = BigInt(n);
      const fits = (k: bigint) => ORDINARY.some((m) => meanPrint(k, N, 1, m) === 5n && sdPrint(k, N, 1, m) === 5n);
      for (const run of r.numerators) {
        expect(fits(BigInt(run.min)) && fits(BigInt(run.max))).toBe(true);
        expect(fits(BigInt(run.min) - 1n) || fits(BigInt(run.max) + 1n)).toBe(false);
      }
      // the mean alone allows k/n in [0.45, 0.55]; the SD is 0.5 to one decimal for all of them
      const ceil = (a: bigint, b: bigint) => (a + b - 1n) / b;
      expect(r.numerators).toEqual([{ min: Number(ceil(45n * N, 100n)), max: Number((55n * N) / 100n) }]);
    }
  });
});
