// In-memory statistics and exact formatting against plain-JS baselines (part of npm run bench).
import { formatPercent, typeDistribution, improvementRate, countTable, type CohortRecord } from '../src/index.js';
import { report, time } from './harness.js';

const N = 1_000_000;
const types = ['spastic', 'mixed', 'athetoid', 'other'];
const outcomes = ['improved', 'unchanged', 'worsened', 'unknown'] as const;
const records: CohortRecord[] = Array.from({ length: N }, (_, i) => ({
  type: types[(i * 7) % 4] as string,
  year: 2004 + (i % 11),
  outcome: outcomes[(i * 13) % 4] as CohortRecord['outcome'],
}));

const naiveTypeCounts = time('baseline: Map counting loop over records', () => {
  const m = new Map<string, number>();
  for (const r of records) m.set(r.type, (m.get(r.type) ?? 0) + 1);
  return m;
});
report(`typeDistribution on ${N.toLocaleString('en')} in-memory records`, naiveTypeCounts, [
  time('typeDistribution(records)', () => typeDistribution(records, { decimals: 2 })),
  time('countTable(records)', () => countTable(records)),
  time('improvementRate(records)', () => improvementRate(records)),
]);

const table = countTable(records);
const fromTable = time('baseline: typeDistribution(countTable)', () => typeDistribution(table, { decimals: 2 }));
report('statistics from a count table (independent of N)', fromTable, [time('improvementRate(countTable)', () => improvementRate(table))]);

const M = 100_000;
const floatFormat = time('baseline: (k / n * 100).toFixed(2) (inexact)', () => {
  let s = '';
  for (let k = 1; k <= M; k++) s = ((k / 4278) * 100).toFixed(2);
  return s;
});
report(`formatPercent x ${M.toLocaleString('en')} (exact BigInt arithmetic)`, floatFormat, [
  time('formatPercent(k, 4278, { decimals: 2 })', () => {
    let s = '';
    for (let k = 1; k <= M; k++) s = formatPercent(k % 4279, 4278, { decimals: 2 });
    return s;
  }),
]);
