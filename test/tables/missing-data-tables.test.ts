// Tables whose variables are shares of those with data, and tables whose counts are misprinted:
// read from Markdown as published tables print them, audited as a claims file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { readTables } from '../../src/tables/read-tables.js';
import { tableClaims } from '../../src/tables/table-claims.js';

const ALARMS = ['percent-impossible', 'count-sum-mismatch', 'percent-mismatch'];
// count/of as a percent printed half up at `decimals`, in exact integer arithmetic
const share = (count: number, of: number, decimals: number) => {
  const scale = 10 ** decimals;
  return (Math.floor((2 * 100 * scale * count + of) / (2 * of)) / scale).toFixed(decimals);
};
function audit(markdown: string) {
  const [table] = readTables(markdown, { format: 'markdown' });
  const x = tableClaims(table!);
  const report = auditClaims({
    title: 't',
    source: { name: 's' },
    claims: x.claims.map(({ cell: _c, denominatorBasis: _b, numeratorFrom: _f, ...rest }) => rest),
    partitions: x.partitions.map(({ basis: _b, difference: _d, ...p }) => p),
  });
  return { x, codes: report.findings.flatMap((f) => [f.code, ...((f as { codes?: string[] }).codes ?? [])]), report };
}
const md = (n: number, rows: [string, string][]) => `| | Group (n = ${n}) |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}`;

describe('levels that are shares of those with data', () => {
  it('reads "Race" levels as shares of 76 when a "Missing 1" row prints no percent, and says the base was inferred', () => {
    const { x, codes } = audit(md(77, [['Sex, n (%)', ''], ['Female', '33 (43)'], ['Male', '44 (57)'], ['Race, n (%)', ''], ['White', '60 (79)'], ['Black', '8 (11)'], ['Asian', '5 (7)'], ['Other', '3 (4)'], ['Missing', '1']]));
    expect(x.claims.filter((c) => c.label.startsWith('White') || c.label.startsWith('Black')).map((c) => [c.denominator, c.denominatorSource])).toEqual([[76, 'assumed'], [76, 'assumed']]);
    expect(codes.filter((c) => ALARMS.includes(c))).toEqual([]);
    // a finding on such a cell would say its denominator was inferred
    const white = x.claims.find((c) => c.label.startsWith('White'))!;
    const misprinted = auditClaims({ title: 't', source: { name: 's' }, claims: [{ ...white, cell: undefined, denominatorBasis: undefined, percent: '70' } as never] });
    expect(misprinted.findings[0]!.message).toMatch(/inferred from the figures around it, not printed with the figure \(the levels add up to 76/);
  });

  it('reads the levels under a row of their own size ("Gravidity | 682") against it, and a misprint there as a finding', () => {
    const rows = [['Gravidity', '682', '519', '163'], ['1', '217(31.8%)', '157(30.3%)', '60(36.8%)'], ['2', '222(32.6%)', '174(33.5%)', '48(29.4%)'], ['3', '121(17.7%)', '90(17.3%)', '31(19.0%)'], ['≥ 4', '122(17.9%)', '98(19.9%)', '24(14.7%)']];
    const { x, codes } = audit(`| | All (n=708) | Included (n=534) | Excluded (n=174) |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
    expect(x.claims.map((c) => c.denominator)).toEqual([682, 519, 163, 682, 519, 163, 682, 519, 163, 682, 519, 163]);
    expect(codes).toContain('percent-impossible');
  });

  it('never raises an alarm on a table whose variables are shares of those with data, printed with correct rounding', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: 1 }),
        (levels, missing, other, decimals) => {
          const of = levels.reduce((s, x) => s + x, 0);
          const n = of + missing;
          // a second variable with a "Missing" count of its own, so its base is smaller too
          const otherOf = other.reduce((s, x) => s + x, 0);
          fc.pre(otherOf < n);
          const rows: [string, string][] = [['Education, n (%)', ''], ...levels.map((c, k): [string, string] => [`Level ${k + 1}`, `${c} (${share(c, of, decimals)})`]), ['Missing', String(missing)], ['Region, n (%)', ''], ...other.map((c, k): [string, string] => [`Region ${String.fromCharCode(65 + k)}`, `${c} (${share(c, otherOf, decimals)})`]), ['Unknown', String(n - otherOf)]];
          const { codes } = audit(md(n, rows));
          expect(codes.filter((c) => ALARMS.includes(c))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a misprinted count', () => {
  it('is reported as count-sum-mismatch when every percent fits N and the table shows no values missing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 20, max: 900 }), { minLength: 3, maxLength: 5 }), fc.array(fc.integer({ min: 20, max: 900 }), { minLength: 2, maxLength: 3 }), fc.boolean(), (age, sex, up) => {
        const n = age.reduce((s, x) => s + x, 0);
        fc.pre(sex.length >= 2);
        // the other variable adds up to the same N exactly (its last level takes the rest)
        const head = sex.slice(0, -1).map((x) => Math.max(1, Math.floor((x * n) / 2000)));
        const sexCounts = [...head, n - head.reduce((s, x) => s + x, 0)];
        fc.pre(sexCounts.every((x) => x > 0));
        // change one age count by one where its printed percent still fits N
        const k = age.findIndex((c) => share(c + (up ? 1 : -1), n, 1) === share(c, n, 1));
        fc.pre(k >= 0);
        const printedAge = age.map((c, i) => (i === k ? c + (up ? 1 : -1) : c));
        const rows: [string, string][] = [['Age group, n (%)', ''], ...age.map((c, i): [string, string] => [`${20 + 10 * i}–${29 + 10 * i} years`, `${printedAge[i]} (${share(c, n, 1)})`]), ['Sex, n (%)', ''], ...sexCounts.map((c, i): [string, string] => [i === 0 ? 'Female' : i === 1 ? 'Male' : 'Other', `${c} (${share(c, n, 1)})`])];
        const { codes } = audit(md(n, rows));
        expect(codes).toContain('count-sum-mismatch');
        expect(codes).not.toContain('percent-impossible');
      }),
      { numRuns: 150 },
    );
  });

  it('counts a level printed "0" as none, so the levels must still add up ("Missing (%) | 0")', () => {
    const { codes } = audit(md(291, [['Gender', ''], ['Female (%)', '238 (82%)'], ['Male (%)', '53 (18%)'], ['Do not identify (%)', '1 (0%)'], ['Missing (%)', '0']]));
    expect(codes).toContain('count-sum-mismatch');
  });
});
