// A byte scanner for cohort CSV: it validates and counts the common case (plain fields, known
// spellings, four-digit years) without creating strings, and hands every other row to zod, so
// accepted rows, rejected rows and messages are those of csv-parse + zod. Spellings the exact path
// accepts are learned, so 'Spastic' or an alias costs one zod call, not one per row.
import { OUTCOMES, type CohortRecord } from '../schema/record.js';
import type { RejectedRow, RowIssue } from '../schema/rejected.js';
import { validateRow, type RecordValidator } from '../schema/validate-row.js';
import { fromCounts, withMeasures as withTableMeasures, type CountRow, type CountTable } from '../stats/count-table.js';
import { CountWindow } from './count-window.js';
import { withMeasures, type HeaderMap } from './csv-header.js';
import type { MeasureWindow } from './measure-window.js';
import { compileHotLoop, type ColumnRole, type HotLoop, type HotState, type Layout } from './scan-compile.js';
import { SpellingTable } from './spelling-table.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** Bytes the compiled loop first reads in short calls, and their length (see {@link FastScanner.runHot}). */
const WARM_BYTES = 1 << 24;
const WARM_RANGE = 1 << 11;
/** Rejections remembered by their cells (type, year, outcome), so a repeated bad value costs no zod call. */
const REJECTION_CACHE = 4096;

/** Receives what the scanner accepts and rejects. */
export interface ScanSink<R> {
  rejected(row: RejectedRow): void;
  /** A record (called only when rows are wanted). */
  record?(record: R, line: number): void;
}

/** Rows as the fast path sees them: type index, year, outcome index and the id. */
export interface FastRowSink {
  /** `t` indexes the scanner's types in order of first appearance; `type` is its name. */
  row(t: number, type: string, year: number, o: number, id: string | undefined, line: number): void;
  rowBytes(t: number, type: string, year: number, o: number, buf: Uint8Array, idStart: number, idEnd: number, line: number): void;
}

/** The validators whose rules the scanner knows: any type (no cohort), or a cohort from `defineCohort`. */
interface KnownVocabulary {
  types: readonly string[];
  years: readonly [number, number] | undefined;
}

/**
 * What the scanner may assume about a validator: a record's type depends on the type cell only,
 * and its outcome on the outcome cell only, so a spelling accepted once is accepted always.
 * That holds for the schemas this library builds; any other validator gets zod on every row.
 */
export function knownVocabulary(validator: RecordValidator<unknown>, anyCohort: RecordValidator<unknown>): KnownVocabulary | undefined {
  if (validator === anyCohort) return { types: [], years: undefined };
  const cohort = validator as { types?: unknown; years?: unknown; normalizeType?: unknown; aliases?: unknown };
  if (Array.isArray(cohort.types) && typeof cohort.normalizeType === 'function' && cohort.aliases instanceof Map) {
    return { types: cohort.types as string[], years: cohort.years as readonly [number, number] | undefined };
  }
  return undefined;
}

/** Where the first line break at or after `from` ends (LF, CRLF or CR), or `to`. */
function lineEndFrom(buf: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b === LF) return i + 1;
    if (b === CR) return i + 1 < to && buf[i + 1] === LF ? i + 2 : i + 1;
  }
  return to;
}

const decoder = new TextDecoder();
const decode = (buf: Uint8Array, start: number, end: number): string => decoder.decode(buf.subarray(start, end));

/**
 * Scans lines of cohort CSV. `scan(buf, dv, from, to)` reads the lines of `buf[from, to)`, which
 * must end with a line break (LF, CRLF or CR) and have 8 bytes of slack after it; it returns `to`,
 * or the start of a line only a full CSV parser reads correctly (a quoted field that is not simple).
 */
export class FastScanner<R> implements HotState {
  line: number;
  readonly types: SpellingTable;
  readonly outcomes: SpellingTable;
  readonly window: CountWindow;
  readonly yearMin: number;
  readonly yearMax: number;
  private readonly yearRange: readonly [number, number];
  /** Canonical type names by index. */
  readonly typeNames: string[] = [];
  private readonly typeIndexes = new Map<string, number>();
  /** Cell text → type or outcome index, for spellings the byte tables do not hold. */
  private readonly typeCells = new Map<string, number>();
  private readonly outcomeCells = new Map<string, number>();
  private readonly yearCells = new Map<string, number>();
  private readonly rejections = new Map<string, RowIssue[]>();
  private readonly layout: Layout;
  private hot: HotLoop;
  /** Spellings learned since the loop was compiled. */
  private stale = false;
  /** Bytes left to read in short calls (see {@link runHot}). */
  private warmBytes: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly columns: { type: number; year: number; outcome: number; id: number };

