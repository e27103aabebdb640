// Memory with every row rejected: the CLI's summarize --lenient on a file whose every row has a bad
// year (most of them repeated, one in ten its own value), whole process, peak RSS. The rejected rows
// are all counted by reason; the first --max-rejects are kept; --rejects streams the rest to a file.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateRejects } from './generate.js';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const probe = fileURLToPath(new URL('./usage-at-exit.cjs', import.meta.url));

export async function rejectsBenchmark(rows: number): Promise<void> {
  const file = await generateRejects(rows);
  console.log(`\nsummarize --lenient on ${rows.toLocaleString('en')} rows, every one rejected (CLI, whole process, one run each)`);
  for (const extra of [[], ['--rejects', '/dev/null']]) {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--require', probe, cli, 'summarize', file, '--lenient', '--json', ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`summarize exited ${run.status}: ${run.stderr.slice(0, 300)}`);
    const summary = JSON.parse(run.stdout) as { records: number; rejectedCount: number; rejected: unknown[]; rejectReasons: unknown[] };
    if (summary.rejectedCount !== rows) throw new Error(`counted ${summary.rejectedCount} rejected rows, expected ${rows}`);
    const peak = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)![1]) / 1024;
    console.log(`  ${['summarize --lenient', ...extra].join(' ').padEnd(40)} ${(ms / 1000).toFixed(1)}s  peak RSS ${peak.toFixed(0)} MB  rejected ${summary.rejectedCount} (${summary.rejected.length} kept, ${summary.rejectReasons.length} reasons)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await rejectsBenchmark(Number(process.argv[2] ?? 10_000_000));
