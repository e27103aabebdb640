// In-memory statistics and exact formatting against plain-JS baselines (part of npm run bench).
import { formatPercent, typeDistribution, improvementRate, countTable, forEachCell, fromCounts, mergeCounts, type CohortRecord, type CountRow, type CountTable, OUTCOMES } from '../src/index.js';
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

// mergeCounts: 36 tables of 300 types x 40 years x 4 outcomes over one layout (chunks of one
// file), and 36 with layouts of their own (sites, each with a type and a year of its own)
const bigRows = (k: number): CountRow[] =>
  Array.from({ length: 300 * 40 * 4 }, (_, c) => ({ type: `type-${c % 300}`, year: 1980 + (Math.floor(c / 300) % 40), outcome: OUTCOMES[Math.floor(c / 12_000)]!, count: (c * 7 + k) % 5 }));
const chunkTables = Array.from({ length: 36 }, (_, k) => fromCounts(bigRows(k)));
const siteTables = Array.from({ length: 36 }, (_, k) => fromCounts([...bigRows(k), { type: `site-${k}`, year: 1900 + k, count: 1 }]));
function rowsOf(t: CountTable): CountRow[] {
  const rows: CountRow[] = [];
  forEachCell(t, (type, year, outcome, count) => rows.push({ type, year, outcome, count }));
  return rows;
}
const addArrays = time('baseline: add 36 aligned Float64Arrays', () => {
  const sum = new Float64Array(chunkTables[0]!.counts.length);
  for (const t of chunkTables) for (let i = 0; i < sum.length; i++) sum[i]! += t.counts[i]!;
  return sum;
});
report('mergeCounts of 36 tables of 48,000 cells', addArrays, [
  time('mergeCounts (one layout)', () => mergeCounts(...chunkTables)),
  time('mergeCounts (a layout each)', () => mergeCounts(...siteTables)),
  time('fromCounts of every cell as a row (one layout)', () => fromCounts(chunkTables.flatMap(rowsOf))),
]);

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
