// Scores the table reader on the corpus in test/tables/corpus: cell claims and means against gold
// written from the tables themselves, and the audit's findings against the inconsistencies a
// reviewer would report. `npx tsx test/tables/score.ts` prints the figures per split.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { readTables } from '../../src/tables/read-tables.js';
import { tableClaims, type TableFigures } from '../../src/tables/table-claims.js';

export const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

interface GoldClaim { numerator?: number; denominator: number; percent: string; optional: boolean }
interface GoldMean { mean: string; sd: string; n: number; optional: boolean }
export interface GoldTable { id: string; url: string; split: 'dev' | 'held'; batch?: string; file: string; claims: GoldClaim[]; means: GoldMean[]; real: string[] }

export const GOLD: GoldTable[] = JSON.parse(readFileSync(`${CORPUS_DIR}gold.json`, 'utf8')).tables;

/** Codes that must never fire on a table that has no such inconsistency. */
export const ALARMS = ['percent-impossible', 'mean-impossible', 'sd-impossible', 'count-sum-mismatch'];

export interface Score {
  claims: { gold: number; found: number; extracted: number; correct: number };
  means: { gold: number; found: number; extracted: number; correct: number };
  real: { expected: number; found: number };
  falseAlarms: string[];
  misses: string[];
  wrong: string[];
}

// what the cell prints: a count taken from another column's size ("62% male" beside "Men (n = 347)") is not printed in it
const claimKey = (c: { numerator?: number; denominator: number; percent?: string; numeratorFrom?: string }) => `${c.numeratorFrom === undefined ? c.numerator ?? '-' : '-'}/${c.denominator} ${c.percent ?? ''}`;
const meanKey = (m: { mean: string; sd?: string; n: number }) => `${m.mean} ${m.sd ?? ''} ${m.n}`;

function match<T>(gold: readonly (T & { optional: boolean })[], extracted: readonly string[], key: (g: T) => string) {
  const pool = new Map<string, { required: number; optional: number }>();
  for (const g of gold) {
    const k = key(g);
    const e = pool.get(k) ?? { required: 0, optional: 0 };
    if (g.optional) e.optional += 1;
    else e.required += 1;
    pool.set(k, e);
  }
  let found = 0;
  let correct = 0;
  const wrong: string[] = [];
  for (const k of extracted) {
    const e = pool.get(k);
    if (e && e.required > 0) {
      e.required -= 1;
      found += 1;
      correct += 1;
    } else if (e && e.optional > 0) {
      e.optional -= 1;
      correct += 1;
    } else wrong.push(k);
  }
  const missed = [...pool.entries()].flatMap(([k, e]) => Array.from({ length: e.required }, () => k));
  return { found, correct, wrong, missed, required: gold.filter((g) => !g.optional).length };
}

/** Extract every table of a file into one claims file (for the audit). */
export function extractFile(text: string): TableFigures[] {
  return readTables(text).map((t, i) => tableClaims(t, { idPrefix: `t${i + 1}-` }));
}

