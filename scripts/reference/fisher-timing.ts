// CPU time of the exact r×c p-value on the tables the README quotes (process CPU time, so a loaded
// machine slows the wall clock, not these figures), each after one warm-up call.
//
//   npx tsx scripts/reference/fisher-timing.ts
import { fisherExact, type FisherRxC } from '../../src/inference/fisher-exact.js';

const tables: [string, number[][]][] = [
  ['3×4, n = 500', [[44, 40, 46, 36], [37, 43, 39, 35], [53, 44, 52, 31]]],
  ['2×10, n = 2000, near independence', [[101, 93, 92, 103, 97, 99, 94, 101, 95, 111], [99, 107, 108, 97, 103, 101, 106, 99, 105, 89]]],
];
for (const [name, table] of tables) {
  fisherExact(table);
  const start = process.cpuUsage();
  const { pValue } = fisherExact(table) as FisherRxC;
  const used = process.cpuUsage(start);
  console.log(`${name}: p = ${pValue.toPrecision(12)}, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
}
