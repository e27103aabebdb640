import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditClaims, type AuditReport } from '../../src/audit/audit-claims.js';
import { formatAuditMarkdown, formatAuditText } from '../../src/audit/format-report.js';
import { parseClaims } from '../../src/claims/parse.js';
import { InputFormatError } from '../../src/errors.js';
import { loadReferences } from '../../src/node/claims.js';
import { loadSampleCohort } from '../../src/node/sample.js';

const seed = JSON.parse(readFileSync(new URL('../../data/seed-claims.json', import.meta.url), 'utf8')) as unknown;
const codes = (r: AuditReport) => r.findings.map((f) => `${f.code}${f.claim ? `:${f.claim}` : ''}`);

describe('auditClaims on the seed claims', async () => {
  const report = auditClaims(seed, { references: await loadReferences() });

  it('finds 31.34 impossible and mismatched (expected 31.35)', () => {
    const impossible = report.findings.find((f) => f.code === 'percent-impossible');
    expect(impossible).toMatchObject({ severity: 'error', claim: 'mixed' });
    expect(impossible?.message).toContain('31.32% (1340/4278) and 31.35% (1341/4278)');
    const mismatch = report.findings.find((f) => f.code === 'percent-mismatch');
    expect(mismatch).toMatchObject({ severity: 'error', claim: 'mixed', evidence: { expected: ['31.35'] } });
  });

  it('finds that no single rounding rule explains the table, and no count-sum problem', () => {
    expect(codes(report)).toContain('rounding-inconsistent');
    expect(codes(report).filter((c) => c.startsWith('count-sum') || c.startsWith('percent-sum'))).toEqual([]);
  });

  it('gives the 4086-4128 range behind 96% and flags its assumed denominator', () => {
    expect(report.findings.find((f) => f.code === 'numerator-range')?.evidence).toMatchObject({ numerators: { min: 4086, max: 4128 } });
    expect(codes(report)).toContain('denominator-unstated:improvement');
  });

  it('reports the case mix diverging from the population references', () => {
    const divergent = report.findings.filter((f) => f.code === 'reference-divergent');
    expect(divergent).toHaveLength(2);
    expect(divergent[0]?.message).toContain('left out: mixed (1341)');
  });

  it('is not ok and counts its findings', () => {
    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({ error: 2, warning: 4, info: 1 });
  });

  it('recounts numerators from records and says which basis reproduces the rate', async () => {
    const withRecords = auditClaims(seed, { records: await loadSampleCohort() });
    expect(codes(withRecords)).not.toContain('records-mismatch:spastic');
    expect(withRecords.findings.find((f) => f.code === 'records-basis')?.message).toContain('3963 improved among 4128 (known outcomes)');
    expect(codes(withRecords)).toContain('reference-unavailable');
  });

  it('renders as text and markdown with errors first', () => {
    const text = formatAuditText(report);
    expect(text.indexOf('ERROR')).toBeLessThan(text.indexOf('WARNING'));
    expect(text).toContain('2 errors, 4 warnings, 1 note');
    expect(formatAuditMarkdown(report)).toMatch(/\| error \| `percent-impossible` \| mixed \|/);
  });
});

describe('auditClaims on constructed cases', () => {
  const base = { title: 't', source: { name: 's' } };
  it('catches parts that do not add up and percents outside the rounding band', () => {
    const r = auditClaims({
      ...base,
      claims: [
        { id: 'a', numerator: 50, denominator: 101, percent: '49.5' },
        { id: 'b', numerator: 50, denominator: 101, percent: '48.0' },
      ],
      partitions: [{ id: 'ab', total: 101, parts: ['a', 'b'] }],
    });
    expect(codes(r)).toEqual(expect.arrayContaining(['count-sum-mismatch:ab', 'percent-sum-out-of-bounds:ab']));
  });

  it('catches a total rate that is not the mean of its subgroups', () => {
    const r = auditClaims({
      ...base,
      claims: [
        { id: 'all', denominator: 200, percent: '75' },
        { id: 'x', denominator: 100, percent: '90' },
        { id: 'y', denominator: 100, percent: '70' },
      ],
      subgroups: [{ id: 'by-site', total: 'all', groups: ['x', 'y'] }],
    });
    expect(codes(r)).toContain('subgroup-inconsistent:by-site');
  });

  it('accepts a percent written as a number, with a warning that its decimals were guessed', () => {
    const r = auditClaims({ ...base, claims: [{ id: 'a', numerator: 1, denominator: 8, percent: 12.5 }] });
    expect(codes(r)).toEqual(['percent-decimals-guessed']);
    expect(r.ok).toBe(true);
  });
});

describe('parseClaims', () => {
  it('reads YAML', () => {
    const { file } = parseClaims('title: t\nsource: { name: s }\nclaims:\n  - { id: a, numerator: 1, denominator: 8, percent: "12.5" }\n');
    expect(file.claims[0]?.percent).toBe('12.5');
  });

  it('names the path of every problem', () => {
    const bad = { title: 't', source: {}, claims: [{ id: 'a', denominator: 0, percent: '5' }, { id: 'a', numerator: 9, denominator: 8, percent: '5' }] };
    expect(() => parseClaims(bad)).toThrow(InputFormatError);
    expect(() => parseClaims(bad)).toThrow(/source\.name: source\.name is required/);
    expect(() => parseClaims(bad)).toThrow(/claims\[0\]\.denominator: denominator must be at least 1/);
    const dup = { title: 't', source: { name: 's' }, claims: [{ id: 'a', denominator: 8, percent: '5' }, { id: 'a', numerator: 9, denominator: 8, percent: '5' }], partitions: [{ id: 'p', total: 8, parts: ['a', 'zz'] }] };
    expect(() => parseClaims(dup)).toThrow(/claims\[1\]\.id: "a" is used twice[\s\S]*claims\[1\]\.numerator: 9 exceeds[\s\S]*partitions\[0\]\.parts\[1\]: no claim has id "zz"/);
  });

  it('refuses malformed JSON and YAML with a typed error', () => {
    expect(() => parseClaims('{"title": ')).toThrow(InputFormatError);
    expect(() => parseClaims('title: [unclosed')).toThrow(InputFormatError);
  });

  it('keeps __proto__ keys out of the result', () => {
    const { file } = parseClaims('{"title":"t","source":{"name":"s"},"__proto__":{"polluted":1},"claims":[{"id":"a","denominator":8,"percent":"5"}]}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(file)).not.toContain('__proto__');
  });
});