export function scoreTable(gold: GoldTable, extractions: readonly TableFigures[]): Score {
  const claims = extractions.flatMap((x) => x.claims);
  const means = extractions.flatMap((x) => x.means);
  const c = match(gold.claims, claims.map(claimKey), (g) => claimKey(g));
  const m = match(gold.means, means.map(meanKey), (g) => meanKey(g));
  const file = {
    title: gold.id,
    source: { name: gold.url },
    claims: claims.map(({ cell: _cell, denominatorBasis: _b, denominatorSource: _s, numeratorFrom: _f, ...rest }) => rest),
    partitions: extractions.flatMap((x) => x.partitions.map((p) => ({ id: p.id, total: p.total, parts: p.parts }))),
    means: means.map(({ cell: _cell, nSource: _s, ...rest }) => rest),
  };
  const findings = claims.length > 0 ? auditClaims(file).findings : [];
  const byId = new Map<string, string>([...claims.map((x) => [x.id, claimKey(x)] as const)]);
  const partitionNames = new Map(extractions.flatMap((x) => x.partitions).map((p) => [p.id, p.id]));
  const hits = findings.flatMap((f) => [f.code, ...((f as { codes?: string[] }).codes ?? [])].map((code) => ({ code, claim: f.claim })));
  const realFound = gold.real.filter((r) => {
    const [code, ...rest] = r.split(' ');
    const what = rest.join(' ');
    return hits.some((h) => h.code === code && h.claim !== undefined && (byId.get(h.claim)?.startsWith(what.split(' ')[0]!) || (partitionNames.has(h.claim) && what !== '' && claimsOfPartition(extractions, h.claim).some((x) => x.includes(what.split(' / ')[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-'))))));
  });
  // a misprinted percent is both a mismatch with its count and, often, impossible for its N
  const licenses = (real: string, code: string) => real.startsWith(code) || (code === 'percent-impossible' && real.startsWith('percent-mismatch'));
  const falseAlarms = hits
    .filter((h) => ALARMS.includes(h.code))
    .filter((h) => !gold.real.some((r) => licenses(r, h.code) && h.claim !== undefined && (byId.get(h.claim)?.startsWith(r.split(' ')[1]!) || (partitionNames.has(h.claim) && r.startsWith(h.code)))))
    .map((h) => `${h.code} ${h.claim} ${h.claim ? byId.get(h.claim) ?? '' : ''}`);
  return {
    claims: { gold: c.required, found: c.found, extracted: claims.length, correct: c.correct },
    means: { gold: m.required, found: m.found, extracted: means.length, correct: m.correct },
    real: { expected: gold.real.length, found: realFound.length },
    falseAlarms: [...new Set(falseAlarms)],
    misses: [...c.missed.map((k) => `claim ${k}`), ...m.missed.map((k) => `mean ${k}`)],
    wrong: [...c.wrong.map((k) => `claim ${k}`), ...m.wrong.map((k) => `mean ${k}`)],
  };
}

/** One line of figures, as the README and the tests print them. */
export function describeScore(s: ReturnType<typeof summarise>): string {
  return `${s.tables} files; cell claims recall ${s.claimRecall.toFixed(3)} (${s.claimFound}/${s.claimGold}), precision ${s.claimPrecision.toFixed(3)}; means recall ${s.meanRecall.toFixed(3)} (${s.meanFound}/${s.meanGold}), precision ${s.meanPrecision.toFixed(3)}; real inconsistencies found ${s.realFound}/${s.realExpected}; false alarms ${s.falseAlarms.length}`;
}

function claimsOfPartition(extractions: readonly TableFigures[], id: string): string[] {
  const p = extractions.flatMap((x) => x.partitions).find((x) => x.id === id);
  return p ? [p.id] : [];
}

/** The format a corpus file is in, from its name. */
export const formatOf = (file: string): 'HTML' | 'Markdown' => (file.endsWith('.md') ? 'Markdown' : 'HTML');

export function scoreCorpus(split?: 'dev' | 'held', read: (g: GoldTable) => string = (g) => readFileSync(`${CORPUS_DIR}${g.file}`, 'utf8'), format?: 'HTML' | 'Markdown', batch?: string) {
  const rows = GOLD.filter((g) => (split === undefined || g.split === split) && (format === undefined || formatOf(g.file) === format) && (batch === undefined || g.batch === batch)).map((g) => ({ gold: g, score: scoreTable(g, extractFile(read(g))) }));
  return summarise(rows);
}

/** Totals over scored tables: recall and precision of cell claims and means, real inconsistencies, false alarms. */
export function summarise(rows: { gold: GoldTable; score: Score }[]) {
  const sum = (f: (s: Score) => number) => rows.reduce((a, r) => a + f(r.score), 0);
  return {
    tables: rows.length,
    claimFound: sum((s) => s.claims.found),
    claimGold: sum((s) => s.claims.gold),
    meanFound: sum((s) => s.means.found),
    meanGold: sum((s) => s.means.gold),
    claimRecall: sum((s) => s.claims.found) / Math.max(1, sum((s) => s.claims.gold)),
    claimPrecision: sum((s) => s.claims.correct) / Math.max(1, sum((s) => s.claims.extracted)),
    meanRecall: sum((s) => s.means.found) / Math.max(1, sum((s) => s.means.gold)),
    meanPrecision: sum((s) => s.means.correct) / Math.max(1, sum((s) => s.means.extracted)),
    realFound: sum((s) => s.real.found),
    realExpected: sum((s) => s.real.expected),
    falseAlarms: rows.flatMap((r) => r.score.falseAlarms.map((f) => `${r.gold.file}: ${f}`)),
    rows,
  };
}

/** Real inconsistencies found and expected, by the finding that reports them (and, for percents, by the denominator's origin in gold). */
export function realByKind(split: 'dev' | 'held'): Map<string, { found: number; expected: number }> {
  const out = new Map<string, { found: number; expected: number }>();
  for (const g of GOLD.filter((x) => x.split === split)) {
    const extractions = extractFile(readFileSync(`${CORPUS_DIR}${g.file}`, 'utf8'));
    for (const r of g.real) {
      const code = r.split(' ')[0]!;
      const what = r.split(' ')[1] ?? '';
      const kind = code === 'percent-mismatch' || code === 'percent-impossible' ? `${code}, ${what.startsWith('-/') ? 'percent only' : 'count and percent'}` : code;
      const e = out.get(kind) ?? { found: 0, expected: 0 };
      e.expected += 1;
      e.found += scoreTable({ ...g, real: [r] }, extractions).real.found;
      out.set(kind, e);
    }
  }
  return out;
}

if (process.argv[1]?.endsWith('score.ts')) {
  const verbose = process.argv.includes('--verbose');
  if (process.argv.includes('--kinds')) {
    for (const split of ['dev', 'held'] as const) for (const [kind, e] of realByKind(split)) console.log(`${split}: ${kind}: ${e.found}/${e.expected}`);
    process.exit(0);
  }
  for (const split of ['dev', 'held'] as const) {
    const s = scoreCorpus(split);
    console.log(`${split}: ${describeScore(s)}`);
    for (const format of ['HTML', 'Markdown'] as const) console.log(`  ${format}: ${describeScore(scoreCorpus(split, undefined, format))}`);
    for (const batch of [...new Set(GOLD.filter((g) => g.split === split && g.batch).map((g) => g.batch!))]) {
      console.log(`  ${batch}: ${describeScore(scoreCorpus(split, undefined, undefined, batch))}`);
      for (const format of ['HTML', 'Markdown'] as const) console.log(`    ${format}: ${describeScore(scoreCorpus(split, undefined, format, batch))}`);
    }
    if (verbose) for (const r of s.rows) {
      const x = r.score;
      if (x.misses.length || x.wrong.length || x.falseAlarms.length || x.real.found < x.real.expected) console.log(`  ${r.gold.file}: claims ${x.claims.found}/${x.claims.gold} (extracted ${x.claims.extracted}, correct ${x.claims.correct}), means ${x.means.found}/${x.means.gold}; real ${x.real.found}/${x.real.expected}\n    missed: ${x.misses.join('; ')}\n    wrong: ${x.wrong.join('; ')}\n    alarms: ${x.falseAlarms.join('; ')}`);
    }
  }
}
