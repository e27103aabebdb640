import { InvalidArgumentError, describeValue } from '../errors.js';
import { isMissingValue, prepareMeasures, type Measure, type MeasureDefinition, type MeasureDefinitions } from '../schema/measures.js';
import { MomentAccumulator, type MomentSketch } from './moment-sketch.js';
import { QuantileAccumulator, type QuantileSketch } from './quantile-sketch.js';

/** A number measure in one cell of a count table: its moments and its quantile sketch. */
export interface NumberCellSketch {
  readonly moments: MomentSketch;
  readonly quantiles: QuantileSketch;
}

/**
 * A measure counted into a count table, cell by cell (cells as in `CountTable.counts`).
 * Categories and ordinal levels are counts: `counts[cell * levels.length + level]`. Numbers are a
 * sketch per cell (`null` where no record of the cell has a value). In both, the records of a
 * cell without a value are the cell's count minus those counted.
 */
export type MeasureCounts =
  | { readonly kind: 'category' | 'ordinal'; readonly definition: MeasureDefinition; readonly levels: readonly (string | number)[]; readonly counts: Float64Array }
  | { readonly kind: 'number' | 'integer'; readonly definition: MeasureDefinition; readonly cells: readonly (NumberCellSketch | null)[] };

type Slot = { moments: MomentAccumulator; quantiles: QuantileAccumulator };

/**
 * Counts measures record by record into slots the caller chooses (one per cell of its own
 * layout), then lays them out on the final table's cells.
 */
export class MeasureCountsBuilder {
  private readonly measures: readonly Measure[];
  private readonly levelIndex: (ReadonlyMap<string | number, number> | undefined)[];
  private readonly categories: number[][];
  private readonly numbers: Map<number, Slot>[];

  constructor(definitions: MeasureDefinitions) {
    this.measures = prepareMeasures(definitions);
    this.levelIndex = this.measures.map((m) => (m.levels.length > 0 ? new Map(m.levels.map((l, i) => [l, i])) : undefined));
    this.categories = this.measures.map(() => []);
    this.numbers = this.measures.map(() => new Map());
  }

  get names(): readonly string[] {
    return this.measures.map((m) => m.name);
  }

