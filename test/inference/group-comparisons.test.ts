// Welch's t and ANOVA, Kruskal–Wallis, and the χ² / Fisher tests a Table 1 uses, against base R
// (test/fixtures/reference/table-one.json, written by scripts/reference/table-one.R).
import { describe, expect, it } from 'vitest';
import { momentSketch } from '../../src/describe/moment-sketch.js';
import { quantileSketch } from '../../src/describe/quantile-sketch.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { fisherExact } from '../../src/inference/fisher-exact.js';
import { chiSquareIndependence } from '../../src/inference/independence.js';
import { kruskalWallis } from '../../src/inference/kruskal-wallis.js';
import { welchTest } from '../../src/inference/welch-test.js';
import reference from '../fixtures/reference/table-one.json' with { type: 'json' };
import { expectClose } from './close.js';

const { welch, kruskal, tables } = reference.tests as unknown as {
  welch: { groups: number[][]; method: string; statistic: number; df: number[]; p: number }[];
  kruskal: { groups: number[][]; statistic: number; df: number[]; p: number }[];
  tables: { table: number[][]; chisq: number; df: number; chisq_p: number; fisher_p: number | null }[];
};

describe('welchTest against R t.test / oneway.test(var.equal = FALSE)', () => {
  welch.forEach((c, i) => {
    it(`case ${i + 1}: ${c.method}, ${c.groups.length} groups`, () => {
      for (const input of [c.groups, c.groups.map((g) => momentSketch(g))]) {
        const w = welchTest(input);
        expect(w.method).toBe(c.groups.length === 2 ? 'Welch two-sample t-test' : "Welch's one-way ANOVA");
        expectClose(w.statistic, c.statistic, 1e-12, 0, 'statistic');
        c.df.forEach((df, k) => expectClose(w.df[k]!, df, 1e-12, 0, `df${k + 1}`));
        expectClose(w.pValue, c.p, 1e-10, 0, 'p');
      }
    });
  });

  it('refuses groups without a variance', () => {
    expect(() => welchTest([[1, 2, 3]])).toThrow(InvalidArgumentError);
    expect(() => welchTest([[1], [2, 3]])).toThrow(/at least 2/);
    expect(() => welchTest([[2, 2], [2, 3]])).toThrow(/no spread/);
  });
});

describe('kruskalWallis against R kruskal.test', () => {
  kruskal.forEach((c, i) => {
    it(`case ${i + 1}: ${c.groups.length} groups`, () => {
      for (const input of [c.groups, c.groups.map((g) => quantileSketch(g))]) {
        const k = kruskalWallis(input);
        expectClose(k.statistic, c.statistic, 1e-12, 0, 'H');
        expect(k.df).toBe(c.df[0]);
        expectClose(k.pValue, c.p, 1e-11, 0, 'p');
      }
    });
  });

  it('refuses relative sketches (ranks need every value) and all-equal values', () => {
    expect(() => kruskalWallis([quantileSketch([1, 2, 3], { limit: 1 }), [1, 2]])).toThrow(/exact quantile sketch/);
    expect(() => kruskalWallis([[1, 1], [1]])).toThrow(/all values are equal/);
  });
});

describe('the categorical tests of a Table 1 against R', () => {
  tables.forEach((c, i) => {
    it(`table ${i + 1}: chisq.test(correct = FALSE) and fisher.test`, () => {
      const chi = chiSquareIndependence(c.table, { correct: false });
      expectClose(chi.statistic, c.chisq, 1e-12, 0, 'X²');
      expect(chi.df).toBe(c.df);
      expectClose(chi.pValue, c.chisq_p, 1e-11, 0, 'p');
      // the network algorithm answers the 3×4 table of n = 324 too (R needed workspace = 2e7; FEXACT merges
      // paths within 3.5e-7 of each other, hence the looser tolerance there)
      const total = c.table.flat().reduce((a, b) => a + b, 0);
      expectClose(fisherExact(c.table).pValue, c.fisher_p!, total > 200 ? 1e-8 : 1e-9, 0, 'Fisher p');
    });
  });
});
