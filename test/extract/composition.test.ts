import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';

// Sentences written for these tests.
const keys = (text: string) => extractClaims(text).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);

describe('a percent that describes the count before it', () => {
  it('is a share of that count ("1,200 (40% women)"), not of the total the count is part of', () => {
    const e = extractClaims('Of 5,000 patients, 1,200 (40% women) had STEMI, 2,300 (35% women) NSTEMI and 1,500 (52% women) angina.');
    expect(e.claims.filter((c) => c.percent !== undefined).map((c) => `${c.denominator}/${c.percent}/${c.denominatorSource}`)).toEqual(['1200/40/with-claim', '2300/35/with-claim', '1500/52/with-claim']);
    // the counts add up to the total: they are its parts
    expect(keys('Of 5,000 patients, 1,200 (40% women) had STEMI, 2,300 (35% women) NSTEMI and 1,500 (52% women) angina.').filter((k) => k.endsWith('/-'))).toEqual(['1200/5000/-', '2300/5000/-', '1500/5000/-']);
    expect(e.partitions.map((p) => `${p.total}:${p.parts.length}`)).toEqual(['5000:3']);
  });

  it('proposes no partition when the described counts do not add up to a total', () => {
    const e = extractClaims('Of 5,000 patients, 1,200 (40% women) had STEMI and 2,300 (35% women) NSTEMI.');
    expect(e.partitions).toEqual([]);
    expect(e.claims.every((c) => c.denominator !== 5000)).toBe(true);
  });

  it('leaves "(12% of all)" and "(12%)" to the count-and-percent reading', () => {
    expect(keys('Of 200 patients, 24 (12%) had a seizure.')).toEqual(['24/200/12']);
  });
});
