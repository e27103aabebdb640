import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';


describe('treatment-outcomes audit', () => {
  it('audits the bundled seed claims and exits 1 on error findings', async () => {
    const { code, out } = await cli('audit');
    expect(code).toBe(1);
    expect(out).toContain('percent-impossible, percent-mismatch [mixed]');
    expect(out).toContain('1 figure cannot be right');
    expect(out).toContain('31.35%, not the published 31.34%');
    expect(out).toContain('rounding-inconsistent');
    expect(out).toContain('between 4086 and 4128');
    expect(out).toContain('reference-divergent');
    expect(out).not.toContain('count-sum-mismatch');
  });

  it('explains, under the findings, each code it printed and each term it used, once', async () => {
    const { out } = await cli('audit');
    const [findings, terms] = out.split('\nCodes and terms used above:\n');
    expect(terms).toBeDefined();
    const printed = new Set([...findings!.matchAll(/^(?:ERROR|WARNING|INFO)\s+([a-z, -]+?)(?: \[|$)/gm)].flatMap((m) => m[1]!.split(', ')));
    expect(printed.size).toBeGreaterThan(3);
    for (const code of printed) expect(terms!.match(new RegExp(`^  ${code}: `, 'gm')), code).toHaveLength(1);
    expect(terms).toMatch(/^ {2}half-up, half-down, half-even: how a value exactly halfway/m);
    expect(terms).toMatch(/^ {2}χ², df, p: /m);
    expect(terms).not.toContain('figure-invalid'); // only what was printed
    const possible = await cli('check-percent', '31.35', '--of', '4278');
    expect(possible.out).toContain('\nTerms used above:\n  half-up, half-down, half-even: ');
  });

  it('shows the warning readClaimsFile gives for a percent written as a number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'to-audit-'));
    const numeric = join(dir, 'numeric.yaml');
    writeFileSync(numeric, 'title: t\nsource: { name: s }\nclaims:\n  - { id: mixed, numerator: 1341, denominator: 4278, percent: 31.35 }\n');
    const r = await cli('audit', numeric);
    expect(r.code).toBe(0);
    expect(r.out).toContain('WARNING percent-decimals-guessed [mixed]');
    expect(r.out).toContain('claims[0].percent: percent 31.35 was given as a number');
    expect(r.out).toContain('1 finding needs a closer look');
  });

  it('names a code once for a figure with two bad fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'to-audit-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'title: t\nsource: { name: s }\nclaims:\n  - { id: a, numerator: 9, denominator: 8, percent: "250" }\n  - { id: b, numerator: 1, denominator: 8, percent: "12.5" }\n');
    const r = await cli('audit', bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ERROR {3}figure-invalid \[a\]$/m);
    expect(r.out).toContain('Also: claims[0].percent');
    expect(r.out).toContain('1 figure cannot be right');
  });

  it('prints JSON and Markdown', async () => {
    const json = JSON.parse((await cli('audit', '--format', 'json')).out) as { ok: boolean; findings: { code: string }[] };
    expect(json.ok).toBe(false);
    expect((await cli('audit', '--format', 'markdown')).out).toContain('| severity | codes | claim | finding |');
  });

  it('exits 0 for a file without error findings, 2 for a bad file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'to-audit-'));
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'title: t\nsource: { name: s }\nclaims:\n  - { id: a, numerator: 1, denominator: 8, percent: "12.5" }\n');
    expect((await cli('audit', good)).code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"title": "t", "claims": []}');
    const r = await cli('audit', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('source: ');
    expect((await cli('audit', '--format', 'pdf')).code).toBe(2);
  });

  it('recounts from records', async () => {
    const { out } = await cli('audit', '--records', join(import.meta.dirname, '../../data/sample-cohort.csv'));
    expect(out).toContain('records-basis');
  });
});

describe('calculators', () => {
  it('check-percent prints the verdict and nearest values', async () => {
    const { code, out } = await cli('check-percent', '31.34', '--of', '4278');
    expect(code).toBe(1); // impossible, as audit exits 1 on an error finding
    expect(out).toContain('impossible');
    expect(out).toContain('31.32% (1340/4278) and 31.35% (1341/4278)');
    const possible = await cli('check-percent', '96', '--of', '4278');
    expect(possible.code).toBe(0);
    expect(possible.out).toContain('numerators 4086–4128');
    expect((await cli('check-percent', '31.34', '--of', '4278', '--rounding', 'floor')).out).toContain('possible: only 1341/4278 prints so');
    expect((await cli('check-percent', '31.34', '--of', '4278', '--json')).code).toBe(1);
    expect((await cli('check-percent', '31.34')).code).toBe(2);
    expect((await cli('check-percent', '31.34', '--of', 'x')).code).toBe(2);
  });

  it('infer-n finds 1793 first and 4234, 4269 under half-up near 4278', async () => {
    expect((await cli('infer-n', '54.32', '31.34', '11.71', '2.62', '--partition', '--max', '10000', '--limit', '1')).out).toContain('n = 1793: e.g. 974 + 562 + 210 + 47');
    const near = await cli('infer-n', '54.32', '31.34', '11.71', '2.62', '--partition', '--min', '4200', '--max', '4359', '--rounding', 'half-up', '--json');
    expect((JSON.parse(near.out) as { n: number }[]).map((c) => c.n)).toEqual([4234, 4269]);
  });
});
