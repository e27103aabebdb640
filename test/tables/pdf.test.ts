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
import { CORPUS_DIR, describeScore, GOLD, scoreTable, summarise, type GoldTable, type Score } from './score.js';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && !process.env.CI) console.warn(`test/tables/pdf.test.ts skipped: no Chromium at ${CHROMIUM} to print the PDFs (CI installs it through .ci/run).`);

// Typeset as journals print a Table 1: one line per row, a small font, landscape when wide; the
// notes under the table wrap as a paragraph.
const PRINT_CSS = '<style>@page { size: A4 landscape; margin: 12mm } body { font: 8pt/1.35 "DejaVu Sans", sans-serif } table { border-collapse: collapse } td, th { white-space: nowrap; padding: 1px 10px; text-align: left; vertical-align: top } tfoot td { white-space: normal } caption, figcaption { text-align: left; margin-bottom: 6px } </style>';
const DEV = ['t02-bmjopen-rct-characteristics', 't04-bmj-tohp-sodium', 't05-bmcpediatrics-cp-characteristics', 't09-bmc-mortality-diet-medians', 't13-svn-north-south-stroke', 't20-plosone-tb-outcomes'];
const HELD = ['t14-bmc-hypertension-control', 't24-bmcprimcare-adherence-baseline', 't25-antibiotics-adr-cohorts', 't26-toxsci-minimat-children', 't27-jtranslmed-om85-children', 't28-pmc-zinc-children', 't29-pmc-carer-followup', 't30-jegh-tb-outcomes', 't31-bmjgh-diabetes-women-countries', 't32-pmc-cases-controls-ses', 't33-jnci-cancer-cognition-cases', 't34-pmc-colorectal-cases-controls', 't35-bmjopen-consort-completeness', 't36-pmc-guangzhou-schoolchildren'];
// the fourth collection (development tables, first scored before any change made for them)
const FOURTH = ['t41-eurheartj-china-europe-randomized', 't42-jamaim-prediabetes-arms', 't44-diabetologia-maastricht-t2d', 't46-icm-dexamethasone-doses'];
// the fifth collection: gold written before the reader ran on it; its held half is never tuned on
const FIFTH_DEV = ['t47-pmc-virology-severity', 't50-pmc-shanghai-lung-cases-controls', 't52-plosone-oral-cancer-controls', 't54-plosone-rr-tb-outcomes-years', 't56-bmccvd-porto-available-data', 't58-jat-grade2-hypertension-arms'];
const FIFTH_HELD = ['t48-pmc-uc-single-arm', 't49-pmc-covid-icu-hospital-followup', 't51-cebp-lung-cases-two-controls', 't53-bmcfampract-smokers-referral', 't55-bmcpulmmed-tb-outcomes-no-n', 't57-cmaj-retirement-hypertension-diabetes', 't59-pmc-smoking-status-percent-only'];
// the sixth collection: scored once as held-back tables, then worked on (development)
const SIXTH = ['t60-pmc-family-trial-quintiles', 't61-pmc-school-children-two-years', 't62-pmc-icu-mortality-4488', 't63-pmc-ethiopia-mothers-frequency', 't64-pmc-icu-row-percent-survivors', 't65-ccforum-icu-n-percent-columns'];
// the seventh collection: scored once as held-back tables, then worked on (development)
const SEVENTH = ['t66-pmc-pregnancy-cohort-by-infant-sex', 't67-pmc-stroke-af-registry-dropouts', 't68-nature-stroke-by-sex-clean', 't69-pmc-trimesters-n-of-n-columns'];
// the eighth collection: gold written before the reader ran on it; one table in three held back (t75 since looked at)
const EIGHTH_DEV = ['t70-bmchsr-chd-prevention-percent-only', 't71-bmjopen-consort-adherence-n-of-n-percent', 't73-jclinepi-missing-data-reasons', 't74-bmcmrm-withdrawn-participants', 't75-prom-fingolimod-follow-up-disposition', 't76-jhypertens-china-risk-profiles', 't77-plosone-dch-strata-percent-only'];
const EIGHTH_HELD = ['t72-bmcpsychiatry-oros-discontinuation', 't78-pmc-hdl-apoc3-men-women-row-n'];
// the ninth collection: t80 scored once as held back, then worked on (development)
const NINTH = ['t79-omics-tb-outcomes-row-percent-total', 't80-pmc-women-men-nmiss-n-percent'];
// the tenth collection: gold written before the reader ran on it; five held back by a seeded hash
const TENTH_DEV = ['t81-pmc-stroke-lesions-women-men-percent-only', 't82-clinmed-sociodemographic-frequency-no-n', 't83-bmjopen-population-n-in-caption', 't86-cmaj-stroke-tia-levels-of-available-data', 't87-bmcmsk-hand-oa-placebo-two-trials', 't90-pmc-ntg-ointment-teae-severity', 't91-pmc-dmq-events-subjects-percent-columns'];
const TENTH_HELD = ['t84-pmc-pregnant-women-frequency-percent-no-n', 't85-scirp-mothers-number-percentage-total-rows', 't88-trials-placebo-meta-research-k-186', 't89-nature-teae-two-arms', 't92-pmc-semaglutide-aes-n-e-r-no-n'];
// the eleventh collection: gold written before the reader ran on it; held back by a seeded hash (t102, t104 since looked at)
const ELEVENTH_DEV = ['t93-pmc-radiotherapy-participants-n-header-row', 't94-pmc-hcv-thalassemia-patients-no-row', 't97-pmc-subgroup-reviews-n-17-clean', 't98-hindawi-amstar-items-n-printed-nowhere', 't100-pmc-cognitive-groups-percent-only-spanning-n', 't102-jcm-dental-subset-n-in-row-label', 't104-wjg-survivors-row-percent-no-total-column', 't105-pmc-reviews-variable-category-columns-n-nowhere'];
const ELEVENTH_HELD = ['t95-bmcoralhealth-trehalose-xerostomia-two-decimals', 't96-pmc-systematic-reviews-n-printed-nowhere', 't99-gerona-blsa-analytic-excluded-clean', 't101-jaos-radiotherapy-sizes-in-notes-per-group-time', 't103-pmc-covid-n-without-sign-m-f-cell'];
// the twelfth collection: gold written before the reader ran on it; held back by a seeded hash
const TWELFTH_DEV = ['t106-pmc-care-leavers-row-percent-total-column', 't107-pmc-rsv-recruited-declined-n-percent-total-row', 't109-bmjopen-trials-reported-rows-as-base', 't110-nature-screened-participants-missing-rows', 't111-pmc-pregnancy-enrollees-variable-row-n-per-column', 't112-pmc-covid-risk-groups-missing-count-rows', 't114-bmcmrm-controlled-mi-trials-n-percent-columns', 't117-pmc-news-alive-90-days-row-n-column', 't118-planted-rsv-age-count-off-by-one'];
const TWELFTH_HELD = ['t108-pmc-nursing-home-trials-n-in-variable-label', 't113-pmc-missing-outcome-trials-denominators-in-footnote', 't115-bmjopen-ethnic-groups-levels-sum-percent-of-row', 't116-plosmed-tbi-total-row-percent-of-overall'];
const FILES = [...DEV, ...HELD, ...FOURTH, ...FIFTH_DEV, ...FIFTH_HELD, ...SIXTH, ...SEVENTH, ...EIGHTH_DEV, ...EIGHTH_HELD, ...NINTH, ...TENTH_DEV, ...TENTH_HELD, ...ELEVENTH_DEV, ...ELEVENTH_HELD, ...TWELFTH_DEV, ...TWELFTH_HELD];
// the development tables again, their headings wrapped in narrow columns (over two or three lines)
const WRAP_CSS = '<style>th { white-space: normal; width: 26mm }</style>';
const WRAPPED = [...DEV, ...FOURTH];
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
    for (const id of WRAPPED) {
      const html = readFileSync(`${CORPUS_DIR}${id}.html`, 'utf8').replace('</head>', `${PRINT_CSS}${WRAP_CSS}</head>`);
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({ path: pdf(`${id}-wrapped`), landscape: true, printBackground: false });
    }
  }, 120_000);
  afterAll(async () => browser?.close());

  it('lays a page out as text whose columns line up', async () => {
    const text = await pdfText(pdf('t13-svn-north-south-stroke'));
    const line = text.split('\n').map((l) => l.trim()).find((l) => l.startsWith('Male, sex'))!;
    expect(line.split(/\s{2,}/)).toEqual(['Male, sex', '45 (71.4)', '38 (67.9)', '0.672']);
  });

  const scorePdfs = async (ids: readonly string[], suffix = '') => {
    const rows: { gold: GoldTable; score: Score }[] = [];
    for (const id of ids) {
      const gold = GOLD.find((x) => x.file === `${id}.html`)!;
      const score = scoreTable(gold, (await readTablesFromFile(pdf(`${id}${suffix}`))).map((t, i) => tableClaims(t, { idPrefix: `t${i + 1}-` })));
      if (process.env.TABLES_VERBOSE) console.log(id, score.misses, score.wrong);
      rows.push({ gold, score });
    }
    return summarise(rows);
  };

  it('finds the cells of the development PDFs as in their HTML', async () => {
    const s = await scorePdfs(DEV);
    console.log(`PDF, dev: ${describeScore(s)}`);
    expect(s.claimRecall).toBeGreaterThanOrEqual(0.85);
    expect(s.claimPrecision).toBeGreaterThanOrEqual(0.95);
    expect(s.meanRecall).toBeGreaterThanOrEqual(0.8);
    expect(s.falseAlarms).toEqual([]);
  });

  // scored, not tuned on: the figures are printed; what must hold everywhere is no false alarm
  it('raises no false alarm on the held-back PDFs', async () => {
    const s = await scorePdfs(HELD);
    console.log(`PDF, held: ${describeScore(s)}`);
    expect(s.tables).toBe(HELD.length);
    expect(s.falseAlarms).toEqual([]);
  });

  it('finds the cells of the fourth collection\'s PDFs', async () => {
    const s = await scorePdfs(FOURTH);
    console.log(`PDF, dev, fourth collection: ${describeScore(s)}`);
    expect(s.tables).toBe(FOURTH.length);
    expect(s.falseAlarms).toEqual([]);
  });

  it('raises no false alarm on the fifth collection\'s PDFs', async () => {
    const dev = await scorePdfs(FIFTH_DEV);
    console.log(`PDF, dev, fifth collection: ${describeScore(dev)}`);
    const held = await scorePdfs(FIFTH_HELD);
    console.log(`PDF, held, fifth collection: ${describeScore(held)}`);
    expect(dev.tables + held.tables).toBe(FIFTH_DEV.length + FIFTH_HELD.length);
    expect([...dev.falseAlarms, ...held.falseAlarms]).toEqual([]);
  });

  it('raises no false alarm on the sixth collection\'s PDFs', async () => {
    const s = await scorePdfs(SIXTH);
    console.log(`PDF, dev, sixth collection: ${describeScore(s)}`);
    expect(s.tables).toBe(SIXTH.length);
    expect(s.falseAlarms).toEqual([]);
  });

  it('raises no false alarm on the seventh collection\'s PDFs', async () => {
    const s = await scorePdfs(SEVENTH);
    console.log(`PDF, dev, seventh collection: ${describeScore(s)}`);
    expect(s.tables).toBe(SEVENTH.length);
    expect(s.falseAlarms).toEqual([]);
  });

  it('raises no false alarm on the eighth collection\'s PDFs', async () => {
    const dev = await scorePdfs(EIGHTH_DEV);
    console.log(`PDF, dev, eighth collection: ${describeScore(dev)}`);
    const held = await scorePdfs(EIGHTH_HELD);
    console.log(`PDF, held, eighth collection: ${describeScore(held)}`);
    expect(dev.tables + held.tables).toBe(EIGHTH_DEV.length + EIGHTH_HELD.length);
    expect([...dev.falseAlarms, ...held.falseAlarms]).toEqual([]);
  });

  it('raises no false alarm on the ninth collection\'s PDFs', async () => {
    const s = await scorePdfs(NINTH);
    console.log(`PDF, dev, ninth collection: ${describeScore(s)}`);
    expect(s.tables).toBe(NINTH.length);
    expect(s.falseAlarms).toEqual([]);
  });

  it('raises no false alarm on the tenth collection\'s PDFs', async () => {
    const dev = await scorePdfs(TENTH_DEV);
    console.log(`PDF, dev, tenth collection: ${describeScore(dev)}`);
    const held = await scorePdfs(TENTH_HELD);
    console.log(`PDF, held, tenth collection: ${describeScore(held)}`);
    expect(dev.tables + held.tables).toBe(TENTH_DEV.length + TENTH_HELD.length);
    expect([...dev.falseAlarms, ...held.falseAlarms]).toEqual([]);
  });

  it('raises no false alarm on the eleventh collection\'s PDFs', async () => {
    const dev = await scorePdfs(ELEVENTH_DEV);
    console.log(`PDF, dev, eleventh collection: ${describeScore(dev)}`);
    const held = await scorePdfs(ELEVENTH_HELD);
    console.log(`PDF, held, eleventh collection: ${describeScore(held)}`);
    expect(dev.tables + held.tables).toBe(ELEVENTH_DEV.length + ELEVENTH_HELD.length);
    expect([...dev.falseAlarms, ...held.falseAlarms]).toEqual([]);
  });

  // the held-back part is scored and printed, never tuned on: at first contact its PDFs raised false alarms its
  // HTML does not (README), so only the development part is held to none
  it('raises no false alarm on the twelfth collection\'s development PDFs, and finds the planted misprints it can', async () => {
    const dev = await scorePdfs(TWELFTH_DEV);
    console.log(`PDF, dev, twelfth collection: ${describeScore(dev)}`);
    const held = await scorePdfs(TWELFTH_HELD);
    console.log(`PDF, held, twelfth collection: ${describeScore(held)}`);
    expect(dev.tables + held.tables).toBe(TWELFTH_DEV.length + TWELFTH_HELD.length);
    expect(dev.falseAlarms).toEqual([]);
    // printed, "Age group (years)" with no values beside it just under the header is read as one more header
    // line, so its levels have no variable to add up: the planted count-sum-mismatch (found in the HTML) is lost
    const planted = dev.rows.find((r) => r.gold.id.startsWith('t118'))!;
    expect(planted.score.real.found).toBeGreaterThanOrEqual(planted.score.real.expected - 1);
  });

  it('reads headings wrapped over several lines in narrow columns, with no false alarm', async () => {
    const s = await scorePdfs(WRAPPED, '-wrapped');
    console.log(`PDF, dev, headings wrapped: ${describeScore(s)}`);
    expect(s.tables).toBe(WRAPPED.length);
    expect(s.falseAlarms).toEqual([]);
  });

  it('says plainly when pdf.js cannot read the file', async () => {
    const bad = join(dir, 'not.pdf');
    writeFileSync(bad, '%PDF-1.4 nothing here');
    await expect(readTablesFromFile(bad)).rejects.toThrow(/cannot read the PDF/);
  });
});
