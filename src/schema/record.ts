import * as z from 'zod/mini';
import { describeValue } from '../errors.js';
import { cached } from '../cached.js';
import { lazySchema } from './lazy-schema.js';

/** The outcome categories a record can carry. */
export const OUTCOMES = /* @__PURE__ */ Object.freeze(['improved', 'unchanged', 'worsened', 'unknown'] as const);

// Schemas are built on first use (start-up time), behind pure calls so that bundlers drop zod
// when only the arithmetic is imported. The package's own code uses the built schemas.
const outcomeEnum = /* @__PURE__ */ cached(() =>
  z.enum(OUTCOMES, {
    error: (issue) =>
      issue.input === undefined
        ? 'outcome is missing'
        : `outcome must be one of ${OUTCOMES.join(', ')}, got ${describeValue(issue.input)}`,
  }),
);
/** Schema of one outcome value. */
export const outcomeSchema = /* @__PURE__ */ lazySchema(outcomeEnum);

/** A treatment outcome: improved, unchanged, worsened or unknown (lost to follow-up). */
export type Outcome = z.infer<typeof outcomeSchema>;

/**
 * The spelling a type or outcome is compared by: surrounding white space removed, lower case.
 * `' Spastic '`, `'SPASTIC'` and `'spastic'` are one type, with or without a cohort.
 *
 * @example
 * normalizeCategory(' Spastic '); // 'spastic'
 */
export const normalizeCategory = (text: string): string => text.trim().toLowerCase();

/** A type cell as text: present, a string, and not blank. */
export function typeText() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'type is missing' : 'type must be text') })
    .check(z.refine((s) => s.trim().length > 0, { error: 'type is empty' }));
}

/** An outcome cell: compared after trimming and folding case, as types are. */
export const outcomeField = /* @__PURE__ */ cached(() =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' ? normalizeCategory(v) : v)),
    outcomeEnum(),
  ),
);

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

/**
 * A year field that also takes integer text ("2005") as CSV cells and spreadsheets give it;
 * anything else ("20O5", 2005.5) is rejected with a message naming the field.
 */
export function yearField(range?: readonly [number, number]) {
  let year = z.int({
    error: (issue) =>
      issue.input === undefined ? 'year is missing' : `year must be a whole number such as 2005, got ${describeValue(issue.input)}`,
  });
  if (range) {
    const [from, to] = range;
    const message = `year must be from ${from} to ${to}`;
    year = year.check(z.minimum(from, { error: message }), z.maximum(to, { error: message }));
  }
  return z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' && INTEGER_TEXT.test(v) ? Number(v) : v)),
    year,
  );
}

/** An optional record id; an empty cell counts as no id. */
export const idField = /* @__PURE__ */ cached(() =>
  z.pipe(
    z.transform((v: unknown) => (v === '' ? undefined : v)),
    z.optional(z.string({ error: 'id must be text' })),
  ),
);

/** The schema {@link cohortRecordSchema} stands for, built on the first call. */
export const recordSchema = /* @__PURE__ */ cached(() =>
  z.object({
    type: z.pipe(typeText(), z.transform(normalizeCategory)),
    year: yearField(),
    outcome: outcomeField(),
    id: idField(),
  }),
);

/**
 * Schema of one cohort record `{ type, year, outcome, id? }` with any vocabulary of types.
 * Types and outcomes are trimmed and folded to lower case, so `' Spastic '` and `'spastic'`
 * count as one type. Use {@link defineCohort} to restrict types and years and to accept aliases.
 *
 * @example
 * cohortRecordSchema.parse({ type: ' Spastic', year: '2010', outcome: 'Improved' });
 * // { type: 'spastic', year: 2010, outcome: 'improved' }
 */
export const cohortRecordSchema = /* @__PURE__ */ lazySchema(recordSchema);

/** One validated cohort record. */
export type CohortRecord = z.infer<typeof cohortRecordSchema>;
