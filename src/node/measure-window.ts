// A cohort's measures counted as the byte scanner reads them: per cell of the scanner's count
// window, levels as counts and numbers as a histogram of whole units (u = x·10^D on the measure's
// decimal grid): one array increment per value, from which n, the exact Σu and Σu², the range and
// the exact quantiles follow at the end. The arrays follow the window's layout (years × type slots
// × outcomes) and are laid out again when it grows. Rows they cannot hold (a year outside the
// window, a value of many digits) are counted record by record instead; both are merged into the
// count table's measures at the end.
import { mergeNumberCells, RecordMeasureCounter, type MeasureCounts, type NumberCellSketch } from '../describe/measure-counts.js';
import type { MomentSketch } from '../describe/moment-sketch.js';
import { EXACT_QUANTILE_VALUES, QuantileAccumulator, type QuantileSketch } from '../describe/quantile-sketch.js';
import { decimalUnits } from '../describe/decimal.js';
import { mergeMeasureCounts } from '../describe/measure-counts.js';
import { normalizeCategory, OUTCOMES } from '../schema/record.js';
import { prepareMeasures, type Measure, type MeasureDefinitions } from '../schema/measures.js';
import type { CountTable } from '../stats/count-table.js';
import type { CountWindow } from './count-window.js';
import { SpellingTable } from './spelling-table.js';

const O = 4;
/** Units a value may have on the fast path (beyond, the row is counted from its record). */
export const MAX_UNITS = 2 ** 26;
/** Units a measure's grid spans at most; values beyond it are counted in their cell's map. */
const MAX_BINS = 4096;
/** Bins of one measure's grid over all cells at most (32 MB of 16-bit counts). */
const MAX_GRID = 2 ** 24;
/** Cells of a number measure remembered by their bytes, one per 16 bits of key (see {@link NumberArrays.cache}). */
export const CACHE_CELLS = 65536;
/** A bin's count wraps at 2^16 into its carry. */
const WRAP = 65536;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The counts of one number measure: a grid of whole units [base, base + width) shared by every
 * cell, `counts[cell · width + u − base]`, and per cell a map for units off the grid. One grid
 * for all cells (not one histogram per cell) leaves the compiled loop a subtraction, a compare
 * and an increment of a typed array it holds in a local: the per-cell objects it replaced cost
 * about as much per row as reading the four measures did. 16-bit bins keep a measure of a few
 * hundred units over a few hundred cells within the core's cache.
 */
export interface NumberArrays {
  /** Decimals of the grid the units are on. */
  d: number;
  /** Smallest and largest allowed value (±Infinity when the measure sets none), and whole numbers only. */
  min: number;
  max: number;
  integer: boolean;
  base: number;
  /** Units on the grid (0 before the first value). */
  width: number;
  counts: Uint16Array;
  /** How many times each bin wrapped past 65535 (made on the first). */
  high: Float64Array | undefined;
  /** By cell: units off the grid and their counts. */
  spread: Map<number, Map<number, number>>;
  /**
   * Cells the compiled loop has read, by their bytes: pairs (the cell's first four bytes, zero-padded,
   * as a 32-bit word; its units on the grid) at `2 · place`, the place being the bytes' low nibbles
   * (512 KB, of which a file touches the pages of the values it holds). A cell seen before then costs one lookup
   * instead of being read digit by digit; emptied when the grid's decimals change.
   */
  cache: Int32Array;
}

/** The per-cell counts of one category or ordinal measure: `counts[cell * levels + level]`. */
export interface LevelArrays {
  levels: number;
  spellings: SpellingTable;
  counts: Float64Array;
}

/** A cell's counted units of a number measure, ascending, and their counts. */
interface Bins {
  units: number[];
  counts: number[];
}

/**
 * The level measures the compiled loop reads, counted together: one count per cell and combination
 * of their levels (0 for a missing value, else the level's index + 1), at
 * `counts[cell · size + Σ (level + 1) · stride]`. A row then costs one increment for all its levels,
 * with no branch on missing values. Folded into the measures' own counts when the window's layout
 * changes, before 2^32 rows could be counted in one place, and at the end.
 */
export interface JointLevels {
  /** The level measures (indexes), with the stride of each in a combination. */
  measures: readonly number[];
  strides: readonly number[];
  size: number;
  counts: Uint32Array;
}

