import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertCount } from '../exact/validate.js';
import { MeasureCountsBuilder, mergeMeasureCounts, type MeasureCounts } from '../describe/measure-counts.js';
import type { MeasureDefinitions } from '../schema/measures.js';
import { OUTCOMES, type Outcome } from '../schema/record.js';

/** The fields of a record that counting needs; any validated record has them. */
export interface CountableRecord {
  readonly type: string;
  readonly year: number;
  readonly outcome: Outcome;
}

/**
 * A cohort as counts: a dense type × year × outcome array over dictionary-encoded categories.
 * Every statistic runs from it in time independent of the number of records.
 * `counts[(t * years.length + y) * outcomes.length + o]` is the number of records with
 * `types[t]`, `years[y]` and `outcomes[o]`. A `null` year means "not stated" (a published table).
 */
export interface CountTable {
  readonly kind: 'count-table';
  readonly types: readonly string[];
  readonly years: readonly (number | null)[];
  readonly outcomes: readonly Outcome[];
  readonly counts: Float64Array;
  readonly total: number;
  /** Measured variables counted cell by cell (see `countTable`'s `measures` option); absent when none were. */
  readonly measures?: Readonly<Record<string, MeasureCounts>>;
}

/** Records or a count table: what every statistic accepts. */
export type CohortInput = readonly CountableRecord[] | CountTable;

/**
 * True when `value` is a {@link CountTable}.
 *
 * @example
 * isCountTable(fromCounts([{ type: 'spastic', count: 3 }])); // true
 * isCountTable([{ type: 'spastic', year: 2010, outcome: 'improved' }]); // false
 */
export function isCountTable(value: unknown): value is CountTable {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'count-table';
}

const OUTCOME_INDEX = /* @__PURE__ */ new Map<string, number>(OUTCOMES.map((o, i) => [o, i]));

function makeTable(types: readonly string[], years: readonly (number | null)[], counts: Float64Array, measures?: Readonly<Record<string, MeasureCounts>>): CountTable {
  let total = 0;
  for (const c of counts) total += c;
  const table = { kind: 'count-table' as const, types: Object.freeze([...types]), years: Object.freeze([...years]), outcomes: OUTCOMES, counts, total };
  return Object.freeze(measures === undefined ? table : { ...table, measures: Object.freeze(measures) });
}

/** Options of {@link countTable}. */
export interface CountTableOptions {
  /** Measures to count cell by cell as well (a cohort's `measures`): categories as counts, numbers as sketches. */
  measures?: MeasureDefinitions;
}

/**
 * Count records into a {@link CountTable}. Types keep their order of first appearance; years are sorted.
 *
 * @example
 * const t = countTable([{ type: 'mixed', year: 2010, outcome: 'improved' }]);
 * t.total; // 1
 * countTable([{ type: 'mixed', year: 2010, outcome: 'improved', age: 7 }], { measures: { age: { kind: 'number' } } }).measures.age.cells[0].moments.n; // 1
 */
export function countTable(records: readonly CountableRecord[], options: CountTableOptions = {}): CountTable {
  const typeIndex = new Map<string, number>();
  const yearSet = new Set<number>();
  for (const r of records) {
    if (!typeIndex.has(r.type)) typeIndex.set(r.type, typeIndex.size);
    yearSet.add(r.year);
  }
  const years = [...yearSet].sort((a, b) => a - b);
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const O = OUTCOMES.length;
  const counts = new Float64Array(typeIndex.size * years.length * O);
  const measures = options.measures === undefined ? undefined : new MeasureCountsBuilder(options.measures);
  for (const r of records) {
    const o = OUTCOME_INDEX.get(r.outcome);
    if (o === undefined) throw new InvalidArgumentError('records', r.outcome, `unknown outcome ${describeValue(r.outcome)}; validate records with parseRecords first`);
    const cell = ((typeIndex.get(r.type) as number) * years.length + (yearIndex.get(r.year) as number)) * O + o;
    counts[cell] = (counts[cell] ?? 0) + 1;
    measures?.add(cell, r as unknown as Readonly<Record<string, unknown>>);
  }
  return makeTable([...typeIndex.keys()], years, counts, measures?.build((slot) => slot, counts.length));
}

