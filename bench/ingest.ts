// Ingest + validate + count: every path in its own process, medians, ratios against DuckDB and
// csv-parse measured in the same run. Files are generated deterministically into bench/data/.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';

interface Measurement {
  path: string;
  rows: number;
  ms: number;
  maxRssMB: number;
}

const runner = fileURLToPath(new URL('./ingest-runner.mjs', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(path: string, file: string, runs: number): Measurement {
  const samples: Measurement[] = [];
  for (let i = 0; i < runs; i++) samples.push(JSON.parse(execFileSync('node', [runner, path, file], { encoding: 'utf8' }).trim()) as Measurement);
  return { path, rows: samples[0]!.rows, ms: median(samples.map((s) => s.ms)), maxRssMB: Math.max(...samples.map((s) => s.maxRssMB)) };
}

export async function ingestBenchmark(sizes: number[]): Promise<void> {
  const paths = ['fast-1-thread', 'fast-2-workers', 'stream-batches', 'stream-records', 'duckdb-2-threads', 'duckdb-1-thread', 'csv-parse-loop', 'csv-parse-zod'];
  for (const size of sizes) {
    const file = await generate(size);
    const slow = new Set(['csv-parse-loop', 'csv-parse-zod']);
    const results = paths.map((p) => measure(p, file, size >= 10_000_000 && slow.has(p) ? 1 : size >= 10_000_000 ? 3 : 5));
    const duck = results.find((r) => r.path === 'duckdb-2-threads')!;
    const csvParse = results.find((r) => r.path === 'csv-parse-loop')!;
    console.log(`\nIngest + validate + count, ${size.toLocaleString('en')} rows (${file.split('/').pop()}); medians`);
    console.log(`  ${'path'.padEnd(18)} ${'time'.padStart(9)} ${'rows/s'.padStart(9)} ${'peak RSS'.padStart(9)}  ${'vs DuckDB 2 thr'.padStart(15)}  ${'vs csv-parse'.padStart(12)}`);
    for (const r of results) {
      if (r.rows !== size) throw new Error(`${r.path} counted ${r.rows} rows, expected ${size}`);
      const rate = (r.rows / r.ms / 1000).toFixed(2);
      console.log(
        `  ${r.path.padEnd(18)} ${(r.ms / 1000).toFixed(2).padStart(8)}s ${`${rate}M`.padStart(9)} ${`${r.maxRssMB.toFixed(0)} MB`.padStart(9)}  ${`${(duck.ms / r.ms).toFixed(2)}x`.padStart(15)}  ${`${(csvParse.ms / r.ms).toFixed(1)}x`.padStart(12)}`,
      );
    }
  }
}