/** Combinations of levels counted together at most (a cell's joint counts stay a few cache lines). */
const MAX_JOINT = 64;

/** Where a measure's column is read and what it holds. */
export type MeasureColumn = { kind: 'number'; k: number; column: number } | { kind: 'level'; k: number; column: number };

export class MeasureWindow {
  readonly measures: readonly Measure[];
  readonly columns: MeasureColumn[] = [];
  /** By measure index: the arrays of a number measure, or undefined. */
  readonly num: (NumberArrays | undefined)[];
  readonly lev: (LevelArrays | undefined)[];
  private base = 0;
  private span = 0;
  private slots = 0;
  /** Rows the arrays do not hold, counted from their records. */
  private readonly other: RecordMeasureCounter;
  private readonly names: readonly string[];

  constructor(definitions: MeasureDefinitions, measureColumns: ReadonlyMap<string, number>, width: number, delimiter: number) {
    this.measures = prepareMeasures(definitions);
    this.other = new RecordMeasureCounter(definitions);
    this.names = this.measures.map((m) => m.name);
    this.num = this.measures.map((m) => {
      const d = m.definition;
      if (d.kind !== 'number' && d.kind !== 'integer') return undefined;
      return { d: 0, min: d.min ?? -Infinity, max: d.max ?? Infinity, integer: d.kind === 'integer', base: 0, width: 0, counts: new Uint16Array(0), high: undefined, spread: new Map(), cache: new Int32Array(2 * CACHE_CELLS) };
    });
    this.lev = this.measures.map((m) => {
      if (m.levels.length === 0) return undefined;
      const column = measureColumns.get(m.name);
      const spellings = new SpellingTable(column === width - 1 ? -1 : delimiter);
      // the spellings the schema takes as they are; others are learned from the rows zod accepts
      for (const [key, level] of m.lookup) spellings.add(new TextEncoder().encode(key), m.levels.indexOf(level));
      return { levels: m.levels.length, spellings, counts: new Float64Array(0) };
    });
    this.measures.forEach((m, k) => {
      const column = measureColumns.get(m.name);
      if (column !== undefined) this.columns.push({ kind: this.num[k] ? 'number' : 'level', k, column });
    });
    const levels = this.columns.filter((c) => c.kind === 'level').map((c) => c.k);
    const strides: number[] = [];
    let size = 1;
    for (const k of levels) {
      strides.push(size);
      size *= this.lev[k]!.levels + 1;
    }
    this.joint = levels.length > 1 && size <= MAX_JOINT ? { measures: levels, strides, size, counts: new Uint32Array(0) } : undefined;
  }

  /** The level measures counted together by the compiled loop, if any. */
  readonly joint: JointLevels | undefined;
  /** Bytes scanned since the joint counts were last folded (a row has more than one). */
  private unfolded = 0;

  /** `bytes` more were scanned: fold the joint counts before any could pass 2^32 − 1. */
  scanned(bytes: number): void {
    this.unfolded += bytes;
    if (this.unfolded >= 2 ** 32 - 2 ** 24) this.foldJoint();
  }

  /** Add the joint counts into the level measures' own counts (same layout), and start them again. */
  private foldJoint(): void {
    this.unfolded = 0;
    const joint = this.joint;
    if (joint === undefined) return;
    const { counts, size, measures, strides } = joint;
    measures.forEach((k, m) => {
      const { levels, counts: own } = this.lev[k]!;
      // each combination's level of this measure (-1: missing), decoded once rather than per count
      const levelOf = Int8Array.from({ length: size }, (_, j) => (Math.floor(j / strides[m]!) % (levels + 1)) - 1);
      for (let j = 0, cell = 0; j < counts.length; cell++) {
        for (let combination = 0; combination < size; combination++, j++) {
          const n = counts[j]!;
          const level = levelOf[combination]!;
          if (n !== 0 && level >= 0) own[cell * levels + level]! += n;
        }
      }
    });
    counts.fill(0);
  }

  /** Units and decimals of the last number {@link readNumber} read. */
  units = 0;
  decimals = 0;

