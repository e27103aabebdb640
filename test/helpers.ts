import fc from 'fast-check';
import { OUTCOMES, type CohortRecord } from '../src/schema/record.js';

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
