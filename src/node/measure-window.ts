// A cohort's measures counted as the byte scanner reads them: per cell of the scanner's count
// window, levels as counts and numbers as a histogram of whole units (u = x·10^D on the measure's
// decimal grid): one array increment per value, from which n, the exact Σu and Σu², the range and
// the exact quantiles follow at the end. The arrays follow the window's layout (years × type slots
// × outcomes) and are laid out again when it grows. Rows they cannot hold (a year outside the
// window, a value of many digits) are counted record by record instead; both are merged into the
// count table's measures at the end.
import { mergeNumberCells, RecordMeasureCounter, type MeasureCounts, type NumberCellSketch } from '../describe/measure-counts.js';
import { MomentAccumulator } from '../describe/moment-sketch.js';
import { QuantileAccumulator } from '../describe/quantile-sketch.js';
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
/** Histogram bins per cell at most; a cell with values spread wider counts them in a map. */
const MAX_BINS = 4096;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Counts of whole units from `base` on; `size` 0 marks a cell counted in its map instead. A count
 * is `counts[i] + 256 · high[i]`: one byte per bin keeps a cell's histogram within a few cache
 * lines: the compiled loop increments random bins, and those misses were most of its cost per value.
 */
export interface Histogram {
  base: number;
  size: number;
  counts: Uint8Array;
  /** Carries: how many times each bin's byte wrapped (made on the first). */
  high: Float64Array | undefined;
}
const SPREAD: Histogram = { base: 0, size: 0, counts: new Uint8Array(0), high: undefined };

const countAt = (h: Histogram, i: number): number => h.counts[i]! + (h.high === undefined ? 0 : 256 * h.high[i]!);

/** An empty histogram of `size` bins from `base`. */
const histogram = (base: number, size: number): Histogram => ({ base, size, counts: new Uint8Array(size), high: undefined });

function setCount(h: Histogram, i: number, n: number): void {
  h.counts[i] = n % 256;
  if (n >= 256) (h.high ??= new Float64Array(h.size))[i] = Math.floor(n / 256);
}

/** The per-cell arrays of one number measure (replaced when the window is laid out again). */
export interface NumberArrays {
  /** Decimals of the grid the units are on. */
  d: number;
  /** Smallest and largest allowed value (±Infinity when the measure sets none), and whole numbers only. */
  min: number;
  max: number;
  integer: boolean;
  /** Per cell: the histogram of its units, undefined while the cell has none. */
  h: (Histogram | undefined)[];
}

