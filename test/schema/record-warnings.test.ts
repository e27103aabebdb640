import { describe, expect, it } from 'vitest';
import { implausibleYearWarnings, MAX_TYPES_COMPARED, recordWarnings, similarTypeWarnings } from '../../src/schema/record-warnings.js';
import { editDistance } from '../../src/schema/suggest.js';

describe('similarTypeWarnings', () => {
  it('points a rare misspelling at the frequent spelling', () => {
    const w = similarTypeWarnings([
      ['spastic', 2000],
      ['mixed', 900],
      ['spastik', 3],
      ['athetoid', 500],
      ['athetiod', 2],
    ]);
    expect(w.map((x) => x.code === 'similar-types' && [x.type, x.suggestion, x.count, x.suggestionCount])).toEqual([
      ['spastik', 'spastic', 3, 2000],
      ['athetiod', 'athetoid', 2, 500],
    ]);
  });

  it('does not call distinct types misspellings: digits differ, short codes, far spellings', () => {
    expect(similarTypeWarnings([['type 1', 50], ['type 2', 40], ['gmfcs 3', 20], ['gmfcs 4', 10]])).toEqual([]);
    expect(similarTypeWarnings([['a', 50], ['b', 40], ['abc', 3], ['abd', 2]])).toEqual([]);
    expect(similarTypeWarnings([['spastic', 50], ['mixed', 40], ['ataxic', 3], ['athetoid', 2], ['hypotonic', 1], ['other', 1]])).toEqual([]);
  });

  it('agrees with a brute-force pairwise search', () => {
    const words = ['spastic', 'spastik', 'spasitc', 'mixed', 'mixd', 'athetoid', 'ataxic', 'ataxik', 'other', 'others', 'hypotonic'];
    const counts = words.map((w, i) => [w, 100 - i * 7] as const);
    const expected = counts.flatMap(([rare, n], i) => {
      const limit = Math.max(1, Math.floor(rare.length / 3));
      let best: string | undefined;
      let bestD = Infinity;
      counts.slice(0, i).forEach(([common]) => {
        const d = editDistance(rare, common);
        if (d <= limit && d < bestD) [best, bestD] = [common, d];
      });
      return best === undefined ? [] : [[rare, best, n]];
    });
    const got = similarTypeWarnings(counts).map((w) => (w.code === 'similar-types' ? [w.type, w.suggestion, w.count] : []));
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(3);
  });

  it('says so, instead of comparing, when there are too many types', () => {
    const many = Array.from({ length: MAX_TYPES_COMPARED + 1 }, (_, i) => [`type-${i}`, 1] as const);
    const w = similarTypeWarnings(many);
    expect(w).toHaveLength(1);
    expect(w[0]!.code).toBe('too-many-types');
    expect(w[0]!.message).toMatch(/1001 distinct types/);
  });
});

describe('implausibleYearWarnings', () => {
  it('collects the years outside 1900–2100 into one warning', () => {
    const w = implausibleYearWarnings([[2010, 40], [99999, 2], [-5, 1], [5, 3]]);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'implausible-years', years: [{ year: -5, count: 1 }, { year: 5, count: 3 }, { year: 99999, count: 2 }] });
    expect(w[0]!.message).toBe('years -5 (1 record), 5 (3 records), 99999 (2 records) are outside 1900–2100; give the cohort a year range to reject such rows');
    expect(implausibleYearWarnings([[1900, 1], [2100, 1], [null, 4]])).toEqual([]);
  });

  it('names five and counts the rest', () => {
    const w = implausibleYearWarnings(Array.from({ length: 200_000 }, (_, i) => [3000 + i, 1] as const));
    expect(w[0]!.message).toMatch(/^years 3000 \(1 record\), 3001 .* and 199995 more are outside/);
  });
});

describe('recordWarnings', () => {
  it('checks spellings only without a fixed vocabulary, and years only without a range', () => {
    const types = [['spastic', 9], ['spastik', 1]] as const;
    const years = [[5, 1]] as const;
    expect(recordWarnings(types, years).map((w) => w.code)).toEqual(['similar-types', 'implausible-years']);
    expect(recordWarnings(types, years, { types: ['spastic', 'spastik'] }).map((w) => w.code)).toEqual(['implausible-years']);
    expect(recordWarnings(types, years, { types: ['spastic'], years: [1, 2000] })).toEqual([]);
  });
});
