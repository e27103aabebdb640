// The report a newcomer gets: their claims without records are not paired with the synthetic
// sample; the sample, when asked for, is labelled synthetic everywhere; large inputs are bounded.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaims } from '../../src/claims/parse.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { fromCounts } from '../../src/stats/count-table.js';
import { buildReport } from '../../src/node/build-report.js';
import { dataPath, loadReferences, loadSampleCohort } from '../../src/node/index.js';
import { cli } from '../cli/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'to-report-unit-'));
const claims = parseClaims(readFileSync(dataPath('seed-claims.json'), 'utf8')).file;
const myClaims = join(dir, 'mine.yaml');
writeFileSync(myClaims, 'title: My clinic\nsource: { name: my page }\nclaims:\n  - { id: rate, measure: improvement, denominator: 200, percent: "81.5" }\n');

/** Every font size an SVG asks for. */
const fontSizes = (svg: string) => [...svg.matchAll(/font-size="([\d.]+)(?:px)?"|font-size:\s*([\d.]+)px/g)].map((m) => Number(m[1] ?? m[2]));

describe('treatment-outcomes report', () => {
  it('without --records shows the published figures and their audit only, never the sample', async () => {
    const out = join(dir, 'mine.html');
    const r = await cli('report', myClaims, '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8').replace(/<style>[\s\S]*?<\/style>/, '');
    expect(html).toContain('No record-level data was given');
    expect(html).toContain('81.5%');
    expect(html).not.toMatch(/sample|synthetic|96\.0%|4278/i);
    expect(html).not.toContain('Case mix');
    expect(r.err).toContain('wrote');
    expect(r.err).toContain('1 chart)');
    expect(r.err).toContain('--sample adds the bundled synthetic cohort');
  });

  it('with --sample labels the synthetic data in the heading and on every chart', async () => {
    const svgDir = join(dir, 'charts');
    const r = await cli('report', '--sample', '--svg', svgDir, '--out', join(dir, 'sample.html'));
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'sample.html'), 'utf8');
    expect(html).toContain('<p class="synthetic">Synthetic data: invented records, not real patients.');
    const files = readdirSync(svgDir).sort();
    expect(files).toEqual(['audit.svg', 'case-mix.svg', 'rates-by-type.svg', 'rates-by-year.svg']);
    for (const f of files.filter((x) => x !== 'audit.svg')) expect(readFileSync(join(svgDir, f), 'utf8'), f).toContain('Synthetic data: invented records, not real patients');
  });

  it('refuses --records and --sample together', async () => {
    expect((await cli('report', '--sample', '--records', dataPath('sample-cohort.csv'))).code).toBe(2);
  });
});

describe('buildReport', () => {
  it('throws typed errors a caller can act on, not a TypeError', async () => {
    const records = await loadSampleCohort();
    await expect(buildReport({} as never)).rejects.toThrow(InvalidArgumentError);
    await expect(buildReport({} as never)).rejects.toThrow('a report needs records, claims or both');
    await expect(buildReport({ records, recordsLabel: 5 } as never)).rejects.toThrow('recordsLabel must be text, got 5');
    await expect(buildReport({ records: 'x' } as never)).rejects.toThrow(/records must be an array of records or a count table/);
    const unlabelled = await buildReport({ records });
    expect(unlabelled.html).toContain('Records: the records given (4278 patients).');
  });

  it('keeps every chart text at 11 px or more, the SVG no wider than the page, and says where the rate axis starts', async () => {
    const report = await buildReport({ records: await loadSampleCohort(), recordsLabel: 'sample', synthetic: true, claims, references: await loadReferences() });
    for (const [name, chart] of Object.entries(report.charts)) {
      const sizes = fontSizes(chart.svg);
      expect(sizes.length, name).toBeGreaterThan(3);
      expect(Math.min(...sizes), name).toBeGreaterThanOrEqual(11);
      expect(Number(/<svg[^>]*width="([\d.]+)"/.exec(chart.svg)?.[1]), name).toBeLessThanOrEqual(700);
    }
    expect(report.charts['rates-by-year']!.svg).toMatch(/Improvement rate \(%\), axis from \d+%/);
    expect(report.html).toContain("Cohen's w</dt>");
    expect(report.html).not.toMatch(/e<sup>-?\d+<\/sup>/);
  });

  it('draws at most 30 types and 40 claims, and renders 1200 types and 1200 claims without a RangeError', async () => {
    const table = fromCounts(Array.from({ length: 1200 }, (_, i) => ({ type: `type ${i}`, year: 2010, outcome: 'improved' as const, count: 1 + (i % 7) })));
    const many = { title: 'Many', source: { name: 'generated' }, claims: Array.from({ length: 1200 }, (_, i) => ({ id: `c${i}`, denominator: 1000 + i, percent: '12.5' })) };
    const report = await buildReport({ records: table, recordsLabel: 'generated', claims: parseClaims(many).file });
    const caseMix = report.charts['case-mix']!.spec as { data: { values: unknown[] }; title: { subtitle: string[] } };
    expect(caseMix.data.values).toHaveLength(30);
    expect(caseMix.title.subtitle).toContain('the 30 largest of 1200 types are drawn; 1170 smaller ones are not');
    const audit = report.charts.audit!.spec as { data: { values: { kind: string }[] }; title: { subtitle: string[] } };
    expect(audit.data.values.filter((v) => v.kind === 'claim')).toHaveLength(40);
    expect(audit.title.subtitle.join(' ')).toContain('40 of 1200 published percents drawn');
    expect(report.html).toContain('… and 1100 more types');
  }, 120_000);
});
