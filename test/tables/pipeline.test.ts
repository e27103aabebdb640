// One pipeline: a page's prose and its tables give one claims file, from HTML, Markdown, text or PDF.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/document/read-document.js';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { toClaimsFile } from '../../src/extract/to-claims-file.js';
import { dataPath } from '../../src/node/sample.js';
import { readTableBlock } from '../../src/tables/table-block-reader.js';
import { textWithTables } from '../../src/tables/text-with-tables.js';
import { cli } from '../cli/helpers.js';

const PAGE = `<html><body><h1>Outcomes</h1>
<p>We treated 120 children, including 90 with spastic type (75%).</p>
<table><caption>Table 2. Follow-up</caption><thead><tr><th></th><th>Treated (n = 120)</th><th>Control (n = 100)</th></tr></thead>
<tbody><tr><td>Improved, n (%)</td><td>54 (45.0)</td><td>40 (40.0)</td></tr>
<tr><td>Seizures per month, mean (SD)</td><td>2.10 (1.4)</td><td>2.6 (1.1)</td></tr></tbody></table>
<p>*Data are n (%) or mean (SD).</p></body></html>`;

describe('tables and prose from the same page', () => {
  it('gives one claims file with the paragraph\'s claims, the cells and the means, each with its span', () => {
    const document = readDocument(PAGE, { name: 'page.html' });
    const extraction = extractClaims(document, { tables: readTableBlock });
    const file = toClaimsFile(extraction, { title: 'page', source: { name: 'page.html' } });
    expect(file.claims.map((c) => [c.numerator, c.denominator, c.percent, c.denominatorSource])).toEqual([
      [90, 120, '75', 'same-sentence'],
      [54, 120, '45.0', 'table-header'],
      [40, 100, '40.0', 'table-header'],
    ]);
    expect(file.claims[1]!.span.quote).toBe('54 (45.0)');
    expect(file.claims[1]!.label).toBe('Improved, n (%) / Treated (n = 120)');
    expect(file.means?.map((m) => [m.mean, m.sd, m.n, m.span.quote])).toEqual([['2.10', '1.4', 120, '2.10 (1.4)'], ['2.6', '1.1', 100, '2.6 (1.1)']]);
  });

  it('reads a text page whose table is aligned by spaces', () => {
    const doc = textWithTables('We treated 60 children.\n\n                 Treated (n = 60)\nSpastic          45 (75.0)\nDyskinetic       15 (25.0)\n\nFootnote text.');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const { claims } = extractClaims(doc, { tables: readTableBlock });
    // the cerebral palsy vocabulary calls dyskinetic athetoid
    expect(claims.map((c) => [c.type, c.numerator, c.denominator])).toEqual([['spastic', 45, 60], ['athetoid', 15, 60]]);
  });

  it('audits a misprinted table cell by name and quote: `audit --from-text`, HTML and PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'to-pipeline-'));
    const page = join(dir, 'page.html');
    // a changed percent, and a pilot table whose mean no 12 whole numbers give
    writeFileSync(page, PAGE.replace('54 (45.0)', '54 (46.0)').replace('</body>', '<table><tr><th></th><th>Pilot (n = 12)</th></tr><tr><td>Number of relapses, mean (SD)</td><td>2.18 (1.4)</td></tr></table></body>'));
    const html = await cli('audit', '--from-text', page);
    expect(html.code).toBe(1);
    expect(html.out).toContain('Improved, n (%) / Treated (n = 120): 54/120 = 45.00000...%, which prints as 45.0%, not the published 46.0%');
    expect(html.out).toContain('quote: "54 (46.0)"');
    expect(html.out).toMatch(/mean-impossible \[table2-number-of-relapses-mean-sd-pilot-n-12\]\n\s+Number of relapses, mean \(SD\) \/ Pilot \(n = 12\): no total of 12 whole numbers gives a mean of 2.18/);
    const pdf = await cli('audit', '--from-text', dataPath('examples/baseline-table.pdf'));
    expect(pdf.err).not.toMatch(/error/i);
    const extracted = await cli('extract', dataPath('examples/baseline-table.pdf'), '--json');
    const file = JSON.parse(extracted.out) as { claims: { numerator?: number; denominator: number }[]; means: { mean: string; n: number }[] };
    expect(file.claims.map((c) => [c.numerator, c.denominator])).toContainEqual([54, 120]);
    expect(file.means.map((m) => [m.mean, m.n])).toEqual([['7.4', 120], ['7.6', 118]]);
  });
});
