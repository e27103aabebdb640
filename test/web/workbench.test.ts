// The workbench in a real browser (Debian's Chromium through playwright-core), served by
// `treatment-outcomes web` from the built dist/: the clinic's paragraph pasted, a denominator
// corrected, a cohort CSV dropped, the downloads, the calculators, the keyboard, axe-core, 360 px.
// A screenshot of each state goes to test-artifacts/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { readClaimsDocument } from '../../src/claims/parse.js';

/** The page's globals, typed just enough: the test project has no DOM library (the core must not use one). */
interface PageWindow {
  document: { activeElement: { id: string; getAttribute(name: string): string | null } | null; documentElement: { scrollWidth: number } };
  getComputedStyle(element: unknown): { backgroundColor: string };
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: string[], name: string, options: { type: string }) => unknown;
}

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = join(root, 'test-artifacts');
const SEED = (JSON.parse(readFileSync(join(root, 'data', 'seed-claims.json'), 'utf8')) as { source: { quote: string } }).source.quote;
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && !process.env.CI) {
  console.warn(`test/web/workbench.test.ts skipped: no Chromium at ${CHROMIUM}. Install it with \`sudo apt-get install chromium\` (CI installs it through .ci/run).`);
}

/** Start the built CLI's server on a free port and resolve with the URL it prints. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const cli = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, [cli, 'web'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`treatment-outcomes web exited with ${code}: ${err}`)));
  });
}

describe.skipIf(!haveBrowser && !process.env.CI)('the workbench in a real browser', () => {
  let server: { child: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // axe-core's builder needs a page of a context the test made
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
    });
    mkdirSync(artifacts, { recursive: true });
    await page.goto(server.url, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
  });

  const shoot = (name: string) => page.screenshot({ path: join(artifacts, `workbench-${name}.png`), fullPage: true });
  const figure = (key: string) => page.locator(`#text [data-figure="${key}"]`);

  it('marks 31.34 red in the pasted paragraph and explains it', async () => {
    await page.fill('#source', SEED);
    await page.click('#text-form button[type="submit"]');
    await expect.poll(() => figure('mixed').getAttribute('data-status')).toBe('error');
    expect(await figure('mixed').textContent()).toContain('31.34%');
    for (const key of ['spastic', 'athetoid', 'other']) expect(await figure(key).getAttribute('data-status')).toBe('ok');
    expect(await figure('improvement').getAttribute('data-status')).toBe('warning');
    // the colour is the page's, not only a class name: red differs from green
    const [red, green] = await Promise.all([figure('mixed'), figure('spastic')].map((l) => l.evaluate((e) => (globalThis as unknown as PageWindow).getComputedStyle(e).backgroundColor)));
    expect(red).not.toBe(green);

    await figure('mixed').click();
    const detail = page.locator('#detail');
    await expect.poll(() => detail.textContent()).toContain('31.35% (1341/4278)');
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain('Only floor (truncation) rounding can produce 31.34%');
    expect(text).toMatch(/Denominator\s*4278: a total stated in the same sentence/);
    expect(await detail.locator('tr[data-mode="floor"] td').first().textContent()).toBe('1341');
    expect(await detail.locator('tr[data-mode="half-up"] td').first().textContent()).toBe('none');
    expect(await page.locator('#findings tr[data-severity="error"]').count()).toBe(1);
    await shoot('seed');
    // the part of the page the README shows: the text with its figures and the open figure
    await page.locator('#results').screenshot({ path: join(artifacts, 'workbench-seed-results.png') });
  });

  it('reruns the audit as a denominator is corrected', async () => {
    await page.fill('#denominator', '4279');
    await expect.poll(() => figure('mixed').getAttribute('data-status')).toBe('ok');
    expect(await page.locator('#summary').textContent()).toContain('1 denominator corrected by hand');
    expect(await page.locator('#findings tr[data-severity="error"]').count()).toBe(0);
    // the field keeps the focus while the audit reruns under it
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.id)).toBe('denominator');
    await shoot('corrected');
    await page.click('#detail button:has-text("Back to 4278")');
    await expect.poll(() => figure('mixed').getAttribute('data-status')).toBe('error');
  });

  it('shows the distribution of a dropped cohort CSV', async () => {
    const csv = readFileSync(join(root, 'data', 'sample-cohort.csv'), 'utf8');
    const transfer = await page.evaluateHandle((text) => {
      const w = globalThis as unknown as PageWindow;
      const t = new w.DataTransfer();
      t.items.add(new w.File([text], 'sample-cohort.csv', { type: 'text/csv' }));
      return t;
    }, csv);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await expect.poll(() => page.locator('#summary').textContent()).toContain('Records: sample-cohort.csv, 4278 patients');
    const chart = page.locator('figure[data-chart="case-mix"] svg');
    await chart.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('figure[data-chart="case-mix"] g[class*="role-mark"] path').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await page.locator('figure[data-chart="case-mix"]').getAttribute('aria-label')).toMatch(/.{20}/);
    await expect.poll(() => page.locator('figure[data-chart="rates-by-year"] svg').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('figure[data-chart="audit"] svg').count(), { timeout: 30_000 }).toBe(1);
    await shoot('records');
  });

  it('downloads the claims as YAML and the HTML report', async () => {
    const [claims] = await Promise.all([page.waitForEvent('download'), page.click('#download-claims')]);
    const yaml = readFileSync((await claims.path())!, 'utf8');
    expect(claims.suggestedFilename()).toBe('claims.yaml');
    expect(yaml).toMatch(/id: mixed[\s\S]*percent: "31\.34"/);
    // the file is one the audit reads back, with the same verdict
    const reread = auditClaims(readClaimsDocument(yaml, { format: 'yaml' }));
    expect(reread.findings.find((f) => f.claim === 'mixed')?.codes).toContain('percent-impossible');
    const [report] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#download-report')]);
    const html = readFileSync((await report.path())!, 'utf8');
    expect(html).toContain('percent-impossible');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script/i);
  });

  it('checks a typed figure and runs the calculators', async () => {
    await page.fill('#single', '31.34% of 4278');
    await page.press('#single', 'Enter');
    await expect.poll(() => page.locator('#single-result').textContent()).toContain('cannot be right');
    await page.click('#calc-grim button[type="submit"]');
    await expect.poll(() => page.locator('#calc-grim-out').textContent()).toContain('cannot print as 5.19');
    await page.click('#calc-infer button[type="submit"]');
    await expect.poll(() => page.locator('#calc-infer-out').textContent()).toMatch(/n = \d+/);
    await page.click('#calc-grimmer button[type="submit"]');
    await expect.poll(() => page.locator('#calc-grimmer-out').textContent()).toMatch(/Possible|Impossible/);
    await page.click('#calc-debit button[type="submit"]');
    await expect.poll(() => page.locator('#calc-debit-out').textContent()).toMatch(/Possible|Impossible/);
  });

  it('works from the keyboard: Tab reaches a figure, Enter opens it', async () => {
    await page.click('#clear');
    await page.fill('#source', SEED);
    await page.click('#text-form button[type="submit"]');
    await figure('mixed').waitFor();
    await page.focus('#text-form button[type="submit"]');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.getAttribute('data-figure') === 'mixed');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => figure('mixed').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#detail').textContent()).toContain('31.35%');
  });

  it('has no serious accessibility violation (axe-core), at full width and at 360 px', async () => {
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    await figure('mixed').click();
    expect(await serious()).toEqual([]);
    // nothing wider than the screen: no sideways scrolling at 360 px
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot('narrow');
    await page.setViewportSize({ width: 1100, height: 900 });
  }, 120_000);

  it('serves the licences of the code compiled into it, linked from the page', async () => {
    const href = await page.locator('footer a').getAttribute('href');
    const notices = await page.request.get(new URL(href!, server.url).href);
    expect(notices.status()).toBe(200);
    const text = await notices.text();
    for (const name of ['vega@', 'vega-lite@', 'vega-embed@', 'zod@', 'yaml@', 'htmlparser2@', 'csv-parse@']) expect(text).toContain(name);
  });

  it('made no request outside 127.0.0.1 and logged no error', () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
