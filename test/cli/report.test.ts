// The report on a claims file with a figure that cannot be read: the figure is a finding, the
// others are audited and drawn, and the summary counts figures, not checks.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimsFile } from '../../src/claims/schema.js';
import { buildReport } from '../../src/node/index.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'to-report-'));
const claims = join(dir, 'claims.yaml');
writeFileSync(
  claims,
  `title: Clinic page
source: { name: clinic web page }
claims:
  - { id: mixed, label: Mixed type, numerator: 1341, denominator: 4278, percent: "31.34" }
  - { id: broken, label: Broken figure, numerator: 5000, denominator: 4278, percent: "116.9" }
  - { id: fine, label: Fine figure, numerator: 1, denominator: 8, percent: "12.5" }
`,
);

describe('treatment-outcomes report', () => {
  it('shows a figure that cannot be read as a finding, and audits and draws the others', async () => {
    const out = join(dir, 'report.html');
    const r = await cli('report', claims, '--out', out);
    expect(r.err).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('2 figures cannot be right');
    expect(html).not.toMatch(/\d+ error\(s\)/);
    // the misprint is one finding with both its codes; the unreadable figure is one finding too
    expect(html).toContain('<code>percent-impossible, percent-mismatch</code>');
    expect(html).toMatch(/<code>figure-invalid<\/code><br>claims\[1\]\.numerator \(&quot;broken&quot;\): 5000 exceeds the denominator 4278/);
    // the chart draws the two figures that can be read
    expect(html).toContain('Mixed type (n = 4278)');
    expect(html).toContain('Fine figure (n = 8)');
    expect(html).not.toContain('Broken figure (n = 4278)');
  });

  it('buildReport takes a claims document with an invalid figure without throwing', async () => {
    const document = { title: 't', source: { name: 's' }, claims: [{ id: 'a', numerator: 9, denominator: 8, percent: '112.5' }, { id: 'b', numerator: 1, denominator: 8, percent: '12.5' }] };
    const report = await buildReport({ claims: document as ClaimsFile });
    expect(report.audit?.findings.map((f) => [f.claim, f.codes[0]])).toEqual([['a', 'figure-invalid']]);
    expect(report.html).toContain('1 figure cannot be right');
    expect(Object.keys(report.charts)).toEqual(['audit']);
  });
});
