// The worst relative error per function and method against outside references: R (scripts/reference/
// intervals.R, fisher-rxc.R) and mpmath (scripts/reference/*.py), on the sweep the tests have always
// used and on a held-back seed of the same scripts (test/fixtures/reference/held-back/), which is
// scored with the same tolerances. `npx vitest run test/inference/accuracy.test.ts` prints both.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { binomialTest } from '../../src/inference/binomial-test.js';
import { gTest } from '../../src/inference/goodness-of-fit.js';
import { proportionCI } from '../../src/inference/proportion-ci.js';
import { trendTest } from '../../src/inference/trend-test.js';
import { formatScores, relativeError, scoreBinomialIntervals, scoreBinomialTails, scoreEdgeCases, scoreRIntervals, type Scores } from './accuracy.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../fixtures/reference/${path}`, import.meta.url), 'utf8'));

/** The tolerances: 1e-12 for mpmath's tails and exact intervals, 1e-10 for R's and for the score intervals. */
function tolerance(label: string): number {
  if (label.includes('(log p')) return 1e-9;
  if (/^(riskDifference|riskRatio|oddsRatio|precisionForProportion|sampleSizeForProportion)/.test(label)) return 1e-10;
  return 1e-12;
}

type Set = 'sweep' | 'held-back seed';
const BOTH: Set[] = ['sweep', 'held-back seed'];
const suites: [string, string, (fx: never) => Scores, Set[], number?][] = [
  ['R: intervals.R', 'intervals-r.json', scoreRIntervals as (fx: never) => Scores, BOTH, 1e-10],
  ['mpmath: binomial_intervals.py', 'binomial-intervals.json', scoreBinomialIntervals as (fx: never) => Scores, BOTH],
  ['mpmath: binomial_tails.py', 'binomial-tails.json', scoreBinomialTails as (fx: never) => Scores, BOTH],
  ['mpmath: edge_cases.py', 'edge-cases.json', scoreEdgeCases as (fx: never) => Scores, BOTH],
];
const printed: string[] = [];
afterAll(() => console.log(printed.join('\n\n')));

for (const [set, dir] of [['sweep', ''], ['held-back seed', 'held-back/']] as const) {
  describe(`worst relative error, ${set}`, () => {
    for (const [name, file, score, sets, fixed] of suites) {
      if (!sets.includes(set)) continue;
      it(`${name}${dir ? ' (held-back)' : ''}`, () => {
        const fx = read(`${dir}${file}`);
        const scores = score(fx as never);
        printed.push(formatScores(`${name}, ${set} (${fx.source})`, scores));
        for (const [label, s] of scores) expect(s.worst, `${label} at ${s.where}`).toBeLessThanOrEqual(fixed ?? tolerance(label));
      });
    }
  });
}

describe('the reported losses, against the exact values they were reported with', () => {
  it('binomial tails for small x and large n', () => {
    expect(relativeError(binomialTest(2, 1e9, { p: 3e-9, alternative: 'less' }).pValue, 0.42319008079078081)).toBeLessThan(1e-12);
    expect(relativeError(proportionCI(1, 1e7, { method: 'clopper-pearson', level: 0.9 }).upper, 4.7438636303713687e-7)).toBeLessThan(1e-12);
    expect(relativeError(proportionCI(3, 1e7, { method: 'mid-p' }).upper, 8.1644669904175947e-7)).toBeLessThan(1e-12);
  });

  it('tails near the bottom of the double range, with logPValue', () => {
    const less = binomialTest(10, 439, { p: 0.824291, alternative: 'less' });
    expect(less.pValue).toBeGreaterThan(9.99e-306);
    expect(less.pValue).toBeLessThan(9.9925e-306); // "9.99e-306" as reported; mpmath's digits are in the sweep
    expect(Number.isFinite(less.logPValue)).toBe(true);
    const two = binomialTest(10, 439, { p: 0.823, alternative: 'two-sided' });
    expect(two.pValue).toBeGreaterThan(2.265e-304);
    expect(two.pValue).toBeLessThan(2.275e-304);
  });

  it('G statistic when observed ≈ expected, and the trend statistic near p̂ = 1', () => {
    expect(relativeError(gTest([1000000, 1000010], [1, 1]).statistic, 4.99997500014583e-5)).toBeLessThan(1e-12);
    const t = trendTest([10, 52895, 24, 5783, 417, 46], [11, 52895, 24, 5783, 417, 46], [-4.483, 2.997, 3.269, -1.077, 0.034, -1.658]);
    expect(relativeError(t.statistic, 32.511477693801566)).toBeLessThan(1e-12);
  });
});
