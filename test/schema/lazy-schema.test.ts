import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import * as zc from 'zod/v4/core';
import { lazySchema } from '../../src/schema/lazy-schema.js';
import { cohortRecordSchema, outcomeSchema, recordSchema } from '../../src/schema/record.js';
import { claimsFileSchema, claimSchema } from '../../src/claims/schema.js';
import { cohortFileSchema } from '../../src/schema/cohort-file.js';
import { referenceDistributionSchema } from '../../src/schema/reference.js';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds += 1;
      return z.object({ n: z.int() });
    });
    expect(builds).toBe(0);
    expect(schema.parse({ n: 3 })).toEqual({ n: 3 });
    expect(schema.safeParse({ n: 'x' }).success).toBe(false);
    expect(builds).toBe(1);
    expectTypeOf(schema.parse({ n: 3 })).toEqualTypeOf<{ n: number }>();
  });

  it('passes for the schema in instanceof checks, key listings and property descriptors', () => {
    expect(cohortRecordSchema instanceof z.ZodMiniObject).toBe(true);
    expect(cohortRecordSchema instanceof zc.$ZodType).toBe(true);
    expect(outcomeSchema instanceof z.ZodMiniEnum).toBe(true);
    expect(Object.getPrototypeOf(cohortRecordSchema)).toBe(Object.getPrototypeOf(recordSchema()));
    expect(Object.keys(cohortRecordSchema)).toEqual(Object.keys(recordSchema()));
    expect(Reflect.ownKeys(cohortRecordSchema)).toEqual(Reflect.ownKeys(recordSchema()));
    expect('_zod' in cohortRecordSchema).toBe(true);
    // zod's `_zod` is non-configurable: a proxy that reported it wrongly would throw here
    expect(Object.getOwnPropertyDescriptor(cohortRecordSchema, '_zod')?.value).toBe(recordSchema()._zod);
    const copy: Record<string, unknown> = { ...cohortRecordSchema };
    expect(Object.keys(copy)).toEqual(Object.keys(recordSchema()));
  });

  it('composes into other schemas and is extended like the schema itself', () => {
    const wrapped = z.object({ record: cohortRecordSchema, outcomes: z.array(outcomeSchema) });
    expect(wrapped.parse({ record: { type: ' Spastic', year: '2010', outcome: 'Improved' }, outcomes: ['improved'] })).toEqual({
      record: { type: 'spastic', year: 2010, outcome: 'improved' },
      outcomes: ['improved'],
    });
    const withSite = z.extend(cohortRecordSchema, { site: z.string() });
    expect(withSite.safeParse({ type: 'x', year: 2000, outcome: 'unknown' }).error?.issues[0]?.path).toEqual(['site']);
    expect(z.optional(claimSchema).parse(undefined)).toBeUndefined();
  });

  it('gives the same results for each public schema as the schema it stands for', () => {
    const claims = { title: 't', source: { name: 's' }, claims: [{ id: 'a', denominator: 4278, numerator: 1341, percent: '31.34' }] };
    expect(claimsFileSchema.parse(claims).claims[0]?.denominator).toBe(4278);
    expect(claimsFileSchema.safeParse({ title: 't' }).error?.issues[0]?.path).toEqual(['source']);
    expect(cohortFileSchema.safeParse({ types: ['a'], alias: {} }).error?.issues[0]?.message).toMatch(/unknown key/);
    expect(referenceDistributionSchema.safeParse({ id: 'r' }).success).toBe(false);
  });
});
