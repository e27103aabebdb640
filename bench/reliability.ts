// Hostile-input reproducers against the built package (dist/): every input of the reliability
// red-team list, run in its own process so its wall time, peak RSS and exit code are its own.
// Each case passes when the input finishes in time that grows no faster than its size (a 2× input
// under 2.5× the time), or stops at once with a typed error naming the bound; memory cases report
// peak RSS. Run: `npm run build && npx tsx bench/reliability.ts` (`--quick` for smaller sizes,
// `--only 6` for one item). Inputs are generated into the system temporary folder.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli/main.js');
const DIR = join(tmpdir(), 'treatment-outcomes-reliability');
const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const GROWTH = 2.5;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  rssMB: number | undefined;
}

/** Runs `node args…` (optionally with stdin), measuring wall time and, with /usr/bin/time, peak RSS. */
function node(args: readonly string[], options: { stdin?: string; timeoutMs?: number; signalAfterMs?: number } = {}): Promise<Run> {
  const [cmd, argv] = TIME ? [TIME, ['-f', '@@rss %M', process.execPath, ...args]] : [process.execPath, [...args]];
  return new Promise((done) => {
    const start = performance.now();
    const child = spawn(cmd, argv, { cwd: DIR, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout.length < 1 << 26 ? (stdout += s) : undefined));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr.length < 1 << 24 ? (stderr += s) : undefined));
    // the whole process group: killing /usr/bin/time alone would leave its node running
    const group = (signal: NodeJS.Signals) => child.pid !== undefined && process.kill(-child.pid, signal);
    const kill = setTimeout(() => group('SIGKILL'), options.timeoutMs ?? 180_000);
    if (options.signalAfterMs !== undefined) {
      // SIGINT to the whole group, as a terminal's Ctrl-C does (the group leader is /usr/bin/time)
      setTimeout(() => group('SIGINT'), options.signalAfterMs);
    }
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      const seconds = (performance.now() - start) / 1000;
      const m = /@@rss (\d+)\s*$/.exec(stderr);
      const rssMB = m ? Number(m[1]) / 1024 : undefined;
      if (m) stderr = stderr.slice(0, m.index);
      done({ code, signal, stdout, stderr, seconds, rssMB });
    });
  });
}

const cli = (args: readonly string[], options?: Parameters<typeof node>[1]) => node([CLI, ...args], options);

/**
 * Runs `body` (an async function body) in a fresh process with `L` (the main entry) and `N`
 * (treatment-outcomes/node) in scope, and helpers: `ms(f)` times f, `caught(f)` returns the error's
 * class, limit and message. The body's return value comes back parsed from JSON.
 */
