// Closing the loop: every table tableOne prints, turned into a claims file, passes the library's
// own audit (GRIM, GRIMMER, the scale's range, percents, partitions), for random cohorts and
// every rounding mode; and the audit is not vacuous: a cell printed one digit off is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { ROUNDING_MODES } from '../../src/format/rounding.js';
import { defineCohort } from '../../src/schema/define-cohort.js';
import { countTable } from '../../src/stats/count-table.js';
import { tableOne } from '../../src/table-one/table-one.js';
import { tableOneClaims } from '../../src/table-one/table-one-claims.js';
import type { TableOne } from '../../src/table-one/types.js';

const cohort = defineCohort({
  types: ['spastic', 'mixed', 'athetoid', 'other'],
  measures: {
    score: { kind: 'integer', min: 0, max: 20 },
    age: { kind: 'number', min: 0, max: 100, unit: 'years' },
    sex: { kind: 'category', values: ['female', 'male'] },
    level: { kind: 'ordinal', levels: [1, 2, 3, 4] },
  },
});

const missing = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 6 });
const cohortArb = fc.integer({ min: 0, max: 2 }).chain((ageDecimals) =>
  fc.array(
    fc.record({
      type: fc.constantFrom('spastic', 'mixed', 'athetoid', 'other'),
      year: fc.constant(2010),
      outcome: fc.constantFrom('improved', 'unchanged', 'worsened', 'unknown'),
      score: missing(fc.integer({ min: 0, max: 20 })),
      age: missing(fc.integer({ min: 0, max: 100 * 10 ** ageDecimals }).map((u) => u / 10 ** ageDecimals)),
      sex: missing(fc.constantFrom('female', 'male')),
      level: missing(fc.constantFrom(1, 2, 3, 4)),
    }),
    { minLength: 1, maxLength: 80 },
  ),
);
const optionsArb = fc.record({
  by: fc.constantFrom('type', 'outcome', 'sex', 'level', null),
  percentOf: fc.constantFrom('non-missing', 'all'),
  percentDecimals: fc.integer({ min: 0, max: 2 }),
  continuousDecimals: fc.integer({ min: 0, max: 2 }),
  countTable: fc.boolean(),
});

/** The table's own law: in every column, levels and Missing add up to the column's n; groups add up to all. */
function expectPartitions(table: TableOne): void {
  const byVariable = new Map<string, TableOne['rows']>();
  for (const r of table.rows) byVariable.set(r.variable, [...(byVariable.get(r.variable) ?? []), r]);
  for (const rows of byVariable.values()) {
    table.columns.forEach((column, j) => {
      const counts = rows.filter((r) => r.kind !== 'variable').map((r) => r.cells[j]!);
      const head = rows[0]!.cells[j]!;
      const recorded = head.kind === 'mean-sd' || head.kind === 'median-iqr' ? head.n : 0;
      const total = counts.reduce((a, c) => a + (c.kind === 'count' ? c.count : 0), 0) + recorded;
      const missingShown = rows.some((r) => r.kind === 'missing');
      if (missingShown || rows.some((r) => r.kind === 'level')) expect(total).toBe(column.n);
    });
  }
  const overall = table.columns.find((c) => c.overall)!;
  const groups = table.columns.filter((c) => !c.overall);
  if (groups.length > 0) expect(groups.reduce((a, c) => a + c.n, 0)).toBeLessThanOrEqual(overall.n);
}

describe('tableOneClaims: the library audits its own tables clean', () => {
  // 1000 cohorts, 200 printed under each rounding mode (GRIMMER's search makes an audit cost up to 0.4 s here)
  it('1000 random cohorts, 200 under each rounding mode: no error or warning, partitions add up', { timeout: 300_000 }, () => {
    let audited = 0;
    let means = 0;
    const perMode = new Map(ROUNDING_MODES.map((m) => [m, 0]));
    fc.assert(
      fc.property(cohortArb, optionsArb, (rows, o) => {
        const { records } = cohort.parse(rows);
        const input = o.countTable && (o.by === 'type' || o.by === 'outcome' || o.by === null) ? countTable(records, { measures: cohort.measures }) : records;
        {
          const rounding = ROUNDING_MODES[audited % ROUNDING_MODES.length]!;
          perMode.set(rounding, perMode.get(rounding)! + 1);
          const table = tableOne(input, {
            by: o.by,
            cohort,
            rounding,
            percentOf: o.percentOf as 'non-missing' | 'all',
            decimals: { percent: o.percentDecimals, continuous: o.continuousDecimals },
            variables: ['score', 'age', 'sex', 'level', 'outcome'],
          });
          expectPartitions(table);
          const file = tableOneClaims(table);
          const report = auditClaims(file);
          const problems = report.findings.filter((f) => f.severity !== 'info');
          expect(problems, JSON.stringify({ rounding, problems: problems.slice(0, 3) })).toEqual([]);
          audited += 1;
          means += file.means.length;
        }
      }),
      { numRuns: 1000 },
    );
    expect(audited).toBe(1000);
    expect([...perMode.values()]).toEqual([200, 200, 200, 200, 200]);
    expect(means).toBeGreaterThan(2000); // the means were there to check
  });

  it('catches a percent printed one digit off, and a total that does not add up', () => {
    fc.assert(
      fc.property(cohortArb, fc.constantFrom(...ROUNDING_MODES), fc.nat(), (rows, rounding, pick) => {
        const { records } = cohort.parse(rows);
        const file = tableOneClaims(tableOne(records, { by: 'type', cohort, rounding, variables: ['sex', 'level'] }));
        const withPercent = file.claims.filter((c) => typeof c.percent === 'string');
        if (withPercent.length === 0) return;
        const victim = withPercent[pick % withPercent.length]!;
        const printed = victim.percent as string;
        const [whole, frac = ''] = printed.split('.');
        const bumped = (BigInt(whole + frac) + 1n).toString().padStart(frac.length + 1, '0');
        const tampered = frac.length ? `${bumped.slice(0, -frac.length)}.${bumped.slice(-frac.length)}` : bumped;
        const bad = { ...file, claims: file.claims.map((c) => (c === victim ? { ...c, percent: tampered } : c)) };
        expect(auditClaims(bad).findings.some((f) => f.severity === 'error' && f.claim === victim.id)).toBe(true);
        const partition = file.partitions?.find((p) => p.id !== 'n');
        if (partition) {
          const off = { ...file, partitions: file.partitions!.map((p) => (p === partition ? { ...p, total: p.total + 1 } : p)) };
          expect(auditClaims(off).findings.some((f) => f.code === 'count-sum-mismatch')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('catches an SD that whole numbers cannot have (GRIMMER through the claims file)', () => {
    const { records } = cohort.parse([2, 3, 3, 4, 5].map((score) => ({ type: 'spastic', year: 2010, outcome: 'improved', score })));
    const file = tableOneClaims(tableOne(records, { cohort, variables: ['score'], decimals: 2 }));
    expect(file.means).toEqual([{ id: 'score:mean:overall', label: 'score / Overall (n = 5)', mean: '3.40', sd: '1.14', n: 5, scale: [0, 20] }]);
    expect(auditClaims(file).ok).toBe(true);
    const bad = { ...file, means: [{ ...file.means[0]!, sd: '1.15' }] };
    expect(auditClaims(bad).findings.map((f) => f.code)).toContain('sd-impossible');
  });
});
