import { InvalidArgumentError, describeValue } from '../errors.js';
import { normalizeCategory } from './record.js';
import { suggestClosest } from './suggest.js';

/** A measured quantity on a continuous scale (age in years, a score with decimals). */
export interface NumberMeasure {
  kind: 'number';
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Printed after the label in tables: "Age, years". */
  unit?: string;
  /** The name tables print; default the measure's key. */
  label?: string;
}

/** A count or a whole-number quantity (months of follow-up). */
export interface IntegerMeasure {
  kind: 'integer';
  min?: number;
  max?: number;
  unit?: string;
  label?: string;
}

/** Ordered levels (GMFCS I–V as `[1, 2, 3, 4, 5]`): described by counts per level, in this order. */
export interface OrdinalMeasure<L extends string | number = string | number> {
  kind: 'ordinal';
  levels: readonly L[];
  label?: string;
}

/** Unordered categories (sex): described by counts per value, in the order listed. */
export interface CategoryMeasure<V extends string = string> {
  kind: 'category';
  values: readonly V[];
  /** Other spellings, e.g. `{ f: 'female' }`; values and aliases match case-insensitively after trimming. */
  aliases?: Readonly<Record<string, V>>;
  label?: string;
}

/** What one measured variable of a record is, for validation and description. */
export type MeasureDefinition = NumberMeasure | IntegerMeasure | OrdinalMeasure | CategoryMeasure;

/** The measured variables of a cohort by field name, e.g. `{ age: { kind: 'number', min: 0, max: 120 } }`. */
export type MeasureDefinitions = Readonly<Record<string, MeasureDefinition>>;

/** The value a record carries for a measure of definition `D`. */
export type MeasureValue<D> = D extends { kind: 'number' | 'integer' }
  ? number
  : D extends { kind: 'ordinal'; levels: readonly (infer L)[] }
    ? L
    : D extends { kind: 'category'; values: readonly (infer V)[] }
      ? V
      : never;

/** The optional measure fields of a record: a missing value is an absent (or undefined) field. */
export type MeasureValues<M> = { [K in keyof M]?: MeasureValue<M[K]> };

/** Field names a measure cannot take: the record's own fields. */
export const RESERVED_FIELDS: readonly string[] = /* @__PURE__ */ Object.freeze(['type', 'year', 'outcome', 'id']);

/** A validated measure: its definition and how a raw value is read. */
export interface Measure {
  readonly name: string;
  readonly definition: MeasureDefinition;
  /** Category and ordinal measures: their levels (values) in order; otherwise empty. */
  readonly levels: readonly (string | number)[];
  /** Category and ordinal measures: normalised spelling → level. */
  readonly lookup: ReadonlyMap<string, string | number>;
}

const NUMBER_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A missing measure value: absent, null, or an empty (blank) cell. */
export const isMissingValue = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Number text as CSV cells give it ("7.5", " 12 ", "1e3"); anything else is left for the schema to reject. */
export const readNumberText = (v: unknown): unknown => (typeof v === 'string' && NUMBER_TEXT.test(v) ? Number(v) : v);

