// Counting a cohort CSV with four measures (age, sex, GMFCS level, months of follow-up) against
// the same rows without them: each path in a fresh process, runs interleaved, medians.
//   npx tsx bench/table-one.ts            10^6 and 10^7 rows
//   npx tsx bench/table-one.ts 1000000    one size
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { OUTCOMES, TYPES, WEIGHTS, writeLines } from './generate.js';

const dir = fileURLToPath(new URL('./data/', import.meta.url));

/** The bench file of `rows` rows, with or without the four measure columns (same random rows either way). */
function generate(rows: number, measures: boolean): Promise<string> {
  let seed = 4278;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const cumulative = WEIGHTS.map((_, i) => WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0) / 100);
  const header = measures ? 'id,type,year,outcome,age,sex,gmfcs,followUpMonths' : 'id,type,year,outcome';
  return writeLines(`${dir}table-one-${measures ? 'measures' : 'plain'}-${rows}.csv`, rows, (i) => {
    const r = random();
    const type = TYPES[cumulative.findIndex((c) => r < c)] ?? 'other';
    const base = `${i},${type},${2004 + Math.floor(random() * 11)},${OUTCOMES[Math.floor(random() * OUTCOMES.length)]}`;
    // drawn for both files, so the plain file's rows are the measured file's first four columns
    const age = random() < 0.02 ? '' : (0.5 + Math.floor(random() * 400) / 10).toFixed(1).replace(/\.0$/, '');
    const sex = random() < 0.01 ? '' : random() < 0.57 ? 'male' : 'female';
    const gmfcs = random() < 0.03 ? '' : String(1 + Math.floor(random() * 5));
    const months = random() < 0.04 ? '' : String(3 + Math.floor(random() * 34));
    return measures ? `${base},${age},${sex},${gmfcs},${months}\n` : `${base}\n`;
  }, header);
}

const runner = fileURLToPath(new URL('./table-one-runner.mjs', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
type Run = { rows: number; ms: number; cpuMs: number; maxRssMB: number };
const once = (file: string): Run => JSON.parse(execFileSync(process.execPath, [runner, file], { encoding: 'utf8' }).trim()) as Run;

/** Print the comparison for each size (called by bench/index.ts). */
export async function tableOneBenchmark(sizes: readonly number[]): Promise<void> {
  for (const rows of sizes) {
    const plain = await generate(rows, false);
    const measured = await generate(rows, true);
    const runs = rows >= 10_000_000 ? 5 : 7;
    const a: Run[] = [];
    const b: Run[] = [];
    for (let i = 0; i < runs; i++) {
      a.push(once(plain));
      b.push(once(measured));
    }
    const show = (name: string, rs: Run[]) => {
      const ms = median(rs.map((r) => r.ms));
      const cpu = median(rs.map((r) => r.cpuMs));
      console.log(`  ${name.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(7)}s wall ${(cpu / 1000).toFixed(2).padStart(7)}s cpu ${`${(rows / cpu / 1000).toFixed(1)}M`.padStart(7)} rows/s (cpu)  peak RSS ${Math.max(...rs.map((r) => r.maxRssMB)).toFixed(0)} MB`);
      return cpu;
    };
    console.log(`\ncountCohortCsv, ${rows.toLocaleString('en')} rows, ${runs} interleaved runs each, medians`);
    const base = show('type, year, outcome', a);
    const with4 = show('+ age, sex, gmfcs, follow-up', b);
    console.log(`  speed with measures / without: ${(base / with4).toFixed(2)}x (CPU time; wall ${(median(a.map((r) => r.ms)) / median(b.map((r) => r.ms))).toFixed(2)}x)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await tableOneBenchmark(process.argv[2] ? [Number(process.argv[2])] : [1_000_000, 10_000_000]);