/** One row of an aggregated table for {@link fromCounts}. */
export interface CountRow {
  type: string;
  /** Omit when the table does not break down by year. */
  year?: number | null;
  /** Omit when the table gives no outcome: such counts are `'unknown'` outcomes. */
  outcome?: Outcome;
  count: number;
}

/**
 * Build a {@link CountTable} from an aggregated table, such as a published type distribution,
 * so every statistic can run on it. Rows with the same keys add up.
 *
 * @example
 * const t = fromCounts([{ type: 'spastic', count: 2324 }, { type: 'mixed', count: 1341 }]);
 * t.total; // 3665
 */
export function fromCounts(rows: readonly CountRow[]): CountTable {
  if (!Array.isArray(rows)) throw new InvalidArgumentError('rows', rows, 'rows must be an array of { type, year?, outcome?, count }');
  const typeIndex = new Map<string, number>();
  const yearSet = new Set<number | null>();
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) throw new InvalidArgumentError(`rows[${i}]`, row, `rows[${i}] must be an object`);
    if (typeof row.type !== 'string' || row.type === '') throw new InvalidArgumentError(`rows[${i}].type`, row.type, `rows[${i}].type must be a non-empty string`);
    assertCount(row.count, `rows[${i}].count`);
    const year = row.year ?? null;
    if (year !== null && !Number.isInteger(year)) throw new InvalidArgumentError(`rows[${i}].year`, year, `rows[${i}].year must be a whole number, got ${describeValue(year)}`);
    if (row.outcome !== undefined && !OUTCOME_INDEX.has(row.outcome)) {
      throw new InvalidArgumentError(`rows[${i}].outcome`, row.outcome, `rows[${i}].outcome must be one of ${OUTCOMES.join(', ')}`);
    }
    if (!typeIndex.has(row.type)) typeIndex.set(row.type, typeIndex.size);
    yearSet.add(year);
  });
  const years = [...yearSet].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const O = OUTCOMES.length;
  const counts = new Float64Array(typeIndex.size * years.length * O);
  for (const row of rows) {
    const o = OUTCOME_INDEX.get(row.outcome ?? 'unknown') as number;
    const cell = ((typeIndex.get(row.type) as number) * years.length + (yearIndex.get(row.year ?? null) as number)) * O + o;
    counts[cell] = (counts[cell] ?? 0) + row.count;
  }
  return makeTable([...typeIndex.keys()], years, counts);
}

/**
 * Add count tables together (sites, years or file chunks counted separately). Types come in order
 * of first appearance and years sorted, as if every record had been counted at once; a type or year
 * with no record in any table is left out. Tables laid out alike are added array to array, others
 * cell by cell through index maps; no row objects are made.
 *
 * @example
 * const a = fromCounts([{ type: 'spastic', count: 2 }]);
 * const b = fromCounts([{ type: 'mixed', count: 1 }, { type: 'spastic', count: 1 }]);
 * mergeCounts(a, b).total; // 4
 */
export function mergeCounts(...tables: readonly CountTable[]): CountTable {
  tables.forEach((table, i) => {
    if (!isCountTable(table)) throw new InvalidArgumentError(`tables[${i}]`, table, `tables[${i}] is not a count table`);
  });
  const typeIndex = new Map<string, number>();
  const yearSet = new Set<number | null>();
  for (const table of tables) {
    const used = usedLabels(table);
    table.types.forEach((type, t) => used.types[t] && !typeIndex.has(type) && typeIndex.set(type, typeIndex.size));
    table.years.forEach((year, y) => used.years[y] && yearSet.add(year));
  }
  const types = [...typeIndex.keys()];
  const years = [...yearSet].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  const O = OUTCOMES.length;
  const counts = new Float64Array(types.length * years.length * O);
  for (const table of tables) addInto(counts, types, years, table);
  const merged = makeTable(types, years, counts);
  if (tables.every((t) => t.measures === undefined)) return merged;
  return withMeasures(
    merged,
    mergeMeasureCounts(
      tables.map((t) => t.measures),
      (t, cell) => cellIn(merged, tables[t]!, cell),
      merged.counts.length,
    ),
  );
}

