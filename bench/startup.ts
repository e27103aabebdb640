// Start-up cost: CPU time (user + system) of a fresh Node process that loads an entry or runs a
// CLI command, against `node -e 0` measured in the same run. Each figure is the median of
// interleaved runs; the process reports its own CPU use at exit (bench/cpu-at-exit.cjs), so the
// figure covers Node's bootstrap, module loading and the command's work, and nothing else.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const probe = fileURLToPath(new URL('./cpu-at-exit.cjs', import.meta.url));

/** What is started, as `node` arguments. */
export const STARTUP_CASES: readonly { name: string; args: string[]; exit?: number }[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  // through the package's own exports, as an installed package resolves (`node` condition)
  { name: 'import core entry (ESM)', args: ['--input-type=module', '-e', "await import('treatment-outcomes')"] },
  { name: 'require core entry (CJS)', args: ['-e', "require('treatment-outcomes')"] },
  { name: 'import node entry (ESM)', args: ['--input-type=module', '-e', "await import('treatment-outcomes/node')"] },
  { name: 'require node entry (CJS)', args: ['-e', "require('treatment-outcomes/node')"] },
  { name: 'CLI --version', args: ['dist/cli/main.js', '--version'] },
  { name: 'CLI check-percent 31.34 --of 4278', args: ['dist/cli/main.js', 'check-percent', '31.34', '--of', '4278'], exit: 1 },
  { name: 'CLI summarize (sample, 4278 rows)', args: ['dist/cli/main.js', 'summarize'] },
  { name: 'CLI audit (seed claims)', args: ['dist/cli/main.js', 'audit'], exit: 1 },
];

function cpuSeconds(args: readonly string[], exit = 0): number {
  const run = spawnSync(process.execPath, ['--require', probe, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const match = /startup-cpu-us=(\d+)/.exec(run.stderr);
  if (run.status !== exit || !match) throw new Error(`no CPU figure from node ${args.join(' ')} (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  return Number(match[1]) / 1e6;
}

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

/**
 * CPU seconds per case over `runs` interleaved rounds: the median, and the least, which on a
 * shared machine is closest to the cost of the work itself (other processes only ever add to it).
 */
export function measureStartup(runs = 9): { name: string; seconds: number; least: number }[] {
  const samples = STARTUP_CASES.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) STARTUP_CASES.forEach((c, i) => samples[i]!.push(cpuSeconds(c.args, c.exit)));
  return STARTUP_CASES.map((c, i) => {
    const s = sorted(samples[i]!);
    return { name: c.name, seconds: s[Math.floor(s.length / 2)] ?? NaN, least: s[0] ?? NaN };
  });
}

/** Print the start-up table (called by bench/index.ts). */
export function startupBenchmark(runs = 9): void {
  const results = measureStartup(runs);
  const base = results[0]!.seconds;
  console.log(`\nStart-up CPU (user + system) of ${runs} interleaved runs; budget 0.12 s`);
  console.log(`  ${'process'.padEnd(36)} ${'median'.padStart(7)} ${'least'.padStart(7)}  median over node -e 0`);
  for (const r of results) {
    const over = r === results[0] ? '' : `  +${(r.seconds - base).toFixed(3)} s  ${r.seconds <= 0.12 ? 'within budget' : 'OVER BUDGET'}`;
    console.log(`  ${r.name.padEnd(36)} ${r.seconds.toFixed(3)}s ${r.least.toFixed(3)}s${over}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startupBenchmark(Number(process.argv[2] ?? 9));
