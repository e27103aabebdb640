import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditClaims, type AuditReport } from '../../src/audit/audit-claims.js';
import { auditSummaryLine, formatAuditMarkdown, formatAuditText } from '../../src/audit/format-report.js';
import { InputFormatError } from '../../src/errors.js';
import { loadReferences } from '../../src/node/claims.js';
import { loadSampleCohort } from '../../src/node/sample.js';

const seed = JSON.parse(readFileSync(new URL('../../data/seed-claims.json', import.meta.url), 'utf8')) as { claims: Record<string, unknown>[] } & Record<string, unknown>;
/** Every check's code (related ones included), with the claim it is about. */
const codes = (r: AuditReport) => r.findings.flatMap((f) => f.codes.map((code) => `${code}${f.claim ? `:${f.claim}` : ''}`));
const byCode = (r: AuditReport, code: string) => r.findings.flatMap((f) => [f, ...f.related]).find((c) => c.code === code);

describe('auditClaims on the seed claims', async () => {
  const report = auditClaims(seed, { references: await loadReferences() });

  it('reports 31.34 as one finding: impossible, and mismatched with its count (expected 31.35)', () => {
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'percent-impossible', codes: ['percent-impossible', 'percent-mismatch'], claim: 'mixed', path: 'claims[1]' });
    expect(errors[0]?.message).toContain('31.32% (1340/4278) and 31.35% (1341/4278)');
    expect(errors[0]?.related[0]).toMatchObject({ code: 'percent-mismatch', severity: 'error', evidence: { expected: ['31.35'] } });
  });

  it('finds that no single rounding rule explains the table, and no count-sum problem', () => {
    expect(codes(report)).toContain('rounding-inconsistent');
    expect(codes(report).filter((c) => c.startsWith('count-sum') || c.startsWith('percent-sum'))).toEqual([]);
  });

  it('gives the 4086–4128 range behind 96% and flags its assumed denominator, in one finding', () => {
    const f = report.findings.find((x) => x.claim === 'improvement')!;
    expect(f.codes).toEqual(['denominator-unstated', 'numerator-range']);
    expect(f.related[0]?.evidence).toMatchObject({ numerators: { min: 4086, max: 4128 } });
  });

  it('reports the case mix diverging from each population reference, one finding per reference', () => {
    const divergent = report.findings.filter((f) => f.code === 'reference-divergent');
    expect(divergent.map((f) => f.path)).toEqual(['references[0]', 'references[1]']);
    expect(divergent[0]?.message).toContain('left out: mixed (1341)');
  });

  it('compares with SCPE on the categories the clinic reports: ataxic, which it does not report, is merged into other', () => {
    const scpe = report.findings.find((f) => f.path === 'references[0]')!;
    expect(scpe.message).toContain('merged into other, because the publication does not report them separately: ataxic (4.1%)');
    expect(scpe.message).toContain('other with not classified (remainder to 100%) + ataxic');
    // By hand: observed spastic, athetoid, other = 2324, 501, 112 (n = 2937; mixed left out) against
    // SCPE's 53.9 + 31.0, 6.6 and 4.4 + 4.1 percent. X² = Σ (O − E)² / E with E = n · share.
    const observed = [2324, 501, 112];
    const shares = [0.849, 0.066, 0.085];
    const n = 2937;
    const byHand = observed.reduce((a, o, i) => a + (o - n * shares[i]!) ** 2 / (n * shares[i]!), 0);
    expect(byHand).toBeCloseTo(574.132291846284, 9); // R 4.2: chisq.test(c(2324, 501, 112), p = c(.849, .066, .085))
    expect(scpe.evidence).toMatchObject({ df: 2, foldedInto: 'other' });
    expect(scpe.evidence.statistic as number).toBeCloseTo(574.132291846284, 9);
    expect(scpe.evidence.pValue as number).toBeCloseTo(2.13185118052961e-125, 135); // R: $p.value
    expect(scpe.message).toContain('χ² = 574.1 on 2 df');
  });

  it('compares with the Chinese survey after merging its atonic and ataxic shares into other', () => {
    const china = report.findings.find((f) => f.path === 'references[1]')!;
    expect(china.message).toContain('merged into other, because the publication does not report them separately: atonic (hypotonic) (13.4%), ataxic (10.0%)');
    // R 4.2: chisq.test(c(2324, 1341, 501, 112), p = c(.536, .124, .046, .009 + .006 + .045 + .134 + .100))
    expect(china.evidence.statistic as number).toBeCloseTo(2752.83778287841, 8);
    expect(china.evidence.logPValue as number).toBeCloseTo(-1372.68412593825, 6); // pchisq(..., log.p = TRUE)
    expect(china.message).toContain('p < 10^-596');
  });

  it('counts figures, not checks: one figure cannot be right', () => {
    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({ error: 1, warning: 4, info: 0, figures: 5, checks: { error: 2, warning: 4, info: 1 } });
    expect(auditSummaryLine(report)).toBe('1 figure cannot be right, 4 findings need a closer look, 0 notes: the published figures contain errors.');
  });

  it('recounts numerators from records and says which basis reproduces the rate', async () => {
    const withRecords = auditClaims(seed, { records: await loadSampleCohort() });
    expect(codes(withRecords)).not.toContain('records-mismatch:spastic');
    expect(byCode(withRecords, 'records-basis')?.message).toContain('3963 improved among 4128 (known outcomes)');
    expect(codes(withRecords)).toContain('reference-unavailable');
  });

  it('renders as text and markdown with errors first, and every code visible', () => {
    const text = formatAuditText(report);
    expect(text.indexOf('ERROR')).toBeLessThan(text.indexOf('WARNING'));
    expect(text).toContain('ERROR   percent-impossible, percent-mismatch [mixed]');
    expect(text).toContain('1 figure cannot be right');
    expect(formatAuditMarkdown(report)).toMatch(/\| error \| `percent-impossible` `percent-mismatch` \| mixed \|/);
  });
});

