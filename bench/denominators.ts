// Denominator search: iterateDenominators / countDenominators to 10^7 against a plain loop and the
// array API, every path in its own process (peak RSS is that path's alone), medians of 3 runs.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Measurement {
  path: string;
  result: number;
  ms: number;
  maxRssMB: number;
}

const runner = fileURLToPath(new URL('./denominators-runner.mjs', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(path: string, max: number, runs: number): Measurement {
  const samples: Measurement[] = [];
  for (let i = 0; i < runs; i++) samples.push(JSON.parse(execFileSync('node', [runner, path, String(max)], { encoding: 'utf8' }).trim()) as Measurement);
  return { path, result: samples[0]!.result, ms: median(samples.map((s) => s.ms)), maxRssMB: Math.max(...samples.map((s) => s.maxRssMB)) };
}

export function denominatorBenchmark(max: number, arrayMax: number): void {
  const paths: [string, number][] = [
    ['plain-loop', max],
    ['iterate', max],
    ['iterate-partition', max],
    ['iterate-every-n-tested', max],
    ['count', max],
    ['count-partition', max],
    ['count-every-n-tested', max],
    ['array', arrayMax],
  ];
  const results = paths.map(([p, m]) => ({ ...measure(p, m, 3), max: m }));
  const base = results[0]!;
  console.log(`\nDenominator search for the clinic's four percents, n up to ${max.toLocaleString('en')}; medians of 3`);
  console.log(`  ${'path'.padEnd(24)} ${'max'.padStart(11)} ${'found'.padStart(11)} ${'time'.padStart(9)} ${'peak RSS'.padStart(9)}  vs plain loop`);
  for (const r of results) {
    console.log(
      `  ${r.path.padEnd(24)} ${r.max.toLocaleString('en').padStart(11)} ${r.result.toLocaleString('en').padStart(11)} ${(r.ms / 1000).toFixed(3).padStart(8)}s ${`${r.maxRssMB.toFixed(0)} MB`.padStart(9)}  ${`${(r.ms / base.ms).toFixed(2)}x`.padStart(8)}`,
    );
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) denominatorBenchmark(10_000_000, 1_000_000);