  /**
   * Read a number cell at `start` byte by byte, for the compiled loop (which reads the common shapes
   * itself): an optional '-', then digits with at most one '.', at least one digit and at most nine
   * (so the units stay a 32-bit integer while they are read). Returns where the number ends, with its
   * units and decimals in {@link units} and {@link decimals}; -1 for a cell the loop leaves to the
   * careful path: no digit, too many, too many units, or '-0' (the record's -0, which a histogram of
   * units cannot hold).
   */
  readNumber(buf: Uint8Array, start: number): number {
    let i = start;
    let b = buf[i]!;
    const negative = b === 45;
    if (negative) b = buf[++i]!;
    let units = 0;
    let digits = 0;
    let point = -1;
    for (;;) {
      const digit = b - 48;
      if (digit >= 0 && digit < 10) {
        units = units * 10 + digit;
        if (++digits > 9) return -1;
      } else if (b === 46 && point < 0) point = digits;
      else break;
      b = buf[++i]!;
    }
    if (digits === 0 || units >= MAX_UNITS || (negative && units === 0)) return -1;
    this.units = negative ? -units : units;
    this.decimals = point < 0 ? 0 : digits - point;
    return i;
  }

  /** Follow the window's layout (call after anything that may grow it). */
  sync(window: CountWindow): void {
    if (window.base === this.base && window.span === this.span && window.slots === this.slots) return;
    this.foldJoint();
    const { base, span, slots } = window;
    const cells = span * slots * O;
    const move = (from: number) => {
      const o = from % O;
      const t = Math.floor(from / O) % this.slots;
      const y = Math.floor(from / (O * this.slots)) + this.base - base;
      return (y * slots + t) * O + o;
    };
    const oldCells = this.span * this.slots * O;
    for (const a of this.num) {
      if (a === undefined) continue;
      const spread = new Map<number, Map<number, number>>();
      for (const [c, map] of a.spread) spread.set(move(c), map);
      a.spread = spread;
      if (a.width === 0) continue;
      if (cells * a.width > MAX_GRID) {
        // the grid would not fit the window's cells: its counts move to the cells' maps
        for (let c = 0; c < oldCells; c++) this.spreadRow(a, c, move(c));
        this.relayoutGrid(a, 0, 0, 0);
        continue;
      }
      const counts = new Uint16Array(cells * a.width);
      const high = a.high === undefined ? undefined : new Float64Array(cells * a.width);
      for (let c = 0; c < oldCells; c++) {
        const from = c * a.width;
        counts.set(a.counts.subarray(from, from + a.width), move(c) * a.width);
        high?.set(a.high!.subarray(from, from + a.width), move(c) * a.width);
      }
      a.counts = counts;
      a.high = high;
    }
    for (const a of this.lev) {
      if (a === undefined) continue;
      const next = new Float64Array(cells * a.levels);
      for (let c = 0; c < oldCells; c++) {
        const to = move(c);
        for (let l = 0; l < a.levels; l++) next[to * a.levels + l] = a.counts[c * a.levels + l]!;
      }
      a.counts = next;
    }
    if (this.joint) this.joint.counts = new Uint32Array(cells * this.joint.size);
    this.base = base;
    this.span = span;
    this.slots = slots;
  }

  /** The cell of (t, year, o) in the current layout, or -1 outside the window. */
  cellOf(t: number, year: number, o: number): number {
    const row = year - this.base;
    return row >= 0 && row < this.span && t < this.slots ? (row * this.slots + t) * O + o : -1;
  }

  /**
   * Units `u` at `d` decimals on measure k's grid (D decimals): u·10^(D−d) when d < D; for d > D
   * the grid becomes finer first. NaN when the result would leave the exact range (the row then
   * takes the exact path).
   */
  align(k: number, u: number, d: number): number {
    const a = this.num[k]!;
    if (d > a.d) {
      if (!this.refine(k, d)) return NaN;
      return u;
    }
    const x = u * POW10[a.d - d]!;
    return x < MAX_UNITS && x > -MAX_UNITS ? x | 0 : NaN;
  }

