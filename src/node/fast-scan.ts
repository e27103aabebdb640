// A byte scanner for well-formed cohort CSV: it validates and counts the common case (unquoted
// fields, exact spellings) without creating strings, and hands every other row to the exact zod
// path, so accepted rows, rejected rows and messages are the same as csv-parse + zod would give.
import { normalizeCategory, OUTCOMES, type CohortRecord } from '../schema/record.js';
import type { RejectedRow } from '../schema/rejected.js';
import { validateRow, type RecordValidator } from '../schema/validate-row.js';
import type { CountTable } from '../stats/count-table.js';
import { fromCounts, type CountRow } from '../stats/count-table.js';
import type { HeaderMap } from './csv-header.js';
import { rowObject } from './csv-header.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** What the scanner needs to know about the vocabulary: exact spellings it may accept without zod. */
export interface FastVocabulary {
  /** Exact byte spellings of types that map to a canonical type without normalisation. */
  types: ReadonlyMap<string, string>;
  /** Any non-empty type is valid (no cohort): unseen spellings are accepted as they are. */
  anyType: boolean;
  years: readonly [number, number] | undefined;
}

/** Derive the fast vocabulary of a validator: a cohort's exact lower-case names and aliases. */
export function fastVocabulary(validator: RecordValidator<unknown>): FastVocabulary {
  const cohort = validator as { types?: readonly string[]; aliases?: ReadonlyMap<string, string>; years?: readonly [number, number] };
  if (!Array.isArray(cohort.types)) return { types: new Map(), anyType: true, years: undefined };
  const types = new Map<string, string>();
  for (const t of cohort.types) if (t === t.trim().toLowerCase()) types.set(t, t);
  for (const [alias, target] of cohort.aliases ?? []) {
    const key = alias.trim().toLowerCase();
    if (key === alias) types.set(alias, target);
  }
  return { types, anyType: false, years: cohort.years };
}

/** Receives what the scanner finds. `record` is called only when a record object is wanted. */
export interface ScanSink<R> {
  count(type: string, year: number, outcome: number, n: number): void;
  record?(record: R, line: number): void;
  rejected(row: RejectedRow): void;
}

/**
 * Growable counts over (type, year, outcome): dense over a window of years (fast for the usual
 * decade or two), with years far outside it kept sparsely, so a stray year such as 20005 cannot
 * make the table huge.
 */
export class CountAccumulator {
  private readonly types = new Map<string, number>();
  private readonly typeNames: string[] = [];
  private yearBase = 0;
  private yearSpan = 0;
  private counts = new Float64Array(0);
  private readonly sparse = new Map<number, number[]>();

  typeIndex(type: string): number {
    let t = this.types.get(type);
    if (t === undefined) {
      t = this.typeNames.length;
      this.types.set(type, t);
      this.typeNames.push(type);
      this.grow(this.yearBase, this.yearSpan, this.typeNames.length - 1);
    }
    return t;
  }

  add(t: number, year: number, outcome: number, n = 1): void {
    let y = year - this.yearBase;
    if (y < 0 || y >= this.yearSpan) {
      const lo = this.yearSpan === 0 ? year : Math.min(this.yearBase, year);
      const hi = this.yearSpan === 0 ? year : Math.max(this.yearBase + this.yearSpan - 1, year);
      if (hi - lo >= MAX_DENSE_YEARS) {
        const cells = this.sparse.get(year) ?? [];
        cells[t * 4 + outcome] = (cells[t * 4 + outcome] ?? 0) + n;
        this.sparse.set(year, cells);
        return;
      }
      this.grow(lo, hi - lo + 1, this.typeNames.length);
      y = year - this.yearBase;
    }
    const cell = (t * this.yearSpan + y) * 4 + outcome;
    this.counts[cell] = (this.counts[cell] ?? 0) + n;
  }

