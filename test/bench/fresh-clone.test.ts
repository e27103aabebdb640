// What `npm run bench -- --quick` needs in a fresh clone: its data directory made on demand, and
// the start-up measurement runnable against the build (no timing is asserted here).
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import { measureStartup, STARTUP_CASES } from '../../bench/startup.js';

describe('the benchmarks in a fresh clone', () => {
  it('generate makes its data directory when it is missing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'to-bench-')), 'data', 'nested');
    expect(existsSync(dir)).toBe(false);
    const file = await generate(1000, dir);
    expect(file).toBe(join(dir, 'cohort-1000.csv'));
    expect(statSync(file).size).toBeGreaterThan(1000 * 20);
  });

  it('measures the start-up CPU of every entry and CLI command it lists', () => {
    const results = measureStartup(1);
    expect(results.map((r) => r.name)).toEqual(STARTUP_CASES.map((c) => c.name));
    for (const r of results) {
      expect(r.seconds, r.name).toBeGreaterThan(0);
      expect(r.least, r.name).toBeLessThanOrEqual(r.seconds);
    }
  }, 60_000);
});