  /** Put measure k on a grid of `d` decimals: every bin scaled, exactly. */
  private refine(k: number, d: number): boolean {
    const a = this.num[k]!;
    const f = POW10[d - a.d]!;
    const cells = this.span * this.slots * O;
    const all = Array.from({ length: cells }, (_, c) => this.binsOf(k, c));
    if (all.some(({ units }) => units.some((u) => Math.abs(u * f) >= MAX_UNITS))) return false;
    let lo = Infinity;
    let hi = -Infinity;
    for (const { units } of all) {
      if (units.length === 0) continue;
      lo = Math.min(lo, units[0]! * f);
      hi = Math.max(hi, units[units.length - 1]! * f);
    }
    a.spread = new Map();
    // the bins move f apart: on a grid while that fits, else in the cells' maps
    if (lo <= hi && hi - lo < MAX_BINS && cells * (hi - lo + 1) <= MAX_GRID) this.relayoutGrid(a, cells, lo, hi - lo + 1, false);
    else this.relayoutGrid(a, 0, 0, 0, false);
    a.d = d;
    a.cache.fill(0); // units on the old grid
    all.forEach(({ units, counts }, c) => {
      for (let j = 0; j < units.length; j++) this.addUnits(k, c, units[j]! * f, counts[j]!);
    });
    return true;
  }

  /** A grid of `width` units from `base` for `cells` cells, holding the old grid's counts unless `keep` is false. */
  private relayoutGrid(a: NumberArrays, cells: number, base: number, width: number, keep = true): void {
    const counts = new Uint16Array(cells * width);
    const high = keep && a.high !== undefined ? new Float64Array(cells * width) : undefined;
    if (keep && a.width > 0) {
      const shift = a.base - base;
      for (let c = 0; c < cells; c++) {
        const from = c * a.width;
        counts.set(a.counts.subarray(from, from + a.width), c * width + shift);
        high?.set(a.high!.subarray(from, from + a.width), c * width + shift);
      }
    }
    a.counts = counts;
    a.high = high;
    a.base = base;
    a.width = width;
  }

  /** Move cell `from`'s grid counts of `a` into the map of cell `to`. */
  private spreadRow(a: NumberArrays, from: number, to: number): void {
    for (let i = 0; i < a.width; i++) {
      const n = this.binCount(a, from * a.width + i);
      if (n === 0) continue;
      const map = a.spread.get(to) ?? new Map<number, number>();
      map.set(a.base + i, (map.get(a.base + i) ?? 0) + n);
      a.spread.set(to, map);
    }
  }

  private binCount(a: NumberArrays, j: number): number {
    return a.counts[j]! + (a.high === undefined ? 0 : WRAP * a.high[j]!);
  }

  /**
   * Every unit counted in cell c of measure k, ascending, with its count: two arrays, read off the
   * grid with no array per bin (a count of a few hundred cells × bins ends with this).
   */
  private binsOf(k: number, c: number): Bins {
    const a = this.num[k]!;
    const units: number[] = [];
    const counts: number[] = [];
    const { counts: low, high, base, width } = a;
    const from = c * width;
    for (let i = 0; i < width; i++) {
      const n = low[from + i]! + (high === undefined ? 0 : WRAP * high[from + i]!);
      if (n > 0) {
        units.push(base + i);
        counts.push(n);
      }
    }
    const map = a.spread.get(c);
    if (map === undefined) return { units, counts };
    // a unit may be in the map and (from a later grid) on the grid
    const merged = new Map<number, number>();
    units.forEach((u, j) => merged.set(u, counts[j]!));
    for (const [u, n] of map) merged.set(u, (merged.get(u) ?? 0) + n);
    const sorted = [...merged].sort((x, y) => x[0] - y[0]);
    return { units: sorted.map(([u]) => u), counts: sorted.map(([, n]) => n) };
  }

  /**
   * Count units `u` of measure k in cell c, off the grid (the compiled loop calls this): the grid
   * widens to hold `u` (by a quarter more than it needs, so values arriving one by one do not lay
   * it out each time) while it stays within its bounds; else `u` goes to the cell's map.
   */
  hist(k: number, c: number, u: number, n = 1): void {
    const a = this.num[k]!;
    const cells = this.span * this.slots * O;
    const lo = a.width === 0 ? u : Math.min(a.base, u);
    const hi = a.width === 0 ? u : Math.max(a.base + a.width - 1, u);
    const need = hi - lo + 1;
    if (need <= MAX_BINS && cells * need <= MAX_GRID) {
      const slack = Math.max(8, need >> 2);
      const width = Math.min(MAX_BINS, Math.floor(MAX_GRID / cells), need + 2 * slack);
      this.relayoutGrid(a, cells, lo - ((width - need) >> 1), width);
      this.addUnits(k, c, u, n);
      return;
    }
    const map = a.spread.get(c) ?? new Map<number, number>();
    map.set(u, (map.get(u) ?? 0) + n);
    a.spread.set(c, map);
  }

