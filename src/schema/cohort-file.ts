import * as z from 'zod/mini';
import { InputFormatError, InvalidArgumentError } from '../errors.js';
import { CEREBRAL_PALSY } from './cerebral-palsy.js';
import { defineCohort, type Cohort, type CohortDefinition } from './define-cohort.js';
import { cached } from '../cached.js';
import { lazySchema } from './lazy-schema.js';
import type { MeasureDefinitions } from './measures.js';

/** The vocabularies a cohort file can name in `extends` (and the CLI in `--cohort NAME`). */
export const BUILTIN_COHORTS: Readonly<Record<string, CohortDefinition<string>>> = /* @__PURE__ */ Object.freeze({
  'cerebral-palsy': CEREBRAL_PALSY,
});

const text = (what: string) => z.string({ error: `${what} must be text` }).check(z.refine((s) => s.trim() !== '', { error: `${what} must not be empty` }));
const year = () => z.int({ error: 'years must be whole numbers, as [from, to]' });

// built on first use (see lazy-schema.ts)
const fileSchema = /* @__PURE__ */ cached(() =>
  z.strictObject(
    {
      name: z.optional(text('name')),
      description: z.optional(z.string({ error: 'description must be text' })),
      extends: z.optional(
        z.string({ error: 'extends must be the name of a built-in cohort' }).check(
          z.refine((s) => Object.hasOwn(BUILTIN_COHORTS, s), { error: `extends must be one of ${Object.keys(BUILTIN_COHORTS).join(', ')}` }),
        ),
      ),
      types: z.optional(z.array(text('each type'), { error: 'types must be a list such as [spastic, mixed]' }).check(z.minLength(1, { error: 'types must list at least one type' }))),
      aliases: z.optional(z.record(z.string(), text('an alias target'), { error: 'aliases must map spellings to types, such as { dyskinetic: athetoid }' })),
      years: z.optional(
        z.tuple([year(), year()], { error: 'years must be [from, to], such as [2004, 2014]' }).check(z.refine(([from, to]) => from <= to, { error: 'years must be [from, to] with from <= to' })),
      ),
      // checked by defineCohort, which names the measure and what is wrong with it
      measures: z.optional(z.record(z.string(), z.unknown(), { error: 'measures must map column names to definitions, such as { age: { kind: number } }' })),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; allowed: name, description, extends, types, aliases, years, measures` : 'a cohort file must be a mapping with types (or extends), aliases and years') },
  ),
);

/**
 * Schema of a cohort definition file (YAML or JSON): the vocabulary a cohort's records are checked
 * against. Unknown keys are refused, so a misspelt key (`alias:`) cannot be silently ignored.
 *
 * ```yaml
 * name: Cerebral palsy, clinic vocabulary   # optional, shown in output
 * extends: cerebral-palsy                   # optional: start from a built-in vocabulary
 * types: [spastic, mixed, athetoid, other]  # required unless extends is given; replaces its types
 * aliases: { dyskinetic: athetoid }         # other spellings; added to those of extends
 * years: [2004, 2014]                       # optional inclusive range; rows outside are rejected
 * measures:                                 # optional measured variables, read from columns of these names
 *   age: { kind: number, min: 0, max: 120, unit: years }
 *   sex: { kind: category, values: [female, male] }
 * ```
 */
export const cohortFileSchema = /* @__PURE__ */ lazySchema(fileSchema);

/** A cohort definition file as written. */
export type CohortFile = z.infer<typeof cohortFileSchema>;

const pathText = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(file)';

/**
 * Validate a parsed cohort definition file (see {@link cohortFileSchema}) and build its cohort.
 * Every problem is reported with its path, in one `InputFormatError`.
 *
 * @example
 * const cohort = parseCohortFile({ extends: 'cerebral-palsy', years: [2004, 2014] });
 * cohort.normalizeType('Dyskinetic'); // 'athetoid'
 * cohort.years; // [2004, 2014]
 */
export function parseCohortFile(value: unknown, options: { file?: string } = {}): Cohort<string> & { name: string | undefined } {
  const where = options.file !== undefined ? `${options.file}: ` : '';
  const fail = (lines: readonly string[]): never => {
    throw new InputFormatError(`${where}invalid cohort file:\n${lines.join('\n')}`, { file: options.file });
  };
  const parsed = fileSchema().safeParse(value ?? null);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`));
  const file = parsed.data!;
  const base = file.extends !== undefined ? BUILTIN_COHORTS[file.extends] : undefined;
  const types = file.types ?? base?.types;
  if (types === undefined) fail(['types: list the types, such as [spastic, mixed], or extend a built-in cohort (extends: cerebral-palsy)']);
  const aliases: Record<string, string> = {};
  // a built-in alias whose target the file's own types leave out is dropped rather than an error
  for (const [alias, target] of Object.entries(base?.aliases ?? {})) if (types!.includes(target)) aliases[alias] = target;
  Object.assign(aliases, file.aliases);
  const problems = Object.entries(file.aliases ?? {})
    .filter(([, target]) => !types!.includes(target))
    .map(([alias, target]) => `aliases.${alias}: ${JSON.stringify(target)} is not one of the types (${types!.join(', ')})`);
  if (problems.length > 0) fail(problems);
  try {
    const definition: CohortDefinition<string, MeasureDefinitions> = { types: types!, aliases, ...(file.years ? { years: file.years } : {}), ...(file.measures ? { measures: file.measures as MeasureDefinitions } : {}) };
    // the cohort's own properties (its schema is a getter, built on first use) plus the file's name
    const cohort = defineCohort(definition);
    return Object.freeze(Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(cohort), name: { value: file.name, enumerable: true } })) as Cohort<string> & { name: string | undefined };
  } catch (error) {
    if (error instanceof InvalidArgumentError) return fail([`${error.argument}: ${error.message}`]);
    throw error;
  }
}
