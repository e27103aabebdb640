import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'to-extract-'));
const seed = JSON.parse(readFileSync(new URL('../../data/seed-claims.json', import.meta.url), 'utf8')) as { source: { quote: string } };
const paragraph = join(dir, 'clinic.txt');
writeFileSync(paragraph, seed.source.quote);


describe('treatment-outcomes extract', () => {
  it('writes a claims file with spans that the audit reads', async () => {
    const out = join(dir, 'claims.yaml');
    const r = await cli('extract', paragraph, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('wrote 5 claims, 1 partition and 0 unresolved figures');
    const file = parse(readFileSync(out, 'utf8')) as { claims: { id: string; span: { quote: string } }[]; references: { id: string }[] };
    expect(file.claims.map((c) => c.id)).toEqual(['spastic', 'mixed', 'athetoid', 'other', 'improvement']);
    expect(file.claims[1]?.span.quote).toBe('1341 mixed (31.34%)');
    expect(file.references.map((x) => x.id)).toEqual(['china-six-provinces', 'scpe']);
    expect((await cli('audit', out)).code).toBe(1);
  });
});

describe('treatment-outcomes audit --from-text', () => {
  it("prints the same findings as the hand-written seed claims, each with its quote", async () => {
    const fromText = await cli('audit', '--from-text', paragraph, '--format', 'json');
    const seedAudit = await cli('audit', '--format', 'json');
    const codes = (out: string) => (JSON.parse(out) as { findings: { code: string; claim?: string }[] }).findings.map((f) => `${f.code}:${f.claim ?? ''}`).sort();
    expect(codes(fromText.out).map((c) => c.replace(':types', ':partition'))).toEqual(codes(seedAudit.out).map((c) => c.replace(':types', ':partition')));
    expect(fromText.code).toBe(1);
    const text = await cli('audit', '--from-text', paragraph);
    expect(text.out).toMatch(/percent-impossible, percent-mismatch \[mixed\]\n(.*\n)+?\s+quote: "1341 mixed \(31\.34%\)"/);
    expect(text.out).toMatch(/denominator-unstated, numerator-range \[improvement\]\n(.*\n)+?\s+quote: "The total improvement rate is 96%"/);
  });

  it('reads HTML through the parser', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(page, `<html><body><p>${seed.source.quote}</p><script>document.write("50%")</script></body></html>`);
    const r = await cli('audit', '--from-text', page, '--format', 'json');
    expect((JSON.parse(r.out) as { findings: { code: string }[] }).findings.map((f) => f.code)).toContain('percent-impossible');
    expect(r.err).toBe('');
  });
});

describe('extract: formats and nothing to find', () => {
  it('prints the claims file as JSON with --json, and refuses an --out name that is not YAML or JSON', async () => {
    const json = await cli('extract', paragraph, '--json');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as { claims: unknown[] }).claims).toHaveLength(5);
    const txt = await cli('extract', paragraph, '--out', join(dir, 'x.txt'));
    expect(txt.code).toBe(2);
    expect(txt.err).toContain('--out');
    expect(txt.err).toContain('.yaml, .yml or .json');
  });

  it('says "no figures found" on a text with no figures, from extract and from audit --from-text', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, 'Our clinic offers physiotherapy and speech therapy.');
    const e = await cli('extract', empty);
    expect([e.code, e.out]).toEqual([0, '']);
    expect(e.err).toContain('no figures found');
    const a = await cli('audit', '--from-text', empty);
    expect(a.code).toBe(0);
    expect(a.err).toContain('no figures found');
    expect(a.err).not.toContain('invalid claims file');
  });

  it('reads a page without a file extension that starts with a comment as HTML, without its scripts', async () => {
    const page = join(dir, 'saved-page');
    writeFileSync(page, `<!-- saved from the clinic -->\n<head><meta charset="utf-8"><script>var claim = "50 of 100 patients (50%)";</script></head><p>${seed.source.quote}</p>`);
    const r = await cli('extract', page, '--json');
    const file = JSON.parse(r.out) as { claims: { span: { quote: string } }[] };
    expect(file.claims.map((c) => c.span.quote).join(' ')).not.toContain('50 of 100');
    expect(file.claims).toHaveLength(5);
  });

  it('rejects an unknown --locale', async () => {
    const r = await cli('extract', paragraph, '--locale', 'xx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--locale must be one of en, de, fr, es, auto');
  });
});

describe('extract writes only what its own audit reads', () => {
  it('on every passage of the real-passage corpus, the claims file passes validateClaims and the audit reads it', async () => {
    const { loadCorpus } = await import('../extract/corpus-score.js');
    const { validateClaims } = await import('../../src/claims/validate.js');
    for (const passage of loadCorpus()) {
      const path = join(dir, `${passage.id}.txt`);
      writeFileSync(path, passage.text);
      const r = await cli('extract', path, '--json');
      expect(r.code).toBe(0);
      if (r.out === '') continue; // no figures found
      const file = JSON.parse(r.out) as unknown;
      expect(validateClaims(file).problems).toEqual([]);
      const out = join(dir, `${passage.id}.json`);
      writeFileSync(out, r.out);
      expect((await cli('audit', out)).code).toBeLessThan(2);
    }
  }, 120_000);

  it('reads a German "31,34 %" without any flag and writes it as 31.34 with no decimalComma', async () => {
    const page = join(dir, 'de.txt');
    writeFileSync(page, 'Von 2010 bis 2020 wurden 4.278 Patienten behandelt, davon 2.324 (54,32 %) mit spastischer Form und 1.341 (31,34 %) mit gemischter Form.');
    const file = JSON.parse((await cli('extract', page, '--json')).out) as { decimalComma?: boolean; claims: { numerator: number; denominator: number; percent: string }[] };
    expect(file.decimalComma).toBeUndefined();
    expect(file.claims.map((c) => [c.numerator, c.denominator, c.percent])).toEqual([[2324, 4278, '54.32'], [1341, 4278, '31.34']]);
    const out = join(dir, 'de.json');
    writeFileSync(out, JSON.stringify(file));
    const audit = await cli('audit', out, '--format', 'json');
    expect(audit.code).toBe(1); // 31.34% is not possible for 4278: the audit says so, it does not refuse the file
  });
});
