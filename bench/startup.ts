// Start-up cost: CPU time (user + system) of a fresh Node process that loads an entry or runs a
// CLI command, against `node -e 0` measured in the same run. Each figure is the median of
// interleaved runs; the process reports its own CPU use at exit (bench/cpu-at-exit.cjs), so the
// figure covers Node's bootstrap, module loading and the command's work, and nothing else.
// The budget (0.12 s) holds for loading each entry and for CLI commands on tiny inputs; the
// sample summary (4278 records with four measures) and the audit are shown for their work too.
//
//   npx tsx bench/startup.ts [runs]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const probe = fileURLToPath(new URL('./cpu-at-exit.cjs', import.meta.url));
const BUDGET = 0.12;

// a cohort file of 12 rows, as a user tries the command on first
const tiny = fileURLToPath(new URL('./data/tiny-cohort.csv', import.meta.url));
const TYPES = ['spastic', 'mixed', 'athetoid', 'other'];
const OUTCOMES = ['improved', 'unchanged', 'worsened', 'unknown'];
function writeTinyCohort(): void {
  mkdirSync(new URL('./data/', import.meta.url), { recursive: true });
  const rows = Array.from({ length: 12 }, (_, i) => `P${i + 1},${TYPES[i % 4]},${2004 + (i % 11)},${OUTCOMES[(i * 3) % 4]}`);
  writeFileSync(tiny, `id,type,year,outcome\n${rows.join('\n')}\n`);
}

/** What is started, as `node` arguments; `budget`: the 0.12 s start-up budget applies. */
export const STARTUP_CASES: readonly { name: string; args: string[]; exit?: number; budget?: boolean }[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  // through the package's own exports, as an installed package resolves (`node` condition)
  { name: 'import core entry (ESM)', args: ['--input-type=module', '-e', "await import('treatment-outcomes')"], budget: true },
  { name: 'require core entry (CJS)', args: ['-e', "require('treatment-outcomes')"], budget: true },
  { name: 'import node entry (ESM)', args: ['--input-type=module', '-e', "await import('treatment-outcomes/node')"], budget: true },
  { name: 'require node entry (CJS)', args: ['-e', "require('treatment-outcomes/node')"], budget: true },
  { name: 'CLI --version', args: ['dist/cli/main.js', '--version'], budget: true },
  { name: 'CLI check-percent 31.34 --of 4278', args: ['dist/cli/main.js', 'check-percent', '31.34', '--of', '4278'], exit: 1, budget: true },
  { name: 'CLI summarize (12 rows)', args: ['dist/cli/main.js', 'summarize', tiny], budget: true },
  { name: 'CLI summarize --json (12 rows)', args: ['dist/cli/main.js', 'summarize', tiny, '--json'], budget: true },
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
export function measureStartup(runs = 9): { name: string; seconds: number; least: number; budget: boolean }[] {
  writeTinyCohort();
  const samples = STARTUP_CASES.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) STARTUP_CASES.forEach((c, i) => samples[i]!.push(cpuSeconds(c.args, c.exit)));
  return STARTUP_CASES.map((c, i) => {
    const s = sorted(samples[i]!);
    return { name: c.name, seconds: s[Math.floor(s.length / 2)] ?? NaN, least: s[0] ?? NaN, budget: c.budget === true };
  });
}

/** Print the start-up table and the budget verdict (called by bench/index.ts). */
export function startupBenchmark(runs = 9): void {
  const results = measureStartup(runs);
  const base = results[0]!.seconds;
  console.log(`\nStart-up CPU (user + system) of ${runs} interleaved runs; budget ${BUDGET} s`);
  console.log(`  ${'process'.padEnd(36)} ${'median'.padStart(7)} ${'least'.padStart(7)}  ${'÷ node -e 0'.padStart(11)}  ${'over it'.padStart(8)}  budget`);
  for (const r of results) {
    const verdict = !r.budget ? '(work included, not budgeted)' : r.seconds <= BUDGET ? `within, ${(BUDGET - r.seconds).toFixed(3)} s to spare` : `OVER by ${(r.seconds - BUDGET).toFixed(3)} s`;
    const ratio = r === results[0] ? '' : `${(r.seconds / base).toFixed(2)}x`.padStart(11);
    const over = r === results[0] ? '' : `+${(r.seconds - base).toFixed(3)}s`.padStart(8);
    console.log(`  ${r.name.padEnd(36)} ${r.seconds.toFixed(3)}s ${r.least.toFixed(3)}s  ${ratio.padStart(11)}  ${over.padStart(8)}  ${r === results[0] ? '' : verdict}`);
  }
  const budgeted = results.filter((r) => r.budget);
  const worst = budgeted.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const over = budgeted.filter((r) => r.seconds > BUDGET);
  console.log(
    over.length === 0
      ? `  verdict: every budgeted start-up within ${BUDGET} s; the slowest, ${worst.name}, ${worst.seconds.toFixed(3)} s (${(BUDGET - worst.seconds).toFixed(3)} s to spare, +${(worst.seconds - base).toFixed(3)} s over node -e 0 at ${base.toFixed(3)} s)`
      : `  verdict: OVER BUDGET: ${over.map((r) => `${r.name} ${r.seconds.toFixed(3)} s`).join('; ')} (node -e 0 ${base.toFixed(3)} s)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startupBenchmark(Number(process.argv[2] ?? 9));
