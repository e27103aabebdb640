// Size budget for browser bundles of the core (esbuild, minified, gzip level 9), measured on dist/ (the whole core on src/).
// Budgets are the figures measured when they were set plus a small margin; raise one only on purpose.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSize, FROM_SOURCES } from '../../scripts/bundle-size.js';

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
  ['tableClaims + grimmer', `export { tableClaims, grimmer } from './dist/browser/index.js';`, 24 * KB, ['zod', 'stdlib', 'yaml']], // 23.7 KB (21.8 before levels' own bases: heading-row sizes, missing counts, a common smaller size by brute force, shares of a count above, unheaded n | % pairs; 19.4 before headings' sizes in k = and patient counts, levels under a summary row, row percentages with no Total column, sizes stated above, percents without their sign or named by a word, counts from another column's size; 18.6 before inferred sizes confirmed by levels, Total rows, "n" columns and subject-count pairs; 16.4 before n/N and Mean-or-% column pairs, shares a note names, missing-count columns, bare Total counts; 14.4 before levels' sums, sizes in the body and notes, row-percent columns; 12.9 before Mean | SD and N columns, level lists, bounds and marked rows; 12.0 when set)
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
  // The whole core is bundled from src/ in one esbuild build with the browser build's settings: the same code as
  // dist/browser/, but the same bytes every time. Bundled from dist/browser/, builds of the same sources measured up
  // to 2.6 KB apart (265.1 and 267.7 KB; 267.5 to 268.6 KB in four builds of these), as the order in which its chunks
  // import each other changes between builds, so a budget there had to carry that noise (sizes in git log -p). Measured 270.5 KB from the sources (277,032 bytes; 805,510
  // minified); the budget is that plus 1% (2.7 KB, the headroom the last budget on dist/ left): a breach is growth.
  // Raised on purpose to 277.6 KB: 274.9 KB measured with the tables' heading sizes, levels under a summary row, row
  // percentages, sizes stated above and counts from another column's size (2.4 KB over the 272.5 KB before them), plus 1%.
  // Raised by 0.4 KB to 278.0 KB: 277.9 KB measured (284,584 bytes) with the German, French and Spanish readings of rates
  // said as figures of speech, "respectively" sizes read by the tokenizer, fronted narrowing phrases and sample sizes
  // (0.3 KB: 277.5 KB before them) and the audit's decimals limit beside them.
  it('everything, bundled from the sources', async () => {
    // Raised by 4.7 KB to 282.7 KB: 279.9 KB measured with the tables' levels of those with data (the levels' own
    // bases, a common smaller size by brute force, unheaded n | % pairs, SD= means), plus 1%.
    const budget = 282.7 * KB;
    const size = await bundleSize('everything', `export * from './src/index.ts';`, FROM_SOURCES);
    console.log(`everything: ${(size.gzipped / KB).toFixed(1)} KB gzip (budget ${(budget / KB).toFixed(1)} KB)`);
    expect(size.gzipped).toBeLessThanOrEqual(budget);
  });
});