/** Which types and years of `table` have a record (a non-zero cell). */
function usedLabels(table: CountTable): { types: Uint8Array; years: Uint8Array } {
  const T = table.types.length;
  const Y = table.years.length;
  const O = table.outcomes.length;
  const { counts } = table;
  const types = new Uint8Array(T);
  const years = new Uint8Array(Y);
  for (let t = 0, cell = 0; t < T; t++) {
    for (let y = 0; y < Y; y++, cell += O) {
      for (let o = 0; o < O; o++) {
        if (counts[cell + o] !== 0) {
          types[t] = 1;
          years[y] = 1;
          break;
        }
      }
    }
  }
  return { types, years };
}

const sameLabels = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Add `table`'s counts into `counts`, laid out over `types` × `years` × outcomes (which hold every label with a record). */
function addInto(counts: Float64Array, types: readonly string[], years: readonly (number | null)[], table: CountTable): void {
  const source = table.counts;
  if (sameLabels(table.types, types) && sameLabels(table.years, years) && sameLabels(table.outcomes, OUTCOMES)) {
    for (let cell = 0; cell < source.length; cell++) counts[cell]! += source[cell]!;
    return;
  }
  const typeAt = new Map(types.map((type, t) => [type, t]));
  const yearAt = new Map(years.map((year, y) => [year, y]));
  const toType = table.types.map((type) => typeAt.get(type) ?? -1);
  const toYear = table.years.map((year) => yearAt.get(year) ?? -1);
  const toOutcome = table.outcomes.map((outcome) => OUTCOME_INDEX.get(outcome) ?? -1);
  const Y = years.length;
  const O = OUTCOMES.length;
  const SY = table.years.length;
  const SO = table.outcomes.length;
  for (let t = 0, cell = 0; t < table.types.length; t++) {
    for (let y = 0; y < SY; y++) {
      const at = (toType[t]! * Y + toYear[y]!) * O;
      for (let o = 0; o < SO; o++, cell++) if (source[cell] !== 0) counts[at + toOutcome[o]!]! += source[cell]!;
    }
  }
}

/** The cell of `target` that holds what cell `cell` of `source` holds (same type, year and outcome). */
function cellIn(target: CountTable, source: CountTable, cell: number): number {
  const O = source.outcomes.length;
  const Y = source.years.length;
  const o = cell % O;
  const y = Math.floor(cell / O) % Y;
  const t = Math.floor(cell / (O * Y));
  const tt = target.types.indexOf(source.types[t]!);
  const ty = target.years.indexOf(source.years[y]!);
  return (tt * target.years.length + ty) * target.outcomes.length + target.outcomes.indexOf(source.outcomes[o]!);
}

/** `table` with measures counted on its cells. */
export function withMeasures(table: CountTable, measures: Readonly<Record<string, MeasureCounts>> | undefined): CountTable {
  return makeTable(table.types, table.years, table.counts, measures);
}

/** Call `visit` with the dictionary indexes of every non-zero cell. */
export function forEachCellIndex(table: CountTable, visit: (t: number, y: number, o: number, count: number) => void): void {
  const Y = table.years.length;
  const O = table.outcomes.length;
  const { counts } = table;
  for (let cell = 0; cell < counts.length; cell++) {
    const c = counts[cell] ?? 0;
    if (c === 0) continue;
    const o = cell % O;
    const ty = (cell - o) / O;
    visit(Math.floor(ty / Y), ty % Y, o, c);
  }
}

/**
 * Call `visit` for every non-zero cell.
 *
 * @example
 * const cells = [];
 * forEachCell(fromCounts([{ type: 'spastic', outcome: 'improved', count: 3 }]), (type, year, outcome, count) => cells.push([type, year, outcome, count]));
 * cells; // [['spastic', null, 'improved', 3]]
 */
export function forEachCell(
  table: CountTable,
  visit: (type: string, year: number | null, outcome: Outcome, count: number) => void,
): void {
  forEachCellIndex(table, (t, y, o, c) => visit(table.types[t] as string, table.years[y] as number | null, table.outcomes[o] as Outcome, c));
}

/** A {@link CountTable} for either kind of input; throws on anything else. */
export function toCountTable(input: CohortInput): CountTable {
  if (isCountTable(input)) return input;
  if (Array.isArray(input)) return countTable(input);
  throw new InvalidArgumentError('records', input, `expected an array of records or a count table, got ${describeValue(input)}`);
}