  /** Bin j of measure k wrapped from 65535 to 0: count the 65536 in its carry (the compiled loop calls this too). */
  carry(k: number, j: number): void {
    const a = this.num[k]!;
    (a.high ??= new Float64Array(a.counts.length))[j]! += 1;
  }

  /** Count `n` of units `u` in cell c, as the compiled loop does. */
  private addUnits(k: number, c: number, u: number, n = 1): void {
    const a = this.num[k]!;
    const r = u - a.base;
    if (a.width === 0 || r < 0 || r >= a.width) {
      this.hist(k, c, u, n);
      return;
    }
    const j = c * a.width + r;
    const total = this.binCount(a, j) + n;
    a.counts[j] = total % WRAP;
    if (total >= WRAP) (a.high ??= new Float64Array(a.counts.length))[j] = Math.floor(total / WRAP);
  }

  /** A row the compiled loop left out of the window (its year is counted sparsely), with its values. */
  outside(type: string, year: number, o: number, values: readonly (number | string | undefined)[]): void {
    const record: Record<string, unknown> = { type, year, outcome: OUTCOMES[o] };
    this.names.forEach((name, k) => (record[name] = values[k]));
    this.other.add(record as { type: string; year: number; outcome: string });
  }

  /** The compiled loop's parsed values as record values: units (NaN: missing) to numbers, level indexes (−1: missing) to levels. */
  valuesOf(parsed: readonly number[]): (number | string | undefined)[] {
    return this.measures.map((m, k) => {
      const a = this.num[k];
      const x = parsed[k]!;
      if (a !== undefined) return Number.isNaN(x) ? undefined : x / POW10[a.d]!;
      return x < 0 ? undefined : (m.levels[x] as string);
    });
  }

  /** A record zod accepted (a row the compiled loop did not take), in cell (t, year, o). */
  addRecord(window: CountWindow, t: number, o: number, record: Readonly<Record<string, unknown>> & { type: string; year: number; outcome: string }): void {
    this.sync(window);
    const c = this.cellOf(t, record.year, o);
    if (c < 0) {
      this.other.add(record);
      return;
    }
    const rest: Record<string, unknown> = { type: record.type, year: record.year, outcome: record.outcome };
    let leftover = false;
    this.measures.forEach((m, k) => {
      const v = record[m.name];
      if (v === undefined || v === null) return;
      const lev = this.lev[k];
      if (lev !== undefined) {
        lev.counts[c * lev.levels + m.levels.indexOf(v as string | number)]! += 1;
        return;
      }
      // -0 is kept as the record has it (a histogram of units has no sign of zero)
      const parts = Object.is(v, -0) ? undefined : decimalUnits(v as number);
      const u = parts === undefined ? NaN : this.align(k, parts.units, parts.decimals);
      if (Number.isNaN(u)) {
        rest[m.name] = v;
        leftover = true;
      } else this.addUnits(k, c, u);
    });
    if (leftover) this.other.add(rest as { type: string; year: number; outcome: string });
  }

  /** Teach level measure k a spelling zod accepted (so the compiled loop reads it next time); true when learned. */
  learnLevel(k: number, bytes: Uint8Array, level: string | number): boolean {
    const lev = this.lev[k];
    const m = this.measures[k]!;
    if (lev === undefined || lev.spellings.size >= 200) return false;
    if (lev.spellings.entries.some((e) => e.bytes.length === bytes.length && e.bytes.every((b, i) => b === bytes[i]))) return false;
    if (normalizeCategory(new TextDecoder().decode(bytes)) === '') return false;
    return lev.spellings.add(bytes, m.levels.indexOf(level));
  }

