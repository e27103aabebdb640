import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { fisherExact, type FisherRxC } from '../../src/inference/fisher-exact.js';

/** Brute force with exact integers: every table with the margins, compared by ∏ n! (R's 1 + 1e-7 tie rule). */
function bruteForce(table: number[][]): number {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const facts = [1n];
  const fact = (n: number) => {
    while (facts.length <= n) facts.push(facts[facts.length - 1]! * BigInt(facts.length));
    return facts[n]!;
  };
  const prodFact = (cells: number[]) => cells.reduce((a, v) => a * fact(v), 1n);
  const observed = prodFact(table.flat());
  const N = rows.reduce((a, b) => a + b, 0);
  const numerator = rows.reduce((a, r) => a * fact(r), 1n) * cols.reduce((a, c) => a * fact(c), 1n);
  const denominator = fact(N);
  // Σ over counted tables of 1/∏n!, as a fraction over the common multiple observed·∏n! would need;
  // accumulate exactly with a BigInt rational
  let num = 0n;
  let den = 1n;
  const R = rows.length;
  const C = cols.length;
  const cells = new Array<number>(R * C).fill(0);
  const left = [...rows];
  const fill = (j: number, i: number, need: number): void => {
    if (j === C - 1) {
      for (let r = 0; r < R; r++) cells[r * C + j] = left[r]!;
      const pf = prodFact(cells);
      // counts when P ≤ P_obs (1 + 1e-7): observed · 10^7 ≤ pf · (10^7 + 1)
      if (observed * 10_000_000n <= pf * 10_000_001n) {
        num = num * pf + den;
        den *= pf;
      }
      return;
    }
    if (i === R - 1) {
      if (need > left[i]!) return;
      cells[i * C + j] = need;
      left[i]! -= need;
      fill(j + 1, 0, cols[j + 1]!);
      left[i]! += need;
      return;
    }
    const later = left.slice(i + 1).reduce((a, b) => a + b, 0);
    for (let v = Math.max(0, need - later); v <= Math.min(need, left[i]!); v++) {
      cells[i * C + j] = v;
      left[i]! -= v;
      fill(j, i + 1, need - v);
      left[i]! += v;
    }
  };
  fill(0, 0, cols[0]!);
  // p = numerator · num / (denominator · den)
  const pn = numerator * num;
  const pd = denominator * den;
  const scale = 10n ** 30n;
  return Number((pn * scale) / pd) / 1e30;
}

