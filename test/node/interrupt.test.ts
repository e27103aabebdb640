// Ctrl-C while several threads count: the CLI stops them, prints no summary and exits 130.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'to-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** How many descriptors process `pid` holds open on `file` (Linux), or undefined where /proc does not say. */
function openCount(pid: number, file: string): number | undefined {
  const fds = `/proc/${pid}/fd`;
  if (!existsSync(fds)) return undefined;
  let n = 0;
  for (const fd of readdirSync(fds)) {
    try {
      if (readlinkSync(join(fds, fd)) === file) n++;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}

describe('summarize --threads 2, interrupted', () => {
  it('stops the workers, prints no summary and exits 130', async () => {
    // every row rejected for its own values: ~20 µs a row, so counting takes seconds on any machine
    const rows = ['id,type,year,outcome'];
    for (let i = 0; i < 400_000; i++) rows.push(`${i},spastik${i},y${i},improvd${i}`);
    const file = join(dir, 'slow.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);

    const child = spawn(process.execPath, ['--import', 'tsx', main, 'summarize', file, '--threads', '2', '--lenient', '--max-rejects', '0'], {
      env: { ...process.env, TREATMENT_OUTCOMES_PARALLEL: 'always' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

    // interrupt once this thread and a worker both read the file (where that can be seen), else after 3 s
    const started = Date.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const readers = openCount(child.pid!, realpathSync(file));
      if (readers === undefined ? Date.now() - started > 3000 : readers >= 2) break;
      if (child.exitCode !== null) break;
    }
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect({ code, signal, out }).toEqual({ code: 130, signal: null, out: '' });
    expect(err).toContain('interrupted');
  }, 120_000);
});
