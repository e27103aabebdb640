import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { columnSizes } from '../../src/tables/column-sizes.js';
import { readTables } from '../../src/tables/read-tables.js';
import { tableClaims } from '../../src/tables/table-claims.js';

const html = (text: string) => readTables(text, { format: 'html' })[0]!;
const md = (text: string) => readTables(text, { format: 'markdown' })[0]!;

// a heading over two subgroups: its N is the cohort's, the subgroups' come from the "Number of patients" row
const NESTED = `<table><thead>
<tr><th rowspan="2"></th><th colspan="2">Cohort (n = 50)</th></tr>
<tr><th>Event</th><th>No event</th></tr></thead><tbody>
<tr><td>Number of patients</td><td>20.0% (10)</td><td>80.0% (40)</td></tr>
<tr><td>Male</td><td>70.0% (7)</td><td>45.0% (18)</td></tr>
<tr><td>Female</td><td>30.0% (3)</td><td>55.0% (22)</td></tr></tbody></table>`;

describe('columnSizes', () => {
  it('takes the subgroups of a spanning heading from a row of sizes printed as shares of it', () => {
    const t = html(NESTED);
    const s = columnSizes(t, [1, 2], false);
    expect([...s.sizes]).toEqual([[1, 10], [2, 40]]);
    expect(s.fromSpanningHeading.size).toBe(0);
    const x = tableClaims(t);
    expect(x.claims.map((c) => [c.numerator, c.denominator])).toEqual([[7, 10], [18, 40], [3, 10], [22, 40]]);
    const findings = auditClaims({ title: 't', source: { name: 's' }, claims: x.claims.map(({ cell: _c, denominatorBasis: _b, denominatorSource: _s, ...c }) => c) }).findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('does not read a "Number of patients" row as sizes when its percents are not shares of the heading', () => {
    const t = html(NESTED.replace('20.0% (10)', '25.0% (10)'));
    expect(columnSizes(t, [1, 2], false).nRows.size).toBe(0);
  });

  it('keeps a spanning heading\'s N only as the weakest size, replaced by one the cells agree on', () => {
    const t = html(NESTED.replace(/<tr><td>Number of patients.*?<\/tr>/, '').replace('</tbody>', '<tr><td>Smoker</td><td>50.0% (5)</td><td>25.0% (10)</td></tr><tr><td>Diabetes</td><td>40.0% (4)</td><td>20.0% (8)</td></tr></tbody>'));
    const s = columnSizes(t, [1, 2], false);
    expect([...s.fromSpanningHeading]).toEqual([1, 2]);
    const x = tableClaims(t);
    expect(x.claims.every((c) => c.denominatorSource === 'assumed')).toBe(true);
    expect(x.claims.map((c) => c.denominator)).toEqual([10, 40, 10, 40, 10, 40, 10, 40]);
  });

  it('reads a body row of "N=126" cells as the sizes, whatever its label', () => {
    const t = md('| | Arm A | Arm B |\n|---|---|---|\n| Socio-demographic | N=12 | N=10 |\n| % male (N) | 50.0% (6) | 40.0% (4) |');
    expect([...columnSizes(t, [1, 2], false).sizes]).toEqual([[1, 12], [2, 10]]);
    expect(tableClaims(t).claims.map((c) => [c.numerator, c.denominator, c.percent])).toEqual([[6, 12, '50.0'], [4, 10, '40.0']]);
  });
});

describe('tableClaims: sizes it is not sure of', () => {
  it('leaves a cell unresolved when an inferred size that few cells support does not give its percent', () => {
    const x = tableClaims(md('| Outcome | No. of events (%) |\n|---|---|\n| Cured | 50 (25.0) |\n| Completed | 70 (35.0) |\n| Died | 24 (12.0) |\n| Default | 30 (15.0) |\n| Failed | 26 (14.0) |'));
    expect(x.claims.map((c) => [c.numerator, c.denominator, c.denominatorSource])).toEqual([[50, 200, 'assumed'], [70, 200, 'assumed'], [24, 200, 'assumed'], [30, 200, 'assumed']]);
    expect(x.unresolved.map((u) => u.text)).toEqual(['26 (14.0)']);
    // with five cells agreeing, the sixth is reported against the size they agree on
    const more = tableClaims(md('| Outcome | No. of events (%) |\n|---|---|\n| Cured | 50 (25.0) |\n| Completed | 70 (35.0) |\n| Died | 24 (12.0) |\n| Default | 30 (15.0) |\n| Moved | 2 (1.0) |\n| Failed | 26 (14.0) |'));
    expect(more.claims.map((c) => c.denominator)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('leaves a percent unresolved when the note under its row\'s mark gives the row a size of its own', () => {
    const t = html('<table><tr><th></th><th>Placebo (n = 331)</th></tr><tr><td>Stunted (%)<sup>4</sup></td><td>14.5</td></tr><tr><td>Iron deficiency (%)<sup>6</sup></td><td>2.0</td></tr></table><p>4Defined as height-for-age z below −2. 6Defined as ferritin &lt; 15 μg/L; n = 307 for the placebo group.</p>');
    const x = tableClaims({ ...t, notes: '4Defined as height-for-age z below −2. 6Defined as ferritin < 15 μg/L; n = 307 for the placebo group.' });
    expect(x.claims.map((c) => [c.denominator, c.percent])).toEqual([[331, '14.5']]);
    expect(x.unresolved.map((u) => u.text)).toEqual(['2.0']);
  });
});
