// Opens the generated report in headless Chromium (Debian's package, driven by playwright-core)
// as a reader would: no console errors, no network request, every chart drawn, a screenshot kept.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseClaims } from '../../src/claims/parse.js';
import { buildReport } from '../../src/node/build-report.js';
import { dataPath, loadReferences, loadSampleCohort } from '../../src/node/index.js';

const CHROMIUM = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
// In CI the browser must be there (.ci/run installs it); elsewhere the test says why it did not run.
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && !process.env.CI) {
  console.warn(
    `test/report/browser.test.ts skipped: no Chromium at ${CHROMIUM}. It opens the HTML report in a real browser; ` +
      'install it with `sudo apt-get install chromium` (Debian/Ubuntu; CI installs it through .ci/run) and run npm test again.',
  );
}

describe.skipIf(!haveBrowser && !process.env.CI)('the HTML report in a real browser', () => {
  it('renders every chart with marks, logs no error and requests nothing from the network', async () => {
    const { file: claims } = parseClaims(readFileSync(dataPath('seed-claims.json'), 'utf8'));
    const report = await buildReport({ records: await loadSampleCohort(), recordsLabel: 'the bundled sample cohort', synthetic: true, claims, references: await loadReferences() });
    expect(report.html).not.toMatch(/<script|https?:\/\/[^\s"<]*\.(js|css)/i);
    const dir = mkdtempSync(join(tmpdir(), 'to-report-'));
    const path = join(dir, 'report.html');
    writeFileSync(path, report.html);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
      const marks = await page.$$eval('figure svg', (svgs) => svgs.map((svg) => svg.querySelectorAll('g[class*="role-mark"] path, g[class*="role-mark"] line, g[class*="role-mark"] rect').length));
      expect(marks).toHaveLength(4);
      for (const count of marks) expect(count).toBeGreaterThan(0);
      expect(await page.$$eval('figure[role="img"]', (f) => f.every((x) => (x.getAttribute('aria-label') ?? '').length > 20))).toBe(true);
      expect(await page.textContent('body')).toContain('percent-impossible');
      // chart text as the reader sees it: the font size times the scale the page draws the SVG at
      const sizes = await page.$$eval('figure svg', (svgs) =>
        svgs.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
          const style = (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle;
          return [...svg.querySelectorAll('text')].map((t) => Number.parseFloat(style(t).fontSize) * scale);
        }),
      );
      expect(sizes.length).toBeGreaterThan(20);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
