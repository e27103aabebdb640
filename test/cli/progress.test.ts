import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';
import { run } from '../../src/cli/run.js';

const sample = fileURLToPath(new URL('../../data/sample-cohort.csv', import.meta.url));

describe('progress and interruption', () => {
  it('draws rows, MB/s and ETA, at most every 100 ms, and clears the line at the end', async () => {
    const lines: string[] = [];
    const p = await progressReporter(sample, (l) => lines.push(l));
    await new Promise((r) => setTimeout(r, 120));
    p.update(60_000, 2000);
    p.update(70_000, 2500); // within 100 ms of the last: not drawn
    p.done();
    const drawn = lines.filter((l) => l.includes('rows'));
    expect(drawn.length).toBeGreaterThanOrEqual(1);
    expect(drawn.at(-1)).toMatch(/\[#+\.*\] 0\.00M rows\s+\d+ MB\/s\s+ETA \d+\.\d s/);
    expect(lines.at(-1)).toBe('\r\x1b[2K');
  });

  it('summarize draws progress when given a terminal and stops on abort', async () => {
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    let err = '';
    const attempt = run(['summarize', sample], { out: () => {}, err: (t) => (err += t), bold: (t) => t, signal: controller.signal, progress: () => {} });
    await expect(attempt).rejects.toThrow('interrupted');
    expect(err).toBe('');
  });

  it('summarize --threads counts on workers with the same output', async () => {
    let one = '';
    let two = '';
    await run(['summarize', sample, '--json'], { out: (t) => (one += t), err: () => {}, bold: (t) => t });
    await run(['summarize', sample, '--json', '--threads', '2'], { out: (t) => (two += t), err: () => {}, bold: (t) => t });
    expect(two).toBe(one);
    expect((await run(['summarize', '--threads', '0'], { out: () => {}, err: () => {}, bold: (t) => t }))).toBe(2);
  });
});