function checkDefinition(name: string, d: MeasureDefinition): void {
  const where = `measures.${name}`;
  const fail = (message: string): never => {
    throw new InvalidArgumentError(where, d, `${where}: ${message}`);
  };
  if (typeof d !== 'object' || d === null) fail(`must be an object with a kind, got ${describeValue(d)}`);
  if (d.label !== undefined && typeof d.label !== 'string') fail('label must be text');
  switch (d.kind) {
    case 'number':
    case 'integer': {
      for (const bound of ['min', 'max'] as const) {
        const b = d[bound];
        if (b !== undefined && (typeof b !== 'number' || !Number.isFinite(b))) fail(`${bound} must be a finite number, got ${describeValue(b)}`);
      }
      if (d.min !== undefined && d.max !== undefined && d.min > d.max) fail(`min (${d.min}) is above max (${d.max})`);
      if (d.unit !== undefined && typeof d.unit !== 'string') fail('unit must be text');
      return;
    }
    case 'ordinal':
    case 'category': {
      const levels: readonly unknown[] = d.kind === 'ordinal' ? d.levels : d.values;
      const what = d.kind === 'ordinal' ? 'levels' : 'values';
      if (!Array.isArray(levels) || levels.length === 0) fail(`${what} must be a non-empty array`);
      for (const l of levels) {
        const ok = d.kind === 'ordinal' ? (typeof l === 'number' && Number.isFinite(l)) || (typeof l === 'string' && l.trim() !== '') : typeof l === 'string' && l.trim() !== '';
        if (!ok) fail(`${what} must be ${d.kind === 'ordinal' ? 'numbers or non-empty text' : 'non-empty text'}, got ${describeValue(l)}`);
      }
      return;
    }
    default:
      fail(`kind must be 'number', 'integer', 'ordinal' or 'category', got ${describeValue((d as { kind?: unknown }).kind)}`);
  }
}

/**
 * Check measure definitions and prepare their lookups. Names must be non-empty and differ from the
 * record's own fields; levels and aliases must not clash once trimmed and lower-cased.
 */
export function prepareMeasures(measures: MeasureDefinitions): Measure[] {
  if (typeof measures !== 'object' || measures === null || Array.isArray(measures)) {
    throw new InvalidArgumentError('measures', measures, `measures must be an object of measure definitions, got ${describeValue(measures)}`);
  }
  const seen = new Set<string>();
  return Object.entries(measures).map(([name, definition]) => {
    if (name.trim() === '' || name !== name.trim()) throw new InvalidArgumentError('measures', measures, `measure name ${JSON.stringify(name)} must be non-empty with no surrounding spaces`);
    if (RESERVED_FIELDS.includes(name.toLowerCase())) throw new InvalidArgumentError('measures', measures, `measure name ${JSON.stringify(name)} is a record field; choose another name`);
    if (seen.has(name.toLowerCase())) throw new InvalidArgumentError('measures', measures, `measure name ${JSON.stringify(name)} is given twice (names are compared case-insensitively, as CSV headers are)`);
    seen.add(name.toLowerCase());
    checkDefinition(name, definition);
    const lookup = new Map<string, string | number>();
    let levels: readonly (string | number)[] = [];
    if (definition.kind === 'ordinal' || definition.kind === 'category') {
      levels = definition.kind === 'ordinal' ? definition.levels : definition.values;
      for (const level of levels) {
        const key = normalizeCategory(String(level));
        if (lookup.has(key)) throw new InvalidArgumentError(`measures.${name}`, definition, `measures.${name}: ${JSON.stringify(level)} is listed twice`);
        lookup.set(key, level);
      }
      if (definition.kind === 'category') {
        for (const [alias, target] of Object.entries(definition.aliases ?? {})) {
          if (!definition.values.includes(target)) throw new InvalidArgumentError(`measures.${name}`, definition, `measures.${name}: alias ${JSON.stringify(alias)} points to ${JSON.stringify(target)}, which is not one of the values`);
          const existing = lookup.get(normalizeCategory(alias));
          if (existing !== undefined && existing !== target) throw new InvalidArgumentError(`measures.${name}`, definition, `measures.${name}: alias ${JSON.stringify(alias)} already means ${JSON.stringify(existing)}`);
          lookup.set(normalizeCategory(alias), target);
        }
      }
    }
    return Object.freeze({ name, definition: Object.freeze({ ...definition }), levels: Object.freeze([...levels]), lookup });
  });
}

/** The level a misspelled category or ordinal value most likely meant. */
export function suggestLevel(m: Measure, value: unknown): string | undefined {
  if (typeof value !== 'string' || m.lookup.size === 0) return undefined;
  const found = suggestClosest(value, [...m.lookup].map(([k, v]) => [k, String(v)] as const));
  return found;
}