describe('fisherExact r×c (network algorithm)', () => {
  it('matches exact enumeration on random small tables', () => {
    const table = fc
      .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
      .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
      .filter((t) => t.every((row) => row.some((v) => v > 0)) && t[0]!.every((_, j) => t.some((row) => row[j]! > 0)))
      .filter((t) => !(t.length === 2 && t[0]!.length === 2));
    fc.assert(
      fc.property(table, (t) => {
        const p = (fisherExact(t) as FisherRxC).pValue;
        const exact = bruteForce(t);
        expect(Math.abs(p - exact)).toBeLessThanOrEqual(1e-13 * exact + 1e-300);
      }),
      { numRuns: 40 },
    );
    for (const t of [
      [[2, 3, 1, 0], [1, 0, 4, 2], [3, 2, 0, 1]],
      [[1, 2, 3, 4, 2], [4, 3, 2, 1, 0]],
      [[0, 3, 1], [2, 0, 2], [1, 1, 0], [3, 0, 1]],
    ]) {
      const exact = bruteForce(t);
      expect(Math.abs((fisherExact(t) as FisherRxC).pValue - exact)).toBeLessThanOrEqual(1e-13 * exact);
    }
  });

  it('matches exact enumeration on wide tables, where the forward and backward halves meet', () => {
    // six or seven columns (either way round) take the meet-in-the-middle path
    const table = fc
      .tuple(fc.integer({ min: 2, max: 3 }), fc.boolean())
      .chain(([r, flip]) =>
        fc
          .array(fc.array(fc.integer({ min: 0, max: r === 2 ? 3 : 1 }), { minLength: r === 2 ? 7 : 6, maxLength: r === 2 ? 7 : 6 }), { minLength: r, maxLength: r })
          .map((t) => (flip ? t[0]!.map((_, j) => t.map((row) => row[j]!)) : t)),
      )
      .filter((t) => t.every((row) => row.some((v) => v > 0)) && t[0]!.every((_, j) => t.some((row) => row[j]! > 0)));
    fc.assert(
      fc.property(table, (t) => {
        const p = (fisherExact(t) as FisherRxC).pValue;
        const exact = bruteForce(t);
        expect(Math.abs(p - exact)).toBeLessThanOrEqual(1e-13 * exact + 1e-300);
      }),
      { numRuns: 30 },
    );
  });

  it('agrees with R FEXACT on 3×4 tables of n = 500 (R merges paths within 3.5e-7, so to 1e-8)', () => {
    // fisher.test(matrix(..., 3, 4), workspace = 2e8)$p.value, R 4.2.2
    const cases: [number[][], number][] = [
      [[[44, 40, 46, 36], [37, 43, 39, 35], [53, 44, 52, 31]], 0.76812567118459629],
      [[[38, 32, 39, 48], [36, 52, 35, 37], [36, 48, 47, 52]], 0.27516512967595658],
      [[[35, 47, 43, 37], [42, 47, 44, 40], [47, 45, 31, 42]], 0.60836432486221725],
    ];
    for (const [t, ref] of cases) expect(Math.abs((fisherExact(t) as FisherRxC).pValue / ref - 1)).toBeLessThan(1e-8);
  });

  it('answers tables that exact enumeration could not (n = 720 in 3×4)', () => {
    const r = fisherExact([[60, 60, 60, 60], [60, 60, 60, 60], [60, 60, 60, 60]]) as FisherRxC;
    // the observed table is the most likely one, so every table counts
    expect(Math.abs(r.pValue - 1)).toBeLessThan(1e-11);
  });

  it('refuses with a typed error naming simulate when the work is too large', () => {
    const big = [[80, 104, 102, 102, 94, 89, 105, 92, 115, 99], [120, 103, 111, 110, 84, 85, 94, 107, 114, 90]];
    expect(() => fisherExact(big)).toThrow(InvalidArgumentError);
    expect(() => fisherExact(big)).toThrow(/simulate/);
    expect(() => fisherExact([[3e6, 1, 1], [1, 3e6, 1]])).toThrow(/totals up to/);
  });

  it('simulates reproducibly, with a standard error, close to the exact value', () => {
    const t = [[44, 40, 46, 36], [37, 43, 39, 35], [53, 44, 52, 31]];
    const a = fisherExact(t, { simulate: { replicates: 4000, seed: 7 } }) as FisherRxC;
    const b = fisherExact(t, { simulate: { replicates: 4000, seed: 7 } }) as FisherRxC;
    const c = fisherExact(t, { simulate: { replicates: 4000, seed: 8 } }) as FisherRxC;
    expect(a).toEqual(b);
    expect(a.pValue).not.toBe(c.pValue);
    expect(a.method).toBe("Fisher's exact test (Monte Carlo p-value)");
    const se = a.simulation!.standardError;
    expect(se).toBeCloseTo(Math.sqrt((a.pValue * (1 - a.pValue)) / 4000), 12);
    expect(Math.abs(a.pValue - 0.76812567118459629)).toBeLessThan(5 * se);
    const big = [[80, 104, 102, 102, 94, 89, 105, 92, 115, 99], [120, 103, 111, 110, 84, 85, 94, 107, 114, 90]];
    const s = fisherExact(big, { simulate: { replicates: 2000, seed: 1 } }) as FisherRxC;
    expect(s.pValue).toBeGreaterThan(0);
    expect(s.pValue).toBeLessThanOrEqual(1);
  });

  it('checks the simulate option', () => {
    const t = [[1, 2, 3], [3, 2, 1]];
    expect(() => fisherExact(t, { simulate: { replicates: 0, seed: 1 } })).toThrow(InvalidArgumentError);
    expect(() => fisherExact(t, { simulate: { replicates: 10, seed: 1.5 } })).toThrow(/seed/);
    expect(() => fisherExact(t, { simulate: null as unknown as { replicates: number; seed: number } })).toThrow(/replicates, seed/);
  });

  it('gives the p-value alone with estimate: false on a 2×2 table', () => {
    const r = fisherExact([[3, 1], [1, 3]], { estimate: false });
    expect(r).not.toHaveProperty('oddsRatio');
    expect(r.pValue).toBeCloseTo(0.4857142857142857, 14);
  });

  it('keeps a log p-value where the p-value underflows (2×2 and r×c)', () => {
    const two = fisherExact([[5000, 0], [0, 5000]], { estimate: false });
    expect(two.pValue).toBe(0);
    expect(two.logPValue).toBeLessThan(-6000);
    const many = fisherExact([[400, 0, 0], [0, 400, 0], [0, 0, 400]]) as FisherRxC;
    expect(many.pValue).toBe(0);
    expect(Number.isFinite(many.logPValue)).toBe(true);
    expect(many.logPValue).toBeLessThan(-700);
  });
});
