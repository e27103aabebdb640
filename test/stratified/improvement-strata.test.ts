import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { countTable } from '../../src/stats/count-table.js';
import { improvementStrata } from '../../src/stratified/improvement-strata.js';
import { naiveCount, recordArb } from '../helpers.js';

describe('improvementStrata', () => {
  it('counts improved and known (or all) per year for the two types, as a plain filter does', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 200 }), fc.constantFrom('known' as const, 'all' as const), (records, basis) => {
        const types = [...new Set(records.map((r) => r.type))];
        fc.pre(types.length >= 2);
        const [a, b] = [types[0]!, types[1]!];
        const strata = improvementStrata(records, { compare: [a, b], basis });
        const years = [...new Set(records.filter((r) => r.type === a || r.type === b).map((r) => r.year))].sort();
        expect(strata.map((s) => s.label)).toEqual(years.map(String));
        for (const s of strata) {
          const of = (type: string) => records.filter((r) => r.type === type && String(r.year) === s.label);
          const denominator = (type: string) => of(type).length - (basis === 'known' ? naiveCount(of(type), 'outcome', 'unknown') : 0);
          expect([s.x1, s.n1, s.x2, s.n2]).toEqual([naiveCount(of(a), 'outcome', 'improved'), denominator(a), naiveCount(of(b), 'outcome', 'improved'), denominator(b)]);
        }
        expect(improvementStrata(countTable(records), { compare: [a, b], basis })).toEqual(strata);
      }),
    );
  });

  it('names the cohort\'s types when one is not there', () => {
    const records = [{ type: 'spastic', year: 2004, outcome: 'improved' }] as const;
    expect(() => improvementStrata(records, { compare: ['spastic', 'diplegic'] })).toThrow(InvalidArgumentError);
    expect(() => improvementStrata(records, { compare: ['spastic', 'diplegic'] })).toThrow(/its types are 'spastic'/);
    expect(() => improvementStrata(records, { compare: ['spastic', 'spastic'] })).toThrow(/two different types/);
  });
});