  /** The measures on the cells of `table` (made from the window's counts and the rows counted one by one). */
  measuresOn(table: CountTable, typeNames: readonly string[]): Record<string, MeasureCounts> {
    this.foldJoint();
    const cells = this.span * this.slots * O;
    const types = new Map(table.types.map((t, i) => [t, i]));
    const years = new Map(table.years.map((y, i) => [y, i]));
    const target = (c: number) => {
      const o = c % O;
      const t = Math.floor(c / O) % this.slots;
      const year = this.base + Math.floor(c / (O * this.slots));
      const tt = types.get(typeNames[t]!);
      const yy = years.get(year);
      return tt === undefined || yy === undefined ? -1 : (tt * table.years.length + yy) * O + o;
    };
    const fast: Record<string, MeasureCounts> = {};
    this.measures.forEach((m, k) => {
      const lev = this.lev[k];
      if (lev !== undefined) {
        const counts = new Float64Array(table.counts.length * lev.levels);
        for (let c = 0; c < cells; c++) {
          const to = target(c);
          if (to < 0) continue;
          for (let l = 0; l < lev.levels; l++) counts[to * lev.levels + l]! += lev.counts[c * lev.levels + l]!;
        }
        fast[m.name] = Object.freeze({ kind: m.definition.kind as 'category' | 'ordinal', definition: m.definition, levels: m.levels, counts });
        return;
      }
      const a = this.num[k]!;
      const out: (NumberCellSketch | null)[] = new Array<NumberCellSketch | null>(table.counts.length).fill(null);
      for (let c = 0; c < cells; c++) {
        const to = target(c);
        if (to < 0) continue;
        const bins = this.binsOf(k, c);
        if (bins.units.length === 0) continue;
        const sketch = this.cellSketch(k, bins);
        const earlier = out[to];
        out[to] = earlier ? mergeNumberCells([earlier, sketch]) : sketch;
      }
      fast[m.name] = Object.freeze({ kind: m.definition.kind as 'number' | 'integer', definition: m.definition, cells: Object.freeze(out) });
    });
    const others = this.other.measuresOn(table);
    return mergeMeasureCounts([fast, others], (_t, c) => c, table.counts.length) ?? fast;
  }

  /** The moment and quantile sketches of a cell of number measure k, from its bins (units ascending, counts). */
  private cellSketch(k: number, { units, counts }: Bins): NumberCellSketch {
    const a = this.num[k]!;
    const bins = units.length;
    const unit = POW10[a.d]!;
    // one pass (it runs once per cell, mostly before V8 has optimised it: a closure per value
    // here cost more than the rest of the count's end): the values, n, Σu and Σu² on the measure's
    // grid, and the coarsest grid of the cell's own values (the measure's may be finer for other cells)
    const values: number[] = [];
    let n = 0;
    let su = 0;
    let qu = 0;
    let coarser = a.d;
    for (let j = 0; j < bins; j++) {
      const u = units[j]!;
      const count = counts[j]!;
      while (coarser > 0 && u % POW10[coarser]! !== 0) coarser--;
      values.push(u / unit);
      n += count;
      su += u * count;
      qu += u * u * count;
    }
    const d = a.d - coarser;
    const lift = POW10[coarser]!;
    // Σu² bounds every term and partial sum of both (|u| ≤ u² for whole u): below 2^53 the doubles are
    // exact, and so are their quotients by the lift, of which every u is a multiple
    let S = 0n;
    let Q = 0n;
    if (Number.isSafeInteger(qu)) {
      S = BigInt(su / lift);
      Q = BigInt(qu / lift / lift);
    } else {
      const L = BigInt(lift);
      for (let j = 0; j < bins; j++) {
        const x = BigInt(units[j]!) / L;
        S += x * BigInt(counts[j]!);
        Q += x * x * BigInt(counts[j]!);
      }
    }
    const N = BigInt(n);
    const scale = 10n ** BigInt(2 * d);
    // the exact sums are the sketch; its doubles follow from them
    const m2 = n > 1 ? Math.max(0, Number(N * Q - S * S) / Number(N * scale)) : 0;
    // the sketch a moment accumulator gives for these sums, made without one (its BigInt sums ran cold here, per cell)
    const moments: MomentSketch = Object.freeze({ n, sum: Number(S) / POW10[d]!, m2, min: units[0]! / unit, max: units[bins - 1]! / unit, grid: { decimals: d, sum: S, sumOfSquares: Q } });
    // distinct units, ascending: the exact sketch as the accumulator would build it, without its map
    if (bins <= EXACT_QUANTILE_VALUES) {
      const quantiles: QuantileSketch = Object.freeze({ n, method: 'exact', alpha: 0, values, counts });
      return { moments, quantiles };
    }
    const quantiles = new QuantileAccumulator();
    for (let j = 0; j < bins; j++) quantiles.add(values[j]!, counts[j]!);
    return { moments, quantiles: quantiles.sketch() };
  }
}
