import fc from 'fast-check';
import { expect } from 'vitest';
import type { MeasureCounts } from '../src/describe/measure-counts.js';
import { OUTCOMES, type CohortRecord } from '../src/schema/record.js';
import type { CountTable } from '../src/stats/count-table.js';

/** Arbitrary validated records over a small vocabulary, so groups collide. */
export const recordArb: fc.Arbitrary<CohortRecord> = fc.record({
  type: fc.constantFrom('spastic', 'mixed', 'athetoid', 'other'),
  year: fc.integer({ min: 2004, max: 2008 }),
  outcome: fc.constantFrom(...OUTCOMES),
});

/** Deep-freeze so any mutation throws in strict-mode modules. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Count records the slow, obvious way: the oracle for every count-table statistic. */
export function naiveCount<K extends keyof CohortRecord>(records: readonly CohortRecord[], key: K, value: CohortRecord[K]): number {
  return records.filter((r) => r[key] === value).length;
}

/** Σx and Σ(x − x̄)² of a number cell: doubles that depend on the order of adding and on the method. */
type Doubles = { sum: number; m2: number };

/**
 * A number cell without its double sums (compared by {@link expectSameMeasures} within a relative
 * tolerance: Welford's update and the exact sums may differ in the last bits, so no rounding of
 * them is safe to compare); the exact sums in `grid` are kept and compared as they are.
 */
const withoutDoubles = (s: Extract<MeasureCounts, { cells: unknown }>['cells'][number] | undefined) =>
  s ? { ...s, moments: { ...s.moments, sum: undefined, m2: undefined } } : s;

/** Every cell's count and measures, keyed by type|year|outcome, for comparing tables laid out differently. */
export function measuresByCell(table: CountTable, doubles?: Map<string, Doubles>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const O = table.outcomes.length;
  const Y = table.years.length;
  table.counts.forEach((count, cell) => {
    if (count === 0) return;
    const key = `${table.types[Math.floor(cell / (O * Y))]}|${table.years[Math.floor(cell / O) % Y]}|${table.outcomes[cell % O]}`;
    const measures = Object.entries(table.measures ?? {}).map(([name, m]: [string, MeasureCounts]) => {
      if ('counts' in m) return [name, [...m.counts.subarray(cell * m.levels.length, (cell + 1) * m.levels.length)]];
      const sketch = m.cells[cell];
      if (sketch) doubles?.set(`${key}|${name}`, { sum: sketch.moments.sum, m2: sketch.moments.m2 });
      return [name, withoutDoubles(sketch)];
    });
    out.set(key, { count, measures: Object.fromEntries(measures) });
  });
  return out;
}

/** Two count tables hold the same counts and measures: exactly, but for the double sums, which agree to 1e-9 relative. */
export function expectSameMeasures(actual: CountTable, expected: CountTable): void {
  const a = new Map<string, Doubles>();
  const b = new Map<string, Doubles>();
  expect(measuresByCell(actual, a)).toStrictEqual(measuresByCell(expected, b));
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [key, x] of a) {
    const y = b.get(key)!;
    for (const f of ['sum', 'm2'] as const) expect(Math.abs(x[f] - y[f]), `${key} ${f}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y[f])));
  }
}
