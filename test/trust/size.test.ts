// Size budget for browser bundles of the core (esbuild, minified, gzip level 9), measured on dist/.
// Budgets are the figures measured when they were set plus a small margin; raise one only on purpose.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSize } from '../../scripts/bundle-size.js';

const KB = 1024;
// name, import, gzip budget (measured), and which heavy dependencies it must not pull in
const BUDGETS: [string, string, number, ('zod' | 'stdlib' | 'yaml')[]][] = [
  ['formatPercent', `export { formatPercent } from './dist/browser/index.js';`, 1.5 * KB, ['zod', 'stdlib', 'yaml']], // 1.0 KB
  ['formatPercent + checkPercent', `export { formatPercent, checkPercent } from './dist/browser/index.js';`, 3 * KB, ['zod', 'stdlib', 'yaml']], // 2.2 KB
  ['parseRecords + defineCohort', `export { parseRecords, defineCohort } from './dist/browser/index.js';`, 11 * KB, ['stdlib', 'yaml']], // 10.3 KB (8.1 before measures: their definitions, zod fields and suggestions)
  ['proportionCI', `export { proportionCI } from './dist/browser/index.js';`, 56 * KB, ['zod', 'yaml']], // 52.3 KB
  ['metaProportion', `export { metaProportion } from './dist/browser/index.js';`, 62 * KB, ['zod', 'yaml']], // 58.1 KB
  ['mantelHaenszel + cmhTest + breslowDay', `export { mantelHaenszel, cmhTest, breslowDay } from './dist/browser/index.js';`, 36 * KB, ['zod', 'yaml']], // 32.9 KB
  // htmlparser2's tokenizer with the HTML5 entity table is 53.7 KB of readTables' 58.8 KB; only importers of readTables pay it
  ['readTables', `export { readTables } from './dist/browser/index.js';`, 62 * KB, ['zod', 'stdlib', 'yaml']], // 58.8 KB
  ['tableClaims + grimmer', `export { tableClaims, grimmer } from './dist/browser/index.js';`, 20 * KB, ['zod', 'stdlib', 'yaml']], // 19.4 KB (18.6 before inferred sizes confirmed by levels, Total rows, "n" columns and subject-count pairs; 16.4 before n/N and Mean-or-% column pairs, shares a note names, missing-count columns, bare Total counts; 14.4 before levels' sums, sizes in the body and notes, row-percent columns; 12.9 before Mean | SD and N columns, level lists, bounds and marked rows; 12.0 when set)
  // measured 254.5 to 256.7 KB with the prose reader's cue tables of four languages (lexicon.ts, about 4.4 KB of it;
  // 244.2 KB before them and the tables printed as text); 261.5 KB with the later table and prose readings, 263.8 KB
  // with the English prose readings of successive sentences, "respectively" lists, bracketed groups and tables of one
  // cell a line or a percent row over a ratio row (about 2.3 KB); 265.1 KB with the table readings of inferred sizes
  // confirmed by a variable's levels, Total rows, "n" columns and subject-count column pairs (0.9 KB: 264.2 before,
  // the same build in the same worktree); about 2.2 KB more with the German, French and Spanish prose readings of
  // restated ratios, counts of the sentence before, estimates, capacity rates and earlier years (265.6 to 267.8 KB,
  // two builds of the same worktree); the same sources gzip up to 2.6 KB apart between builds (265.1 and 267.7 KB,
  // chunk order changes), so this budget keeps a margin of about 2.9 KB over the last measure: a breach is growth,
  // not noise (sizes in git log -p)
  ['everything', `export * from './dist/browser/index.js';`, 270.2 * KB, []],
];

describe('bundle size budget', () => {
  beforeAll(() => {
    if (!existsSync(new URL('../../dist/browser/index.js', import.meta.url))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  });
  it.each(BUDGETS)('%s', async (name, contents, budget, excluded) => {
    const size = await bundleSize(name, contents);
    console.log(`${name}: ${(size.gzipped / KB).toFixed(1)} KB gzip (budget ${(budget / KB).toFixed(1)} KB)`);
    expect(size.gzipped).toBeLessThanOrEqual(budget);
    if (excluded.includes('zod')) expect(size.zodBytes).toBe(0);
    if (excluded.includes('stdlib')) expect(size.stdlibBytes).toBe(0);
    if (excluded.includes('yaml')) expect(size.yamlBytes).toBe(0);
  });
});
