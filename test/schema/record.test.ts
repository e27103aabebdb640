import { describe, expect, expectTypeOf, it } from 'vitest';
import { cohortRecordSchema, OUTCOMES, type CohortRecord } from '../../src/schema/record.js';

describe('cohortRecordSchema', () => {
  it('accepts a record and infers its type from the schema', () => {
    const r = cohortRecordSchema.parse({ type: 'spastic', year: 2010, outcome: 'improved', id: 'a1' });
    expect(r).toEqual({ type: 'spastic', year: 2010, outcome: 'improved', id: 'a1' });
    expectTypeOf(r).toEqualTypeOf<CohortRecord>();
    expectTypeOf<CohortRecord['outcome']>().toEqualTypeOf<(typeof OUTCOMES)[number]>();
  });

  it('takes integer text for the year (as CSV cells give it) and nothing else', () => {
    expect(cohortRecordSchema.parse({ type: 'x', year: ' 2005 ', outcome: 'unknown' }).year).toBe(2005);
    for (const year of ['20O5', 2005.5, '2005.0', '', null]) {
      const result = cohortRecordSchema.safeParse({ type: 'x', year, outcome: 'unknown' });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['year']);
    }
  });

  it('names the field in every message', () => {
    const result = cohortRecordSchema.safeParse({ type: '', outcome: 'better' });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(messages).toEqual(['type: type is empty', 'year: year is missing', expect.stringMatching(/^outcome: outcome must be one of improved/)]);
  });

  it('treats an empty id as no id and strips unknown keys', () => {
    expect(cohortRecordSchema.parse({ type: 'x', year: 2000, outcome: 'worsened', id: '', site: 'B' })).toEqual({
      type: 'x',
      year: 2000,
      outcome: 'worsened',
    });
  });
});
