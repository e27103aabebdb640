import * as z from 'zod/mini';
import { cached } from '../cached.js';
import { lazySchema } from '../schema/lazy-schema.js';

const id = () => z.string().check(z.minLength(1, { error: 'must be a non-empty id' }));
const count = (what: string) =>
  z.int({ error: `${what} must be a whole number` }).check(z.minimum(0, { error: `${what} must not be negative` }));

const ROUNDING = ['half-up', 'half-down', 'half-even', 'floor', 'ceil'] as const;

// Schemas are built on first use (start-up time); the package's own code calls the builders.
export const oneClaim = /* @__PURE__ */ cached(() =>
  z.object({
    id: id(),
    label: z.optional(z.string()),
    /** The cohort type this share is of (for reference comparisons and record recounts). */
    type: z.optional(z.string()),
    /** What is claimed: a share of the cohort by type (default) or the improvement rate. */
    measure: z.optional(z.enum(['share', 'improvement'])),
    numerator: z.optional(count('numerator')),
    denominator: count('denominator').check(z.minimum(1, { error: 'denominator must be at least 1' })),
    /** The publication does not say what the percent is of; the denominator is the auditor's assumption. */
    denominatorAssumed: z.optional(z.boolean()),
    /** How the denominator was found when the claim was read from text: printed with the figure, or inferred. */
    denominatorSource: z.optional(z.enum(['with-claim', 'same-sentence', 'earlier-sentence', 'table-header', 'assumed'])),
    /** Why an inferred denominator was chosen. */
    denominatorNote: z.optional(z.string()),
    /** As printed, e.g. "31.34". A number is accepted, but its printed decimals are then guessed. Absent for a bare count "X/N". */
    percent: z.optional(z.union([z.string(), z.number()])),
  }),
);

/** Schema of one claim: a published figure as printed. */
export const claimSchema = /* @__PURE__ */ lazySchema(oneClaim);

const printed = (what: string, example: string) =>
  z.string({ error: `${what} must be the printed text, e.g. "${example}" (a number would lose its printed decimals)` });

/** Schema of one mean (and SD): a published summary of n observations, as printed; built on the first call. */
export const meanSchema = /* @__PURE__ */ cached(() =>
  z.object({
    id: id(),
    label: z.optional(z.string()),
    /** As printed, e.g. "5.19" or "-0.4". */
    mean: printed('mean', '5.19'),
    /** The sample SD (n − 1) as printed, e.g. "1.20". */
    sd: z.optional(printed('sd', '1.20')),
    n: count('n').check(z.minimum(1, { error: 'n must be at least 1' })),
    /** Each observation is the sum (or mean) of this many whole-number items; default 1. */
    items: z.optional(count('items').check(z.minimum(1, { error: 'items must be at least 1' }))),
    /** The lowest and highest value one observation can take, e.g. [1, 7] for a 1–7 rating. */
    scale: z.optional(z.tuple([z.number(), z.number()])),
    /** A measurement (age, weight), not whole-number data: GRIM and GRIMMER do not apply, only `scale`. */
    continuous: z.optional(z.boolean()),
  }),
);

/** The schema {@link claimsFileSchema} stands for, built on the first call. */
export const fileSchema = /* @__PURE__ */ cached(() =>
  z.object({
    title: z.string({ error: 'title is required' }),
    source: z.object({
      name: z.string({ error: 'source.name is required' }),
      url: z.optional(z.string()),
      accessed: z.optional(z.string()),
      quote: z.optional(z.string()),
    }, {
      error: (issue) =>
        issue.input === undefined
          ? 'source is required: where the figures were published, e.g. source: { name: "clinic web page", url: "https://…" }'
          : 'source must be an object with a name (and optionally url, accessed, quote)',
    }),
    /** Rounding the publication is assumed to use; default ordinary rounding, ties either way. */
    rounding: z.optional(z.union([z.enum(ROUNDING), z.array(z.enum(ROUNDING))])),
    decimalComma: z.optional(z.boolean()),
    /** Counts and percents; a file of means alone may leave it out. */
    claims: z._default(z.array(oneClaim()), []),
    /** Means and SDs, checked with GRIM, GRIMMER (or DEBIT on a 0–1 scale) and the scale's range. */
    means: z.optional(z.array(meanSchema())),
    partitions: z.optional(
      z.array(
        z.object({
          id: id(),
          total: count('total').check(z.minimum(1, { error: 'total must be at least 1' })),
          parts: z.array(id()).check(z.minLength(2, { error: 'a partition needs at least two parts' })),
        }),
      ),
    ),
    subgroups: z.optional(z.array(z.object({ id: id(), total: id(), groups: z.array(id()).check(z.minLength(1)) }))),
    references: z.optional(
      z.array(
        z.object({
          id: id(),
          partition: id(),
          mapping: z.optional(z.union([z.string(), z.record(z.string(), z.nullable(z.array(z.string())))])),
          /** The cohort type that holds what the publication does not list separately (default 'other' when a part has it); null: none. */
          other: z.optional(z.nullable(z.string())),
        }),
      ),
    ),
    /** Published studies of the same treatment to place a claimed rate against (a meta-analysis of their rates). */
    evidence: z.optional(
      z.array(
        z.object({
          id: id(),
          /** The id of the claim whose rate is compared. */
          claim: id(),
          studies: z
            .array(
              z.object({
                label: z.string({ error: 'label is required: the study as cited' }),
                events: count('events'),
                n: count('n').check(z.minimum(1, { error: 'n must be at least 1' })),
                /** Where the counts are from: a DOI, URL or citation. */
                source: z.optional(z.string()),
              }),
            )
            .check(z.minLength(1, { error: 'evidence needs at least one study' })),
          /** metaProportion's transform and method (defaults 'logit' and 'REML'). */
          transform: z.optional(z.enum(['logit', 'arcsine', 'freeman-tukey', 'raw'])),
          method: z.optional(z.enum(['FE', 'DL', 'REML', 'PM', 'ML', 'HS', 'SJ', 'EB', 'GLMM'])),
        }),
      ),
    ),
  }),
);

/** Schema of a claims file (JSON or YAML): published figures as printed, ready to audit. */
export const claimsFileSchema = /* @__PURE__ */ lazySchema(fileSchema);

/** A claims file as written. */
export type ClaimsFileInput = z.input<typeof claimsFileSchema>;
type Parsed = z.infer<typeof claimsFileSchema>;
/** A validated claims file: every percent is the printed string. */
export type ClaimsFile = Omit<Parsed, 'claims'> & { claims: (Omit<Parsed['claims'][number], 'percent'> & { percent?: string })[] };
/** One claim of a claims file. */
export type Claim = ClaimsFile['claims'][number];
/** One mean of a claims file. */
export type ClaimedMean = NonNullable<ClaimsFile['means']>[number];
