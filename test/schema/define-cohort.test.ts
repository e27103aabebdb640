import { describe, expect, expectTypeOf, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { defineCohort } from '../../src/schema/define-cohort.js';

describe('defineCohort', () => {
  const cohort = defineCohort({
    types: ['spastic', 'mixed', 'athetoid'],
    years: [2004, 2014],
    aliases: { Spastic: 'spastic', dyskinetic: 'athetoid' },
  });

  it('maps aliases and case to canonical types and types the result', () => {
    const { records } = cohort.parse([
      { type: 'Spastic', year: 2004, outcome: 'improved' },
      { type: ' DYSKINETIC ', year: '2014', outcome: 'Unknown' },
    ]);
    expect(records).toEqual([
      { type: 'spastic', year: 2004, outcome: 'improved' },
      { type: 'athetoid', year: 2014, outcome: 'unknown' },
    ]);
    expectTypeOf(records[0]!.type).toEqualTypeOf<'spastic' | 'mixed' | 'athetoid'>();
  });

  it('rejects unknown types with a suggestion and years outside the range', () => {
    const { rejected } = cohort.parse(
      [
        { type: 'spastik', year: 2010, outcome: 'improved' },
        { type: 'mixed', year: 2003, outcome: 'improved' },
      ],
      { mode: 'lenient' },
    );
    expect(rejected).toEqual([
      { row: 1, issues: [{ field: 'type', value: 'spastik', message: 'unknown type "spastik"; allowed: spastic, mixed, athetoid', suggestion: 'spastic' }] },
      { row: 2, issues: [{ field: 'year', value: 2003, message: 'year must be from 2004 to 2014' }] },
    ]);
  });

  it('suggests the canonical type for a misspelled alias', () => {
    const { rejected } = cohort.parse([{ type: 'dyskinetc', year: 2010, outcome: 'improved' }], { mode: 'lenient' });
    expect(rejected[0]?.issues[0]?.suggestion).toBe('athetoid');
  });

  it('refuses inconsistent definitions', () => {
    expect(() => defineCohort({ types: [] })).toThrow(InvalidArgumentError);
    expect(() => defineCohort({ types: ['a', 'A'] })).toThrow(/twice/);
    expect(() => defineCohort({ types: ['a'], aliases: { b: 'c' as 'a' } })).toThrow(/not one of the types/);
    expect(() => defineCohort({ types: ['a', 'b'], aliases: { A: 'b' } })).toThrow(/already means/);
    expect(() => defineCohort({ types: ['a'], years: [2014, 2004] })).toThrow(/from <= to/);
  });

  it('ships a cerebral palsy vocabulary with explicit synonyms', () => {
    expect(cerebralPalsyCohort.types).toEqual(['spastic', 'mixed', 'athetoid', 'ataxic', 'hypotonic', 'other']);
    expect(cerebralPalsyCohort.normalizeType('Dyskinetic')).toBe('athetoid');
    expect(cerebralPalsyCohort.normalizeType('Spastic')).toBe('spastic');
    expect(cerebralPalsyCohort.normalizeType('other types')).toBe('other');
    expect(cerebralPalsyCohort.normalizeType('banana')).toBeUndefined();
  });
});
