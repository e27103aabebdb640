// Every variable summarised per column, from records or from a count table, in one shape:
// counts per level for categorical variables, moment and quantile sketches for continuous ones.
import { mergeNumberCells, type MeasureCounts, type NumberCellSketch } from '../describe/measure-counts.js';
import { MomentAccumulator, repeatedSketch, type MomentSketch } from '../describe/moment-sketch.js';
import { QuantileAccumulator, type QuantileSketch } from '../describe/quantile-sketch.js';
import { InvalidArgumentError, describeValue } from '../errors.js';
import { isMissingValue } from '../schema/measures.js';
import type { CountTable } from '../stats/count-table.js';
import type { GroupValue } from '../stats/group.js';
import type { ResolvedVariable } from './variables.js';

/** One variable in one column. `n` is the column's record count; `missing` those without a value. */
export type ColumnSummary =
  | { kind: 'categorical'; n: number; counts: number[]; missing: number }
  | { kind: 'continuous'; n: number; moments: MomentSketch; quantiles: QuantileSketch; missing: number };

/** The groups and, per variable, one summary per group and one for all records (the last). */
export interface Summaries {
  groups: GroupValue[];
  /** Records per group, then all records. */
  totals: number[];
  /** [variable][column]; columns are the groups in order, then all records. */
  byVariable: ColumnSummary[][];
  /** Records whose grouping value is missing: counted in the overall column only. */
  ungrouped: number;
}

type Accumulator =
  | { kind: 'categorical'; counts: number[]; missing: number; index: Map<unknown, number> }
  | { kind: 'continuous'; moments: MomentAccumulator; quantiles: QuantileAccumulator; missing: number };

function accumulator(v: ResolvedVariable): Accumulator {
  return v.kind === 'categorical'
    ? { kind: 'categorical', counts: v.levels.map(() => 0), missing: 0, index: new Map(v.levels.map((l, i) => [l, i])) }
    : { kind: 'continuous', moments: new MomentAccumulator(), quantiles: new QuantileAccumulator(Infinity), missing: 0 };
}

function addValue(acc: Accumulator, v: ResolvedVariable, value: unknown, row: number): void {
  if (isMissingValue(value)) {
    acc.missing += 1;
    return;
  }
  if (acc.kind === 'categorical') {
    const l = acc.index.get(value);
    if (l === undefined) throw new InvalidArgumentError(`records[${row}].${v.name}`, value, `records[${row}].${v.name} is ${describeValue(value)}, not one of ${v.levels.join(', ')}; validate records with the cohort first`);
    acc.counts[l]! += 1;
    return;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`records[${row}].${v.name}`, value, `records[${row}].${v.name} must be a finite number or missing, got ${describeValue(value)}`);
  }
  acc.moments.add(value);
  acc.quantiles.add(value);
}

function finish(acc: Accumulator, n: number): ColumnSummary {
  return acc.kind === 'categorical'
    ? { kind: 'categorical', n, counts: acc.counts, missing: acc.missing }
    : { kind: 'continuous', n, moments: acc.moments.sketch(), quantiles: acc.quantiles.sketch(), missing: acc.missing };
}

/** Summaries from records: one pass, each record counted in its group and in the overall column. */
export function summarizeRecords(records: readonly Readonly<Record<string, unknown>>[], by: string | null, groups: GroupValue[], variables: readonly ResolvedVariable[]): Summaries {
  const groupIndex = new Map<unknown, number>(groups.map((g, i) => [g, i]));
  const columns = groups.length + 1;
  const accs = variables.map((v) => Array.from({ length: columns }, () => accumulator(v)));
  const totals = new Array<number>(columns).fill(0);
  let ungrouped = 0;
  records.forEach((r, row) => {
    if (typeof r !== 'object' || r === null) throw new InvalidArgumentError(`records[${row}]`, r, `records[${row}] must be a record object, got ${describeValue(r)}`);
    const g = by === null ? undefined : groupIndex.get(r[by]);
    if (by !== null && g === undefined) ungrouped += 1;
    totals[columns - 1]! += 1;
    if (g !== undefined) totals[g]! += 1;
    variables.forEach((v, k) => {
      const value = r[v.name];
      addValue(accs[k]![columns - 1]!, v, value, row);
      if (g !== undefined) addValue(accs[k]![g]!, v, value, row);
    });
  });
  return { groups, totals, byVariable: accs.map((list) => list.map((a, c) => finish(a, totals[c]!))), ungrouped };
}

