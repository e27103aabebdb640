import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { exactRun } from '../../src/extract/partitions.js';
import { screenExtraction } from '../../src/extract/screen.js';

describe('exactRun', () => {
  it('finds the run that starts the list, else the longest run of consecutive values with the sum', () => {
    expect(exactRun([7, 6, 1, 2, 5, 4, 3], 21)).toEqual([0, 5]);
    expect(exactRun([15, 111, 7], 118)).toEqual([1, 3]);
    expect(exactRun([5, 5], 11)).toBeUndefined();
    expect(exactRun([21], 21)).toBeUndefined(); // one part is not a partition
  });

  it('agrees with brute force (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 12 }), fc.integer({ min: 1, max: 120 }), (values, total) => {
        let best: number | undefined;
        let prefix: number | undefined;
        for (let j = 1, sum = values[0] ?? 0; j < values.length && prefix === undefined; j++) {
          sum += values[j]!;
          if (sum === total) prefix = j + 1;
        }
        for (let i = 0; i < values.length; i++) {
          let sum = 0;
          for (let j = i; j < values.length; j++) {
            sum += values[j]!;
            if (sum === total && j - i + 1 >= 2 && (best === undefined || j - i + 1 > best)) best = j - i + 1;
          }
        }
        const run = exactRun(values, total);
        if (prefix !== undefined) expect(run).toEqual([0, prefix]);
        else expect(run ? run[1] - run[0] : undefined).toBe(best);
        if (run) expect(values.slice(run[0], run[1]).reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });
});

describe('screenExtraction', () => {
  const span = (start: number) => ({ start, end: start + 1, quote: 'x' });
  it('moves a claim the audit would reject to unresolved, and drops partitions that lose a part', () => {
    const out = screenExtraction({
      claims: [
        { id: 'a', numerator: 9, denominator: 8, denominatorSource: 'with-claim', percent: '112.5', span: span(0) },
        { id: 'b', denominator: 10, denominatorSource: 'with-claim', percent: '250', span: span(2) },
        { id: 'c', numerator: 5, denominator: 10, denominatorSource: 'with-claim', percent: '50', span: span(4) },
      ],
      partitions: [{ id: 'p', total: 10, parts: ['a', 'c'], difference: 0, span: span(0) }],
      unresolved: [],
      locale: 'en',
      decimalComma: false,
    });
    expect(out.claims.map((c) => c.id)).toEqual(['c']);
    expect(out.unresolved.map((u) => u.reason)).toEqual(['the count 9 is larger than its total 8', 'the percent 250 is above 100']);
    expect(out.partitions).toEqual([]);
  });
});

describe('counts that are each the only figure of their sentence', () => {
  // sentences written for this test
  const text = 'The audit reviewed 650 patient files. In 281 cases, the wait had been recorded correctly. In 202 cases, there was not enough evidence. And in a further 167 cases, there was an error.';

  it('are the parts of a total stated before them when three or more add up to it exactly', () => {
    const out = extractClaims(text);
    expect(out.claims.map((c) => [c.numerator, c.denominator, c.denominatorSource])).toEqual([
      [281, 650, 'earlier-sentence'],
      [202, 650, 'earlier-sentence'],
      [167, 650, 'earlier-sentence'],
    ]);
    expect(out.partitions.map((p) => [p.total, p.parts.length])).toEqual([[650, 3]]);
  });

  it('are no parts when they do not add up, or when only two do', () => {
    expect(extractClaims(text.replace('167', '168')).partitions).toEqual([]);
    expect(extractClaims('The audit reviewed 483 patient files. In 281 cases, the wait had been recorded correctly. In 202 cases, there was not enough evidence.').partitions).toEqual([]);
  });

  it('take a bare number in brackets after a part for its percent only when the part of the total prints it', () => {
    expect(extractClaims('Of the 40 patients, 30 (75) were women and 10 (25) were men.').claims.map((c) => [c.numerator, c.denominator, c.percent])).toEqual([
      [30, 40, '75'],
      [10, 40, '25'],
    ]);
    expect(extractClaims('Of the 40 patients, 30 (70) were women and 10 (25) were men.').claims.map((c) => c.percent)).toEqual([undefined, '25']);
  });
});


describe('partitions of shares stated in successive sentences', () => {
  it('proposes shares of one total whose percents add up to 100, across the sentences of a paragraph', () => {
    const text = 'Au total, 516 patients se sont présentés aux urgences. Parmi eux, 411 patients étaient des femmes (79,7 %). Les hommes représentaient 20,3 % des patients.';
    const e = extractClaims(text, { locale: 'fr' });
    expect(e.partitions.map((p) => [p.total, p.parts.length])).toEqual([[516, 2]]);
  });

  it('proposes none when the percents do not add up to 100', () => {
    const text = 'Au total, 516 patients se sont présentés aux urgences. Parmi eux, 411 patients étaient des femmes (79,7 %). Les enfants représentaient 12,4 % des patients.';
    expect(extractClaims(text, { locale: 'fr' }).partitions).toEqual([]);
  });
});
