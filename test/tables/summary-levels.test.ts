import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { readTables } from '../../src/tables/read-tables.js';
import { tableClaims } from '../../src/tables/table-claims.js';

const read = (md: string) => tableClaims(readTables(md, { format: 'markdown' })[0]!);
const audit = (x: ReturnType<typeof read>) =>
  auditClaims({ title: 't', source: { name: 's' }, claims: x.claims.map(({ cell: _c, denominatorBasis: _b, denominatorSource: _s, ...r }) => r), partitions: x.partitions.map((p) => ({ id: p.id, total: p.total, parts: p.parts })) }).findings;

const table = (a: string, b: string) => `| | Group A | Group B |
|---|---|---|
| Patients, No. | 199 | 81 |
| AST (U/L), Mean ± SD | 77 ± 61 | 64 ± 41 |
| range | 17-638 | 13-206 |
| Normal (< 40 U/L), No. (%) | 43 (22) | ${a} |
| Elevated, No. (%) | 156 (78) | ${b} |
| Stage, Mean ± SD | 3.2 ± 1.6 | 3.3 ± 1.4 |
| 0-2, No. (%) | 50 (31) | 16 (23) |
| 3-4, No. (%) | 69 (43) | 37 (53) |
| 5-6, No. (%) | 41 (26) | 17 (24) |`;

describe('levels printed under their variable\'s summary row', () => {
  it('are one variable: its levels add up to the column, or the levels are their own denominator', () => {
    const x = read(table('29 (36)', '52 (64)'));
    expect(x.partitions.map((p) => [p.id, p.total, p.difference])).toEqual([
      ['ast-u-l-group-a', 199, 0],
      ['ast-u-l-group-b', 81, 0],
      ['stage-group-a', 160, 0],
      ['stage-group-b', 70, 0],
    ]);
    // the stages are shares of the 160 (and 70) patients staged, not of the column
    expect(x.claims.filter((c) => c.label.startsWith('0-2')).map((c) => [c.numerator, c.denominator, c.denominatorBasis])).toEqual([[50, 160, 'levels'], [16, 70, 'levels']]);
    expect(audit(x).filter((f) => f.severity === 'error')).toEqual([]);
    expect(x.means.map((m) => [m.mean, m.n])).toEqual([['77', 199], ['64', 81], ['3.2', 199], ['3.3', 81]]);
  });

  it('report levels that add up to more than the column, named by the summary row', () => {
    const f = audit(read(table('29 (36)', '62 (64)'))).filter((x) => x.code === 'count-sum-mismatch');
    expect(f.map((x) => x.claim)).toEqual(['ast-u-l-group-b']);
  });

  it('stay apart when their names do not say only one applies', () => {
    const x = read(`| | A (n = 100) | B (n = 100) |
|---|---|---|
| BMI, mean (SD) | 27.1 (4.2) | 26.9 (4.0) |
| Hypertension, n (%) | 50 (50.0) | 40 (40.0) |
| Diabetes, n (%) | 51 (51.0) | 61 (61.0) |`);
    expect(x.partitions).toEqual([]);
  });
});