  /** Count the measures of one validated record into `slot`. */
  add(slot: number, record: Readonly<Record<string, unknown>>): void {
    this.measures.forEach((m, k) => {
      const v = record[m.name];
      if (isMissingValue(v)) return;
      const levels = this.levelIndex[k];
      if (levels !== undefined) {
        const l = levels.get(v as string | number);
        if (l === undefined) throw new InvalidArgumentError(m.name, v, `${m.name} ${describeValue(v)} is not one of its levels; validate records with the cohort first`);
        const counts = this.categories[k]!;
        const at = slot * m.levels.length + l;
        counts[at] = (counts[at] ?? 0) + 1;
        return;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(m.name, v, `${m.name} must be a finite number, got ${describeValue(v)}; validate records with the cohort first`);
      this.number(k, slot).moments.add(v);
      this.number(k, slot).quantiles.add(v);
    });
  }

  /** The accumulators of number measure `k` in `slot` (for readers that parse values themselves). */
  number(k: number, slot: number): Slot {
    const slots = this.numbers[k]!;
    let s = slots.get(slot);
    if (s === undefined) {
      s = { moments: new MomentAccumulator(), quantiles: new QuantileAccumulator() };
      slots.set(slot, s);
    }
    return s;
  }

  /** The measures laid out on a table of `cellCount` cells, slot `s` going to cell `cellOf(s)`. */
  build(cellOf: (slot: number) => number, cellCount: number): Record<string, MeasureCounts> {
    const out: Record<string, MeasureCounts> = {};
    this.measures.forEach((m, k) => {
      const d = m.definition;
      if (d.kind === 'category' || d.kind === 'ordinal') {
        const L = m.levels.length;
        const counts = new Float64Array(cellCount * L);
        this.categories[k]!.forEach((c, at) => {
          const slot = Math.floor(at / L);
          counts[cellOf(slot) * L + (at % L)]! += c;
        });
        out[m.name] = Object.freeze({ kind: d.kind, definition: d, levels: m.levels, counts });
      } else {
        const cells: (NumberCellSketch | null)[] = new Array<NumberCellSketch | null>(cellCount).fill(null);
        for (const [slot, s] of this.numbers[k]!) {
          const cell = cellOf(slot);
          const sketch = { moments: s.moments.sketch(), quantiles: s.quantiles.sketch() };
          const earlier = cells[cell];
          cells[cell] = earlier ? mergeNumberCells([earlier, sketch]) : sketch;
        }
        out[m.name] = Object.freeze({ kind: d.kind, definition: d, cells: Object.freeze(cells) });
      }
    });
    return out;
  }
}

/** One sketch for several cells' sketches of a number measure. */
export function mergeNumberCells(sketches: readonly NumberCellSketch[]): NumberCellSketch {
  const moments = new MomentAccumulator();
  const quantiles = new QuantileAccumulator();
  for (const s of sketches) {
    moments.merge(s.moments);
    quantiles.merge(s.quantiles);
  }
  return { moments: moments.sketch(), quantiles: quantiles.sketch() };
}

/**
 * The measures of several count tables on the cells of their merged table: `cellOf(t, c)` is the
 * merged cell of cell c of table t. A measure missing from some table counts as not recorded there;
 * two tables defining one measure differently cannot be merged.
 */
export function mergeMeasureCounts(
  tables: readonly (Readonly<Record<string, MeasureCounts>> | undefined)[],
  cellOf: (table: number, cell: number) => number,
  cellCount: number,
): Record<string, MeasureCounts> | undefined {
  const names = [...new Set(tables.flatMap((t) => Object.keys(t ?? {})))];
  if (names.length === 0) return undefined;
  const out: Record<string, MeasureCounts> = {};
  for (const name of names) {
    const parts = tables.map((t) => t?.[name]);
    const first = parts.find((p) => p !== undefined)!;
    for (const p of parts) {
      if (p !== undefined && (p.kind !== first.kind || JSON.stringify(p.definition) !== JSON.stringify(first.definition))) {
        throw new InvalidArgumentError('tables', name, `measure ${JSON.stringify(name)} is defined differently in the tables being merged`);
      }
    }
    if (first.kind === 'category' || first.kind === 'ordinal') {
      const L = first.levels.length;
      const counts = new Float64Array(cellCount * L);
      parts.forEach((p, t) => {
        if (p === undefined || !('counts' in p)) return;
        p.counts.forEach((c, at) => {
          if (c !== 0) counts[cellOf(t, Math.floor(at / L)) * L + (at % L)]! += c;
        });
      });
      out[name] = Object.freeze({ ...first, counts });
    } else {
      const grouped = new Map<number, NumberCellSketch[]>();
      parts.forEach((p, t) => {
        if (p === undefined || !('cells' in p)) return;
        p.cells.forEach((s, c) => {
          if (s === null) return;
          const cell = cellOf(t, c);
          grouped.set(cell, [...(grouped.get(cell) ?? []), s]);
        });
      });
      const cells: (NumberCellSketch | null)[] = new Array<NumberCellSketch | null>(cellCount).fill(null);
      for (const [cell, list] of grouped) cells[cell] = list.length === 1 ? list[0]! : mergeNumberCells(list);
      out[name] = Object.freeze({ ...first, cells: Object.freeze(cells) });
    }
  }
  return out;
}

/**
 * Counts the measures of validated records one by one, by the record's type, year and outcome,
 * for a reader that counts those itself; `cellsOf(table)` then lays them out on its count table.
 */
export class RecordMeasureCounter {
  private readonly builder: MeasureCountsBuilder;
  private readonly slots = new Map<string, number>();
  private readonly keys: { type: string; year: number; outcome: string }[] = [];

  constructor(definitions: MeasureDefinitions) {
    this.builder = new MeasureCountsBuilder(definitions);
  }

  add(record: Readonly<Record<string, unknown>> & { type: string; year: number; outcome: string }): void {
    const key = `${record.type}\u0000${record.year}\u0000${record.outcome}`;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.keys.length;
      this.slots.set(key, slot);
      this.keys.push({ type: record.type, year: record.year, outcome: record.outcome });
    }
    this.builder.add(slot, record);
  }

  /** The measures on the cells of `table`, which must hold every record added (by type, year and outcome). */
  measuresOn(table: { types: readonly string[]; years: readonly (number | null)[]; outcomes: readonly string[]; counts: { length: number } }): Record<string, MeasureCounts> {
    const types = new Map(table.types.map((t, i) => [t, i]));
    const years = new Map(table.years.map((y, i) => [y, i]));
    const outcomes = new Map(table.outcomes.map((o, i) => [o, i]));
    const cellOf = (slot: number) => {
      const k = this.keys[slot]!;
      return (types.get(k.type)! * table.years.length + years.get(k.year)!) * table.outcomes.length + outcomes.get(k.outcome)!;
    };
    return this.builder.build(cellOf, table.counts.length);
  }
}
