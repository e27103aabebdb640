import { describe, expect, it } from 'vitest';
import { auditSeed } from '../../examples/audit-seed.js';

describe('examples/audit-seed', () => {
  it('reports the errors in the published table', async () => {
    const report = await auditSeed();
    expect(report.ok).toBe(false);
    expect(report.findings.flatMap((f) => f.codes)).toEqual(
      expect.arrayContaining(['percent-impossible', 'percent-mismatch', 'rounding-inconsistent', 'numerator-range', 'reference-divergent']),
    );
  });
});
