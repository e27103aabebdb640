// Prints data/examples/baseline-table.html to data/examples/baseline-table.pdf with Debian's Chromium,
// for the examples of pdfText and readTablesFromFile: npx tsx scripts/make-example-pdf.ts
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const html = fileURLToPath(new URL('../data/examples/baseline-table.html', import.meta.url));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`file://${html}`);
await page.pdf({ path: html.replace(/\.html$/, '.pdf') });
await browser.close();