describe('auditClaims on constructed cases', () => {
  const base = { title: 't', source: { name: 's' } };
  it('catches parts that do not add up and percents outside the rounding band, as one finding about the partition', () => {
    const r = auditClaims({
      ...base,
      claims: [
        { id: 'a', numerator: 50, denominator: 101, percent: '49.5' },
        { id: 'b', numerator: 50, denominator: 101, percent: '48.0' },
      ],
      partitions: [{ id: 'ab', total: 101, parts: ['a', 'b'] }],
    });
    expect(r.findings.find((f) => f.path === 'partitions[0]')?.codes).toEqual(['count-sum-mismatch', 'percent-sum-out-of-bounds']);
  });

  it('does not add up the percents of parts that are shares of another N than the total', () => {
    // a row's two years of 200 patients each against its Total of 400: 60% and 65% of each year, 62.5% of all
    const r = auditClaims({
      ...base,
      claims: [
        { id: 'y1', numerator: 120, denominator: 200, percent: '60.0' },
        { id: 'y2', numerator: 130, denominator: 200, percent: '65.0' },
      ],
      partitions: [{ id: 'row', total: 250, parts: ['y1', 'y2'] }],
    });
    expect(r.findings.filter((f) => f.path === 'partitions[0]')).toEqual([]);
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
    expect(codes(r)).toEqual(['percent-decimals-guessed:a']);
    expect(r.findings[0]?.path).toBe('claims[0].percent');
    expect(r.ok).toBe(true);
  });

  it('reads a number percent under a decimal comma in that convention', () => {
    const r = auditClaims({ ...base, decimalComma: true, claims: [{ id: 'a', numerator: 1, denominator: 8, percent: 12.5 }] });
    expect(r.findings[0]?.message).toContain('guessed as "12,5"');
    expect(r.ok).toBe(true);
  });
});

