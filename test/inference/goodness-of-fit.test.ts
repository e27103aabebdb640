import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { chiSquareGoodnessOfFit, gTest } from '../../src/inference/goodness-of-fit.js';
import { expectClose } from './close.js';

interface Case {
  id: string;
  observed: number[];
  p: number[];
  reference: Record<string, number | number[]>;
}
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/reference/chisq-gof.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('chiSquareGoodnessOfFit and gTest against the mpmath reference', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const x = chiSquareGoodnessOfFit(c.observed, c.p);
    expectClose(x.statistic, c.reference.statistic as number, 1e-13, 0, 'statistic');
    expect(x.df).toBe(c.reference.df);
    expectClose(x.pValue, c.reference.p as number, 1e-12, 1e-300, 'p');
    expectClose(x.logPValue, c.reference.log_p as number, 1e-12, 0, 'log p');
    (c.reference.expected as number[]).forEach((e, i) => expectClose(x.expected[i]!, e, 1e-14, 0, `expected[${i}]`));
    const g = gTest(c.observed, c.p);
    expectClose(g.statistic, c.reference['G.statistic'] as number, 1e-13, 0, 'G');
    expectClose(g.pValue, c.reference['G.p'] as number, 1e-12, 1e-300, 'G p');
    expectClose(g.logPValue, c.reference['G.log_p'] as number, 1e-12, 0, 'G log p');
  });

  it('reads expected counts or weights as well as proportions, and says which', () => {
    const byShare = chiSquareGoodnessOfFit([10, 0, 5], [0.5, 0.25, 0.25]);
    const byWeight = chiSquareGoodnessOfFit([10, 0, 5], [2, 1, 1]);
    expect(byShare.expectedAs).toBe('proportions');
    expect(byWeight.expectedAs).toBe('counts');
    expect(byWeight.statistic).toBeCloseTo(byShare.statistic, 14);
    expect(byShare.cohensW).toBeCloseTo(Math.sqrt(5 / 15), 15);
    expect(byShare.residuals[1]).toBeCloseTo(-Math.sqrt(3.75), 14);
    expect(byShare.stdres[0]).toBeCloseTo(2.5 / Math.sqrt(7.5 * 0.5), 14);
  });

  it('rejects impossible input with the argument named', () => {
    expect(() => chiSquareGoodnessOfFit([1, 2], [0.5])).toThrow(/expected must be an array of 2/);
    expect(() => chiSquareGoodnessOfFit([1, -2], [0.5, 0.5])).toThrow(InvalidArgumentError);
    expect(() => chiSquareGoodnessOfFit([0, 0], [0.5, 0.5])).toThrow(/all be zero/);
    expect(() => chiSquareGoodnessOfFit([1, 2], [0.5, 0])).toThrow(/expected\[1\]/);
    expect(() => gTest([1.5, 2], [0.5, 0.5])).toThrow(/observed\[0\]/);
  });
});