  constructor(
    private readonly header: HeaderMap,
    private readonly delimiter: number,
    private readonly validator: RecordValidator<R>,
    private readonly vocabulary: KnownVocabulary | undefined,
    private readonly sink: ScanSink<R>,
    private readonly rows: FastRowSink | undefined,
    firstLine: number,
    /** A cohort's measures to count (counting only: rows with measures that are wanted as records take zod). */
    readonly measures?: MeasureWindow,
  ) {
    this.line = firstLine;
    // the loop of type, year and outcome alone compiles in a few ms: short calls gained it nothing
    this.warmBytes = measures ? WARM_BYTES : 0;
    const { width, columns } = header;
    this.columns = { type: columns.get('type')!, year: columns.get('year')!, outcome: columns.get('outcome')!, id: columns.get('id') ?? -1 };
    const roles: ColumnRole[] = Array.from({ length: width }, () => 'skip');
    roles[this.columns.type] = 'type';
    roles[this.columns.year] = 'year';
    roles[this.columns.outcome] = 'outcome';
    if (this.columns.id >= 0 && rows) roles[this.columns.id] = 'id';
    for (const m of measures?.columns ?? []) roles[m.column] = `${m.kind}:${m.k}`;
    this.types = new SpellingTable(this.columns.type === width - 1 ? -1 : delimiter);
    this.outcomes = new SpellingTable(this.columns.outcome === width - 1 ? -1 : delimiter);
    // the compiled loop reads four-digit years; others go through the careful path
    [this.yearMin, this.yearMax] = vocabulary?.years ?? [0, 9999];
    this.yearRange = vocabulary?.years ?? [-Infinity, Infinity];
    this.window = new CountWindow(vocabulary?.years);
    for (const t of vocabulary?.types ?? []) this.typeIndex(t);
    if (vocabulary) this.prime(vocabulary);
    this.layout = { roles, delimiter, emitRows: rows !== undefined };
    this.hot = compileHotLoop(this.layout, this);
    this.starts = new Int32Array(width + 1);
    this.ends = new Int32Array(width + 1);
  }

  /**
   * Learn the cohort's own spellings of its types and of the outcomes before the first row, as
   * zod accepts them. Learned from the rows instead, their order (and so the compiled loop) would
   * differ from one byte range of a file to the next, and each range would compile its own loops.
   */
  private prime(vocabulary: KnownVocabulary): void {
    const year = String(vocabulary.years?.[0] ?? 2000);
    const accepted = (type: string, outcome: string) => {
      const checked = validateRow(this.validator, { type, year, outcome }, 0);
      return checked.ok ? (checked.record as unknown as CohortRecord) : undefined;
    };
    for (const type of vocabulary.types) {
      if (accepted(type, OUTCOMES[0])?.type === type) this.learnText(this.typeCells, this.types, type, this.typeIndex(type));
    }
    const someType = vocabulary.types[0] ?? 'other';
    OUTCOMES.forEach((outcome, o) => {
      if (accepted(someType, outcome)?.outcome === outcome) this.learnText(this.outcomeCells, this.outcomes, outcome, o);
    });
  }

  private learnText(cells: Map<string, number>, table: SpellingTable, text: string, value: number): void {
    this.learn(cells, table, text, value, undefined, undefined, undefined, 0);
  }

  typeIndex(type: string): number {
    let t = this.typeIndexes.get(type);
    if (t === undefined) {
      t = this.typeNames.length;
      this.typeIndexes.set(type, t);
      this.typeNames.push(type);
    }
    return t;
  }

  emit(t: number, year: number, o: number, buf: Uint8Array, idStart: number, idEnd: number, line: number): void {
    this.rows!.rowBytes(t, this.typeNames[t]!, year, o, buf, idStart, idEnd, line);
  }

  /** Scan the lines of `buf[from, to)`; see the class description. */
  scan(buf: Uint8Array, dv: DataView, from: number, to: number): number {
    this.measures?.scanned(to - from);
    let i = from;
    while (i < to) {
      if (this.vocabulary) {
        if (this.stale) {
          this.hot = compileHotLoop(this.layout, this);
          this.stale = false;
        }
        i = this.runHot(buf, dv, i, to);
      }
      if (i >= to) break;
      const next = this.scanLine(buf, i);
      if (next < 0) return i;
      i = next;
    }
    return to;
  }

