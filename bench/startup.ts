// Start-up cost: CPU time (user + system) of a fresh Node process that loads an entry or runs a
// CLI command, against `node -e 0` measured in the same run. Each figure is the median of
// interleaved runs; the process reports its own CPU use at exit (bench/cpu-at-exit.cjs), so the
// figure covers Node's bootstrap, module loading and the command's work, and nothing else.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const probe = fileURLToPath(new URL('./cpu-at-exit.cjs', import.meta.url));

/** What is started, as `node` arguments. */
export const STARTUP_CASES: readonly { name: string; args: string[] }[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'import core entry (ESM)', args: ['--input-type=module', '-e', "await import('./dist/index.js')"] },
  { name: 'require core entry (CJS)', args: ['-e', "require('./dist/index.cjs')"] },
  { name: 'import node entry (ESM)', args: ['--input-type=module', '-e', "await import('./dist/node/index.js')"] },
  { name: 'CLI --version', args: ['dist/cli/main.js', '--version'] },
  { name: 'CLI check-percent 31.34 --of 4278', args: ['dist/cli/main.js', 'check-percent', '31.34', '--of', '4278'] },
  { name: 'CLI summarize (sample, 4278 rows)', args: ['dist/cli/main.js', 'summarize'] },
  { name: 'CLI audit (seed claims)', args: ['dist/cli/main.js', 'audit'] },
];

function cpuSeconds(args: readonly string[]): number {
  const run = spawnSync(process.execPath, ['--require', probe, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const match = /startup-cpu-us=(\d+)/.exec(run.stderr);
  if (!match) throw new Error(`no CPU figure from node ${args.join(' ')} (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  return Number(match[1]) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Median CPU seconds per case over `runs` interleaved rounds. */
export function measureStartup(runs = 9): { name: string; seconds: number }[] {
  const samples = STARTUP_CASES.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) STARTUP_CASES.forEach((c, i) => samples[i]!.push(cpuSeconds(c.args)));
  return STARTUP_CASES.map((c, i) => ({ name: c.name, seconds: median(samples[i]!) }));
}

/** Print the start-up table (called by bench/index.ts). */
export function startupBenchmark(runs = 9): void {
  const results = measureStartup(runs);
  const base = results[0]!.seconds;
  console.log(`\nStart-up CPU (user + system), median of ${runs} interleaved runs; budget 0.12 s`);
  for (const r of results) {
    const over = r === results[0] ? '' : `  +${(r.seconds - base).toFixed(3)} s over node -e 0  ${r.seconds <= 0.12 ? 'within budget' : 'OVER BUDGET'}`;
    console.log(`  ${r.name.padEnd(36)} ${r.seconds.toFixed(3)} s${over}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startupBenchmark(Number(process.argv[2] ?? 9));