/** The per-cell counts of one category or ordinal measure: `counts[cell * levels + level]`. */
export interface LevelArrays {
  levels: number;
  spellings: SpellingTable;
  counts: Float64Array;
}

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
  private readonly spread = new Map<number, Map<number, number>>();
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
      return { d: 0, min: d.min ?? -Infinity, max: d.max ?? Infinity, integer: d.kind === 'integer', h: [] };
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
  }

  /** Follow the window's layout (call after anything that may grow it). */
  sync(window: CountWindow): void {
    if (window.base === this.base && window.span === this.span && window.slots === this.slots) return;
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
      const h = new Array<Histogram | undefined>(cells);
      for (let c = 0; c < oldCells; c++) if (a.h[c] !== undefined) h[move(c)] = a.h[c];
      a.h = h;
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
    // spread histograms are keyed by measure and cell
    if (oldCells > 0) {
      const entries = [...this.spread];
      this.spread.clear();
      for (const [key, v] of entries) this.spread.set(Math.floor(key / oldCells) * cells + move(key % oldCells), v);
    }
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
    const all = Array.from({ length: cells }, (_, c) => (a.h[c] === undefined ? [] : this.binsOf(k, c)));
    if (all.some((bins) => bins.some(([u]) => Math.abs(u * f) >= MAX_UNITS))) return false;
    all.forEach((bins, c) => {
      if (bins.length === 0) return;
      const key = k * cells + c;
      this.spread.delete(key);
      // the bins move f apart: dense while that fits, else a map
      const lo = bins[0]![0] * f;
      const size = bins[bins.length - 1]![0] * f - lo + 1;
      if (size <= MAX_BINS) {
        const h = histogram(lo, size);
        for (const [u, n] of bins) setCount(h, u * f - lo, n);
        a.h[c] = h;
      } else {
        this.spread.set(key, new Map(bins.map(([u, n]) => [u * f, n])));
        a.h[c] = SPREAD;
      }
    });
    a.d = d;
    return true;
  }

  /** Every unit counted in cell c of measure k, with its count, ascending. */
  private binsOf(k: number, c: number): [number, number][] {
    const h = this.num[k]!.h[c];
    if (h === SPREAD) return [...this.spread.get(k * this.span * this.slots * O + c)!].sort((x, y) => x[0] - y[0]);
    const out: [number, number][] = [];
    if (h !== undefined) for (let i = 0; i < h.size; i++) if (countAt(h, i) > 0) out.push([h.base + i, countAt(h, i)]);
    return out;
  }

  /** Count units `u` in the histogram of cell c (growing it, or in the cell's map when too spread). */
  hist(k: number, c: number, u: number): void {
    const a = this.num[k]!;
    const h = a.h[c];
    const key = k * this.span * this.slots * O + c;
    if (h === SPREAD) {
      const map = this.spread.get(key)!;
      map.set(u, (map.get(u) ?? 0) + 1);
      return;
    }
    const lo = h === undefined ? u - 8 : Math.min(h.base, u - 8);
    const hi = h === undefined ? u + 8 : Math.max(h.base + h.size - 1, u + 8);
    if (hi - lo + 1 > MAX_BINS) {
      const map = new Map<number, number>();
      if (h !== undefined) for (let i = 0; i < h.size; i++) if (countAt(h, i) > 0) map.set(h.base + i, countAt(h, i));
      map.set(u, (map.get(u) ?? 0) + 1);
      this.spread.set(key, map);
      a.h[c] = SPREAD;
      return;
    }
    const next = histogram(lo, hi - lo + 1);
    if (h !== undefined) {
      next.counts.set(h.counts, h.base - lo);
      if (h.high !== undefined) (next.high = new Float64Array(next.size)).set(h.high, h.base - lo);
    }
    a.h[c] = next;
    this.bump(next, u - lo);
  }

  /** Add one to bin r of `h`. */
  private bump(h: Histogram, r: number): void {
    if (++h.counts[r]! === 256) this.carry(h, r);
  }

  /** Bin r of `h` wrapped from 255 to 0: count the 256 in its carry (the compiled loop calls this too). */
  carry(h: Histogram, r: number): void {
    (h.high ??= new Float64Array(h.size))[r]! += 1;
  }

  /** Count a number (units `u` on the grid) in cell c, as the compiled loop does. */
  private addUnits(k: number, c: number, u: number): void {
    const a = this.num[k]!;
    const h = a.h[c];
    const r = h === undefined ? -1 : u - h.base;
    if (h !== undefined && r >= 0 && r < h.size) this.bump(h, r);
    else this.hist(k, c, u);
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
        if (a.h[c] === undefined) continue;
        const to = target(c);
        if (to < 0) continue;
        const sketch = this.cellSketch(k, c);
        const earlier = out[to];
        out[to] = earlier ? mergeNumberCells([earlier, sketch]) : sketch;
      }
      fast[m.name] = Object.freeze({ kind: m.definition.kind as 'number' | 'integer', definition: m.definition, cells: Object.freeze(out) });
    });
    const others = this.other.measuresOn(table);
    return mergeMeasureCounts([fast, others], (_t, c) => c, table.counts.length) ?? fast;
  }

  /** The moment and quantile sketches of cell c of number measure k, from its histogram. */
  private cellSketch(k: number, c: number): NumberCellSketch {
    const a = this.num[k]!;
    const bins = this.binsOf(k, c);
    // the grid of this cell's own values (the measure's grid may be finer because of other cells)
    let coarser = a.d;
    for (const [u] of bins) while (coarser > 0 && u % POW10[coarser]! !== 0) coarser--;
    const d = a.d - coarser;
    const lift = BigInt(POW10[coarser]!);
    let n = 0;
    let S = 0n;
    let Q = 0n;
    for (const [u, count] of bins) {
      const x = BigInt(u) / lift;
      n += count;
      S += x * BigInt(count);
      Q += x * x * BigInt(count);
    }
    const unit = POW10[a.d]!;
    const N = BigInt(n);
    const scale = 10n ** BigInt(2 * d);
    // the exact sums are the sketch; its doubles follow from them
    const m2 = n > 1 ? Number(N * Q - S * S) / Number(N * scale) : 0;
    const moments = new MomentAccumulator();
    moments.merge({ n, sum: Number(S) / POW10[d]!, m2, min: bins[0]![0] / unit, max: bins[bins.length - 1]![0] / unit, grid: { decimals: d, sum: S, sumOfSquares: Q } });
    const quantiles = new QuantileAccumulator();
    for (const [u, count] of bins) quantiles.add(u / unit, count);
    return { moments: moments.sketch(), quantiles: quantiles.sketch() };
  }
}
