import * as z from 'zod/mini';
import { InvalidArgumentError, describeValue } from '../errors.js';
import { parseRecords, type ParseRecordsOptions, type ParseRecordsResult } from './parse-records.js';
import { idField, normalizeCategory as key, OUTCOMES, outcomeField, typeText, yearField } from './record.js';
import { measureField } from './measure-fields.js';
import { prepareMeasures, suggestLevel, type Measure, type MeasureDefinitions, type MeasureValue } from './measures.js';
import { suggestClosest } from './suggest.js';
import type { RecordValidator } from './validate-row.js';

/** What {@link defineCohort} takes. */
export interface CohortDefinition<T extends string, M extends MeasureDefinitions = {}> {
  /** The allowed types, in the order tables should list them. */
  types: readonly T[];
  /** Inclusive range of allowed years, `[from, to]`. */
  years?: readonly [number, number];
  /** Other spellings and synonyms, e.g. `{ dyskinetic: 'athetoid' }`. */
  aliases?: Readonly<Record<string, T>>;
  /**
   * Measured variables records may carry as extra fields (CSV columns of the same name), each
   * optional: `{ age: { kind: 'number', min: 0, max: 120, unit: 'years' }, sex: { kind: 'category', values: ['female', 'male'] } }`.
   */
  measures?: M;
}

function baseShape<T extends string>(lookup: ReadonlyMap<string, T>, types: readonly T[], years?: readonly [number, number]) {
  return {
    type: z.pipe(
      typeText(),
      z.transform((raw: string, ctx): T => {
        const canonical = lookup.get(key(raw));
        if (canonical !== undefined) return canonical;
        ctx.issues.push({
          code: 'custom',
          input: raw,
          message: `unknown type ${describeValue(raw)}; allowed: ${types.join(', ')}`,
        });
        return z.NEVER;
      }),
    ),
    year: yearField(years),
    outcome: outcomeField(),
    id: idField(),
  };
}

/** The zod field of a measure with definition `D`: optional, its output the measure's value type. */
type MeasureSchema<D> = z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, z.ZodMiniOptional<z.ZodMiniType<MeasureValue<D>>>>;
// measures known only as a string-keyed record (read from a file) add no typed fields
type MeasureShape<M> = string extends keyof M ? {} : { -readonly [K in keyof M]: MeasureSchema<M[K]> };

/** The zod schema of a cohort's records (with measures `M`, their optional fields too). */
export type CohortSchema<T extends string, M extends MeasureDefinitions = {}> = z.ZodMiniObject<ReturnType<typeof baseShape<T>> & MeasureShape<M>>;
/** One validated record of a cohort with types `T` (and measures `M`). */
export type CohortRecordOf<T extends string, M extends MeasureDefinitions = {}> = z.infer<CohortSchema<T, M>>;

/** A cohort vocabulary: its schema, a type normaliser and a parser. */
export interface Cohort<T extends string, M extends MeasureDefinitions = {}> extends RecordValidator<CohortRecordOf<T, M>> {
  readonly types: readonly T[];
  readonly years: readonly [number, number] | undefined;
  readonly aliases: ReadonlyMap<string, T>;
  /** The measure definitions, as given (frozen); `{}` when the cohort has none. */
  readonly measures: Readonly<M>;
  readonly schema: CohortSchema<T, M>;
  /** The canonical type for a spelling (case and surrounding spaces ignored), or `undefined`. */
  normalizeType(raw: string): T | undefined;
  /** {@link parseRecords} with this cohort's schema. */
  parse(rows: readonly unknown[], options?: Omit<ParseRecordsOptions, 'cohort'>): ParseRecordsResult<CohortRecordOf<T, M>>;
}

/**
 * Define the vocabulary of a cohort: which types exist, which years are plausible and which
 * other spellings mean the same type. Types and aliases match case-insensitively after trimming.
 *
 * @example
 * const cohort = defineCohort({ types: ['spastic', 'athetoid'], years: [2004, 2014], aliases: { dyskinetic: 'athetoid' } });
 * cohort.normalizeType(' Dyskinetic '); // 'athetoid'
 * cohort.parse([{ type: 'Spastic', year: '2010', outcome: 'Improved' }]).records;
 * // [{ type: 'spastic', year: 2010, outcome: 'improved' }]
 *
 * const measured = defineCohort({ types: ['spastic'], measures: { age: { kind: 'number', min: 0, max: 120, unit: 'years' } } });
 * measured.parse([{ type: 'spastic', year: 2010, outcome: 'improved', age: '7.5' }]).records[0].age; // 7.5
 */
export function defineCohort<const T extends string, const M extends MeasureDefinitions = {}>(definition: CohortDefinition<T, M>): Cohort<T, M> {
  const { types, years, aliases = {} } = definition;
  if (!Array.isArray(types) || types.length === 0 || types.some((t) => typeof t !== 'string' || t.trim() === '')) {
    throw new InvalidArgumentError('types', types, 'types must be a non-empty array of non-empty strings');
  }
  if (years !== undefined) {
    const [from, to] = years;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
      throw new InvalidArgumentError('years', years, `years must be [from, to] with whole numbers from <= to, got ${describeValue(years)}`);
    }
  }
  const lookup = new Map<string, T>();
  for (const t of types) {
    if (lookup.has(key(t))) throw new InvalidArgumentError('types', types, `type ${JSON.stringify(t)} is listed twice`);
    lookup.set(key(t), t);
  }
  const aliasMap = new Map<string, T>();
  for (const [alias, target] of Object.entries(aliases)) {
    if (!types.includes(target)) {
      throw new InvalidArgumentError('aliases', aliases, `alias ${JSON.stringify(alias)} points to ${JSON.stringify(target)}, which is not one of the types`);
    }
    const existing = lookup.get(key(alias));
    if (existing !== undefined && existing !== target) {
      throw new InvalidArgumentError('aliases', aliases, `alias ${JSON.stringify(alias)} already means ${JSON.stringify(existing)}`);
    }
    lookup.set(key(alias), target);
    aliasMap.set(alias, target);
  }
  const measures: readonly Measure[] = definition.measures === undefined ? [] : prepareMeasures(definition.measures);
  const byName = new Map(measures.map((m) => [m.name, m]));
  // built on first use: a cohort defined at module load (cerebralPalsyCohort) costs no zod work until it validates
  let schema: CohortSchema<T, M> | undefined;
  const buildSchema = () => z.object({ ...baseShape(lookup, types, years), ...Object.fromEntries(measures.map((m) => [m.name, measureField(m)])) }) as unknown as CohortSchema<T, M>;
  const cohort: Cohort<T, M> = {
    types: Object.freeze([...types]),
    years: years === undefined ? undefined : (Object.freeze([years[0], years[1]]) as readonly [number, number]),
    aliases: aliasMap,
    measures: Object.freeze(Object.fromEntries(measures.map((m) => [m.name, m.definition]))) as Readonly<M>,
    get schema() {
      return (schema ??= buildSchema());
    },
    normalizeType: (raw) => lookup.get(key(raw)),
    suggest(field, value) {
      if (typeof value !== 'string') return undefined;
      if (field === 'type') return suggestClosest(value, lookup.entries());
      if (field === 'outcome') return suggestClosest(value, OUTCOMES.map((o) => [o, o] as const));
      const measure = byName.get(field);
      return measure === undefined ? undefined : suggestLevel(measure, value);
    },
    parse: (rows, options = {}) => parseRecords(rows, { ...options, cohort }),
  };
  return Object.freeze(cohort);
}
