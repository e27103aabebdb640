// --threads 2 against one thread, with the other core idle and with it busy (a process spinning on
// it): the CLI's whole process, runs interleaved, medians. Workers start only on idle cores, so two
// threads should never be slower than one; `TREATMENT_OUTCOMES_PARALLEL=always` shows what forcing
// them costs on a busy machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const probe = fileURLToPath(new URL('./usage-at-exit.cjs', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const CASES = [
  { name: '--threads 1', args: ['--threads', '1'], env: {} },
  { name: '--threads 2', args: ['--threads', '2'], env: {} },
  { name: '--threads 2, workers forced', args: ['--threads', '2'], env: { TREATMENT_OUTCOMES_PARALLEL: 'always' } },
] as const;

function once(file: string, c: (typeof CASES)[number]): { ms: number; cpuS: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', probe, cli, 'summarize', file, '--cohort', 'cerebral-palsy', '--json', ...c.args], { encoding: 'utf8', env: { ...process.env, ...c.env }, maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`summarize ${c.args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 300)}`);
  return { ms, cpuS: Number(/cpu-us=(\d+)/.exec(run.stderr)![1]) / 1e6 };
}

/** A process that keeps one core busy until stopped. */
function spinner(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

export async function threadsBenchmark(rows: number, runs: number): Promise<void> {
  const file = await generate(rows);
  console.log(`\nsummarize ${rows.toLocaleString('en')} rows on 1 and 2 threads (CLI, whole process; medians of ${runs} interleaved runs)`);
  for (const busy of [false, true]) {
    const hog = busy ? spinner() : undefined;
    try {
      const samples = CASES.map(() => [] as { ms: number; cpuS: number }[]);
      for (let r = 0; r < runs; r++) CASES.forEach((c, i) => samples[i]!.push(once(file, c)));
      const base = median(samples[0]!.map((s) => s.ms));
      console.log(`  other core ${busy ? 'busy (a spinning process)' : 'as the machine has it'}; load average ${loadavg()[0]!.toFixed(1)}`);
      CASES.forEach((c, i) => {
        const ms = median(samples[i]!.map((s) => s.ms));
        const cpu = median(samples[i]!.map((s) => s.cpuS));
        console.log(`    ${c.name.padEnd(30)} ${(ms / 1000).toFixed(3)}s wall  ${cpu.toFixed(3)}s CPU  ${(ms / base).toFixed(2)}× one thread's time`);
      });
    } finally {
      hog?.kill();
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await threadsBenchmark(Number(process.argv[2] ?? 10_000_000), Number(process.argv[3] ?? 5));
