// PDFs made from corpus tables in headless Chromium (Debian's package, driven by playwright-core),
// read back through pdf.js text positions and scored against the same gold as the HTML.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/node/pdf-text.js';
import { readTablesFromFile } from '../../src/node/read-tables.js';
import { tableClaims } from '../../src/tables/table-claims.js';
import { CORPUS_DIR, GOLD, scoreTable } from './score.js';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && !process.env.CI) console.warn(`test/tables/pdf.test.ts skipped: no Chromium at ${CHROMIUM} to print the PDFs (CI installs it through .ci/run).`);

// Typeset as journals print a Table 1: one line per row, a small font, landscape when wide.
const PRINT_CSS = '<style>@page { size: A4 landscape; margin: 12mm } body { font: 8pt/1.35 "DejaVu Sans", sans-serif } table { border-collapse: collapse } td, th { white-space: nowrap; padding: 1px 10px; text-align: left; vertical-align: top } caption, figcaption { text-align: left; margin-bottom: 6px } </style>';
const FILES = ['t02-bmjopen-rct-characteristics', 't04-bmj-tohp-sodium', 't05-bmcpediatrics-cp-characteristics', 't09-bmc-mortality-diet-medians', 't13-svn-north-south-stroke', 't14-bmc-hypertension-control', 't20-plosone-tb-outcomes'];
const dir = mkdtempSync(join(tmpdir(), 'to-tables-pdf-'));
const pdf = (id: string) => join(dir, `${id}.pdf`);

describe.skipIf(!haveBrowser && !process.env.CI)('tables read from PDF', () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const page = await browser.newPage();
    for (const id of FILES) {
      const html = readFileSync(`${CORPUS_DIR}${id}.html`, 'utf8').replace('</head>', `${PRINT_CSS}</head>`);
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({ path: pdf(id), landscape: true, printBackground: false });
    }
  }, 120_000);
  afterAll(async () => browser?.close());

  it('lays a page out as text whose columns line up', async () => {
    const text = await pdfText(pdf('t13-svn-north-south-stroke'));
    const line = text.split('\n').map((l) => l.trim()).find((l) => l.startsWith('Male, sex'))!;
    expect(line.split(/\s{2,}/)).toEqual(['Male, sex', '45 (71.4)', '38 (67.9)', '0.672']);
  });

  it('finds the cells of at least five PDFs as in their HTML', async () => {
    let found = 0;
    let gold = 0;
    let correct = 0;
    let extracted = 0;
    let meansFound = 0;
    let meansGold = 0;
    const alarms: string[] = [];
    for (const id of FILES) {
      const g = GOLD.find((x) => x.file === `${id}.html`)!;
      const s = scoreTable(g, (await readTablesFromFile(pdf(id))).map((t, i) => tableClaims(t, { idPrefix: `t${i + 1}-` })));
      found += s.claims.found;
      gold += s.claims.gold;
      correct += s.claims.correct;
      extracted += s.claims.extracted;
      meansFound += s.means.found;
      meansGold += s.means.gold;
      alarms.push(...s.falseAlarms.map((a) => `${id}: ${a}`));
      if (process.env.TABLES_VERBOSE) console.log(id, s.misses, s.wrong);
    }
    console.log(`PDF (${FILES.length} files): cell claims recall ${(found / gold).toFixed(3)}, precision ${(correct / extracted).toFixed(3)}; means recall ${(meansFound / meansGold).toFixed(3)}; false alarms ${alarms.length}`);
    expect(found / gold).toBeGreaterThanOrEqual(0.85);
    expect(correct / extracted).toBeGreaterThanOrEqual(0.95);
    expect(meansFound / meansGold).toBeGreaterThanOrEqual(0.8);
    expect(alarms).toEqual([]);
  });

  it('says plainly when pdf.js cannot read the file', async () => {
    const bad = join(dir, 'not.pdf');
    writeFileSync(bad, '%PDF-1.4 nothing here');
    await expect(readTablesFromFile(bad)).rejects.toThrow(/cannot read the PDF/);
  });
});
