// Self-consistency of the PDF reader: every HTML table of the corpus is printed by headless
// Chromium as `chromium --headless --print-to-pdf` prints it (Letter, portrait, default margins,
// its header and footer lines) and, optionally, in landscape; the claims and means read back
// from the PDF are compared with those read from the HTML file. No gold is needed: the HTML
// reading is the reference, and agreement is recall and precision of the PDF's figures against it.
// `npx tsx test/tables/pdf-agreement.ts [--landscape] [--verbose] [id…]` prints per-table and
// aggregate agreement.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { readTablesFromFile } from '../../src/node/read-tables.js';
import { readTables } from '../../src/tables/read-tables.js';
import { tableClaims, type TableFigures } from '../../src/tables/table-claims.js';
import { CORPUS_DIR, GOLD, scoreTable } from './score.js';

export const CHROMIUM = '/usr/bin/chromium';
export type Orientation = 'portrait' | 'landscape';

/** Every HTML table of the corpus, by id (file name without .html). */
export const HTML_IDS = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();

const claimKeys = (figures: readonly TableFigures[]) => figures.flatMap((x) => x.claims).map((c) => `${c.numerator ?? '-'}/${c.denominator} ${c.percent ?? ''}`);
const meanKeys = (figures: readonly TableFigures[]) => figures.flatMap((x) => x.means).map((m) => `${m.mean} ${m.sd ?? ''} ${m.n}`);
const figuresOf = (tables: Parameters<typeof tableClaims>[0][]) => tables.map((t, i) => tableClaims(t, { idPrefix: `t${i + 1}-` }));

/** How many of `found` are in `reference`, counted as multisets; what is missing and what is extra. */
function agree(reference: readonly string[], found: readonly string[]) {
  const pool = new Map<string, number>();
  for (const k of reference) pool.set(k, (pool.get(k) ?? 0) + 1);
  let matched = 0;
  const extra: string[] = [];
  for (const k of found) {
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      pool.set(k, n - 1);
      matched += 1;
    } else extra.push(k);
  }
  const missing = [...pool.entries()].flatMap(([k, n]) => Array.from({ length: n }, () => k));
  return { reference: reference.length, found: found.length, matched, missing, extra };
}

export interface Agreement {
  id: string;
  claims: ReturnType<typeof agree>;
  means: ReturnType<typeof agree>;
  /** false alarms of the audit on the PDF's figures, against the corpus gold */
  falseAlarms: string[];
}

/** Print the corpus files `ids` to PDF in `dir`, as Chromium's --print-to-pdf does (default margins, header and footer). */
export async function printCorpus(ids: readonly string[], dir: string, orientation: Orientation): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    for (const id of ids) {
      await page.goto(pathToFileURL(`${CORPUS_DIR}${id}.html`).href, { waitUntil: 'load' });
      // Chromium's own defaults for --print-to-pdf: Letter, 0.4in margins, date and title above, URL and page
      // below, a tagged PDF (each cell its own run of text)
      await page.pdf({ path: join(dir, `${id}-${orientation}.pdf`), format: 'Letter', landscape: orientation === 'landscape', margin: { top: '0.4in', bottom: '0.4in', left: '0.4in', right: '0.4in' }, displayHeaderFooter: true, printBackground: false, tagged: true });
    }
  } finally {
    await browser.close();
  }
}

/** Agreement of the figures read from a printed PDF with those read from its HTML. */
export async function agreement(id: string, pdfPath: string): Promise<Agreement> {
  const html = figuresOf(readTables(readFileSync(`${CORPUS_DIR}${id}.html`, 'utf8'), { format: 'html' }));
  const pdf = figuresOf(await readTablesFromFile(pdfPath));
  const gold = GOLD.find((g) => g.file === `${id}.html`);
  return { id, claims: agree(claimKeys(html), claimKeys(pdf)), means: agree(meanKeys(html), meanKeys(pdf)), falseAlarms: gold ? scoreTable(gold, pdf).falseAlarms : [] };
}

/** Totals: micro recall/precision of claims and means, and the mean of per-table claim recall (tables with claims). */
export function summariseAgreement(rows: readonly Agreement[]) {
  const sum = (f: (a: Agreement) => number) => rows.reduce((s, a) => s + f(a), 0);
  const withClaims = rows.filter((a) => a.claims.reference > 0);
  return {
    tables: rows.length,
    claimRecall: sum((a) => a.claims.matched) / Math.max(1, sum((a) => a.claims.reference)),
    claimPrecision: sum((a) => a.claims.matched) / Math.max(1, sum((a) => a.claims.found)),
    meanRecall: sum((a) => a.means.matched) / Math.max(1, sum((a) => a.means.reference)),
    meanPrecision: sum((a) => a.means.matched) / Math.max(1, sum((a) => a.means.found)),
    tableClaimRecall: withClaims.reduce((s, a) => s + a.claims.matched / a.claims.reference, 0) / Math.max(1, withClaims.length),
    falseAlarms: rows.flatMap((a) => a.falseAlarms.map((f) => `${a.id}: ${f}`)),
    exact: rows.filter((a) => a.claims.missing.length + a.claims.extra.length + a.means.missing.length + a.means.extra.length === 0).length,
  };
}

export const describeAgreement = (s: ReturnType<typeof summariseAgreement>) =>
  `${s.tables} tables, ${s.exact} read exactly as from HTML; claims recall ${s.claimRecall.toFixed(3)}, precision ${s.claimPrecision.toFixed(3)} (mean per-table recall ${s.tableClaimRecall.toFixed(3)}); means recall ${s.meanRecall.toFixed(3)}, precision ${s.meanPrecision.toFixed(3)}; false alarms ${s.falseAlarms.length}`;

if (process.argv[1]?.endsWith('pdf-agreement.ts')) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const orientations: Orientation[] = args.includes('--landscape') ? ['portrait', 'landscape'] : ['portrait'];
  const ids = args.filter((a) => !a.startsWith('--'));
  const chosen = ids.length > 0 ? ids : HTML_IDS;
  const dir = mkdtempSync(join(tmpdir(), 'to-pdf-agreement-'));
  for (const orientation of orientations) {
    await printCorpus(chosen, dir, orientation);
    const rows: Agreement[] = [];
    for (const id of chosen) {
      const a = await agreement(id, join(dir, `${id}-${orientation}.pdf`));
      rows.push(a);
      const line = `  ${id}: claims ${a.claims.matched}/${a.claims.reference} (pdf ${a.claims.found}), means ${a.means.matched}/${a.means.reference} (pdf ${a.means.found})`;
      if (verbose && (a.claims.missing.length || a.claims.extra.length || a.means.missing.length || a.means.extra.length)) console.log(`${line}\n    missing: ${[...a.claims.missing, ...a.means.missing].slice(0, 12).join('; ')}\n    extra: ${[...a.claims.extra, ...a.means.extra].slice(0, 12).join('; ')}`);
      else console.log(line);
    }
    const total = summariseAgreement(rows);
    console.log(`${orientation}: ${describeAgreement(total)}`);
    for (const f of total.falseAlarms) console.log(`  false alarm: ${f}`);
  }
  console.log(`PDFs in ${dir}`);
}