  /**
   * The compiled loop over `buf[from, to)`: its first {@link WARM_BYTES} in ranges of about
   * {@link WARM_RANGE} bytes. V8 optimises a function between its calls, or mid-call (on-stack
   * replacement) when one call runs long; a loop that is first optimised mid-call is compiled a
   * second time for the calls after, which for a loop that counts measures costs more CPU than a few
   * MB of rows take to count. Short calls while it is compiled leave V8 fewer long calls to replace
   * (it still does now and then; measured on a shared machine: median 2% less CPU for 10^7 rows with
   * four measures, within the noise). Returns where the loop stopped, as the loop does.
   */
  private runHot(buf: Uint8Array, dv: DataView, from: number, to: number): number {
    let i = from;
    while (this.warmBytes > 0 && to - i > WARM_RANGE) {
      const stop = lineEndFrom(buf, i + WARM_RANGE, to);
      const end = this.hot(this, buf, dv, i, stop);
      this.warmBytes -= end - i;
      if (end < stop) return end;
      i = end;
    }
    return this.hot(this, buf, dv, i, to);
  }

  /** One line the compiled loop did not take: split it carefully. Returns the next line's start, or -1 if it is unusual. */
  private scanLine(buf: Uint8Array, start: number): number {
    const { delimiter, starts, ends } = this;
    const width = this.header.width;
    let i = start;
    let col = 0;
    let b: number;
    for (;;) {
      b = buf[i]!;
      let fieldStart = i;
      let fieldEnd: number;
      if (b === QUOTE) {
        // a simple quoted field: no quote or line break inside, and the field ends right after it
        const close = buf.indexOf(QUOTE, i + 1);
        if (close < 0) return -1;
        for (let k = i + 1; k < close; k++) if (buf[k] === LF || buf[k] === CR) return -1;
        fieldStart = i + 1;
        fieldEnd = close;
        i = close + 1;
        b = buf[i]!;
        if (b !== delimiter && b !== LF && b !== CR) return -1;
      } else {
        while (b !== delimiter && b !== LF && b !== CR) b = buf[++i]!;
        fieldEnd = i;
      }
      if (col < width) {
        starts[col] = fieldStart;
        ends[col] = fieldEnd;
      }
      col += 1;
      if (b !== delimiter) break;
      i++;
    }
    const next = b === CR && buf[i + 1] === LF ? i + 2 : i + 1;
    const line = this.line++;
    if (col !== width) {
      if (col === 1 && decode(buf, starts[0]!, ends[0]!).trim() === '') return next; // a blank line is no record
      this.rejectRagged(decode(buf, start, i), col, line);
      return next;
    }
    const { type, year, outcome, id } = this.columns;
    const cell = (c: number) => decode(buf, starts[c]!, ends[c]!);
    this.takeRow(cell(type), cell(year), cell(outcome), id >= 0 ? cell(id) : undefined, line, cell, buf, starts, ends);
    return next;
  }

  /** A row of the general CSV path: its cells, the raw line text (for messages) and its line. */
  takeCells(cells: readonly string[], text: string, line: number): void {
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
    if (cells.length !== this.header.width) {
      this.rejectRagged(text, cells.length, line);
      return;
    }
    const { type, year, outcome, id } = this.columns;
    this.takeRow(cells[type]!, cells[year]!, cells[outcome]!, id >= 0 ? cells[id] : undefined, line, (c) => cells[c]);
  }

  /** Report a rejected row found outside any line's cells (an unclosed quote). */
  reject(row: RejectedRow): void {
    this.sink.rejected(row);
  }

  private rejectRagged(text: string, found: number, line: number): void {
    this.sink.rejected({ row: line, issues: [{ field: '(row)', value: text, message: `expected ${this.header.width} fields as in the header, found ${found}` }] });
  }

