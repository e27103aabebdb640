// Records as columns: typed arrays of type and outcome codes, years and line numbers, so a reporting
// tool can hold or walk 10^7 records in about 21 bytes each instead of an object apiece (~110 bytes
// and a garbage collector that slows down as they pile up).
import { stat } from 'node:fs/promises';
import { CohortValidationError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { OUTCOMES, type CohortRecord } from '../schema/record.js';
import type { RejectedRow } from '../schema/rejected.js';
import { readRows, type CohortCsvOptions, type RejectCounts, type RowHandlers } from './csv.js';
import { sourceName, type CsvSource } from './csv-input.js';
import { RejectLog } from './reject-log.js';

/**
 * Cohort records as columns: row `i` has type `types[type[i]]`, year `year[i]` and outcome
 * `OUTCOMES[outcome[i]]`, and was read from line `line[i]` of the file.
 */
export interface CohortColumns {
  /** Rows held. */
  readonly length: number;
  /** Each row's type, as an index into `types`. */
  readonly type: Uint32Array;
  readonly year: Float64Array;
  /** Each row's outcome, as an index into `OUTCOMES` (improved, unchanged, worsened, unknown). */
  readonly outcome: Uint8Array;
  /** The line each row was read from (the header is line 1). */
  readonly line: Float64Array;
  /** Each row's id, with the `ids` option (undefined where a row has none). */
  readonly id?: readonly (string | undefined)[];
  /** Type names by index: a cohort's types in its order, then others in order of first appearance. */
  readonly types: readonly string[];
}

/** Options of {@link streamCohortColumns} and {@link readCohortColumns}. */
export interface CohortColumnsOptions extends CohortCsvOptions<unknown> {
  /** Rows per batch of {@link streamCohortColumns} (default 65,536). */
  batchSize?: number;
  /** Keep each row's id as a string (default false: ids cost more memory than the rest together). */
  ids?: boolean;
}

/** A batch of {@link streamCohortColumns}: the records of some lines as columns, and the rows rejected meanwhile. */
export interface CohortColumnBatch extends CohortColumns {
  /** Every row rejected since the previous batch, in line order. */
  readonly rejected: readonly RejectedRow[];
}

/** What {@link readCohortColumns} found. */
export interface CohortColumnsResult extends RejectCounts {
  columns: CohortColumns;
  /** The first `maxRejected` rejected rows (all by default), in line order. */
  rejected: RejectedRow[];
  delimiter: string;
  ignoredColumns: string[];
}

const decoder = new TextDecoder();
const OUTCOME_CODE = /* @__PURE__ */ new Map<string, number>(OUTCOMES.map((o, i) => [o, i]));

/** Rows gathered into typed arrays: of a fixed size (batches), or grown as they come (a whole file). */
class ColumnBuilder {
  length = 0;
  type: Uint32Array;
  year: Float64Array;
  outcome: Uint8Array;
  line: Float64Array;
  id: (string | undefined)[] | undefined;

  constructor(
    capacity: number,
    ids: boolean,
    readonly types: TypeNames,
  ) {
    this.type = new Uint32Array(capacity);
    this.year = new Float64Array(capacity);
    this.outcome = new Uint8Array(capacity);
    this.line = new Float64Array(capacity);
    this.id = ids ? [] : undefined;
  }

  get full(): boolean {
    return this.length === this.type.length;
  }

  push(t: number, year: number, o: number, line: number, id: string | undefined): void {
    if (this.full) this.reserve(Math.max(1024, Math.ceil(this.type.length * (this.estimated ? 1.25 : 2))));
    const n = this.length++;
    this.type[n] = t;
    this.year[n] = year;
    this.outcome[n] = o;
    this.line[n] = line;
    this.id?.push(id);
  }

  /** Set when the capacity came from an estimate of the rows to come: then grow in smaller steps. */
  estimated = false;

  /** Make room for `size` rows in all (no smaller than now). */
  reserve(size: number): void {
    if (size <= this.type.length) return;
    const grown = <A extends Uint32Array | Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.type = grown(this.type, (n) => new Uint32Array(n));
    this.year = grown(this.year, (n) => new Float64Array(n));
    this.outcome = grown(this.outcome, (n) => new Uint8Array(n));
    this.line = grown(this.line, (n) => new Float64Array(n));
  }

  /** The rows as columns, in arrays of exactly their length (views of the arrays filled: no copy). */
  columns(): CohortColumns {
    const n = this.length;
    const exact = <A extends Uint32Array | Float64Array | Uint8Array>(a: A): A => (a.length === n ? a : (a.subarray(0, n) as A));
    return {
      length: n,
      type: exact(this.type),
      year: exact(this.year),
      outcome: exact(this.outcome),
      line: exact(this.line),
      ...(this.id ? { id: this.id } : {}),
      types: this.types.snapshot(),
    };
  }
}

/**
 * The type dictionary: the scanner's own list when the fast path reads the file (its indexes are
 * the codes), else one built from the records' types.
 */
class TypeNames {
  private names: string[] = [];
  private readonly codes = new Map<string, number>();
  private shared: readonly string[] | undefined;
  private last: readonly string[] = [];

  useScannerNames(names: readonly string[]): void {
    this.shared = names;
  }

  code(type: string): number {
    let t = this.codes.get(type);
    if (t === undefined) {
      t = this.names.length;
      this.codes.set(type, t);
      this.names.push(type);
    }
    return t;
  }

  /** The names now, as a frozen array shared by batches until a name is added. */
  snapshot(): readonly string[] {
    // records come as codes from the scanner or as objects from zod, never both in one read
    const names = this.codes.size > 0 ? this.names : (this.shared ?? this.names);
    if (this.last.length !== names.length) this.last = Object.freeze(names.slice());
    return this.last;
  }
}

/** Handlers that send each record the reader finds to `sink` as codes. */
function columnHandlers(types: TypeNames, ids: boolean, sink: () => ColumnBuilder, rejected: (row: RejectedRow) => void): RowHandlers<unknown> {
  return {
    rejected,
    typeNames: (names) => types.useScannerNames(names),
    rows: {
      row(t, _type, year, o, id, line) {
        sink().push(t, year, o, line, ids ? id : undefined);
      },
      rowBytes(t, _type, year, o, buf, idStart, idEnd, line) {
        sink().push(t, year, o, line, ids && idEnd > idStart ? decoder.decode(buf.subarray(idStart, idEnd)) : undefined);
      },
    },
    record(value, line) {
      const record = value as CohortRecord;
      sink().push(types.code(record.type), record.year, OUTCOME_CODE.get(record.outcome)!, line, ids ? record.id : undefined);
    },
  };
}

/**
 * Read a cohort CSV as batches of columns (typed arrays of codes, years and line numbers) with
 * the same checks as {@link streamCohortCsv}: flat memory whatever the file size, and no object per
 * record. Each batch carries the rows rejected since the previous one; `types` grows as types appear, and
 * a code keeps its meaning from batch to batch.
 *
 * @example
 * let improved = 0;
 * for await (const batch of streamCohortColumns(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort })) {
 *   for (let i = 0; i < batch.length; i++) if (batch.outcome[i] === 0) improved += 1;
 * }
 * improved; // 3963
 */
export async function* streamCohortColumns(source: CsvSource, options: CohortColumnsOptions = {}): AsyncGenerator<CohortColumnBatch, void> {
  const size = Math.max(1, Math.floor(options.batchSize ?? 1 << 16));
  const ids = options.ids === true;
  const types = new TypeNames();
  const ready: CohortColumnBatch[] = [];
  let rejected: RejectedRow[] = [];
  let current = new ColumnBuilder(size, ids, types);
  const sink = () => {
    if (current.full) {
      // rows come in line order, accepted or not: the rejected ones so far go with this batch
      ready.push({ ...current.columns(), rejected });
      rejected = [];
      current = new ColumnBuilder(size, ids, types);
    }
    return current;
  };
  const reading = readRows(source, options, columnHandlers(types, ids, sink, (row) => void rejected.push(row)), 1 << 20);
  for (let step = await reading.next(); ; step = await reading.next()) {
    yield* ready.splice(0);
    if (step.done) break;
  }
  if (current.length > 0 || rejected.length > 0) yield { ...current.columns(), rejected };
}

/**
 * Read a whole cohort CSV into columns: {@link streamCohortColumns} gathered into one set of typed
 * arrays (about 21 bytes a record, 30 more with `ids`), with the rejected rows and modes of
 * {@link readCohortCsv}.
 *
 * @example
 * const { columns } = await readCohortColumns(dataPath('sample-cohort.csv'), { cohort: cerebralPalsyCohort });
 * [columns.length, columns.types[columns.type[0]], columns.year[0]]; // [4278, 'athetoid', 2004]
 */
export async function readCohortColumns(source: CsvSource, options: CohortColumnsOptions = {}): Promise<CohortColumnsResult> {
  const { mode = 'strict' } = options;
  assertOneOf(mode, ['strict', 'lenient'], 'mode');
  const log = new RejectLog(options);
  const types = new TypeNames();
  const all = new ColumnBuilder(0, options.ids === true, types);
  // a file's rows are estimated from its size and the first chunk's bytes per row, so the arrays
  // are made once at about the right size instead of doubling (which took twice the memory)
  const size = typeof source === 'string' || source instanceof URL ? (await stat(source)).size : undefined;
  let estimated = false;
  const onProgress = (bytes: number, lines: number) => {
    options.onProgress?.(bytes, lines);
    if (size === undefined || estimated || all.length < 1024) return;
    estimated = true;
    all.estimated = true;
    all.reserve(Math.ceil((all.length * size * 1.03) / bytes) + 1024);
  };
  const reading = readRows(source, { ...options, onProgress }, columnHandlers(types, options.ids === true, () => all, (row) => log.add(row)), 1 << 21);
  let step = await reading.next();
  for (; !step.done; step = await reading.next()) await log.flush();
  await log.flush();
  if (mode === 'strict' && log.count > 0) throw new CohortValidationError(log.kept, sourceName(source, options), log.count);
  return { columns: all.columns(), rejected: log.kept, rejectedCount: log.count, rejectReasons: log.byReason(), delimiter: step.value.delimiter, ignoredColumns: step.value.ignoredColumns };
}
