// Deterministic cohort CSV files for the benchmarks: id,type,year,outcome (kept out of git).
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench files' vocabulary: cerebral palsy types with their weights in percent, and outcomes drawn uniformly from a list with repeats. */
export const TYPES = ['spastic', 'mixed', 'athetoid', 'ataxic', 'hypotonic', 'other'];
export const WEIGHTS = [54, 31, 12, 1, 1, 1];
export const OUTCOMES = ['improved', 'improved', 'improved', 'improved', 'improved', 'improved', 'improved', 'improved', 'unchanged', 'unknown'];

export function benchFile(rows: number, dir = fileURLToPath(new URL('./data/', import.meta.url))): string {
  return `${dir.replace(/\/$/, '')}/cohort-${rows}.csv`;
}

/** Write `header` and the `rows` lines made by `line(i)` to `path`, unless it holds them already; returns `path`. */
export async function writeLines(path: string, rows: number, line: (i: number) => string, header = 'id,type,year,outcome'): Promise<string> {
  if (existsSync(path) && statSync(path).size > rows * 20) return path;
  mkdirSync(dirname(path), { recursive: true }); // a fresh clone has no bench/data/
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += line(i);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return path;
}

/** Write the file for `rows` rows unless it exists already (into bench/data/ by default, made if missing); returns its path. */
export function generate(rows: number, dir?: string): Promise<string> {
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const cumulative = WEIGHTS.map((_, i) => WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0) / 100);
  return writeLines(benchFile(rows, dir), rows, (i) => {
    const r = random();
    const type = TYPES[cumulative.findIndex((c) => r < c)] ?? 'other';
    return `${i},${type},${2004 + Math.floor(random() * 11)},${OUTCOMES[Math.floor(random() * OUTCOMES.length)]}\n`;
  });
}

/** A file of `rows` rows that are all rejected: the year is not a number (one of 100 spellings, or in one row in ten its own). */
export function generateRejects(rows: number, dir = fileURLToPath(new URL('./data/', import.meta.url))): Promise<string> {
  return writeLines(`${dir.replace(/\/$/, '')}/rejects-${rows}.csv`, rows, (i) => `${i},${TYPES[i % TYPES.length]},${i % 10 === 0 ? `y${i}` : `20O${i % 100}`},${OUTCOMES[i % OUTCOMES.length]}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const n of (process.argv[2] ?? '100000,1000000,10000000').split(',').map(Number)) console.log(await generate(n));
}
