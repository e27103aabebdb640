import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { CORPUS, type Expected } from './corpus.js';

const seed = JSON.parse(readFileSync(new URL('../../data/seed-claims.json', import.meta.url), 'utf8')) as { source: { quote: string } };
const key = (c: Expected) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}/${c.measure ?? 'share'}`;

describe("extractClaims on the clinic's paragraph", () => {
  const text = seed.source.quote;
  const { claims, partitions, unresolved } = extractClaims(text);

  it('finds the four type claims with numerators and the 4278 total', () => {
    expect(claims.filter((c) => c.type).map((c) => [c.type, c.numerator, c.denominator, c.percent])).toEqual([
      ['spastic', 2324, 4278, '54.32'],
      ['mixed', 1341, 4278, '31.34'],
      ['athetoid', 501, 4278, '11.71'],
      ['other', 112, 4278, '2.62'],
    ]);
  });

  it('proposes the partition', () => {
    expect(partitions).toEqual([expect.objectContaining({ id: 'types', total: 4278, parts: ['spastic', 'mixed', 'athetoid', 'other'], difference: 0 })]);
  });

  it('finds the 96% improvement claim, its denominator 4278 marked as assumed', () => {
    expect(claims.find((c) => c.measure === 'improvement')).toMatchObject({ denominator: 4278, denominatorAssumed: true, percent: '96' });
    expect(unresolved).toEqual([]);
  });

  it('gives every claim its exact source span', () => {
    for (const c of claims) expect(text.slice(c.span.start, c.span.end)).toBe(c.span.quote);
    expect(claims[1]?.span.quote).toBe('1341 mixed (31.34%)');
  });

  it('reads the other phrasing of the page the same way', () => {
    const other = extractClaims(
      'we have treated 4278 patients, including 2324 patients with spastic type (54.32%), 1341 patients with mixed type (31.34%), 501 patients with athetoid type (11.71%) and 112 patients with other types (2.62%). The total improvement rate is 96%.',
    );
    expect(other.claims.map((c) => c.id)).toEqual(['spastic', 'mixed', 'athetoid', 'other', 'improvement']);
    expect(other.partitions[0]?.parts).toHaveLength(4);
  });
});

describe('extractClaims on a corpus of 32 sentences', () => {
  let truePositives = 0;
  let extracted = 0;
  let expectedTotal = 0;
  afterAll(() => {
    console.log(`corpus: precision ${(truePositives / extracted).toFixed(3)} (${truePositives}/${extracted}), recall ${(truePositives / expectedTotal).toFixed(3)} (${truePositives}/${expectedTotal})`);
  });

  it.each(CORPUS.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    const found = extractClaims(c.text, { decimalComma: c.decimalComma ?? false }).claims.map((x) => key({ ...x, ...(x.measure === 'improvement' ? { measure: 'improvement' } : {}) } as Expected));
    const wanted = c.expected.map(key);
    const remaining = [...wanted];
    for (const f of found) {
      const i = remaining.indexOf(f);
      if (i >= 0) {
        remaining.splice(i, 1);
        truePositives += 1;
      }
    }
    extracted += found.length;
    expectedTotal += wanted.length;
    expect(found.sort()).toEqual(wanted.sort());
  });

  it('has at least 30 sentences, negatives included', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(CORPUS.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(8);
  });
});
