import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertDecimals } from '../exact/validate.js';
import { isMissingValue, type MeasureDefinition, type MeasureDefinitions } from '../schema/measures.js';
import { OUTCOMES } from '../schema/record.js';
import type { CountTable } from '../stats/count-table.js';
import type { ContinuousSummary, TableOneVariable } from './types.js';

/** A variable with everything the table needs to know about it. */
export interface ResolvedVariable {
  name: string;
  label: string;
  kind: 'categorical' | 'continuous';
  /** Categorical: the levels in row order. */
  levels: (string | number)[];
  continuous: ContinuousSummary;
  decimals: number;
  range?: [number, number];
}

/** The record fields every record has. */
export const RECORD_FIELDS = ['type', 'year', 'outcome'] as const;

const compare = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

/** The distinct values of a field among records, in a stable order (numbers ascending, text by code point). */
export function distinctValues(records: readonly Readonly<Record<string, unknown>>[], name: string): (string | number)[] {
  const seen = new Set<string | number>();
  for (const r of records) {
    const v = r[name];
    if (isMissingValue(v)) continue;
    if (typeof v !== 'string' && typeof v !== 'number') throw new InvalidArgumentError(name, v, `${name} must be text or a number, got ${describeValue(v)}`);
    seen.add(v);
  }
  return [...seen].sort(compare);
}

/** The order of a field's values when the records come in a count table. */
export function tableValues(table: CountTable, name: 'type' | 'year' | 'outcome'): (string | number)[] {
  if (name === 'type') return [...table.types];
  if (name === 'outcome') return [...OUTCOMES];
  return table.years.filter((y): y is number => y !== null);
}

/** A cohort's type order first, then types it does not list, as they came. */
export function orderTypes(present: readonly (string | number)[], cohortTypes: readonly string[] | undefined): (string | number)[] {
  if (cohortTypes === undefined) return [...present];
  const set = new Set(present);
  return [...cohortTypes.filter((t) => set.has(t)), ...present.filter((t) => !cohortTypes.includes(String(t)))];
}

interface Defaults {
  decimals: { percent: number; continuous: number };
  continuous: ContinuousSummary;
}

interface Source {
  measures: MeasureDefinitions;
  /** The values of a field that is not a measure, for levels or for telling numbers from text. */
  values: (name: string) => (string | number)[];
  /** False for a count table: only measures and the record fields can be described. */
  open: boolean;
}

function labelOf(name: string, d: MeasureDefinition | undefined): string {
  const base = d?.label ?? name;
  return d !== undefined && (d.kind === 'number' || d.kind === 'integer') && d.unit !== undefined ? `${base} (${d.unit})` : base;
}

/**
 * Resolve the variables of the table: their kind, levels, label and decimals, from the measures'
 * definitions, the record fields, or (records without definitions) the values themselves.
 */
export function resolveVariables(specs: readonly (string | TableOneVariable)[], source: Source, defaults: Defaults): ResolvedVariable[] {
  const seen = new Set<string>();
  return specs.map((spec, i) => {
    const v: TableOneVariable = typeof spec === 'string' ? { name: spec } : spec;
    if (typeof v !== 'object' || v === null || typeof v.name !== 'string' || v.name === '') {
      throw new InvalidArgumentError(`variables[${i}]`, spec, `variables[${i}] must be a field name or { name, label?, kind?, continuous?, decimals? }`);
    }
    if (seen.has(v.name)) throw new InvalidArgumentError(`variables[${i}]`, spec, `variable ${JSON.stringify(v.name)} is listed twice`);
    seen.add(v.name);
    if (v.decimals !== undefined) assertDecimals(v.decimals, `variables[${i}].decimals`);
    const d = Object.hasOwn(source.measures, v.name) ? source.measures[v.name] : undefined;
    const builtIn = (RECORD_FIELDS as readonly string[]).includes(v.name);
    if (d === undefined && !builtIn && !source.open) {
      throw new InvalidArgumentError(`variables[${i}]`, spec, `the count table has no measure ${JSON.stringify(v.name)}; it has ${Object.keys(source.measures).join(', ') || 'none'}`);
    }
    let kind: 'categorical' | 'continuous';
    let levels: (string | number)[] = [];
    if (d !== undefined) {
      kind = d.kind === 'number' || d.kind === 'integer' ? 'continuous' : 'categorical';
      if (d.kind === 'ordinal') levels = [...d.levels];
      if (d.kind === 'category') levels = [...d.values];
    } else if (builtIn) {
      kind = 'categorical';
      levels = v.name === 'outcome' ? [...OUTCOMES] : source.values(v.name);
    } else {
      const values = source.values(v.name);
      kind = values.length > 0 && values.every((x) => typeof x === 'number') ? 'continuous' : 'categorical';
      levels = values;
    }
    if (v.kind !== undefined) {
      if (v.kind !== 'categorical' && v.kind !== 'continuous') throw new InvalidArgumentError(`variables[${i}].kind`, v.kind, `variables[${i}].kind must be 'categorical' or 'continuous', got ${describeValue(v.kind)}`);
      if (v.kind === 'continuous' && kind === 'categorical' && !levels.every((l) => typeof l === 'number')) {
        throw new InvalidArgumentError(`variables[${i}].kind`, v.kind, `${v.name} has levels that are not numbers, so it cannot be described as continuous`);
      }
      if (v.kind === 'categorical' && kind === 'continuous' && !source.open) {
        throw new InvalidArgumentError(`variables[${i}].kind`, v.kind, `${v.name} is counted as a number in the count table, so its levels are not known`);
      }
      if (v.kind === 'categorical' && kind === 'continuous') levels = source.values(v.name);
      kind = v.kind;
    }
    const continuous = v.continuous ?? defaults.continuous;
    if (continuous !== 'mean-sd' && continuous !== 'median-iqr') {
      throw new InvalidArgumentError(`variables[${i}].continuous`, continuous, `continuous must be 'mean-sd' or 'median-iqr', got ${describeValue(continuous)}`);
    }
    const range: [number, number] | undefined =
      d !== undefined && (d.kind === 'number' || d.kind === 'integer') && d.min !== undefined && d.max !== undefined ? [d.min, d.max] : undefined;
    return {
      name: v.name,
      label: v.label ?? (builtIn && d === undefined ? v.name[0]!.toUpperCase() + v.name.slice(1) : labelOf(v.name, d)),
      kind,
      levels,
      continuous,
      decimals: v.decimals ?? (kind === 'categorical' ? defaults.decimals.percent : defaults.decimals.continuous),
      ...(range ? { range } : {}),
    };
  });
}
