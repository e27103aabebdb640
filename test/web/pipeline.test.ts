// The workbench's logic without a browser: what it marks, what it explains, what it reads.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { explainFigure } from '../../web/src/explain.js';
import { claimsFromFile, claimsFromPage, runAudit } from '../../web/src/pipeline.js';
import { readRecordsCsv } from '../../web/src/records.js';
import { REFERENCES } from '../../web/src/references.js';
import { describeSingleCheck, readSingleCheck } from '../../web/src/single-check.js';

const seedFile = readFileSync(new URL('../../data/seed-claims.json', import.meta.url), 'utf8');
const SEED = (JSON.parse(seedFile) as { source: { quote: string } }).source.quote;
const MODES = ['half-up', 'half-down', 'half-even', 'floor', 'ceil'] as const;

/** k/n as a percent with `d` decimals under `mode`, by brute integer arithmetic (an independent oracle). */
function print(k: number, n: number, d: number, mode: (typeof MODES)[number]): string {
  const scale = 100n * 10n ** BigInt(d);
  const num = BigInt(k) * scale;
  const den = BigInt(n);
  const q = num / den;
  const r = num % den;
  let v = q;
  if (mode === 'ceil' && r > 0n) v = q + 1n;
  if (mode === 'half-up' && 2n * r >= den) v = q + 1n;
  if (mode === 'half-down' && 2n * r > den) v = q + 1n;
  if (mode === 'half-even' && (2n * r > den || (2n * r === den && q % 2n === 1n))) v = q + 1n;
  const s = v.toString().padStart(d + 1, '0');
  return d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`;
}

describe('the clinic paragraph in the workbench', () => {
  const { document, file } = claimsFromPage(SEED);
  const bench = runAudit(document, file, { references: REFERENCES });
  const status = (key: string) => bench.figures.find((f) => f.key === key)?.status;

  it('marks 31.34 red where the page prints it, the other shares green and the unstated rate amber', () => {
    const mixed = bench.figures.find((f) => f.key === 'mixed')!;
    expect(SEED.slice(mixed.span.start, mixed.span.end)).toContain('31.34%');
    expect(mixed.status).toBe('error');
    expect(mixed.finding?.codes).toContain('percent-impossible');
    // 1341/4278 = 31.3464…: 31.35 under ordinary rounding, as the brief's worked example says
    expect(mixed.finding?.message).toContain('31.35%');
    expect([status('spastic'), status('athetoid'), status('other')]).toEqual(['ok', 'ok', 'ok']);
    expect(status('improvement')).toBe('warning');
  });

  it('reruns with a corrected denominator: 1341 of 4279 prints 31.34, so the figure turns green', () => {
    expect(print(1341, 4279, 2, 'half-up')).toBe('31.34');
    const corrected = runAudit(document, file, { corrections: new Map([['mixed', 4279]]), references: REFERENCES });
    const mixed = corrected.figures.find((f) => f.key === 'mixed')!;
    expect(mixed.status).toBe('ok');
    expect(mixed.claim?.denominator).toBe(4279);
    expect(mixed.claim?.denominatorNote).toMatch(/corrected by hand from 4278/);
    expect(corrected.audit.findings.find((f) => f.claim === 'mixed')?.severity ?? 'none').not.toBe('error');
    // the extraction itself is untouched
    expect(file.claims.find((c) => c.id === 'mixed')?.denominator).toBe(4278);
  });

  it('offers the totals the text states as denominators to pick from', () => {
    expect(bench.totals).toContain(4278);
  });

  it('finds the figures of a claims file in its quote', () => {
    const { document: quoted, file: claims } = claimsFromFile(seedFile, 'seed-claims.json');
    const located = runAudit(quoted, claims, { references: REFERENCES });
    expect(located.figures.map((f) => f.span.quote)).toEqual(['54.32%', '31.34%', '11.71%', '2.62%', '96%']);
    expect(located.figures.find((f) => f.key === 'mixed')?.status).toBe('error');
  });

  it('reads the paragraph pasted as HTML the same way, spans in the text it shows', () => {
    const html = `<html><body><h1>Cerebral palsy</h1><p>${SEED.replace('4278 patients', '<b>4278</b> patients')}</p><script>x()</script></body></html>`;
    const page = claimsFromPage(html);
    const out = runAudit(page.document, page.file, { references: REFERENCES });
    expect(page.document.text).not.toContain('<b>');
    const mixed = out.figures.find((f) => f.key === 'mixed')!;
    expect(page.document.text.slice(mixed.span.start, mixed.span.end)).toContain('31.34%');
    expect(out.figures.map((f) => [f.key, f.status])).toEqual(bench.figures.map((f) => [f.key, f.status]));
  });

  it('leaves a percent with no total in reach grey, with the reason the extractor gives', () => {
    const text = 'In the subgroup, 45.5% had spastic type.';
    const page = claimsFromPage(text);
    const out = runAudit(page.document, page.file);
    expect(out.figures.map((f) => [f.span.quote, f.status])).toEqual([['45.5%', 'unresolved']]);
    expect(out.figures[0]?.unresolved?.reason).toBe(extractClaims(text).unresolved[0]?.reason);
    expect(out.audit.summary.error).toBe(0);
  });
});

describe('explainFigure', () => {
  it('lists, for every rounding rule, exactly the numerators that print the claimed percent (brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 2 }), fc.nat(), (n, d, seed) => {
        const k = seed % (n + 1);
        const percent = print(k, n, d, 'half-up');
        const e = explainFigure({ id: 'x', numerator: k, denominator: n, percent })!;
        for (const rule of e.rules) {
          const ks = [...Array(n + 1).keys()].filter((j) => print(j, n, d, rule.mode) === percent);
          expect(rule.numerators === null ? [] : [rule.numerators.min, rule.numerators.max]).toEqual(ks.length ? [ks[0], ks[ks.length - 1]] : []);
          expect(rule.printsAs).toBe(print(k, n, d, rule.mode));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('for 31.34% of 4278: only truncation gives it (1341), and the nearest prints are 31.32 and 31.35', () => {
    const e = explainFigure({ id: 'mixed', numerator: 1341, denominator: 4278, percent: '31.34' })!;
    expect(Object.fromEntries(e.rules.map((r) => [r.mode, r.numerators]))).toEqual({ 'half-up': null, 'half-down': null, 'half-even': null, floor: { min: 1341, max: 1341 }, ceil: null });
    expect([e.check.nearest?.below?.reported, e.check.nearest?.above?.reported]).toEqual([print(1340, 4278, 2, 'half-up'), print(1341, 4278, 2, 'half-up')]);
  });
});

describe('a single typed check', () => {
  it.each([
    ['31.34% of 4278', { percent: '31.34', denominator: 4278 }],
    ['31.34 % (n = 4278)', { percent: '31.34', denominator: 4278 }],
    ['96% of 4,278', { percent: '96', denominator: 4278 }],
    ['1341/4278 = 31.34%', { numerator: 1341, denominator: 4278, percent: '31.34' }],
    ['1341 of 4278 (31.34%)', { numerator: 1341, denominator: 4278, percent: '31.34' }],
  ])('reads %j', (line, expected) => {
    expect(readSingleCheck(line)).toEqual(expected);
  });

  it('refuses what is not a check', () => {
    expect(readSingleCheck('31.34')).toBeUndefined();
    expect(readSingleCheck('p < 0.05')).toBeUndefined();
  });

  it('says 31.34% of 4278 cannot be right, and a count that does not print its percent is caught', () => {
    const impossible = describeSingleCheck({ percent: '31.34', denominator: 4278 });
    expect(impossible.possible).toBe(false);
    expect(impossible.text).toContain('31.35% (1341/4278)');
    const mismatch = describeSingleCheck({ percent: '96', denominator: 4278, numerator: 4000 });
    expect(print(4000, 4278, 0, 'half-up')).not.toBe('96');
    expect(mismatch.possible).toBe(false);
    expect(describeSingleCheck({ percent: '96', denominator: 4278, numerator: 4100 }).possible).toBe(true);
  });
});

describe('readRecordsCsv', () => {
  it('counts the sample cohort as its lines say', () => {
    const text = readFileSync(new URL('../../data/sample-cohort.csv', import.meta.url), 'utf8');
    const lines = text.trim().split('\n').slice(1);
    const out = readRecordsCsv(text, 'sample-cohort.csv');
    expect(out.table.total).toBe(lines.length);
    expect(out.rejected).toEqual([]);
  });

  it('keeps the valid rows and numbers a bad one by its line in the file', () => {
    const out = readRecordsCsv('type,year,outcome\nspastic,2004,improved\nmixed,20x5,improved\nathetoid,2006,improvd\n', 'bad.csv');
    expect(out.table.total).toBe(1);
    expect(out.rejected.map((r) => [r.row, r.issues[0]?.field])).toEqual([
      [3, 'year'],
      [4, 'outcome'],
    ]);
    expect(out.rejected[1]?.issues[0]?.suggestion).toBe('improved');
  });

  it('says which column is missing', () => {
    expect(() => readRecordsCsv('kind,year\nspastic,2004\n', 'x.csv')).toThrow(/no type, outcome column/);
  });
});