async function lib<T = Record<string, unknown>>(body: string, timeoutMs = 180_000): Promise<{ value: T | undefined; run: Run }> {
  const url = (p: string) => pathToFileURL(join(ROOT, p)).href;
  const script = [
    `import * as L from '${url('dist/index.js')}';`,
    `import * as N from '${url('dist/node/index.js')}';`,
    `import * as fs from 'node:fs';`,
    `const ms = async (f) => { const s = performance.now(); await f(); return performance.now() - s; };`,
    `const caught = async (f) => { const s = performance.now(); try { const r = await f(); return { ok: true, ms: performance.now() - s, value: JSON.stringify(r)?.slice(0, 300) }; } catch (e) { return { ok: false, ms: performance.now() - s, error: e?.constructor?.name, name: e?.name, limit: e?.limit, typed: e instanceof L.TreatmentOutcomesError, message: String(e?.message).slice(0, 300) }; } };`,
    `const out = await (async () => { ${body} })();`,
    `process.stdout.write('@@json ' + JSON.stringify(out));`,
  ].join('\n');
  const file = join(DIR, `case-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script);
  const run = await node(['--max-old-space-size=4096', file], { timeoutMs });
  rmSync(file);
  const i = run.stdout.lastIndexOf('@@json ');
  return { value: i >= 0 ? (JSON.parse(run.stdout.slice(i + 7)) as T) : undefined, run };
}

interface Outcome {
  ok: boolean;
  detail: string;
}
interface Case {
  item: string;
  name: string;
  run: () => Promise<Outcome>;
}

const fmt = (r: Run) => `${r.seconds.toFixed(2)} s${r.rssMB === undefined ? '' : `, ${r.rssMB.toFixed(0)} MB`}, exit ${r.code ?? r.signal}`;
const firstLine = (s: string) => s.trim().split('\n')[0]?.slice(0, 160) ?? '';

/** Writes `lines(i)` for i < n to a file in chunks (big inputs never sit in one string). */
async function writeLines(name: string, head: string, n: number, line: (i: number) => string): Promise<string> {
  const path = join(DIR, name);
  if (existsSync(path)) return path;
  const out = createWriteStream(path);
  out.write(head);
  for (let i = 0; i < n; ) {
    let s = '';
    for (let j = 0; j < 20_000 && i < n; j++, i++) s += line(i);
    if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}

/** Writes `head`, then `mb` MiB of one repeated character with no line end, then `tail`. */
async function writeLongLine(name: string, head: string, mb: number, tail: string): Promise<string> {
  const path = join(DIR, name);
  if (existsSync(path)) return path;
  const out = createWriteStream(path);
  out.write(head);
  const chunk = Buffer.alloc(1 << 20, 'i');
  for (let i = 0; i < mb; i++) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(tail, () => r()));
  return path;
}

const TYPES = ['spastic', 'mixed', 'athetoid', 'other'];
const OUTCOMES = ['improved', 'unchanged', 'worsened', 'unknown'];
const row = (i: number) => `${i},${TYPES[i % 4]},${2004 + (i % 11)},${OUTCOMES[(i >> 2) % 4]}`;

/** Library-side growth: `call` runs on `size`; medians of 3 per size; the ratio's bound is 2.5 per doubling unless given. */
async function libGrowth(setup: string, call: string, small: number, large: number, timeoutMs?: number, bound?: number) {
  const { value, run } = await lib<{ small: number; large: number; ratio: number }>(
    `${setup}
     const f = async (size) => { ${call} };
     await f(${small}); await f(${large});
     const t = async (size) => { const xs = []; for (let i = 0; i < 3; i++) xs.push(await ms(() => f(size))); return xs.sort((a, b) => a - b)[1]; };
     const a = [], b = [];
     for (let i = 0; i < 2; i++) { a.push(await t(${small})); b.push(await t(${large})); }
     const small = Math.min(...a), large = Math.min(...b);
     return { small, large, ratio: large / small };`,
    timeoutMs,
  );
  if (!value) return { ok: false, detail: `no answer: ${fmt(run)} ${firstLine(run.stderr)}` };
  const limit = bound ?? (GROWTH * large) / small / 2;
  return {
    ok: value.ratio <= limit,
    detail: `${small} → ${large}: ${value.small.toFixed(1)} ms → ${value.large.toFixed(1)} ms, ratio ${value.ratio.toFixed(2)} (bound ${limit.toFixed(2)}); ${fmt(run)}`,
  };
}

const cases: Case[] = [];
const add = (item: string, name: string, run: () => Promise<Outcome>) => cases.push({ item, name, run });

// 1. Header detection and CR-only files
const crFile = (rows: number) => writeLines(`cr-${rows}.csv`, 'id,type,year,outcome\r', rows, (i) => `${row(i)}\r`);
add('1', 'CR-only file read correctly (same counts as the LF file)', async () => {
  const n = 20_000;
  await crFile(n);
  await writeLines(`lf-${n}.csv`, 'id,type,year,outcome\n', n, (i) => `${row(i)}\n`);
  const { value, run } = await lib<{ cr: unknown; lf: unknown; rows: number }>(
    `const a = await N.readCohortCsv('cr-${n}.csv'); const b = await N.readCohortCsv('lf-${n}.csv');
     return { rows: a.records.length, cr: JSON.stringify(a.records.slice(0, 5)) + a.rejected.length, lf: JSON.stringify(b.records.slice(0, 5)) + b.rejected.length };`,
  );
  return { ok: value?.rows === n && value.cr === value.lf, detail: `${value?.rows} of ${n} records, equal to the LF file: ${value?.cr === value?.lf}; ${fmt(run)}` };
});
add('1', 'CR-only file: 2× size, ≤ 2.5× time (was 10.8 s at 128 KB, 41 s at 256 KB)', async () => {
  const [a, b] = [200_000, 400_000];
  await crFile(a);
  await crFile(b);
  return libGrowth('', `const r = await N.countCohortCsv('cr-' + size + '.csv'); if (r.rows !== size) throw new Error('read ' + r.rows + ' of ' + size + ' rows');`, a, b);
});
add('1', 'CR-only file of 500 MB (hung): read in linear time', async () => {
  const rows = QUICK ? 1_000_000 : 17_000_000; // ~30 bytes a row
  const path = await crFile(rows);
  const r = await cli(['summarize', path, '--json'], { timeoutMs: 600_000 });
  const size = statSync(path).size;
  const records = /"records"\s*:\s*(\d+)/.exec(r.stdout)?.[1] ?? /"total"\s*:\s*(\d+)/.exec(r.stdout)?.[1];
  return { ok: r.code === 0, detail: `${(size / 1e6).toFixed(0)} MB CR-only: ${fmt(r)}${records ? `, ${records} records` : ''}` };
});
add('1', 'a file without any line end stops with LineTooLongError', async () => {
  const mb = QUICK ? 40 : 500;
  await writeLongLine(`nolf-${mb}.csv`, 'id,type,year,outcome,', mb, '');
  const { value, run } = await lib<{ error?: string; ms: number; message?: string }>(`return caught(() => N.readCohortCsv('nolf-${mb}.csv'));`);
  return { ok: value?.error === 'LineTooLongError', detail: `${mb} MB, no line end: ${value?.error} after ${value?.ms.toFixed(0)} ms (${value?.message?.slice(0, 100)}); ${fmt(run)}` };
});
add('1', '100k-column header (was 3 min 42 s): 2× columns, ≤ 2.5× time', async () => {
  const header = (k: number) => ['id', 'type', 'year', 'outcome', ...Array.from({ length: k }, (_, i) => `extra${i}`)].join(',');
  for (const k of [50_000, 100_000]) writeFileSync(join(DIR, `wide-${k}.csv`), `${header(k)}\n1,spastic,2010,improved${','.repeat(k)}\n`);
  return libGrowth('', `const r = await N.readCohortCsv('wide-' + size + '.csv'); if (r.records.length !== 1) throw new Error('lost the row');`, 50_000, 100_000);
});

// 2. Deep HTML
const deep = (n: number) => `<html><body>${'<div>'.repeat(n)}<p>We treated 4278 patients, including 2324 spastic (54.32%).</p>${'</div>'.repeat(n)}</body></html>`;
const unclosed = (n: number) => `<html><body><p>We treated 4278 patients, including 2324 spastic (54.32%).</p>${'<div>'.repeat(n)}<table><tr><td>a</td><td>1</td></tr></table></body></html>`;
add('2', '10^5 nested <div> (was 10 s): extract finds the claim', async () => {
  writeFileSync(join(DIR, 'deep-1e5.html'), deep(1e5));
  const r = await cli(['extract', 'deep-1e5.html', '--json']);
  return { ok: r.code === 0 && r.stdout.includes('"54.32"'), detail: fmt(r) };
});
add('2', 'nested <div>: htmlDocument 2× depth, ≤ 2.5× time', () =>
  libGrowth('const html = { 100000: ' + JSON.stringify(deep(1e5)) + ', 200000: ' + JSON.stringify(deep(2e5)) + ' };', 'N.htmlDocument(html[size]);', 1e5, 2e5),
);
add('2', '10^6 unclosed <div> (never finished): extract and readTables', async () => {
  writeFileSync(join(DIR, 'unclosed-1e6.html'), unclosed(1e6));
  const r = await cli(['extract', 'unclosed-1e6.html', '--json']);
  const t = await lib<{ ms: number; ok: boolean; error?: string }>(`const html = fs.readFileSync('unclosed-1e6.html', 'utf8'); return caught(() => L.readTables(html, { format: 'html' }).length);`);
  return {
    ok: r.code === 0 && r.stdout.includes('"54.32"') && t.value?.ok === true,
    detail: `extract ${fmt(r)}; readTables ${t.value?.ok ? 'ok' : t.value?.error} in ${t.value?.ms.toFixed(0)} ms`,
  };
});
add('2', 'unclosed <div>: htmlDocument and readTables 2× count, ≤ 2.5× time', () =>
  libGrowth(
    `const page = (n) => ${JSON.stringify(unclosed(1))}.replace('<div>', '<div>'.repeat(n)); const html = { 500000: page(5e5), 1000000: page(1e6) };`,
    `N.htmlDocument(html[size]); L.readTables(html[size], { format: 'html' });`,
    5e5,
    1e6,
  ),
);

// 3. Unbounded loops
add('3', "debit('0.5', '0.5', 4e7) (was 37 s, 2.1 GB)", async () => {
  const { value, run } = await lib<{ ok: boolean; ms: number; value?: string }>(`return caught(() => L.debit('0.5', '0.5', 4e7));`);
  return { ok: value?.ok === true && value.ms < 1000, detail: `${value?.ms.toFixed(1)} ms ${value?.value?.slice(0, 60)}; ${fmt(run)}` };
});
add('3', 'multinomialCI([5e11, 5e11]) (ran past 20 s)', async () => {
  const { value, run } = await lib<{ ok: boolean; ms: number; value?: string; error?: string }>(`return caught(() => L.multinomialCI([5e11, 5e11]));`);
  return { ok: value !== undefined && (value.ok || value.error === 'LimitExceededError') && value.ms < 5000, detail: `${value?.ms.toFixed(0)} ms ${value?.value?.slice(0, 80) ?? value?.error}; ${fmt(run)}` };
});
add('3', 'multinomialCI: counts ×10^4 cost under 8× (linear would be 10^4×)', () => libGrowth('', 'L.multinomialCI([size, size, size]);', 5e7, 5e11, undefined, 8));
add('3', 'infer-n 60 60 --partition --max 1e15 (never finished)', async () => {
  const r = await cli(['infer-n', '60', '60', '--partition', '--max', '1e15']);
  const { value } = await lib<{ ok: boolean; ms: number; value?: string }>(`return caught(() => L.inferDenominators(['60', '60'], { partition: true, max: 1e15 }));`);
  return {
    ok: value?.ok === true && r.seconds < 10 && (r.code === 0 || r.code === 1),
    detail: `library ${value?.ms.toFixed(1)} ms → ${value?.value}; CLI ${fmt(r)}: ${firstLine(r.stdout || r.stderr)}`,
  };
});

// 4. Long lines, many types, many years
add('4', 'a 300 MB data line (29 s; 512 Mi chars died after 104 s): LineTooLongError at once', async () => {
  const mb = QUICK ? 60 : 300;
  await writeLongLine(`longline-${mb}.csv`, 'id,type,year,outcome\n1,spastic,2010,improved\n2,spastic,2010,', mb, '\n');
  const r = await cli(['summarize', `longline-${mb}.csv`]);
  return { ok: r.code === 2 && /longer than|too long|LineTooLong/i.test(r.stderr), detail: `${fmt(r)}: ${firstLine(r.stderr)}` };
});
add('4', 'a cell of 4 MB, and one of 100 MB with maxLineLength raised: rejected in linear time', async () => {
  const sizes = QUICK ? [4, 8] : [4, 8, 100];
  const out: string[] = [];
  let ok = true;
  for (const mb of sizes) {
    const path = join(DIR, `cell-${mb}.csv`);
    if (!existsSync(path)) writeFileSync(path, Buffer.concat([Buffer.from('id,type,year,outcome\n1,spastic,2010,improved\n2,spastic,2010,'), Buffer.alloc(mb << 20, 'i'), Buffer.from('\n3,mixed,2011,unknown\n')]));
    const { value, run } = await lib<{ ok: boolean; ms: number; value?: string; error?: string }>(
      `return caught(async () => { const r = await N.readCohortCsv('cell-${mb}.csv', { mode: 'lenient', maxLineLength: 2 ** 40 }); return [r.records.length, r.rejectedCount, r.rejected[0].issues[0].message.length]; });`,
    );
    const [records, rejected, messageLength] = value?.ok === true ? (JSON.parse(value.value ?? '[]') as number[]) : [];
    ok &&= records === 2 && rejected === 1 && (messageLength ?? Infinity) < 200;
    out.push(`${mb} MB: ${value?.ms.toFixed(0)} ms ${value?.value ?? value?.error} (records, rejected, message length), ${fmt(run)}`);
  }
  return { ok, detail: out.join('; ') };
});
if (!QUICK) {
  add('4', 'a 600 MB line (over 512 Mi characters) with maxLineLength: 2^40: LineTooLongError, not an internal error', async () => {
    await writeLongLine('line-600.csv', 'id,type,year,outcome\n1,spastic,2010,improved\n2,spastic,2010,', 600, '\n');
    const { value, run } = await lib<{ ok: boolean; ms: number; error?: string; message?: string }>(`return caught(() => N.readCohortCsv('line-600.csv', { mode: 'lenient', maxLineLength: 2 ** 40 }));`);
    return { ok: value?.error === 'LineTooLongError', detail: `${value?.error} after ${value?.ms.toFixed(0)} ms: ${value?.message?.slice(0, 90)}; ${fmt(run)}` };
  });
}
add('4', 'report with 1500 types and 1500 claims (vega RangeError)', async () => {
  const k = 1500;
  writeFileSync(join(DIR, 'many-types.csv'), `id,type,year,outcome\n${Array.from({ length: k * 2 }, (_, i) => `${i},type${i % k},2010,${OUTCOMES[i % 3]}`).join('\n')}\n`);
  const claims = Array.from({ length: k }, (_, i) => ({ id: `c${i}`, label: `type${i}`, numerator: i % 50, denominator: 100, percent: String(i % 50) }));
  writeFileSync(join(DIR, 'many-claims.json'), JSON.stringify({ title: 't', source: { name: 's' }, claims }));
  const r = await cli(['report', 'many-claims.json', '--records', 'many-types.csv', '--out', 'many.html']);
  return { ok: r.code !== null && r.code <= 1 && !/RangeError/.test(r.stderr), detail: `${fmt(r)} ${firstLine(r.stderr)}` };
});
add('4', 'summarize with 200k distinct years (renderTable RangeError)', async () => {
  const path = await writeLines('years-200k.csv', 'id,type,year,outcome\n', 200_000, (i) => `${i},spastic,${i + 1},improved\n`);
  const r = await cli(['summarize', path], { timeoutMs: 300_000 });
  const j = await cli(['summarize', path, '--json'], { timeoutMs: 300_000 });
  const years = j.code === 0 ? (JSON.parse(j.stdout) as { byYear: unknown[] }).byYear.length : 0;
  const note = /\d+ more years? not shown[^\n]*/.exec(r.stdout)?.[0];
  return { ok: r.code === 0 && j.code === 0 && years >= 200_000 && note !== undefined, detail: `text ${fmt(r)} ("${note}"); --json ${fmt(j)}, ${years} years` };
});

// 5. Rejected rows
const badRow = (i: number) => `${i},${['spastik,2010,improved', 'spastic,20x0,improved', 'spastic,2010,improvd', 'mixed,2010,'][i & 3]}\n`;
add('5', `summarize --lenient with 10^7 rejected rows: ≤ 150 MB, every reject counted`, async () => {
  const n = QUICK ? 1_000_000 : 10_000_000;
  const path = await writeLines(`rejects-${n}.csv`, 'id,type,year,outcome\n', n, badRow);
  const r = await cli(['summarize', path, '--lenient', '--cohort', 'cerebral-palsy', '--json'], { timeoutMs: 900_000 });
  const counted = /(\d+) rows rejected/.exec(r.stderr)?.[1] ?? /"rejectedCount"\s*:\s*(\d+)/.exec(r.stdout)?.[1];
  return {
    ok: r.rssMB !== undefined && r.rssMB <= 150 && Number(counted) === n && r.stderr.length < 100_000,
    detail: `${fmt(r)}; ${counted} of ${n} counted; ${r.stderr.length} bytes on stderr`,
  };
});
add('5', 'strict mode on the same file: bounded stderr (was 126 MB)', async () => {
  const n = QUICK ? 1_000_000 : 10_000_000;
  const r = await cli(['summarize', `rejects-${n}.csv`, '--cohort', 'cerebral-palsy'], { timeoutMs: 900_000 });
  return { ok: r.code === 2 && r.stderr.length < 100_000, detail: `${fmt(r)}; ${r.stderr.length} bytes on stderr: ${firstLine(r.stderr)}` };
});
add('5', '--rejects FILE receives every rejected row in flat memory', async () => {
  const n = 1_000_000;
  const path = await writeLines(`rejects-${n}.csv`, 'id,type,year,outcome\n', n, badRow);
  const r = await cli(['summarize', path, '--lenient', '--cohort', 'cerebral-palsy', '--rejects', 'rejects-out.csv'], { timeoutMs: 600_000 });
  const lines = readFileSync(join(DIR, 'rejects-out.csv'), 'utf8').split('\n').filter((l) => /^\d/.test(l)).length;
  return { ok: lines === n && (r.rssMB ?? 0) <= 150, detail: `${fmt(r)}; ${lines} of ${n} rows in the file` };
});

// 6. fisherExact
for (const [label, table] of [
  ['[[1e5,1e5],[1e5,1e5]] (untyped RangeError)', '[[1e5, 1e5], [1e5, 1e5]]'],
  ['2.5·10^7 per cell, 10^8 in all (aborted Node)', '[[2.5e7, 2.5e7], [2.5e7, 2.5e7]]'],
  ['10^8 per cell', '[[1e8, 1e8], [1e8, 1e8]]'],
  ['10^8 off the diagonal', '[[1e8, 1], [1, 1e8]]'],
  ['2^50 per cell', '[[2 ** 50, 2 ** 50], [2 ** 50, 2 ** 50]]'],
  ['2×3 of 10^5', '[[1e5, 1e5, 1e5], [1e5, 1e5, 1e5]]'],
  ['3×3 of 10^8', '[[1e8, 1e8, 1e8], [1e8, 1e8, 1e8], [1, 2, 3]]'],
] as const) {
  add('6', `fisherExact ${label}`, async () => {
    const { value, run } = await lib<{ ok: boolean; ms: number; value?: string; error?: string; typed?: boolean; message?: string }>(
      `return caught(() => L.fisherExact(${table}));`,
      60_000,
    );
    return {
      ok: value !== undefined && (value.ok || value.typed === true) && run.code === 0,
      detail: value ? `${value.ms.toFixed(0)} ms ${value.ok ? value.value?.slice(0, 70) : `${value.error}: ${value.message?.slice(0, 90)}`}; ${fmt(run)}` : `no answer: ${fmt(run)}`,
    };
  });
}

// 7. File descriptors
add('7', '2000 failed reads (missing/duplicate column, UTF-16) leave no handle open', async () => {
  writeFileSync(join(DIR, 'missing.csv'), 'id,type,year\n1,spastic,2010\n');
  writeFileSync(join(DIR, 'dup.csv'), 'id,type,type,year,outcome\n1,spastic,spastic,2010,improved\n');
  writeFileSync(join(DIR, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,type,year,outcome\n1,spastic,2010,improved\n', 'utf16le')]));
  const { value, run } = await lib<{ before: number; after: number; typed: number }>(
    `const fds = () => fs.readdirSync('/proc/self/fd').length; const before = fds(); let typed = 0;
     for (let i = 0; i < 2000; i++) { const r = await caught(() => N.readCohortCsv(['missing.csv', 'dup.csv', 'utf16.csv'][i % 3])); if (r.typed) typed++; }
     return { before, after: fds(), typed };`,
  );
  return { ok: value !== undefined && value.after <= value.before + 2 && value.typed === 2000, detail: `open fds ${value?.before} → ${value?.after}; ${value?.typed} typed errors; ${fmt(run)}` };
});

// 8. Threads
const big = () => writeLines('cohort-6e6.csv', 'id,type,year,outcome\n', 6e6, (i) => `${row(i)}\n`);
add('8', '--threads 2: Ctrl-C stops the workers, no summary, exit 130', async () => {
  const path = await big();
  const r = await cli(['summarize', path, '--threads', '2'], { signalAfterMs: 500 });
  return { ok: r.stdout.trim() === '' && (r.code === 130 || r.signal === 'SIGINT'), detail: `${fmt(r)}; ${r.stdout.length} bytes on stdout ${firstLine(r.stderr)}` };
});
add('8', '--threads 256 is refused or capped (was 16 s, 3.8 GB on 12 MB)', async () => {
  const path = await writeLines('cohort-400k.csv', 'id,type,year,outcome\n', 400_000, (i) => `${row(i)}\n`);
  const many = await cli(['summarize', path, '--threads', '256']);
  const most = await cli(['summarize', path, '--threads', '64']);
  return {
    ok: (many.code === 2 || (many.code === 0 && (many.rssMB ?? 0) < 600)) && most.code === 0 && (most.rssMB ?? 0) < 600,
    detail: `256: ${fmt(many)} ${firstLine(many.stderr)}; 64: ${fmt(most)}`,
  };
});
add('8', '--threads 2 with a late quote: same answer as one thread', async () => {
  const n = QUICK ? 1e6 : 3e6;
  const path = await writeLines(`late-quote-${n}.csv`, 'id,type,year,outcome\n', n, (i) => (i === n - 10 ? `${i},"spastic",2010,improved\n` : `${row(i)}\n`));
  const one = await cli(['summarize', path, '--json']);
  const two = await cli(['summarize', path, '--json', '--threads', '2']);
  return { ok: one.code === 0 && one.stdout === two.stdout, detail: `1 thread ${fmt(one)}; 2 threads ${fmt(two)}; same output: ${one.stdout === two.stdout}` };
});

// 9. Decimal commas end to end
const GERMAN = 'Von 2004 bis 2014 haben wir 4.278 Patienten behandelt, darunter 2.324 spastische (54,32 %), 1.341 gemischte (31,35 %), 501 athetoide (11,71 %) und 112 andere Formen (2,62 %).';
const GERMAN_WRONG = GERMAN.replace('31,35', '31,34');
add('9', 'extract --decimal-comma writes percents its own audit accepts; exit codes right', async () => {
  writeFileSync(join(DIR, 'de-ok.txt'), GERMAN);
  writeFileSync(join(DIR, 'de-wrong.html'), `<!doctype html><html lang="de"><meta charset="utf-8"><p>${GERMAN_WRONG}</p></html>`);
  const out: string[] = [];
  let ok = true;
  for (const [file, expected] of [['de-ok.txt', 0], ['de-wrong.html', 1]] as const) {
    for (const flag of [['--decimal-comma'], []]) {
      const e = await cli(['extract', file, ...flag, '--out', `${file}.yaml`]);
      const a = await cli(['audit', `${file}.yaml`]);
      const f = await cli(['audit', '--from-text', file]);
      ok &&= e.code === 0 && a.code === expected && f.code === expected;
      out.push(`${file} ${flag.join('') || '(auto)'}: extract ${e.code}, audit ${a.code}, --from-text ${f.code} (want ${expected})`);
    }
  }
  return { ok, detail: out.join('; ') };
});
add('9', '--records: "96,0" is not a records-mismatch against "96.0"', async () => {
  writeFileSync(join(DIR, 'rec100.csv'), `id,type,year,outcome\n${Array.from({ length: 100 }, (_, i) => `${i},${i < 60 ? 'spastic' : 'mixed'},2010,${i < 96 ? 'improved' : 'unchanged'}`).join('\n')}\n`);
  const claims = (comma: boolean) => ({
    title: 't',
    source: { name: 's' },
    ...(comma ? { decimalComma: true } : {}),
    claims: [
      { id: 'improvement', measure: 'improvement', denominator: 100, percent: comma ? '96,0' : '96.0' },
      { id: 'spastic', type: 'spastic', numerator: 60, denominator: 100, percent: comma ? '60,0' : '60.0' },
    ],
  });
  writeFileSync(join(DIR, 'rec-comma.json'), JSON.stringify(claims(true)));
  writeFileSync(join(DIR, 'rec-dot.json'), JSON.stringify(claims(false)));
  const c = await cli(['audit', 'rec-comma.json', '--records', 'rec100.csv', '--cohort', 'cerebral-palsy', '--format', 'json']);
  const d = await cli(['audit', 'rec-dot.json', '--records', 'rec100.csv', '--cohort', 'cerebral-palsy', '--format', 'json']);
  const codes = (s: string) => [...new Set([...s.matchAll(/"code"\s*:\s*"([^"]+)"/g)].map((m) => m[1]))].sort().join(',');
  return { ok: c.code === 0 && !c.stdout.includes('records-mismatch') && codes(c.stdout) === codes(d.stdout), detail: `comma exit ${c.code} [${codes(c.stdout)}], dot exit ${d.code} [${codes(d.stdout)}]` };
});
add('9', 'a German "31,34 %" without the flag is a claim or unresolved, never lost', async () => {
  const texts = ['Wir haben 200 Patienten behandelt. Davon waren 31,34 % spastisch.', 'Patients: 200. Spastic: 31,34 %.', 'Die Rate lag bei 31,34 %.'];
  const out: string[] = [];
  let ok = true;
  for (const [i, t] of texts.entries()) {
    writeFileSync(join(DIR, `de-${i}.txt`), t);
    const r = await cli(['extract', `de-${i}.txt`, '--json']);
    const kept = r.stdout.includes('31.34') || r.stdout.includes('31,34') || r.stderr.includes('31,34');
    ok &&= kept && r.code !== null && r.code <= 1;
    out.push(`"${t.slice(0, 30)}…": exit ${r.code}, ${r.stdout.includes('"percent"') ? 'claim' : r.stderr.includes('unresolved') || r.stdout.includes('unresolved') ? 'unresolved' : 'lost'}`);
  }
  return { ok, detail: out.join('; ') };
});

// 10. Partitions
add('10', 'hostile partitions: same type twice, __proto__, parts [a, a], percent-only with --records', async () => {
  const file = {
    title: 't',
    source: { name: 's' },
    claims: [
      { id: 'a', type: 'spastic', numerator: 400, denominator: 1000, percent: '40' },
      { id: 'b', type: 'spastic', numerator: 400, denominator: 1000, percent: '40' },
      { id: 'c', type: 'athetoid', numerator: 200, denominator: 1000, percent: '20' },
      { id: 'p', type: '__proto__', numerator: 0, denominator: 1000, percent: '0' },
    ],
    partitions: [
      { id: 'types', total: 1000, parts: ['a', 'b', 'c', 'p'] },
      { id: 'twice', total: 1000, parts: ['a', 'a'] },
    ],
  };
  writeFileSync(join(DIR, 'partitions.json'), JSON.stringify(file));
  const r = await cli(['audit', 'partitions.json', '--format', 'json']);
  writeFileSync(join(DIR, 'rec-only.json'), JSON.stringify({ title: 't', source: { name: 's' }, claims: [{ id: 's', type: 'spastic', denominator: 100, percent: '60' }, { id: 'm', type: 'mixed', denominator: 100, percent: '40' }], partitions: [{ id: 'types', total: 100, parts: ['s', 'm'] }] }));
  const q = await cli(['audit', 'rec-only.json', '--records', 'rec100.csv', '--cohort', 'cerebral-palsy']);
  const athetoid33 = /athetoid[^"]*33\.3/.test(r.stdout);
  const dup = /twice|duplicate|more than once|listed/i.test(r.stdout) || /twice|duplicate|more than once/i.test(r.stderr);
  return {
    ok: r.code !== 2 && !athetoid33 && dup && q.code === 0,
    detail: `audit exit ${r.code} (athetoid 33.3%: ${athetoid33}, [a, a] reported: ${dup}); percent-only with --records exit ${q.code} ${firstLine(q.stdout.split('\n').filter((l) => /ERROR/.test(l)).join(' '))}`,
  };
});

// 11. One bad figure
add('11', 'a bad figure ("5O", total: 0) is a finding with its path; the rest is audited', async () => {
  writeFileSync(
    join(DIR, 'bad-figure.json'),
    JSON.stringify({
      title: 't',
      source: { name: 's' },
      claims: [
        { id: 'ok', numerator: 2324, denominator: 4278, percent: '54.32' },
        { id: 'typo', numerator: 20, denominator: 40, percent: '5O' },
        { id: 'wrong', numerator: 1341, denominator: 4278, percent: '31.34' },
      ],
      partitions: [{ id: 'zero', total: 0, parts: ['ok'] }],
    }),
  );
  const r = await cli(['audit', 'bad-figure.json', '--format', 'json']);
  return {
    ok: r.code === 1 && r.stdout.includes('typo') && r.stdout.includes('percent-mismatch') && /zero/.test(r.stdout),
    detail: `exit ${r.code}; typo named: ${r.stdout.includes('typo')}; other figures audited: ${r.stdout.includes('percent-mismatch')}; total 0 reported: ${/zero/.test(r.stdout)}`,
  };
});
add('11', 'extract never writes a claims file its own audit rejects (125%, 250%, n > total)', async () => {
  writeFileSync(join(DIR, 'impossible.txt'), 'We treated 40 patients; 50 of them improved (125%). 20 of 40 were spastic (50%). Of 200 patients, 250% improved. In all 4278 patients, including 5000 spastic (116.88%).');
  const e = await cli(['extract', 'impossible.txt', '--out', 'impossible.yaml']);
  const a = await cli(['audit', 'impossible.yaml']);
  return { ok: e.code === 0 && a.code === 0, detail: `extract exit ${e.code}, audit of its file exit ${a.code}; ${e.stderr.split('\n').filter(Boolean).length} lines on stderr` };
});

// 12. HTML detection
const SCRIPT = '<script>var s = "We treated 999 patients; 500 improved (50.05%).";</script>';
const BODY = '<p>We treated 4278 patients, including 2324 spastic (54.32%).</p>';
add('12', 'HTML5 page with unclosed <head> and no <body>; stdin pages starting with a comment, <head>, <meta>', async () => {
  writeFileSync(join(DIR, 'no-body.html'), `<!DOCTYPE html>\n<html><head><title>Results</title>${SCRIPT}\n${BODY}\n</html>\n`);
  writeFileSync(join(DIR, 'no-body-text.html'), `<!DOCTYPE html>\n<html><head><title>Results</title><meta charset=utf-8>\nWe treated 4278 patients, including 2324 spastic (54.32%).\n`);
  const out: string[] = [];
  let ok = true;
  const check = (label: string, r: Run) => {
    const good = r.code === 0 && r.stdout.includes('"54.32"') && !r.stdout.includes('999') && !r.stdout.includes('50.05');
    ok &&= good;
    out.push(`${label}: ${good ? 'ok' : `FAIL exit ${r.code}`}`);
  };
  check('no-body.html', await cli(['extract', 'no-body.html', '--json']));
  check('no-body-text.html', await cli(['extract', 'no-body-text.html', '--json']));
  for (const start of ['<!-- generated -->', '<head>', '<meta charset="utf-8">', '\uFEFF  <!-- x -->\n<HEAD>']) {
    check(`stdin ${JSON.stringify(start.trim())}`, await cli(['extract', '-', '--json'], { stdin: `${start}\n${SCRIPT}\n${BODY}\n` }));
  }
  return { ok, detail: out.join('; ') };
});

// 13. Line endings, UTF-16, stdin
add('13', 'after a quote, lines with the other line end keep no stray CR or LF', async () => {
  const text = 'id,type,year,outcome\r\n1,"spastic",2010,improved\n2,mixed,2011,unchanged\r\n3,athetoid,2012,improved\r4,other,2013,worsened\n';
  writeFileSync(join(DIR, 'mixed-ends.csv'), text);
  const { value, run } = await lib<{ records: number; rejected: number; outcomes: string }>(
    `const r = await N.readCohortCsv('mixed-ends.csv', { mode: 'lenient' }); return { records: r.records.length, rejected: r.rejected.length, outcomes: r.records.map((x) => x.outcome).join(' ') };`,
  );
  return { ok: value?.records === 4 && value.rejected === 0, detail: `${value?.records} records, ${value?.rejected} rejected (${value?.outcomes}); ${fmt(run)}` };
});
add('13', 'UTF-16 file: "save it as UTF-8", no NULs; summarize - reads stdin', async () => {
  const u = await cli(['summarize', 'utf16.csv']);
  const s = await cli(['summarize', '-'], { stdin: 'id,type,year,outcome\n1,spastic,2010,improved\n2,mixed,2011,unchanged\n' });
  return {
    ok: u.code === 2 && /UTF-16/.test(u.stderr) && /UTF-8/.test(u.stderr) && !u.stderr.includes('\0') && s.code === 0 && /spastic/.test(s.stdout),
    detail: `UTF-16: exit ${u.code} "${firstLine(u.stderr)}"; stdin: exit ${s.code}`,
  };
});

// 14. Small ones
add('14', "--decimals '' and 0x10 are usage errors", async () => {
  const a = await cli(['summarize', '--decimals', '']);
  const b = await cli(['summarize', '--decimals', '0x10']);
  return { ok: a.code === 2 && b.code === 2, detail: `'' exit ${a.code} "${firstLine(a.stderr)}"; 0x10 exit ${b.code} "${firstLine(b.stderr)}"` };
});
add('14', 'typed errors: proportionTest(1, null), roundRational(5, 2), unknown rounding, trendTest equal scores; checkMean past 2^53', async () => {
  const { value, run } = await lib<Record<string, { ok: boolean; typed?: boolean; error?: string; value?: string }>>(
    `return {
      proportionTest: await caught(() => L.proportionTest(1, null)),
      roundRational: await caught(() => L.roundRational(5, 2)),
      unknownRounding: await caught(() => L.formatPercent(1, 3, { rounding: 'half-odd' })),
      unknownRoundingCheck: await caught(() => L.checkPercent('33.3', 3, { rounding: 'bankers' })),
      trendTest: await caught(() => L.trendTest([1, 2, 3], [5, 5, 5], [7, 7, 7])),
      checkMean: await caught(() => L.checkMean('5.25', Number.MAX_SAFE_INTEGER).exactTotals),
    };`,
  );
  if (!value) return { ok: false, detail: fmt(run) };
  const throwsTyped = ['proportionTest', 'roundRational', 'unknownRounding', 'unknownRoundingCheck', 'trendTest'].every((k) => value[k]?.typed === true);
  const exact = value.checkMean?.ok === true && /"\d{16,}/.test(value.checkMean.value ?? '');
  return { ok: throwsTyped && exact, detail: Object.entries(value).map(([k, v]) => `${k}: ${v.ok ? v.value?.slice(0, 40) : v.error}`).join('; ') };
});

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('run `npm run build` first');
  mkdirSync(DIR, { recursive: true });
  let failed = 0;
  for (const c of cases) {
    if (ONLY !== undefined && c.item !== ONLY) continue;
    let outcome: Outcome;
    try {
      outcome = await c.run();
    } catch (e) {
      outcome = { ok: false, detail: `reproducer failed: ${(e as Error).message}` };
    }
    if (!outcome.ok) failed++;
    console.log(`${outcome.ok ? 'PASS' : 'FAIL'} 19.${c.item.padEnd(3)} ${c.name}\n        ${outcome.detail}`);
  }
  console.log(failed === 0 ? '\nevery reproducer holds' : `\n${failed} reproducer(s) fail`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
