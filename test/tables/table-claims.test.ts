import { describe, expect, it } from 'vitest';
import { auditClaims } from '../../src/audit/audit-claims.js';
import { readTables } from '../../src/tables/read-tables.js';
import { tableClaims, type TableFigures } from '../../src/tables/table-claims.js';

const md = (text: string) => tableClaims(readTables(text, { format: 'markdown' })[0]!);
const rows = (x: TableFigures) => x.claims.map((c) => [c.numerator, c.denominator, c.percent, c.denominatorBasis]);
const audit = (x: TableFigures) =>
  auditClaims({
    title: 't',
    source: { name: 's' },
    claims: x.claims.map(({ cell: _c, denominatorBasis: _b, denominatorSource: _s, ...c }) => c),
    partitions: x.partitions.map(({ basis: _b, difference: _d, ...p }) => p),
    means: x.means.map(({ cell: _c, nSource: _s, ...m }) => m),
  }).findings.flatMap((f) => f.codes.map((code) => `${code} ${f.claim}`));

describe('tableClaims: denominators and where they come from', () => {
  it('uses the column header, a row of sizes, the caption, or the cell itself', () => {
    expect(rows(md('| | A (n = 20) | B (N=25) |\n|---|---|---|\n| Female | 9 (45.0) | 10/25 (40.0) |'))).toEqual([
      [9, 20, '45.0', 'column'],
      [10, 25, '40.0', 'cell'],
    ]);
    expect(rows(md('| | A | B |\n|---|---|---|\n| Number of patients (n) | 20 | 25 |\n| Female, n (%) | 9 (45.0) | 10 (40.0) |'))).toEqual([
      [9, 20, '45.0', 'column'],
      [10, 25, '40.0', 'column'],
    ]);
    expect(rows(md('**Table 1. Patients (n = 40)**\n\n| | n (%) |\n|---|---|\n| Female | 18 (45.0) |'))).toEqual([[18, 40, '45.0', 'column']]);
  });

  it('uses a subgroup heading, a row that the label names, and the Total cell for row percentages', () => {
    const sub = md('| | All (n = 200) |\n|---|---|\n| Severity, N=120 | |\n|   Mild | 30 (25.0) |\n|   Severe | 90 (75.0) |');
    expect(rows(sub)).toEqual([[30, 120, '25.0', 'subgroup'], [90, 120, '75.0', 'subgroup']]);
    const named = md('| | 2020 (n = 5000) |\n|---|---|\n| Any complication | 250 (5.0) |\n| Deaths among patients with any complication | 10 (4.0) |');
    expect(rows(named)[1]).toEqual([10, 250, '4.0', 'another-row']);
    const byRow = md('| | All, N = 100 | Women, n = 60 | Men, n = 40 |\n|---|---|---|---|\n| Smokers, n (%) | 20 (20.0) | 15 (75.0) | 5 (25.0) |');
    expect(rows(byRow)).toEqual([[20, 100, '20.0', 'column'], [15, 20, '75.0', 'row-total'], [5, 20, '25.0', 'row-total']]);
    expect(byRow.notes.join(' ')).toMatch(/percentages of the row's Total/);
  });

  it('infers a size the table does not print, and says it assumed it', () => {
    const x = md('| | Cases |\n|---|---|\n| Male | 45 (71.4) |\n| Smokers | 35 (55.6) |\n| Diabetes | 13 (20.6) |');
    expect(x.claims.map((c) => [c.denominator, c.denominatorSource])).toEqual([[63, 'assumed'], [63, 'assumed'], [63, 'assumed']]);
    expect(x.notes[0]).toMatch(/no size is printed; 63 fits/);
  });

  it('tells means from counts by the words around them, and leaves what it cannot tell unresolved', () => {
    const x = md('| | Drug (n = 30) |\n|---|---|\n| Age, years, mean (SD) | 45 (12) |\n| Women, n (%) | 12 (40.0) |\n| Number of relapses, mean (SD) | 2.1 (1.4) |\n| Weight, kg | 82.5 (14.0) |');
    expect(x.means.map((m) => [m.mean, m.sd, m.n, m.continuous])).toEqual([['45', '12', 30, true], ['2.1', '1.4', 30, undefined], ['82.5', '14.0', 30, true]]);
    expect(rows(x)).toEqual([[12, 30, '40.0', 'column']]);
    const unknown = md('| | Drug (n = 30) |\n|---|---|\n| Score | 25 (14) |');
    expect(unknown.unresolved[0]!.reason).toMatch(/count and percent or a mean and SD/);
  });

  it('leaves a cell unresolved when the notes say values are missing and its percent needs a smaller N', () => {
    const x = tableClaims(readTables('<table><tr><th></th><th>A (n = 637)</th></tr><tr><td>Female</td><td>373 (58.7)*</td></tr><tfoot><tr><td>*One missing observation.</td></tr></tfoot></table>')[0]!);
    expect(x.claims).toEqual([]);
    expect(x.unresolved[0]!.reason).toMatch(/missing values/);
  });
});

describe('tableClaims: variables and partitions', () => {
  it('proposes exclusive counted levels as a partition of the column, clean when they add up', () => {
    const x = md('| | A (n = 20) |\n|---|---|\n| Sex | |\n| Male | 12 (60.0) |\n| Female | 8 (40.0) |');
    expect(x.partitions.map((p) => [p.total, p.parts.length, p.difference])).toEqual([[20, 2, 0]]);
    expect(audit(x)).toEqual([]);
  });

  it('fires count-sum-mismatch for exclusive levels that add up to more than N', () => {
    const x = md('| | CP (n = 98) |\n|---|---|\n| Gender | |\n| Male | 53 (54.1) |\n| Female | 52 (53.1) |');
    expect(audit(x)).toContain('count-sum-mismatch gender-cp-n-98');
  });

  it('does not propose levels that are not exclusive (percents well above 100), and says so', () => {
    const x = md('| | A (n = 12) |\n|---|---|\n| Type of intervention | |\n| Drug | 4 (33) |\n| Behavioural | 8 (67) |\n| E-health | 3 (25) |');
    expect(x.partitions).toEqual([]);
    expect(x.notes.join(' ')).toMatch(/not exclusive/);
    expect(audit(x)).toEqual([]);
  });

  it('does not propose levels that leave out missing values as a partition of N', () => {
    const x = md('| | A (n = 1000) |\n|---|---|\n| Smoking | |\n| Never | 500 (50.0) |\n| Current | 498 (49.8) |');
    expect(audit(x)).toEqual([]);
  });

  it('checks each row against its Total when the group sizes add up to the Total size', () => {
    const ok = md('| | Total (n = 30) | A (n = 10) | B (n = 20) |\n|---|---|---|---|\n| Died | 6 (20.0) | 2 (20.0) | 4 (20.0) |');
    expect(ok.partitions.map((p) => [p.basis, p.total, p.difference])).toEqual([['row', 6, 0]]);
    const bad = md('| | Total (n = 30) | A (n = 10) | B (n = 20) |\n|---|---|---|---|\n| Died | 6 (20.0) | 3 (30.0) | 4 (20.0) |');
    expect(audit(bad)).toContain(`count-sum-mismatch ${bad.partitions[0]!.id}`);
  });

  it('reads register tables that print n and % in separate columns, or a % row under a count row', () => {
    const x = md('| | 2010 | 2010 | 2011 | 2011 |\n| | n | % | n | % |\n|---|---|---|---|---|\n| Total number of patients | 1 000 | 100.0 | 800 | 100.0 |\n| Died | 12 | 1.2 | 10 | 1.3 |');
    expect(rows(x)).toEqual([[12, 1000, '1.2', 'column'], [10, 800, '1.3', 'column'], [1000, 1000, '100.0', 'column'], [800, 800, '100.0', 'column']]);
    expect(x.claims[0]!.cell.quote).toBe('12 | 1.2');
    const y = md('| | A | B |\n|---|---|---|\n| N | 271 | 271 |\n| COPD | 23 | 22 |\n| % | 8.5 | 8,1 |');
    expect(rows(y)).toEqual([[23, 271, '8.5', 'column'], [22, 271, '8.1', 'column']]);
  });

  it('leaves unresolved a marked row whose percents need fewer people than its column, instead of calling them impossible', () => {
    const x = md('| | A | B |\n|---|---|---|\n| No. | 178 | 424 |\n| Women, No. (%) | 70 (39.3) | 166 (39.2) |\n| Previous gestational diabetes, No. (%)a | 4 (5.7) | 12 (7.2) |');
    expect(rows(x)).toEqual([[70, 178, '39.3', 'column'], [166, 424, '39.2', 'column']]);
    expect(x.unresolved.map((u) => u.text)).toEqual(['4 (5.7)', '12 (7.2)']);
    expect(audit(x).filter((f) => f.startsWith('percent-impossible'))).toEqual([]);
    // unmarked, the same cells are misprints for their column
    const y = md('| | A | B |\n|---|---|---|\n| No. | 178 | 424 |\n| Previous gestational diabetes, No. (%) | 4 (5.7) | 12 (7.2) |');
    expect(audit(y).filter((f) => f.startsWith('percent-impossible'))).toHaveLength(2);
  });

  it('takes sizes from a "Number randomized" or "Total" row, and levels from a first label column that repeats', () => {
    expect(rows(md('| | China | Europe |\n|---|---|---|\n| Number randomized | 10 932 | 14 741 |\n| Male (%) | 8680 (79.4%) | 12 549 (85.1%) |'))).toEqual([
      [8680, 10932, '79.4', 'column'],
      [12549, 14741, '85.1', 'column'],
    ]);
    const x = md('| Characteristic | Category | Patients (% of total) |\n|---|---|---|\n| Total | | 1,000 (100.0) |\n| Sex | M | 480 (48.0) |\n| Sex | F | 530 (53.0) |\n| Region | North | 3 (<0.1) |');
    // "3 (<0.1)": a count whose percent is only a limit, alone in its variable: nothing to check
    expect(rows(x)).toEqual([[480, 1000, '48.0', 'column'], [530, 1000, '53.0', 'column'], [1000, 1000, '100.0', 'column']]);
    expect(x.unresolved.map((u) => u.text)).toEqual(['3 (<0.1)']);
    expect(audit(x)).toContain(`count-sum-mismatch ${x.partitions[0]!.id}`);
  });

  it('reads means from "Mean | SD" columns, with each row\'s n from an "N" column beside them', () => {
    const x = md('| | Intervention | Intervention | Intervention | Control | Control | Control |\n| Outcome | N | Mean | SD* | N | Mean | SD* |\n|---|---|---|---|---|---|---|\n| Observed (N = 56) | 26 | 77.5 | 18.4 | 30 | 70.7 | 21.2 |\n| Per protocol (N = 39) | 9 | 73.9 | 17.5 | 30 | 70.7 | 21.2 |');
    expect(x.means.map((m) => [m.mean, m.sd, m.n])).toEqual([['77.5', '18.4', 26], ['70.7', '21.2', 30], ['73.9', '17.5', 9], ['70.7', '21.2', 30]]);
    expect(x.means[0]!.cell.quote).toBe('77.5 | 18.4');
    const y = md('| | Overall (n 5295) | Overall (n 5295) |\n| Variable | Mean | sd |\n|---|---|---|\n| Age (years), mean (SD) | 8·8 | 1·4 |\n| Weight (kg), mean (SD) | 31·6 | 9·3 |');
    expect(y.means.map((m) => [m.mean, m.sd, m.n])).toEqual([['8.8', '1.4', 5295], ['31.6', '9.3', 5295]]);
  });

  it('reads "% women" rows, "30.3/28.8/40.9" level lists, and a size over the row labels of a one-column table', () => {
    const x = md('| Variable | Overall (n=1554) | With T2D (n=369) |\n|---|---|---|\n| Sex, % women | 47.9 | 29.0 |\n| Postmenopausal, % of women | 79.2 | 84.1 |\n| Smoking, never/former/current, % | 38.0/50.2/11.8 | 34.8/53.0/12.2 |');
    expect(rows(x)).toEqual([
      [undefined, 1554, '47.9', 'column'],
      [undefined, 369, '29.0', 'column'],
      [undefined, 1554, '38.0', 'column'],
      [undefined, 1554, '50.2', 'column'],
      [undefined, 1554, '11.8', 'column'],
      [undefined, 369, '34.8', 'column'],
      [undefined, 369, '53.0', 'column'],
      [undefined, 369, '12.2', 'column'],
    ]);
    // 34.8% and 53.0% are no count of 369: the table's own misprints (or missing values it does not note)
    expect(audit(x).filter((f) => f.startsWith('percent-impossible'))).toHaveLength(2);
    expect(rows(md('| Trial characteristics (N=90) | n (%) |\n|---|---|\n| Secondary | 68 (61) |\n| Primary | 53 (58.9) |'))).toEqual([
      [68, 90, '61', 'column'],
      [53, 90, '58.9', 'column'],
    ]);
  });
});


describe('tableClaims: levels with missing values, shares of the row above, sizes inferred from a sum', () => {
  it('takes the levels\' sum as every level\'s denominator when their percents fit it and not the column N', () => {
    // 242 + 151 + 401 = 794 of 796: 30.5 is 242/794, not 242/796 (30.4)
    const x = md('| | A (N=796) |\n|---|---|\n| Tobacco | |\n| current | 242 (30.5) |\n| ex-smoker | 151 (19.0) |\n| never | 401 (50.5) |\n| Married | 533 (67.0) |');
    expect(rows(x)).toEqual([[242, 794, '30.5', 'levels'], [151, 794, '19.0', 'levels'], [401, 794, '50.5', 'levels'], [533, 796, '67.0', 'column']]);
    expect(audit(x)).toEqual([]);
  });

  it('claims no level when its percents fit both the levels\' sum and the column N', () => {
    const x = md('| | Cases (n = 443) |\n|---|---|\n| Smoking | |\n| Never | 35 (8) |\n| Former | 192 (43) |\n| Current | 215 (49) |');
    expect(x.claims).toEqual([]);
    expect(x.unresolved.map((u) => u.reason)).toEqual(Array(3).fill(expect.stringMatching(/add up to 442, fewer than the column's 443/)));
  });

  it('holds levels with a "Missing" level to the column N: fewer is a count-sum-mismatch', () => {
    // 40000 + 59000 + 990 = 99 990: each percent fits both sizes, and a "Missing" level says which
    const x = md('| | All (n = 100000) |\n|---|---|\n| Region | |\n| North | 40000 (40.0) |\n| South | 59000 (59.0) |\n| Missing | 990 (1.0) |');
    expect(rows(x).map((r) => r[1])).toEqual([100000, 100000, 100000]);
    expect(audit(x)).toContain('count-sum-mismatch region-all-n-100000');
    const without = md('| | All (n = 100000) |\n|---|---|\n| Region | |\n| North | 40000 (40.0) |\n| South | 59000 (59.0) |\n| East | 990 (1.0) |');
    expect(without.claims).toEqual([]);
  });

  it('reads "13 (100)" under "HIV-positive 13 (31.7)" as a share of that row, not a misprint of the column', () => {
    const x = md('| | 2012 (n = 41), n (%) |\n|---|---|\n| HIV-positive | 13 (31.7) |\n| Started on CPT | 13 (100) |\n| Started on ART | 12 (92.3) |');
    expect(rows(x)).toEqual([[13, 41, '31.7', 'column'], [13, 13, '100', 'another-row'], [12, 13, '92.3', 'another-row']]);
    expect(audit(x)).toEqual([]);
    // a percent a few points off the column's share stays a misprint of the column
    expect(audit(md('| | 2012 (n = 41), n (%) |\n|---|---|\n| HIV-positive | 13 (31.7) |\n| Started on CPT | 12 (31.7) |'))).toContain('percent-mismatch started-on-cpt-2012-n-41-n');
  });

  it('infers a column\'s size from its counts\' sum when its percents add up to 100, and finds the one cell that does not fit', () => {
    const x = md('| Outcome | 2014 n (%) |\n|---|---|\n| Success | 206 (90.8%) |\n| Lost | 16 (7.0%) |\n| Failure | 1 (0.4%) |\n| Death | 3 (1.3%) |\n| Not evaluated | 1 (0.4%) |');
    expect(rows(x).map((r) => r[1])).toEqual([227, 227, 227, 227, 227]);
    expect(x.claims[0]!.denominatorSource).toBe('assumed');
    expect(audit(x)).toContain('percent-mismatch success-2014-n');
  });
});

describe('tableClaims: sizes and subgroups the notes give, bounds outside a partition', () => {
  const means = (x: TableFigures) => x.means.map((m) => [m.mean, m.n]);
  it('takes a row\'s sizes from "A and B, respectively, for X" in the notes', () => {
    const x = md('| | Intervention (n = 5,025) | Usual care (n = 3,648) |\n|---|---|---|\n| Age, years | 64.0 (7.9) | 64.9 (7.2) |\n| Fasting blood glucose, mmol/L | 5.70 (1.39) | 6.06 (1.49) |\nThe number of measurements were 144 and 61, respectively, for fasting blood glucose, and 0 and 33, respectively, for non-fasting glucose.');
    expect(means(x)).toEqual([['64.0', 5025], ['64.9', 3648], ['5.70', 144], ['6.06', 61]]);
  });

  it('leaves a mean of a subgroup the row or its note names without n, instead of the column\'s', () => {
    const x = md('| | Cases | Controls |\n|---|---|---|\n| Number of subjects | 610 | 610 |\n| Mean age (SD), years | 57.3 (5.2) | 57.1 (5.0) |\n| Mean cigarettes/day (SD)b | 20.2 (8.6) | 15.4 (7.6) |\n| LDL-cholesterol among men, mmol/L | 3.33 (0.84) | 3.32 (0.84) |\nbAmong ever smokers. Smoking differed among the groups.');
    expect(means(x)).toEqual([['57.3', 610], ['57.1', 610]]);
    expect(x.unresolved.map((u) => u.text)).toEqual(['20.2 (8.6)', '15.4 (7.6)', '3.33 (0.84)', '3.32 (0.84)']);
    // a note that only mentions "among" in passing does not make a subgroup
    expect(means(md('| | A (n = 50) |\n|---|---|\n| Mean time of disease, years (SD)* | 13.8 (7.9) |\n*Time of disease differed among the sexes.'))).toEqual([['13.8', 50]]);
  });

  it('claims a count printed with a bound ("1 (<1)") only as part of its variable\'s sum', () => {
    const alone = md('| | A (N = 169) n (%) |\n|---|---|\n| Cancer | 1 (<1) |\n| Diabetes | 7 (4) |');
    expect(rows(alone)).toEqual([[7, 169, '4', 'column']]);
    expect(alone.unresolved.map((u) => u.text)).toEqual(['1 (<1)']);
    const levels = md('| | A (N = 169) n (%) |\n|---|---|\n| Smoking | |\n| Regular | 145 (86) |\n| Occasional | 23 (14) |\n| Pipes only | 1 (<1) |');
    expect(rows(levels).map((r) => r[0])).toEqual([145, 23, 1]);
    expect(levels.partitions.map((p) => p.parts.length)).toEqual([3]);
  });
});

describe('tableClaims: sizes printed in the body, row percentages, split count columns', () => {
  it('takes "Sex (n) | 828" and "Family size | N = 477" rows as the size of the rows under them', () => {
    const x = md('| | Control (n = 837) |\n|---|---|\n| Age (n) | 835 |\n| Mean (SD) | 6.67 (1.99) |\n| Missing | 2 |\n| Sex (n) | 828 |\n| Male, n (%) | 427 (51.6) |\n| Female, n (%) | 401 (48.4) |\n| Missing | 9 |\n| Cluster level | |\n| Family size | N = 477 |\n| 1 child, n (%) | 207 (43.4) |\n| 2 children, n (%) | 270 (56.6) |');
    expect(rows(x).map((r) => r[1])).toEqual([828, 828, 477, 477]);
    expect(x.means.map((m) => m.n)).toEqual([835]);
    expect(audit(x)).toEqual([]);
  });

  it('reads a "Number of patients (%)" row of counts and shares as the columns\' sizes', () => {
    const x = md('| | All patients | ICU survivors | ICU nonsurvivors |\n|---|---|---|---|\n| Number of patients (%) | 4,669 (100) | 3,577 (76.6%) | 1,092 (23.4%) |\n| Age (mean ± SD) | 56.9 ± 17.4 | 56.4 ± 17.6 | 58.5 ± 16.6 |');
    expect(x.means.map((m) => m.n)).toEqual([4669, 3577, 1092]);
    // the row's own shares are claims too, of its 100% cell
    expect(rows(x)).toEqual([[4669, 4669, '100', 'column'], [3577, 4669, '76.6', 'column'], [1092, 4669, '23.4', 'column']]);
  });

  it('reports a cell of a row-percentage column against its row\'s Total when it fits nothing', () => {
    const x = md('| | All patients | Survivors | Nonsurvivors |\n|---|---|---|---|\n| Number of patients (%) | 4,669 (100) | 3,577 (76.6%) | 1,092 (23.4%) |\n| Male | 2,973 (63.7) | 2,271 (76.4) | 702 (23.6) |\n| Female | 1,696 (36.3) | 1,306 (77.0) | 390 (23.0) |\n| Hypertension | 2,055 (44.0) | 1,589 (77.3) | 466 (22.7) |\n| Surgical | 676 (14.5) | 614 (90.8) | 62 (9.2) |\n| Diabetes | 1,555 (33.3) | 1,170 (77.3) | 385 (22.7) |');
    const diabetes = x.claims.filter((c) => c.label.startsWith('Diabetes')).map((c) => [c.numerator, c.denominator, c.denominatorBasis]);
    expect(diabetes).toEqual([[1555, 4669, 'column'], [1170, 1555, 'row-total'], [385, 1555, 'row-total']]);
    expect(audit(x).filter((f) => f.startsWith('percent-mismatch'))).toEqual(['percent-mismatch diabetes-survivors', 'percent-mismatch diabetes-nonsurvivors']);
  });

  it('joins "Frequency | Percentage" columns and infers the size from the levels when none is printed', () => {
    const x = md('| Variable | Categories | Frequency | Percentage |\n|---|---|---|---|\n| Residence | Urban | 1907 | 19.1 |\n| | Rural | 8099 | 80.9 |\n| Religion | Muslim | 5068 | 50.6 |\n| | Orthodox | 2944 | 29.4 |\n| | Other | 1994 | 19.9 |');
    expect(rows(x).map((r) => `${r[0]}/${r[1]}`)).toEqual(['1907/10006', '8099/10006', '5068/10006', '2944/10006', '1994/10006']);
  });

  it('takes the sum three variables\' levels share as a column\'s size, and finds the count that does not fit it', () => {
    const x = md('| Variable | Categories | Frequency | Percentage |\n|---|---|---|---|\n| Residence | Urban | 1907 | 19.1 |\n| | Rural | 8099 | 80.9 |\n| Religion | Muslim | 5068 | 50.6 |\n| | Other | 4938 | 49.4 |\n| Radio | No | 8810 | 88.0 |\n| | Yes | 1196 | 12.0 |\n| Media | No | 7964 | 79.6 |\n| | Yes | 1960 | 20.4 |');
    expect(rows(x).map((r) => r[1])).toEqual(Array(8).fill(10006));
    const flagged = audit(x).filter((f) => f.startsWith('percent-mismatch')).map((f) => x.claims.find((c) => c.id === f.split(' ')[1])?.numerator);
    expect(flagged).toEqual([1960]);
  });
});

describe('tableClaims: layouts that split or qualify a claim', () => {
  it('joins "n/N | (%)" column pairs into one claim of the printed denominator', () => {
    const x = md('| Characteristics | First trimester |  | Second trimester |  |\n|---|---|---|---|---|\n|  | n/N | (%) | n/N | (%) |\n| Smoking | | | | |\n| Yes | 52/1,102 | (4.7) | 46/683 | (6.7) |\n| No | 1050/1,102 | (95.3) | 637/683 | (93.3) |');
    expect(rows(x)).toEqual([[52, 1102, '4.7', 'cell'], [46, 683, '6.7', 'cell'], [1050, 1102, '95.3', 'cell'], [637, 683, '93.3', 'cell']]);
    expect(x.claims[0]!.cell.quote).toBe('52/1,102 | (4.7)');
    // a wrong percent beside its own n/N is reported against that pair
    const wrong = md('| | A |  |\n|---|---|---|\n|  | n/N | (%) |\n| Yes | 52/1,102 | (5.7) |\n| No | 1050/1,102 | (95.3) |');
    expect(audit(wrong)).toContain(`percent-mismatch ${wrong.claims[0]!.id}`);
  });

  it('reads "Mean or % | SD" columns: a value whose SD is a dash is a percent of the column', () => {
    const x = md('| | Boys (n 2866) | | Girls (n 2429) | |\n|---|---|---|---|---|\n| Variable | Mean or % | SD | Mean or % | SD |\n| Age (years) | 8.8 | 1.4 | 8.8 | 1.4 |\n| Obesity | 12.7 | – | 4.1 | – |');
    expect(rows(x)).toEqual([[undefined, 2866, '12.7', 'column'], [undefined, 2429, '4.1', 'column']]);
    expect(x.means.map((m) => [m.mean, m.sd, m.n])).toEqual([['8.8', '1.4', 2866], ['8.8', '1.4', 2429]]);
    // without "or %" in the heading a value with no SD is not taken for a percent
    expect(rows(md('| | Boys (n 2866) | |\n|---|---|---|\n| Variable | Mean | SD |\n| Age | 8.8 | 1.4 |\n| Obesity | 12.7 | – |'))).toEqual([]);
  });

  it('takes a pair the words leave open for a count and percent when the rest of its row are, so a misprint is still checked', () => {
    const x = md('| Characteristics | Full cohort (n =1391) mean ± SD or n (%) | Male (n = 718) mean ± SD or n (%) | Female (n = 673) mean ± SD or n (%) |\n|---|---|---|---|\n| Age, years | 32.3 ± 4.7 | 32.2 ± 4.7 | 32.4 ± 4.6 |\n| Education | | | |\n| <College graduate | 428 (30.8) | 244 (44.0) | 184 (27.3) |\n| ≥College graduate | 963 (69.2) | 474 (66.0) | 489 (72.7) |');
    const cell = x.claims.find((c) => c.numerator === 244)!;
    expect([cell.denominator, cell.percent]).toEqual([718, '44.0']);
    expect(audit(x)).toContain(`percent-mismatch ${cell.id}`);
    // a row of means and SDs leaves an open pair open
    const means = md('| | A (n = 40) mean ± SD or n (%) | B (n = 40) mean ± SD or n (%) |\n|---|---|---|\n| Score | 12.5 ± 2.0 | 14 (3) |');
    expect(means.claims).toEqual([]);
  });

  it('uses sizes a note gives a row by group ("791 (male = 394, female = 397)"), its mark glued to the note', () => {
    const x = md('| | Full cohort (n = 1391) | Male (n = 718) | Female (n = 673) |\n|---|---|---|---|\n| Birth weight, g | 3492.8 ± 567.0 | 3574.7 ± 593.1 | 3405.8 ± 524.4 |\n| Head circumference, cm a | 34.2 ± 1.3 | 34.5 ± 1.3 | 33.8 ± 1.2 |\n\naSample size for head circumference was 791 (male = 394, female = 397)');
    expect(x.means.map((m) => m.n)).toEqual([1391, 718, 673, 791, 394, 397]);
    // groups the note names in another order than the columns: not used
    const swapped = md('| | Full cohort (n = 1391) | Male (n = 718) | Female (n = 673) |\n|---|---|---|---|\n| Head circumference, cm a | 34.2 ± 1.3 | 34.5 ± 1.3 | 33.8 ± 1.2 |\n\naSample size for head circumference was 791 (female = 397, male = 394)');
    expect(swapped.means.map((m) => m.n)).toEqual([1391, 718, 673]);
  });

  it('takes a "Participants (n)" row for the columns\' sizes', () => {
    const x = md('| | A | B |\n|---|---|---|\n| Participants (n) | 120 | 118 |\n| Sex | | |\n| Female | 60 (50.0) | 59 (50.0) |\n| Male | 60 (50.0) | 59 (50.0) |\n| Smoking | | |\n| Current | 30 (25.0) | 20 (16.9) |');
    expect(rows(x).map((r) => r[1])).toEqual([120, 118, 120, 118, 120, 118]);
  });
});

describe('tableClaims: percents named by their row, counts named by their column, a whole table as one variable', () => {
  it('reads "% (Number of participants)" cells against a caption\'s "total number of ... = 5,903"', () => {
    const x = md('**Table 2. Reasons (total number of participants with MD = 5,903)**\n\n| Reason | % (Number of participants) |\n|---|---|\n| Death | 18 (1,063) |\n| Illness | 6 (342) |\n| Other | 76 (4,498) |');
    expect(rows(x)).toEqual([[1063, 5903, '18', 'column'], [342, 5903, '6', 'column'], [4498, 5903, '76', 'column']]);
  });

  it('reads "8.5% (n = 5)" cells against the column\'s size', () => {
    const x = md('| | Withdrawn early (n = 59) | Withdrawn later (n = 226) |\n|---|---|---|\n| Death | 8.5% (n = 5) | 38.5% (n = 87) |\n| Other | 6.8% (n = 4) | 7.0% (n = 16) |');
    expect(rows(x)).toEqual([[5, 59, '8.5', 'column'], [87, 226, '38.5', 'column'], [4, 59, '6.8', 'column'], [16, 226, '7.0', 'column']]);
    expect(audit(x)).toContain(`percent-mismatch ${x.claims[3]!.id}`);
  });

  it('takes a whole number in a row named "(%)" for a percent, but not in an "n (%)" row', () => {
    const x = md('| | Cohort | Cases |\n|---|---|---|\n| N | 18233 | 487 |\n| Never smoked (%) | 37 | 36 |\n| Deaths, n (%) | 0 | 3 (0.6) |');
    expect(rows(x)).toEqual([[undefined, 18233, '37', 'column'], [undefined, 487, '36', 'column'], [3, 487, '0.6', 'column']]);
  });

  it('reads a table of levels with a catch-all level as one variable, so its counts must add up to N', () => {
    const table = (last: string) => md(`| Reason | n (%) (N = 5903) |\n|---|---|\n| Death | 1063 (18.0) |\n| Illness | 342 (5.8) |\n| Unclassified | 3158 (53.5) |\n| ${last} | 1339 (22.7) |`);
    const x = table('Not reported');
    expect(x.partitions.map((p) => [p.total, p.difference])).toEqual([[5903, -1]]);
    expect(audit(x)).toContain(`count-sum-mismatch ${x.partitions[0]!.id}`);
    expect(x.notes.join(' ')).toMatch(/levels of one variable/);
    // without a catch-all level the rows may be separate items: no partition
    expect(table('Adverse events').partitions).toEqual([]);
  });

  it('reads a "Mean | SD" pair as a mean even where its row is a percentage ("Body fat (%)")', () => {
    const x = md('| | Boys (n = 2866) | |\n|---|---|---|\n| Variable | Mean | SD |\n| Body fat (%) | 27.1 | 9.1 |');
    expect(x.means.map((m) => [m.mean, m.sd, m.n])).toEqual([['27.1', '9.1', 2866]]);
    expect(x.claims).toEqual([]);
  });
});

describe('tableClaims: cells that are not what their column says', () => {
  it('leaves a whole-number pair in a measurement row unresolved when it fits no size as a count and percent', () => {
    const x = md('| | Treated (n = 120), n (%) | Control (n = 118), n (%) |\n|---|---|---|\n| Age (years) | 45 (12) | 47 (11) |\n| Female | 54 (45.0) | 50 (42.4) |\n| Smokers | 30 (26.0) | 29 (24.6) |');
    expect(rows(x)).toEqual([[54, 120, '45.0', 'column'], [50, 118, '42.4', 'column'], [30, 120, '26.0', 'column'], [29, 118, '24.6', 'column']]);
    expect(x.unresolved.filter((u) => /measurement/.test(u.reason)).map((u) => u.text)).toEqual(['45 (12)', '47 (11)']);
    // a misprinted level of a variable ("≥65 years") is still a claim, and reported
    const level = md('| | Treated (n = 120), n (%) |\n|---|---|\n| Age group | |\n| <65 years | 84 (70.0) |\n| ≥65 years | 36 (35.0) |');
    expect(rows(level).map((r) => r[0])).toEqual([84, 36]);
  });
});

describe('tableClaims: shares of another row that a note names', () => {
  const table = (note: string) =>
    md(`| | | Trial A | Trial B |\n|---|---|---|---|\n| Safety set (n) | | 400 | 300 |\n| Stopped treatment (n, %) | Total | 60 (15) | 30 (10) |\n| Reason (n, %) | Adverse events | 24 (40)a | 12 (40)a |\n| | Efficacy | 18 (31)a | 9 (30)a |\n| Lost to follow-up | | 8 (2) | 6 (2) |\n\n${note}`);

  it('reads a cell marked for a note "Of total number of patients having stopped treatment" against that row', () => {
    const x = table('aOf total number of patients having stopped treatment.');
    expect(rows(x)).toEqual([[60, 400, '15', 'column'], [30, 300, '10', 'column'], [24, 60, '40', 'another-row'], [12, 30, '40', 'another-row'], [18, 60, '31', 'another-row'], [9, 30, '30', 'another-row'], [8, 400, '2', 'column'], [6, 300, '2', 'column']]);
    // 18 of 60 is 30%, not 31%: reported against the row the note names
    expect(audit(x)).toContain(`percent-mismatch ${x.claims[4]!.id}`);
  });

  it('leaves such a cell unresolved when no row of the table is the one the note names', () => {
    const x = table('aOf patients who completed the first year.');
    expect(x.claims.filter((c) => /Adverse|Efficacy/.test(c.label))).toEqual([]);
    expect(x.unresolved.filter((u) => /note says whose share/.test(u.reason))).toHaveLength(4);
  });
});

describe('tableClaims: row totals printed as counts, and columns of missing counts', () => {
  it('reads row percentages of a Total column of bare counts, reports a misprint, and proposes no partition of the column', () => {
    const x = md('| | | Cured N (%) | Completed N (%) | Died N (%) | Total |\n|---|---|---|---|---|---|\n| Sex | Male | 151 (17.8) | 598 (70.3) | 101 (11.9) | 850 |\n| | Female | 107 (16.2) | 475 (71.9) | 79 (12.0) | 661 |\n| Age | ≤ 14 | 5 (5.5) | 84 (92.3) | 2 (2.2) | 91 |\n| | 15-24 | 93 (13.3) | 273 (68.4) | 33 (8.3) | 399 |');
    expect(x.claims.every((c) => c.denominatorBasis === 'row-total')).toBe(true);
    expect(x.claims.map((c) => c.denominator)).toEqual([850, 850, 850, 661, 661, 661, 91, 91, 91, 399, 399, 399]);
    const found = audit(x);
    // 598 of 850 is 70.4%; 93 of 399 is 23.3%
    expect(found).toContain(`percent-mismatch ${x.claims[1]!.id}`);
    expect(found).toContain(`percent-mismatch ${x.claims[9]!.id}`);
    expect(found.filter((f) => f.startsWith('count-sum-mismatch'))).toEqual([]);
  });

  it('takes an "Nmiss" column for missing counts: its heading row opens a variable, and a row with missing values is never proved wrong by the column\'s N', () => {
    const x = md('| | Nmiss | Women (n = 13,980) | | Men (n = 8233) | |\n|---|---|---|---|---|---|\n| | | N | % | N | % |\n| Asthma | 67 | 2382 | 17.1% | 1193 | 14.5% |\n| Smoking: | 19 | | | | |\n| Never | | 9155 | 65.6% | 4063 | 49.4% |\n| Former | | 3903 | 27.9% | 3556 | 43.2% |\n| Current | | 908 | 6.5% | 609 | 7.4% |');
    expect(x.claims.find((c) => c.numerator === 9155)?.denominator).toBe(13966);
    expect(x.claims.some((c) => c.numerator === 2382)).toBe(false);
    expect(x.claims.find((c) => c.numerator === 1193)?.denominator).toBe(8233);
    expect(audit(x).filter((f) => !f.startsWith('percent-ok'))).toEqual([]);
  });
});

describe('tableClaims: misprints the reader reports, and says how sure it is', () => {
  it('joins "# of Subjects | % of Subjects" and "Frequency | Percent (%)" columns', () => {
    const x = tableClaims(readTables('<table><thead><tr><th></th><th colspan="3">DMQ (n = 58)</th><th colspan="3">Placebo (n = 57)</th></tr><tr><th>Adverse event</th><th># of Events</th><th># of Subjects</th><th>% of Subjects</th><th># of Events</th><th># of Subjects</th><th>% of Subjects</th></tr></thead><tbody><tr><td>Mild</td><td>52</td><td>15</td><td>26%</td><td>32</td><td>10</td><td>18%</td></tr><tr><td>Severe</td><td>2</td><td>2</td><td>3%</td><td>3</td><td>3</td><td>5%</td></tr></tbody></table>', { format: 'html' })[0]!);
    expect(rows(x)).toEqual([[15, 58, '26', 'column'], [10, 57, '18', 'column'], [2, 58, '3', 'column'], [3, 57, '5', 'column']]);
    const y = md('| Characteristics | Categories | Frequency | Percent (%) |\n|---|---|---|---|\n| Sex | Male | 109 | 46.4 |\n| | Female | 126 | 53.6 |\n| Age | < 60 | 120 | 51.1 |\n| | ≥ 60 | 115 | 48.9 |');
    expect(rows(y).map((r) => `${r[0]}/${r[1]} ${r[2]}`)).toEqual(['109/235 46.4', '126/235 53.6', '120/235 51.1', '115/235 48.9']);
  });

  it('reports a percent that misses a size no cell prints when its own variable\'s levels add up to that size, and says the size is inferred', () => {
    const x = md('| Variable | Category | Frequency | Percent |\n|---|---|---|---|\n| Age | 16-20 | 35 | 9.9 |\n| | 21-35 | 289 | 81.4 |\n| | 36+ | 31 | 8.7 |\n| Region | A | 8 | 2.2 |\n| | B | 137 | 38.5 |\n| | C | 210 | 59.2 |');
    const misfit = x.claims.filter((c) => c.denominatorNote !== undefined);
    expect(misfit.map((c) => `${c.numerator}/${c.denominator} ${c.percent} ${c.denominatorSource}`)).toEqual(['8/355 2.2 assumed', '137/355 38.5 assumed']);
    expect(misfit[0]!.denominatorNote).toMatch(/levels add up to it/);
    expect(audit(x)).toContain(`percent-mismatch ${misfit[0]!.id}`);
    // the same misfit in a one-row variable stays unresolved: nothing but the other cells says 355
    const lone = md('| Variable | Category | Frequency | Percent |\n|---|---|---|---|\n| Age | 16-20 | 35 | 9.9 |\n| | 21-35 | 289 | 81.4 |\n| | 36+ | 31 | 8.7 |\n| Smoker | Yes | 8 | 2.2 |');
    expect(lone.claims.some((c) => c.numerator === 8)).toBe(false);
    expect(lone.unresolved.map((u) => u.text)).toContain('8 | 2.2');
  });

  it('checks the levels above a "Total" row against it, whatever their percents, but not levels that overlap', () => {
    const x = md('| Variables | Number | Percentage |\n|---|---|---|\n| Comorbidity | | |\n| Diabetes | 277 | 61.1 |\n| Hypertension | 266 | 58.7 |\n| Total | 453 | 100 |\n| Residence | | |\n| Urban | 277 | 61.1 |\n| Rural | 166 | 36.6 |\n| Total | 453 | 100 |');
    expect(x.partitions.map((p) => [p.total, p.difference])).toEqual([[453, -10]]);
    expect(audit(x)).toContain(`count-sum-mismatch ${x.partitions[0]!.id}`);
  });

  it('takes an "n" column before "n (%)" cells for each row\'s own denominator', () => {
    const x = md('| | n | Value |\n|---|---|---|\n| Smoker, n (%) | 70 | 20 (28.6) |\n| Diabetes, n (%) | 80 | 10 (12.5) |\n| Obese, n (%) | 60 | 15 (30.0) |');
    expect(rows(x)).toEqual([[20, 70, '28.6', 'row'], [10, 80, '12.5', 'row'], [15, 60, '30.0', 'row']]);
    expect(audit(x)).toContain(`percent-mismatch ${x.claims[2]!.id}`);
  });

  it('knows marital status and residence are exclusive, so their counts must add up to N even when their percents do not', () => {
    const x = md('| | All (n = 235) |\n|---|---|\n| Marital status | |\n| Unmarried | 25 (10.6) |\n| Married | 135 (57.4) |\n| Divorced | 23 (9.8) |\n| Widowed | 62 (26.4) |');
    expect(x.partitions.map((p) => [p.total, p.difference])).toEqual([[235, 10]]);
    expect(audit(x)).toContain(`count-sum-mismatch ${x.partitions[0]!.id}`);
  });

  it('does not add up the percents of a row\'s groups against its Total cell: each is a share of its own column', () => {
    const x = md('| | Male (n = 60) | Female (n = 40) | Total (n = 100) |\n|---|---|---|---|\n| Cured, n (%) | 30 (50.0) | 25 (62.5) | 55 (55.0) |\n| Died, n (%) | 10 (16.7) | 5 (12.5) | 15 (15.0) |');
    expect(x.partitions.map((p) => p.difference)).toEqual([0, 0]);
    expect(audit(x)).toEqual([]);
  });
});

describe('tableClaims: row percentages with no Total column, sizes a row label above states', () => {
  const survivors = (misprint: string) => `| | Survivors, n = 328 | Non-survivors, n = 25 |
|---|---|---|
| Male sex, n (%) | 167 (93.30) | 12 (6.70) |
| Diabetes, n (%) | 55 (77.46) | 16 (22.54) |
| Hypertension, n (%) | 84 (84.00) | 16 (16.00) |
| Low albumin, n (%) | ${misprint} |`;

  it('reads each row\'s cells as shares of the row\'s counts added up, when three rows or more read so', () => {
    const x = md(survivors('112 (86.15) | 18 (13.85)'));
    expect(rows(x)).toEqual([[167, 179, '93.30', 'row-sum'], [12, 179, '6.70', 'row-sum'], [55, 71, '77.46', 'row-sum'], [16, 71, '22.54', 'row-sum'], [84, 100, '84.00', 'row-sum'], [16, 100, '16.00', 'row-sum'], [112, 130, '86.15', 'row-sum'], [18, 130, '13.85', 'row-sum']]);
    expect(x.claims.every((c) => c.denominatorSource === 'assumed' && /add up to/.test(c.denominatorNote ?? ''))).toBe(true);
    expect(audit(x)).toEqual([]);
  });

  it('reads the pairs of a row under "Age, median (IQR)" as counts when they fit the row\'s sum in such a table', () => {
    const x = md(survivors('112 (86.15) | 18 (13.85)').replace('| Male sex, n (%) |', '| Age in yr, median (IQR) | | |\n| < 40 | 178 (98.89) | 2 (1.11) |\n| Male sex, n (%) |'));
    expect(rows(x).slice(0, 2)).toEqual([[178, 180, '98.89', 'row-sum'], [2, 180, '1.11', 'row-sum']]);
    // where the table is not one of row percentages, such a pair stays open
    const open = md('| | A, n = 328 | B, n = 25 |\n|---|---|---|\n| Age in yr, median (IQR) | | |\n| < 40 | 178 (98.89) | 2 (1.11) |');
    expect(open.claims).toEqual([]);
    expect(open.unresolved.length).toBe(2);
  });

  it('still reports a row that fits neither its sum nor its columns, against its column', () => {
    const x = md(survivors('112 (80.15) | 18 (19.85)'));
    const bad = x.claims.filter((c) => c.label.startsWith('Low albumin'));
    expect(bad.map((c) => c.denominatorBasis)).toEqual(['column', 'column']);
    expect(audit(x).filter((f) => f.startsWith('percent-'))).toEqual(bad.flatMap((c) => [`percent-impossible ${c.id}`, `percent-mismatch ${c.id}`]));
  });

  it('does not read two rows that add up to 100% as row percentages: that may be chance', () => {
    const x = md('| | A, n = 328 | B, n = 25 |\n|---|---|---|\n| Male sex, n (%) | 167 (93.30) | 12 (6.70) |\n| Diabetes, n (%) | 55 (77.46) | 16 (22.54) |\n| Smoker, n (%) | 100 (30.49) | 5 (20.00) |');
    expect(x.claims.every((c) => c.denominatorBasis === 'column')).toBe(true);
  });

  it('takes the size a row label above states for the rows under it that fit it and not their column', () => {
    const x = md(`| | Control n = 30 | Study n = 30 |
|---|---|---|
| GI (six edentulous patients excluded, i.e., n = 24) | 0.74 ± 0.2 | 0.83 ± 0.86 |
| Without gingivitis, n (%) | 15 (50.00) | 8 (33.33) |
| Mild gingivitis, n (%) | 8 (33.33) | 9 (37.50) |`);
    expect(rows(x)).toEqual([[15, 30, '50.00', 'column'], [8, 24, '33.33', 'stated-above'], [8, 24, '33.33', 'stated-above'], [9, 24, '37.50', 'stated-above']]);
    expect(audit(x).filter((f) => /percent-impossible/.test(f))).toEqual([]);
  });
});

describe('tableClaims: levels exclusive in one column are exclusive in all', () => {
  it('checks levels whose percents pass 100 against N when another column\'s counts of them add up to its N', () => {
    const table = (non: string) => `| | Total (n = 62) | Non-participants (n = 31) |
|---|---|---|
| Site | | |
| Pharynx | 48 (77%) | 25 (81%) |
| Oral cavity | 10 (16%) | ${non} |
| Other | 4 (6%) | 2 (6%) |`;
    const over = md(table('5 (16%)'));
    expect(over.partitions.map((p) => [p.total, p.difference])).toEqual([[62, 0], [31, 1]]);
    expect(over.notes.join(' ')).toMatch(/add up to its N exactly, so they are exclusive/);
    expect(audit(over)).toContain(`count-sum-mismatch ${over.partitions[1]!.id}`);
    // without a column that adds up exactly, levels past 100% stay "not exclusive"
    const open = md(table('5 (16%)').replace('| 4 (6%) |', '| 3 (5%) |'));
    expect(open.partitions.map((p) => p.total)).toEqual([]);
    expect(open.notes.join(' ')).toMatch(/not exclusive/);
  });

  it('takes the first levels that add up to the Total column\'s N for the variable, the unindented rows after them not', () => {
    const x = md(`| | Total (n = 62) | Non-participants (n = 31) |
|---|---|---|
| Site | | |
| Pharynx | 48 (77%) | 25 (81%) |
| Oral cavity | 10 (16%) | 5 (16%) |
| Other | 4 (6%) | 2 (6%) |
| Clinical stage III–IV | 51 (82%) | 27 (87%) |`);
    expect(x.partitions.map((p) => [p.total, p.parts.length, p.difference])).toEqual([[31, 3, 1]]);
    expect(x.notes.join(' ')).toMatch(/its first 3 levels add up to its N exactly/);
  });

  it('does not take one column other than the Total adding up exactly for proof that the levels are exclusive', () => {
    const x = md(`| | A (n = 60) | B (n = 31) |
|---|---|---|
| Comorbidities | | |
| Diabetes | 30 (50%) | 25 (81%) |
| Hypertension | 30 (50%) | 10 (32%) |
| Kidney disease | 10 (17%) | 2 (6%) |`);
    expect(x.partitions).toEqual([]);
    expect(audit(x).filter((f) => f.startsWith('count-sum'))).toEqual([]);
  });
});

describe('tableClaims: percents printed without their sign', () => {
  it('reads a variable\'s bare whole numbers as percents when the notes say the table prints percentages and they add up to 100', () => {
    const table = (notes: string, male: string) => readTables(`<figure><table><thead><tr><th></th><th>EG (n = 47)</th><th>CG (n = 53)</th></tr></thead><tbody>
<tr><td>Age (years)</td><td>72.7 (5.2)</td><td>72.2 (6.6)</td></tr>
<tr><td>Gender</td><td></td><td></td></tr><tr><td>Male</td><td>${male}</td><td>23</td></tr><tr><td>Female</td><td>83</td><td>77</td></tr>
</tbody></table><p>${notes}</p></figure>`, { format: 'html' })[0]!;
    const x = tableClaims(table('Data presented as percentages and mean (SD).', '17'));
    expect(rows(x)).toEqual([[undefined, 47, '17', 'column'], [undefined, 53, '23', 'column'], [undefined, 47, '83', 'column'], [undefined, 53, '77', 'column']]);
    // counts, or percents the notes do not name, or numbers that do not add up to 100, stay what they are
    expect(tableClaims(table('Data presented as n and mean (SD).', '17')).claims).toEqual([]);
    expect(tableClaims(table('Data presented as percentages and mean (SD).', '27')).claims).toEqual([]);
  });

  it('reads "62% male, 38% female" as two percents of the column', () => {
    const x = md('| | All participants (n = 555) | Women (n = 208) | Men (n = 347) |\n|---|---|---|---|\n| Sex | 62% male, 38% female | — | — |');
    expect(x.claims.map((c) => [c.label, c.denominator, c.percent])).toEqual([['Sex / All participants (n = 555) (male)', 555, '62'], ['Sex / All participants (n = 555) (female)', 555, '38']]);
  });
});

describe('tableClaims: levels named twice', () => {
  it('proposes no partition for levels named twice (two variables run together when a heading is lost)', () => {
    const x = md('| Variables | n (%) |\n|---|---|\n| Quality assessed | |\n| Yes | 221 (73.4) |\n| No | 80 (26.6) |\n| Yes | 86 (28.6) |\n| No | 215 (71.4) |');
    expect(x.partitions).toEqual([]);
    expect(x.notes.join(' ')).toMatch(/named twice/);
    expect(audit(x).filter((f) => f.startsWith('count-sum'))).toEqual([]);
  });
});

describe('tableClaims: percents whose count is another column\'s size', () => {
  it('takes "62% male" in the whole\'s column for the men of the "Men (n = 347)" column, and says so', () => {
    const x = md('| | All participants (n = 555) | Women (n = 208) | Men (n = 347) |\n|---|---|---|---|\n| Sex | 63% male, 37% female | — | — |\n| Men, % | 62 | 0 | 100 |');
    expect(x.claims.filter((c) => c.numeratorFrom).map((c) => [c.numerator, c.denominator, c.percent, c.numeratorFrom])).toEqual([[347, 555, '63', 'Men (n = 347)'], [208, 555, '37', 'Women (n = 208)'], [347, 555, '62', 'Men (n = 347)']]);
    expect(x.claims[0]!.denominatorNote).toMatch(/the count, 347, is the size of the column "Men \(n = 347\)"/);
    expect(audit(x).filter((f) => f.startsWith('percent-mismatch'))).toEqual([`percent-mismatch ${x.claims.find((c) => c.percent === '62')!.id}`]);
  });

  it('joins "n | %" cells under one group heading with no "n" or "%" heading of their own', () => {
    const html = `<table><thead><tr><th></th><th colspan="2">The Lancet (n = 51)</th><th colspan="2">NEJM (n = 67)</th></tr></thead><tbody>
      <tr><td>Type of Intervention</td><td></td><td></td><td></td><td></td></tr>
      <tr><td>Drug</td><td>19</td><td>37%</td><td>47</td><td>70%</td></tr>
      <tr><td>Surgical</td><td>9</td><td>18%</td><td>13</td><td>19%</td></tr>
      <tr><td>Other</td><td>23</td><td>45%</td><td>7</td><td>10%</td></tr></tbody></table>`;
    const x = tableClaims(readTables(html, { format: 'html' })[0]!);
    expect(rows(x)).toEqual([[19, 51, '37', 'column'], [47, 67, '70', 'column'], [9, 51, '18', 'column'], [13, 67, '19', 'column'], [23, 51, '45', 'column'], [7, 67, '10', 'column']]);
  });

  it('reads two cells under a count printed above them, which fit it and not the column, as its shares', () => {
    const x = md('| Items | English (n=29,%) |\n|---|---|\n| Type of the primary outcome | |\n| Reported | 27 (93.1) |\n| Yes, patient-reported | 20 (74.1) |\n| Yes, laboratory | 7 (25.9) |\n| Unclear | 2 (6.9) |');
    expect(rows(x).map((r) => r.slice(0, 2))).toEqual([[27, 29], [20, 27], [7, 27], [2, 29]]);
    expect(audit(x)).toEqual([]);
  });
});