  private grow(base: number, span: number, oldTypes: number): void {
    const next = new Float64Array(this.typeNames.length * span * 4);
    for (let t = 0; t < oldTypes; t++) {
      for (let y = 0; y < this.yearSpan; y++) {
        for (let o = 0; o < 4; o++) next[(t * span + (y + this.yearBase - base)) * 4 + o] = this.counts[(t * this.yearSpan + y) * 4 + o] ?? 0;
      }
    }
    this.counts = next;
    this.yearBase = base;
    this.yearSpan = span;
  }

  rows(): CountRow[] {
    const rows: CountRow[] = [];
    this.typeNames.forEach((type, t) => {
      for (let y = 0; y < this.yearSpan; y++) {
        for (let o = 0; o < 4; o++) {
          const count = this.counts[(t * this.yearSpan + y) * 4 + o] ?? 0;
          if (count > 0) rows.push({ type, year: this.yearBase + y, outcome: OUTCOMES[o]!, count });
        }
      }
    });
    for (const [year, cells] of this.sparse) {
      cells.forEach((count, k) => {
        if (count > 0) rows.push({ type: this.typeNames[Math.floor(k / 4)]!, year, outcome: OUTCOMES[k % 4]!, count });
      });
    }
    return rows;
  }

  table(): CountTable {
    return fromCounts(this.rows());
  }
}

interface Spelling {
  codes: Uint16Array;
  length: number;
  index: number;
}

/**
 * The spelling (among those sharing the byte at `i`) that stands at `i` as a whole field: one that
 * ends at `end` when the field's end is known, or else one followed by the delimiter or the LF.
 */
function matchSpelling(list: readonly Spelling[] | undefined, buf: Uint8Array, i: number, delimiter: number, end?: number): Spelling | undefined {
  if (list === undefined) return undefined;
  for (let m = 0; m < list.length; m++) {
    const candidate = list[m]!;
    const codes = candidate.codes;
    let k = 1;
    while (codes[k] === buf[i + k]) k++;
    if (k !== candidate.length) continue;
    if (end !== undefined ? i + k === end : buf[i + k] === delimiter || buf[i + k] === LF) return candidate;
  }
  return undefined;
}

function sentinelCodes(bytes: Uint8Array): Uint16Array {
  const codes = new Uint16Array(bytes.length + 1);
  codes.set(bytes);
  codes[bytes.length] = 0xffff;
  return codes;
}

/** Years counted densely at most; others are kept sparsely. */
const MAX_DENSE_YEARS = 512;

/** Why the scanner stopped: it met something only a full CSV parser reads correctly. */
export type Unusual = { offset: number; line: number } | undefined;

/**
 * Scans lines of well-formed cohort CSV. `scan(buf, from, to)` reads the lines of `buf[from, to)`,
 * which must end with LF; it returns where it stopped early on something only a full CSV parser
 * reads correctly (a quote, or a CR not before LF), or undefined when all was read.
 */
export class FastScanner<R> {
  line: number;
  /**
   * The same spellings by first byte, for matching a field while scanning it. Each is a Uint16Array
   * ending in 0xFFFF, which no byte equals, so the compare loop needs no length check.
   */
  private readonly typesByFirstByte: Spelling[][] = [];
  private readonly outcomesByFirstByte: Spelling[][] = [];
  private readonly decoder = new TextDecoder();
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly typeNames: string[] = [];
  /** Counts by the scanner's own type indexes; handed to the sink by `flush`. */
  private readonly local = new CountAccumulator();
  /** With a known year range: counts in place, [type][year − first][outcome], without a call per row. */
  private dense: Float64Array | undefined;

  constructor(
    private readonly header: HeaderMap,
    private readonly delimiter: number,
    private readonly vocabulary: FastVocabulary,
    private readonly validator: RecordValidator<R>,
    private readonly sink: ScanSink<R>,
    firstLine: number,
  ) {
    this.line = firstLine;
    this.starts = new Int32Array(header.width + 1);
    this.ends = new Int32Array(header.width + 1);
    for (const [spelling, type] of vocabulary.types) this.learnType(Buffer.from(spelling), type);
    OUTCOMES.forEach((outcome, index) => {
      const bytes = Buffer.from(outcome);
      (this.outcomesByFirstByte[bytes[0]!] ??= []).push({ codes: sentinelCodes(bytes), length: bytes.length, index });
    });
  }

