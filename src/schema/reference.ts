import * as z from 'zod/mini';
import { cached } from '../cached.js';
import { lazySchema } from './lazy-schema.js';

/** The schema {@link referenceDistributionSchema} stands for, built on the first call. */
export const referenceSchema = /* @__PURE__ */ cached(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    title: z.string(),
    citation: z.string(),
    url: z.optional(z.string()),
    population: z.optional(z.string()),
    n: z.optional(z.nullable(z.number())),
    scheme: z.optional(z.string()),
    verification: z.optional(z.string()),
    categories: z
      .array(z.object({ id: z.string().check(z.minLength(1)), label: z.optional(z.string()), percent: z.string().check(z.regex(/^\d+(\.\d+)?$/)) }))
      .check(z.minLength(2)),
    mappings: z.optional(z.record(z.string(), z.record(z.string(), z.nullable(z.array(z.string()))))),
  }),
);

/** Schema of a bundled population distribution (data/reference/*.json). */
export const referenceDistributionSchema = /* @__PURE__ */ lazySchema(referenceSchema);

/** A population distribution of categories, with its citation and how cohort vocabularies map onto it. */
export type ReferenceDistribution = z.infer<typeof referenceDistributionSchema>;
/** Cohort type → reference categories it corresponds to (merged), or null to leave the type out. */
export type ReferenceMapping = Readonly<Record<string, readonly string[] | null>>;