/** A number sketch of a categorical measure's numeric levels, from their counts. */
function sketchOfLevels(levels: readonly (string | number)[], counts: readonly number[]): NumberCellSketch {
  const moments = new MomentAccumulator();
  const quantiles = new QuantileAccumulator(Infinity);
  levels.forEach((l, i) => {
    if (counts[i]! === 0) return;
    moments.merge(repeatedSketch(l as number, counts[i]!));
    quantiles.add(l as number, counts[i]!);
  });
  return { moments: moments.sketch(), quantiles: quantiles.sketch() };
}

/** Summaries from a count table: its cells summed by group, its measures' sketches merged. */
export function summarizeTable(table: CountTable, by: 'type' | 'year' | 'outcome' | null, groups: GroupValue[], variables: readonly ResolvedVariable[]): Summaries {
  const O = table.outcomes.length;
  const Y = table.years.length;
  const columns = groups.length + 1;
  const groupIndex = new Map<unknown, number>(groups.map((g, i) => [g, i]));
  // the column of every cell, from its type, year or outcome
  const cellColumn = new Int32Array(table.counts.length).fill(-1);
  const totals = new Array<number>(columns).fill(0);
  let ungrouped = 0;
  table.counts.forEach((count, cell) => {
    const o = cell % O;
    const y = Math.floor(cell / O) % Y;
    const t = Math.floor(cell / (O * Y));
    const key = by === 'type' ? table.types[t] : by === 'year' ? table.years[y] : by === 'outcome' ? table.outcomes[o] : undefined;
    const g = by === null ? undefined : groupIndex.get(key);
    if (g !== undefined) cellColumn[cell] = g;
    totals[columns - 1]! += count;
    if (g !== undefined) totals[g]! += count;
    else if (by !== null) ungrouped += count;
  });
  const byVariable = variables.map((v) => {
    const m: MeasureCounts | undefined = table.measures?.[v.name];
    if (m === undefined) return fieldSummaries(table, v, cellColumn, columns, totals);
    if (m.kind === 'category' || m.kind === 'ordinal') {
      const L = m.levels.length;
      const counts = Array.from({ length: columns }, () => new Array<number>(L).fill(0));
      m.counts.forEach((c, at) => {
        if (c === 0) return;
        const col = cellColumn[Math.floor(at / L)]!;
        counts[columns - 1]![at % L]! += c;
        if (col >= 0) counts[col]![at % L]! += c;
      });
      return counts.map((cs, c): ColumnSummary => {
        const recorded = cs.reduce((a, b) => a + b, 0);
        if (v.kind === 'categorical') return { kind: 'categorical', n: totals[c]!, counts: cs, missing: totals[c]! - recorded };
        const s = sketchOfLevels(m.levels, cs);
        return { kind: 'continuous', n: totals[c]!, ...s, missing: totals[c]! - recorded };
      });
    }
    const lists: NumberCellSketch[][] = Array.from({ length: columns }, () => []);
    (m as Extract<MeasureCounts, { cells: unknown }>).cells.forEach((s, cell) => {
      if (s === null) return;
      lists[columns - 1]!.push(s);
      const col = cellColumn[cell]!;
      if (col >= 0) lists[col]!.push(s);
    });
    return lists.map((list, c): ColumnSummary => {
      const s = mergeNumberCells(list);
      return { kind: 'continuous', n: totals[c]!, ...s, missing: totals[c]! - s.moments.n };
    });
  });
  return { groups, totals, byVariable, ungrouped };
}

/** Type, year or outcome as a categorical variable of a count table. */
function fieldSummaries(table: CountTable, v: ResolvedVariable, cellColumn: Int32Array, columns: number, totals: number[]): ColumnSummary[] {
  if (v.kind !== 'categorical') throw new InvalidArgumentError('variables', v.name, `${v.name} can only be described as categorical`);
  const O = table.outcomes.length;
  const Y = table.years.length;
  const index = new Map<unknown, number>(v.levels.map((l, i) => [l, i]));
  const counts = Array.from({ length: columns }, () => new Array<number>(v.levels.length).fill(0));
  const missing = new Array<number>(columns).fill(0);
  table.counts.forEach((c, cell) => {
    if (c === 0) return;
    const o = cell % O;
    const y = Math.floor(cell / O) % Y;
    const t = Math.floor(cell / (O * Y));
    const value = v.name === 'type' ? table.types[t] : v.name === 'year' ? table.years[y] : table.outcomes[o];
    const l = index.get(value);
    const col = cellColumn[cell]!;
    for (const target of col >= 0 ? [col, columns - 1] : [columns - 1]) {
      if (l === undefined) missing[target]! += c;
      else counts[target]![l]! += c;
    }
  });
  return counts.map((cs, c) => ({ kind: 'categorical', n: totals[c]!, counts: cs, missing: missing[c]! }));
}
