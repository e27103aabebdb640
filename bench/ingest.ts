// Ingest + validate + count: every path in its own process, runs interleaved (one of each path per
// round, so a change in the machine's load hits every path alike), medians, and ratios against
// DuckDB (two threads and one) and against the word-scanner limit measured in the same run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';

interface Measurement {
  path: string;
  rows: number;
  ms: number;
  cpuMs: number;
  maxRssMB: number;
}

/** A path: what it runs, and above how many rows it is left out (the csv-parse loops take half a minute at 10^7). */
interface Path {
  name: string;
  upTo?: number;
  /** Runs at most, at 10^7 rows (the slow ones once). */
  runsAt10M?: number;
}

export const INGEST_PATHS: readonly Path[] = [
  { name: 'line-count' },
  { name: 'word-scanner' },
  { name: 'fast-1-thread' },
  { name: 'fast-2-threads' },
  { name: 'fast-2-forced' },
  { name: 'cli-summarize' },
  { name: 'columns-batches' },
  { name: 'read-columns' },
  { name: 'stream-batches', runsAt10M: 1 },
  { name: 'stream-records', runsAt10M: 1 },
  { name: 'read-records', runsAt10M: 1 },
  { name: 'duckdb-2-threads' },
  { name: 'duckdb-1-thread' },
  { name: 'csv-parse-loop', upTo: 1_000_000 },
  { name: 'csv-parse-zod', upTo: 1_000_000 },
];

const runner = fileURLToPath(new URL('./ingest-runner.mjs', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function runOnce(path: string, file: string): Measurement {
  return JSON.parse(execFileSync(process.execPath, [runner, path, file], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop()!) as Measurement;
}

/** Every path `runs` times, one run of each path per round. */
export function measureIngest(size: number, file: string, runs: number): Measurement[] {
  const paths = INGEST_PATHS.filter((p) => p.upTo === undefined || size <= p.upTo);
  const samples = new Map<string, Measurement[]>(paths.map((p) => [p.name, []]));
  for (let round = 0; round < runs; round++) {
    for (const p of paths) {
      if (size >= 10_000_000 && round >= (p.runsAt10M ?? runs)) continue;
      samples.get(p.name)!.push(runOnce(p.name, file));
    }
  }
  return paths.map((p) => {
    const s = samples.get(p.name)!;
    return { path: p.name, rows: s[0]!.rows, ms: median(s.map((m) => m.ms)), cpuMs: median(s.map((m) => m.cpuMs)), maxRssMB: Math.max(...s.map((m) => m.maxRssMB)) };
  });
}

export async function ingestBenchmark(sizes: number[]): Promise<void> {
  for (const size of sizes) {
    const file = await generate(size);
    const runs = size >= 10_000_000 ? 3 : 5;
    const results = measureIngest(size, file, runs);
    const by = (name: string) => results.find((r) => r.path === name)!;
    const duck2 = by('duckdb-2-threads');
    const duck1 = by('duckdb-1-thread');
    const word = by('word-scanner');
    console.log(`\nIngest + validate + count, ${size.toLocaleString('en')} rows (${file.split('/').pop()}); medians of ${runs} interleaved runs`);
    console.log('  time: the work in its own process (cli-summarize: the whole process, start-up included); ratios: time ÷ the other path\'s time;');
    console.log('  CPU: user + system time of every thread (on this shared machine wall time also holds waiting for a core)');
    console.log(`  ${'path'.padEnd(16)} ${'time'.padStart(8)} ${'rows/s'.padStart(8)} ${'CPU'.padStart(8)} ${'rows/CPU-s'.padStart(10)} ${'peak RSS'.padStart(9)} ${'÷ DuckDB 2t'.padStart(12)} ${'÷ DuckDB 1t'.padStart(12)} ${'÷ word scan'.padStart(12)}`);
    for (const r of results) {
      const expected = r.path === 'line-count' ? size + 1 : size;
      if (r.rows !== expected) throw new Error(`${r.path} counted ${r.rows} rows, expected ${expected}`);
      const rate = (size / r.ms / 1000).toFixed(2);
      const ratio = (base: Measurement) => `${(r.ms / base.ms).toFixed(2)}`.padStart(12);
      const cpuRate = `${(size / r.cpuMs / 1000).toFixed(2)}M`.padStart(10);
      console.log(`  ${r.path.padEnd(16)} ${(r.ms / 1000).toFixed(3).padStart(7)}s ${`${rate}M`.padStart(8)} ${(r.cpuMs / 1000).toFixed(3).padStart(7)}s ${cpuRate} ${`${r.maxRssMB.toFixed(0)} MB`.padStart(9)} ${ratio(duck2)} ${ratio(duck1)} ${ratio(word)}`);
    }
  }
}