  private takeRow(typeCell: string, yearCell: string, outcomeCell: string, idCell: string | undefined, line: number, cell: (column: number) => string | undefined, buf?: Uint8Array, starts?: Int32Array, ends?: Int32Array): void {
    // with measures, a row the compiled loop left has a cell only zod reads: no shortcut by type, year and outcome
    if (this.vocabulary && !this.measures) {
      const t = this.typeCells.get(typeCell);
      const o = this.outcomeCells.get(outcomeCell);
      const year = this.yearCells.get(yearCell) ?? (/^\d{1,15}$/.test(yearCell) ? Number(yearCell) : NaN);
      if (t !== undefined && o !== undefined && year >= this.yearRange[0] && year <= this.yearRange[1]) {
        this.window.add(t, year, o, 1);
        this.rows?.row(t, this.typeNames[t]!, year, o, idCell === '' ? undefined : idCell, line);
        return;
      }
    }
    const measureCells = this.measures ? this.measures.columns.map((m) => cell(m.column)).join('\u0000') : '';
    const key = this.vocabulary ? `${typeCell}\u0000${yearCell}\u0000${outcomeCell}\u0000${measureCells}` : undefined;
    const cached = key === undefined ? undefined : this.rejections.get(key);
    if (cached) {
      this.sink.rejected({ row: line, issues: cached.map((issue) => ({ ...issue })) });
      return;
    }
    const checked = validateRow(this.validator, withMeasures({ id: idCell, type: typeCell, year: yearCell, outcome: outcomeCell }, this.header, cell), line);
    if (!checked.ok) {
      if (key !== undefined) {
        if (this.rejections.size >= REJECTION_CACHE) this.rejections.clear();
        this.rejections.set(key, checked.rejected.issues.map((issue) => ({ ...issue })));
      }
      this.sink.rejected(checked.rejected);
      return;
    }
    const record = checked.record as unknown as CohortRecord;
    const t = this.typeIndex(record.type);
    const o = OUTCOMES.indexOf(record.outcome);
    this.window.add(t, record.year, o, 1);
    if (this.measures) this.countMeasures(checked.record as unknown as CohortRecord & Record<string, unknown>, t, o, cell, buf, starts, ends);
    if (this.vocabulary) {
      this.learn(this.typeCells, this.types, typeCell, t, buf, starts, ends, this.columns.type);
      this.learn(this.outcomeCells, this.outcomes, outcomeCell, o, buf, starts, ends, this.columns.outcome);
      if (this.yearCells.size < 4096) this.yearCells.set(yearCell, record.year);
      this.rows?.row(t, record.type, record.year, o, record.id, line);
    } else this.sink.record?.(checked.record, line);
  }

  /** Count a validated record's measures, and teach the compiled loop the level spellings zod accepted. */
  private countMeasures(record: CohortRecord & Record<string, unknown>, t: number, o: number, cell: (column: number) => string | undefined, buf?: Uint8Array, starts?: Int32Array, ends?: Int32Array): void {
    const measures = this.measures!;
    measures.addRecord(this.window, t, o, record);
    for (const m of measures.columns) {
      const level = record[measures.measures[m.k]!.name];
      if (m.kind !== 'level' || level === undefined) continue;
      const bytes = buf && starts && ends ? buf.subarray(starts[m.column], ends[m.column]) : new TextEncoder().encode(cell(m.column) ?? '');
      if (!bytes.some((b) => b === this.delimiter || b === QUOTE || b === LF || b === CR)) if (measures.learnLevel(m.k, Uint8Array.from(bytes), level as string | number)) this.stale = true;
    }
  }

  private learn(cells: Map<string, number>, table: SpellingTable, text: string, value: number, buf: Uint8Array | undefined, starts: Int32Array | undefined, ends: Int32Array | undefined, column: number): void {
    if (cells.has(text)) return;
    if (cells.size < 4096) cells.set(text, value);
    const bytes = buf && starts && ends ? buf.subarray(starts[column], ends[column]) : new TextEncoder().encode(text);
    // the compiled loop reads plain fields: a spelling holding a delimiter, quote or line break is not one
    if (!bytes.some((b) => b === this.delimiter || b === QUOTE || b === LF || b === CR) && table.add(bytes, value)) this.stale = true;
  }

  /** The counts so far, as rows of canonical names: types in the cohort's order, or in order of first appearance. */
  countRows(): CountRow[] {
    const byType: CountRow[][] = this.typeNames.map(() => []);
    this.window.forEach((t, year, o, count) => byType[t]!.push({ type: this.typeNames[t]!, year, outcome: OUTCOMES[o]!, count }));
    return byType.flat();
  }

  /** The counts so far as a table (with the measures' counts, when they are counted). */
  table(): CountTable {
    const table = fromCounts(this.countRows());
    if (!this.measures) return table;
    this.measures.sync(this.window);
    return withTableMeasures(table, this.measures.measuresOn(table, this.typeNames));
  }
}
