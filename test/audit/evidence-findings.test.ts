import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { parseClaims } from '../../src/claims/parse.js';
import { compareToEvidence } from '../../src/meta/compare-to-evidence.js';

// illustrative counts, not from publications
const studies = [
  { label: 'Study A', events: 52, n: 61, source: 'illustrative' },
  { label: 'Study B', events: 70, n: 95, source: 'illustrative' },
  { label: 'Study C', events: 33, n: 40, source: 'illustrative' },
  { label: 'Study D', events: 88, n: 120 },
];
const file = (percent: string, extra: object = {}) => ({
  title: 'clinic',
  source: { name: 'web page' },
  claims: [{ id: 'improvement', label: 'Total improvement rate', measure: 'improvement', denominator: 4278, denominatorAssumed: true, percent }],
  evidence: [{ id: 'published', claim: 'improvement', studies, ...extra }],
});

describe('claim-outside-prediction', () => {
  it('reports a claimed rate above the prediction interval, with the numbers', () => {
    const report = auditClaims(file('96'));
    const finding = report.findings.find((f) => f.codes.includes('claim-outside-prediction'))!;
    expect(finding).toMatchObject({ severity: 'warning', claim: 'improvement', path: 'evidence[0]' });
    expect(finding.message).toBe(
      `published: Total improvement rate: ${compareToEvidence('96', studies).message} A rate outside the prediction interval is possible, but it is not what these studies lead one to expect. 1 of the 4 studies name no source.`,
    );
    expect(finding.evidence).toMatchObject({ position: 'above', claimRange: { lower: 0.955, upper: 0.965 } });
    expect(report.ok).toBe(true); // a warning, not an error
  });

  it('says nothing when the claim is within the prediction interval, or its rounding reaches into it', () => {
    expect(auditClaims(file('80')).findings.some((f) => f.codes.includes('claim-outside-prediction'))).toBe(false);
    const upper = compareToEvidence('80', studies).pooled.predictionUpper;
    const justAbove = ((Math.floor(upper * 1000) + 1) / 10).toFixed(1); // one decimal, its band [x − 0.05, x + 0.05] reaching the bound or not
    const band = compareToEvidence(justAbove, studies).claimRange;
    expect(auditClaims(file(justAbove)).findings.some((f) => f.codes.includes('claim-outside-prediction'))).toBe(band.lower > upper);
  });

  it('uses the method and transform the entry names', () => {
    const report = auditClaims(file('96', { method: 'GLMM' }));
    const finding = report.findings.find((f) => f.path === 'evidence[0]')!;
    expect((finding.evidence.pooled as { method: string }).method).toBe('GLMM');
  });

  it('rejects an entry that names no known claim, and keeps auditing the rest', () => {
    const bad = { ...file('96'), evidence: [{ id: 'published', claim: 'nowhere', studies }] };
    const report = auditClaims(bad);
    expect(report.findings.find((f) => f.path.startsWith('evidence'))).toMatchObject({ code: 'figure-invalid', path: 'evidence[0].claim' });
    expect(() => parseClaims(bad)).toThrow(/evidence\[0\]\.claim: no claim has id "nowhere"/);
    const noStudies = { ...file('96'), evidence: [{ id: 'published', claim: 'improvement', studies: [] }] };
    expect(auditClaims(noStudies).findings.find((f) => f.path.startsWith('evidence'))).toMatchObject({ code: 'figure-invalid', path: 'evidence[0].studies' });
    const overfull = { ...file('96'), evidence: [{ id: 'published', claim: 'improvement', studies: [{ label: 'X', events: 5, n: 4 }] }] };
    expect(auditClaims(overfull).findings.find((f) => f.path.startsWith('evidence'))).toMatchObject({ code: 'figure-invalid', path: 'evidence[0]' });
  });
});