describe('auditClaims never aborts on one bad figure', () => {
  const base = { title: 't', source: { name: 's' } };
  const good = { id: 'mixed', numerator: 1341, denominator: 4278, percent: '31.34' };

  it('reports each unreadable or impossible figure with its path, and audits all the others', () => {
    const r = auditClaims({
      ...base,
      claims: [
        good,
        { id: 'typo', denominator: 100, percent: '5O' },
        { id: 'over', numerator: 9, denominator: 8, percent: '112.5' },
        { id: 'big', denominator: 100, percent: '250' },
        { id: 'neg', numerator: -1, denominator: 8 },
      ],
    });
    const invalid = r.findings.filter((f) => f.code === 'figure-invalid');
    expect(invalid.map((f) => [f.path, f.claim])).toEqual([
      ['claims[4].numerator', 'neg'],
      ['claims[1].percent', 'typo'],
      ['claims[2].numerator', 'over'],
      ['claims[3].percent', 'big'],
    ]);
    expect(invalid.find((f) => f.claim === 'typo')?.message).toMatch(/^claims\[1\]\.percent \("typo"\): percent must be a printed decimal number/);
    expect(invalid.find((f) => f.claim === 'big')?.message).toContain('a percentage above 100');
    expect(invalid.find((f) => f.claim === 'over')?.codes).toEqual(['figure-invalid', 'figure-invalid']); // the numerator and the percent
    expect(r.findings.find((f) => f.claim === 'mixed')?.codes).toEqual(['percent-impossible', 'percent-mismatch']);
    expect(r.summary.error).toBe(5);
  });

  it('refuses a partition total of 0 as that figure, and leaves checks that depend on a bad figure unchecked', () => {
    const r = auditClaims({
      ...base,
      claims: [
        { id: 'a', numerator: 1, denominator: 2, percent: '50' },
        { id: 'b', numerator: 1, denominator: 2, percent: '50' },
        { id: 'c', denominator: 2, percent: 'x' },
      ],
      partitions: [
        { id: 'zero', total: 0, parts: ['a', 'b'] },
        { id: 'ac', total: 2, parts: ['a', 'c'] },
        { id: 'ab', total: 2, parts: ['a', 'b'] },
      ],
      references: [{ id: 'scpe', partition: 'zero' }],
    });
    expect(r.findings.find((f) => f.claim === 'zero')).toMatchObject({ code: 'figure-invalid', path: 'partitions[0].total' });
    expect(r.findings.find((f) => f.claim === 'ac')).toMatchObject({ code: 'figure-unchecked', severity: 'warning', path: 'partitions[1]' });
    expect(r.findings.find((f) => f.claim === 'ac')?.message).toContain('claims[2] ("c") could not be read');
    expect(r.findings.find((f) => f.path === 'references[0]')).toMatchObject({ code: 'figure-unchecked' });
    expect(r.findings.some((f) => f.claim === 'ab')).toBe(false); // checked, and fine
  });

  it('refuses a part listed twice and a part naming no claim', () => {
    const r = auditClaims({
      ...base,
      claims: [
        { id: 'a', numerator: 1, denominator: 2, percent: '50' },
        { id: 'b', numerator: 1, denominator: 2, percent: '50' },
      ],
      partitions: [{ id: 'aa', total: 2, parts: ['a', 'a'] }, { id: 'az', total: 2, parts: ['a', 'zz'] }],
    });
    expect(r.findings.find((f) => f.claim === 'aa')).toMatchObject({ code: 'figure-invalid', path: 'partitions[0].parts[1]' });
    expect(r.findings.find((f) => f.claim === 'az')?.message).toContain('no claim has id "zz"');
  });

  it('still throws, with a typed error, when the file itself cannot be read', () => {
    expect(() => auditClaims({ ...base, claims: 'none' })).toThrow(InputFormatError);
    expect(() => auditClaims('{"title": ')).toThrow(InputFormatError);
  });
});