  private learnType(bytes: Uint8Array, type: string): number {
    const index = this.indexOf(type); // aliases share their canonical type's index
    if (bytes.length > 0) (this.typesByFirstByte[bytes[0]!] ??= []).push({ codes: sentinelCodes(bytes), length: bytes.length, index });
    return index;
  }

  /** The scanner's index of a canonical type, keeping `typeNames` in step with the counts. */
  private indexOf(type: string): number {
    const index = this.local.typeIndex(type);
    if (index === this.typeNames.length) this.typeNames.push(type);
    return index;
  }

  /** Hand the counts to the sink (call once, at the end). */
  flush(): void {
    const years = this.vocabulary.years;
    if (this.dense && years) {
      const span = years[1] - years[0] + 1;
      this.dense.forEach((n, cell) => {
        if (n > 0) this.local.add(Math.floor(cell / (span * 4)), years[0] + (Math.floor(cell / 4) % span), cell % 4, n);
      });
      this.dense = undefined;
    }
    for (const row of this.local.rows()) this.sink.count(row.type, row.year as number, OUTCOMES.indexOf(row.outcome!), row.count);
  }

  scan(buf: Uint8Array, from: number, to: number): Unusual {
    const { header, delimiter, sink, starts, ends, local, typesByFirstByte, outcomesByFirstByte } = this;
    const years = this.vocabulary.years;
    const span = years && !this.vocabulary.anyType && years[1] - years[0] < 1000 ? years[1] - years[0] + 1 : 0;
    if (span > 0 && this.dense === undefined) this.dense = new Float64Array(this.typeNames.length * span * 4);
    const dense = this.dense;
    const width = header.width;
    const typeCol = header.columns.get('type')!;
    const yearCol = header.columns.get('year')!;
    const outcomeCol = header.columns.get('outcome')!;
    const idCol = header.columns.get('id') ?? -1;
    const [yearMin, yearMax] = this.vocabulary.years ?? [-Infinity, Infinity];
    const wantRecords = sink.record !== undefined;
    // quotes and stray CRs are rare: look for them once per call, natively, not byte by byte
    const region = buf.subarray(from, to);
    const firstQuote = region.indexOf(QUOTE);
    const firstCR = region.indexOf(CR);
    const plainUntil = from + Math.min(firstQuote === -1 ? to - from : firstQuote, firstCR === -1 ? to - from : firstCR);
    let i = from;
    while (i < to) {
      const start = i;
      let col = 0;
      starts[0] = i;
      let b = buf[i]!;
      if (i + 256 < plainUntil) {
        // The common case, in one pass: match the type and outcome spellings and read the year's
        // digits while finding the delimiters. Only a line that passes every check is taken here;
        // any other line is read again below, by the general code.
        let c = 0;
        let t = -1;
        let y = -1;
        let o = -1;
        let idS = 0;
        let idE = 0;
        for (;;) {
          if (c === typeCol) {
            const found = matchSpelling(typesByFirstByte[b], buf, i, delimiter);
            if (found !== undefined) {
              t = found.index;
              i += found.length;
            }
          } else if (c === yearCol) {
            let value = 0;
            let digits = 0;
            while (b >= 48 && b <= 57) {
              value = value * 10 + (b - 48);
              digits += 1;
              b = buf[++i]!;
            }
            if (digits > 0 && digits <= 9 && value >= yearMin && value <= yearMax && (b === delimiter || b === LF)) y = value;
          } else if (c === outcomeCol) {
            const found = matchSpelling(outcomesByFirstByte[b], buf, i, delimiter);
            if (found !== undefined) {
              o = found.index;
              i += found.length;
            }
          } else if (c === idCol) idS = i;
          b = buf[i]!;
          while (b !== delimiter && b !== LF) b = buf[++i]!;
          if (c === idCol) idE = i;
          c += 1;
          if (b === LF) break;
          b = buf[++i]!;
        }
        if (c === width && t >= 0 && y >= 0 && o >= 0 && i < plainUntil) {
          const lineNo = this.line;
          this.line += 1;
          i += 1;
          if (dense) dense[(t * span + (y - yearMin)) * 4 + o]! += 1;
          else local.add(t, y, o);
          if (wantRecords) sink.record!({ type: this.typeNames[t], year: y, outcome: OUTCOMES[o], id: idE > idS ? this.decoder.decode(buf.subarray(idS, idE)) : undefined } as R, lineNo);
          continue;
        }
        i = start;
        b = buf[i]!;
      }
      // Every other line: one careful pass over its bytes (the LF at `to - 1` is the sentinel),
      // stopping at anything only a full CSV parser reads correctly.
      while (b !== LF) {
        if (b === delimiter) {
          if (col < width) ends[col] = i;
          col += 1;
          if (col < width) starts[col] = i + 1;
        } else if (b === QUOTE || (b === CR && buf[i + 1] !== LF)) {
          return { offset: start, line: this.line };
        }
        b = buf[++i]!;
      }
      const stop = i > start && buf[i - 1] === CR ? i - 1 : i;
      if (col < width) ends[col] = stop;
      col += 1;
      i += 1;
      const lineNo = this.line;
      this.line += 1;
      if (col !== width) {
        const text = this.decoder.decode(buf.subarray(start, stop));
        if (col === 1 && text.trim() === '') continue; // a blank line is no record (as the CSV path decides)
        sink.rejected({ row: lineNo, issues: [{ field: '(row)', value: text, message: `expected ${width} fields as in the header, found ${col}` }] });
        continue;
      }
      // the fast check: an exact type spelling, plain digits within range, an exact outcome
      const ts = starts[typeCol]!;
      const te = ends[typeCol]!;
      let typeIndex = te > ts ? (matchSpelling(typesByFirstByte[buf[ts]!], buf, ts, delimiter, te)?.index ?? -1) : -1;
      if (typeIndex < 0 && this.vocabulary.anyType && te > ts) {
        // without a cohort a spelling is its own type once trimmed and lower-cased; other spellings take the exact path
        const spelling = this.decoder.decode(buf.subarray(ts, te));
        if (spelling === normalizeCategory(spelling)) typeIndex = this.learnType(buf.subarray(ts, te), spelling);
      }
      const ys = starts[yearCol]!;
      const ye = ends[yearCol]!;
      let year = -1;
      if (ye > ys && ye - ys <= 9) {
        year = 0;
        for (let k = ys; k < ye; k++) {
          const d = buf[k]! - 48;
          if (d < 0 || d > 9) {
            year = -1;
            break;
          }
          year = year * 10 + d;
        }
        if (year < yearMin || year > yearMax) year = -1;
      }
      const os = starts[outcomeCol]!;
      const oe = ends[outcomeCol]!;
      const outcome = oe > os ? (matchSpelling(outcomesByFirstByte[buf[os]!], buf, os, delimiter, oe)?.index ?? -1) : -1;
      if (typeIndex >= 0 && year >= 0 && outcome >= 0) {
        if (dense) dense[(typeIndex * span + (year - yearMin)) * 4 + outcome]! += 1;
        else local.add(typeIndex, year, outcome);
        if (wantRecords) {
          const id = idCol >= 0 && ends[idCol]! > starts[idCol]! ? this.decoder.decode(buf.subarray(starts[idCol], ends[idCol])) : undefined;
          sink.record!({ type: this.typeNames[typeIndex], year, outcome: OUTCOMES[outcome], id } as R, lineNo);
        }
        continue;
      }
      // anything else goes to the exact path, on the cells as strings
      const cells = this.decoder.decode(buf.subarray(start, stop)).split(String.fromCharCode(delimiter));
      const checked = validateRow(this.validator, rowObject(cells, header), lineNo);
      if (checked.ok) {
        const r = checked.record as unknown as CohortRecord;
        local.add(this.indexOf(r.type), r.year, OUTCOMES.indexOf(r.outcome));
        sink.record?.(checked.record, lineNo);
      } else sink.rejected(checked.rejected);
    }
    return undefined;
  }
}
