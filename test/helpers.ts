import fc from 'fast-check';
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

/**
 * A number cell with its double sums to 10 significant digits: they depend on the order of adding
 * and on the method (Welford's update, or the exact sums), and may differ in the last bits; the
 * exact sums in `grid` do not, and are compared as they are.
 */
const approximate = (s: Extract<MeasureCounts, { cells: unknown }>['cells'][number] | undefined) =>
  s ? { ...s, moments: { ...s.moments, sum: Number(s.moments.sum.toPrecision(10)), m2: Number(s.moments.m2.toPrecision(10)) } } : s;

/** Every cell's measures, keyed by type|year|outcome, for comparing tables laid out differently. */
export function measuresByCell(table: CountTable): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const O = table.outcomes.length;
  const Y = table.years.length;
  table.counts.forEach((count, cell) => {
    if (count === 0) return;
    const key = `${table.types[Math.floor(cell / (O * Y))]}|${table.years[Math.floor(cell / O) % Y]}|${table.outcomes[cell % O]}`;
    const measures = Object.entries(table.measures ?? {}).map(([name, m]: [string, MeasureCounts]) =>
      'counts' in m ? [name, [...m.counts.subarray(cell * m.levels.length, (cell + 1) * m.levels.length)]] : [name, approximate(m.cells[cell])],
    );
    out.set(key, { count, measures: Object.fromEntries(measures) });
  });
  return out;
}