describe('auditClaims on partitions compared with a reference', async () => {
  const refs = await loadReferences();
  const base = { title: 't', source: { name: 's' } };

  it('adds up parts of the same type instead of letting one overwrite the other', () => {
    const r = auditClaims(
      {
        ...base,
        claims: [
          { id: 'diplegic', type: 'spastic', numerator: 400, denominator: 1000, percent: '40' },
          { id: 'quadriplegic', type: 'spastic', numerator: 400, denominator: 1000, percent: '40' },
          { id: 'athetoid', type: 'athetoid', numerator: 200, denominator: 1000, percent: '20' },
        ],
        partitions: [{ id: 'types', total: 1000, parts: ['diplegic', 'quadriplegic', 'athetoid'] }],
        references: [{ id: 'scpe', partition: 'types', mapping: 'cerebral-palsy', other: null }],
      },
      { references: refs },
    );
    const groups = r.findings.find((f) => f.path === 'references[0]')?.evidence.groups as { types: string[]; observed: number }[];
    expect(groups.map((g) => [g.types.join('+'), g.observed])).toEqual([
      ['spastic', 800],
      ['athetoid', 200],
    ]);
  });

  it('reports a part of type "__proto__" as a type the mapping lacks, not silently dropped', () => {
    const r = auditClaims(
      {
        ...base,
        claims: [
          { id: 'a', type: 'spastic', numerator: 5, denominator: 10, percent: '50' },
          { id: 'b', type: '__proto__', numerator: 5, denominator: 10, percent: '50' },
        ],
        partitions: [{ id: 'types', total: 10, parts: ['a', 'b'] }],
        references: [{ id: 'scpe', partition: 'types', mapping: 'cerebral-palsy' }],
      },
      { references: refs },
    );
    // the comparison cannot be made, which says nothing against the published numbers: a warning, not an error
    expect(r.findings.find((f) => f.path === 'references[0]')).toMatchObject({ code: 'figure-unchecked', severity: 'warning' });
    expect(r.findings.find((f) => f.path === 'references[0]')?.message).toContain('not checked: type "__proto__" has no mapping');
  });

  it('says when counts were inferred from printed percents', () => {
    const r = auditClaims(
      {
        ...base,
        claims: [
          { id: 'spastic', type: 'spastic', denominator: 4278, percent: '54.32' },
          { id: 'athetoid', type: 'athetoid', denominator: 4278, percent: '11.71' },
          { id: 'other', type: 'other', denominator: 4278, percent: '2.62' },
          { id: 'mixed', type: 'mixed', denominator: 4278, percent: '31.35' },
        ],
        partitions: [{ id: 'types', total: 4278, parts: ['spastic', 'athetoid', 'other', 'mixed'] }],
        references: [{ id: 'scpe', partition: 'types', mapping: 'cerebral-palsy' }],
      },
      { references: refs },
    );
    const f = r.findings.find((x) => x.path === 'references[0]')!;
    expect(f.message).toContain('the counts of spastic, athetoid, other, mixed are inferred from their printed percents');
    expect((f.evidence.groups as { observed: number }[]).map((g) => g.observed)).toEqual([2324, 501, 112]);
  });
});

describe('auditClaims with records', async () => {
  const records = await loadSampleCohort();
  it('does not report a percent-only claim that the records reproduce', () => {
    const claims = (seed.claims as { id: string; numerator?: number }[]).map(({ numerator: _, ...c }) => c);
    const r = auditClaims({ ...seed, claims, partitions: [], references: [] }, { records });
    expect(codes(r).filter((c) => c.startsWith('records-mismatch'))).toEqual(['records-mismatch:mixed']); // 31.34 is no print of 1341/4278
  });

  it('audits a decimal-comma file end to end with the same verdicts as its decimal-point twin', async () => {
    const references = await loadReferences();
    const comma = { ...seed, decimalComma: true, claims: seed.claims.map((c) => ({ ...c, percent: String(c.percent).replace('.', ',') })) };
    const dot = auditClaims(seed, { records, references });
    const decimalComma = auditClaims(comma, { records, references });
    expect(codes(decimalComma)).toEqual(codes(dot));
    expect(decimalComma.findings.find((f) => f.claim === 'mixed')?.message).toContain('31,32% (1340/4278) and 31,35% (1341/4278)');
  });

  it('matches a one-decimal rate printed with a decimal comma ("96,0"), as records reproduce it', () => {
    const improved = records.filter((r) => r.outcome === 'improved').length;
    const known = records.filter((r) => r.outcome !== 'unknown').length;
    const rate = (Math.round((1000 * improved) / known) / 10).toFixed(1); // 96.0, exact enough here: not a tie
    const claim = { id: 'improvement', measure: 'improvement', denominator: known, percent: rate.replace('.', ',') };
    const r = auditClaims({ title: 't', source: { name: 's' }, decimalComma: true, claims: [claim] }, { records });
    expect(rate).toBe('96.0');
    expect(codes(r)).toEqual(['numerator-range:improvement', 'records-basis:improvement']);
  });
});
