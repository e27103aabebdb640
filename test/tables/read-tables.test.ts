import { describe, expect, it } from 'vitest';
import { readTables } from '../../src/tables/read-tables.js';
import { cellName } from '../../src/tables/table.js';
import { tableClaims } from '../../src/tables/table-claims.js';

describe('readTables: HTML', () => {
  it('expands rowspan and colspan, keeps header rows, caption and notes', () => {
    const html = `<table><caption>Table 2 (n = 60)</caption>
      <thead><tr><th rowspan="2">Type</th><th colspan="2">2013</th></tr><tr><th>n (%)</th><th>p</th></tr></thead>
      <tbody><tr><td rowspan="2">Spastic</td><td>30 (50.0)</td><td rowspan="2">0.2</td></tr><tr><td>12 (20.0)</td></tr></tbody>
      <tfoot><tr><td colspan="3">Data are n (%).</td></tr></tfoot></table>`;
    const [t] = readTables(html, { format: 'html' });
    expect(t!.grid).toEqual([
      ['Type', '2013', '2013'],
      ['Type', 'n (%)', 'p'],
      ['Spastic', '30 (50.0)', '0.2'],
      ['Spastic', '12 (20.0)', ''],
    ]);
    expect(t!.headerRows).toBe(2);
    expect(t!.columnLabels).toEqual(['Type', '2013 / n (%)', '2013 / p']);
    expect(t!.caption).toBe('Table 2 (n = 60)');
    expect(t!.notes).toBe('Data are n (%).');
    expect(cellName(t!, 2, 1)).toBe('Spastic / 2013 / n (%)');
  });

  it('takes the caption and notes of an enclosing figure, and leaves nested tables their own', () => {
    const html = `<figure><figcaption>Table 1. Outcomes</figcaption><table><tr><th></th><th>All (n=10)</th></tr>
      <tr><td>Improved</td><td>7 (70%)<table><tr><td>inner</td></tr></table></td></tr></table><p>*One missing.</p></figure>`;
    const tables = readTables(html);
    const outer = tables.find((t) => t.grid.length === 2)!;
    expect(outer.caption).toBe('Table 1. Outcomes');
    expect(outer.notes).toBe('*One missing.');
    expect(outer.grid[1]).toEqual(['Improved', '7 (70%)']);
    expect(tables).toHaveLength(2);
  });

  it('reads a row of <th> cells as the header when there is no <thead>, and decodes entities', () => {
    const [t] = readTables('<table><tr><th>&nbsp;</th><th>Men&nbsp;(n&nbsp;=&nbsp;12)</th></tr><tr><td>&nbsp;&nbsp;Smokers</td><td>3 (25%)</td></tr></table>');
    expect(t!.headerRows).toBe(1);
    expect(t!.columnLabels[1]).toBe('Men (n = 12)');
    expect(t!.rowLabels[1]).toBe('Smokers');
    expect(t!.indents[1]).toBe(2);
  });

  it('stays linear on deep nesting and huge spans', () => {
    const time = (depth: number) => {
      const html = `${'<div><span>'.repeat(depth)}<table><tr><td>a</td><td colspan="999999">1 (2%)</td></tr></table>${'</b>'.repeat(depth)}`;
      const start = performance.now();
      const [t] = readTables(html, { format: 'html' });
      expect(t!.grid[0]!.length).toBe(1001); // spans are capped at 1000 slots
      return performance.now() - start;
    };
    time(2000);
    const small = Math.min(time(20000), time(20000));
    const large = Math.min(time(80000), time(80000));
    // four times the input may take about four times as long, never sixteen
    expect(large / small).toBeLessThan(10);
  });
});

describe('readTables: Markdown, CSV, TSV and text', () => {
  it('reads pipe tables with their caption, indents and notes', () => {
    const md = '**Table 3.** Case mix\n\n| Type | Boys (n = 40) |\n|:---|---:|\n| Sex, n (%) | |\n|   Male | 22 (55.0) |\n\n*Percent of column.';
    const [t] = readTables(md);
    expect(t!.caption).toBe('Table 3. Case mix');
    expect(t!.grid).toEqual([['Type', 'Boys (n = 40)'], ['Sex, n (%)', ''], ['Male', '22 (55.0)']]);
    expect(t!.indents[2]).toBe(2);
    expect(t!.notes).toBe('*Percent of column.');
  });

  it('reads CSV with quotes and TSV', () => {
    const [c] = readTables('Group,"Treated (n = 1,204)"\n"Women, n (%)","600 (49.8)"\n', { format: 'csv' });
    expect(c!.grid).toEqual([['Group', 'Treated (n = 1,204)'], ['Women, n (%)', '600 (49.8)']]);
    const [t] = readTables('Group\tAll (n = 8)\nImproved\t6 (75%)\n');
    expect(t!.columnLabels).toEqual(['Group', 'All (n = 8)']);
  });

  it('reads text tables aligned by spaces, and rows of a label followed by values', () => {
    const text = 'Some prose first.\n\nTable 1. Baseline\n                 Drug (n = 20)   Placebo (n = 19)\nFemale           11 (55.0)       9 (47.4)\nAge, mean (SD)   41.2 (8.1)      40.9 (9.3)\n\nMore prose.';
    const [t] = readTables(text, { format: 'text' });
    expect(t!.caption).toBe('Table 1. Baseline');
    expect(t!.columnLabels).toEqual(['', 'Drug (n = 20)', 'Placebo (n = 19)']);
    expect(t!.grid[2]).toEqual(['Age, mean (SD)', '41.2 (8.1)', '40.9 (9.3)']);
    const [v] = readTables('Gender\nMale 208 (46.4%) 53 (54.1%)\n12 years + 88 (19.6%) 23 (23.5%)\n', { format: 'text' });
    expect(v!.grid).toEqual([['Gender', '', ''], ['Male', '208 (46.4%)', '53 (54.1%)'], ['12 years +', '88 (19.6%)', '23 (23.5%)']]);
  });

  it('rejects what it cannot read with the argument named', () => {
    expect(() => readTables(42 as unknown as string)).toThrow(/input/);
    expect(() => readTables('x', { format: 'pdf' as 'html' })).toThrow(/format must be one of/);
  });
});

describe('readTables: a Markdown header on two lines', () => {
  it('reads a first body line of statistic names as the header\'s second line, its headings spanning their empty neighbours', () => {
    const [t] = readTables('| Characteristic | Group A (n = 123) | | Group B (n = 124) | |\n|---|---|---|---|---|\n| | n | % | n | % |\n| Male | 72 | 58.5 | 81 | 65.3 |', { format: 'markdown' });
    expect(t!.headerRows).toBe(2);
    expect(t!.columnLabels.slice(1)).toEqual(['Group A (n = 123) / n', 'Group A (n = 123) / %', 'Group B (n = 124) / n', 'Group B (n = 124) / %']);
    // a first body line with a label is data, whatever it holds
    const [u] = readTables('| | A | B |\n|---|---|---|\n| n | 12 | 10 |', { format: 'markdown' });
    expect(u!.headerRows).toBe(1);
  });
});

describe('readTables: text laid out in columns (as pdf.js text positions give it)', () => {
  const page = [
    '  Characteristic            Study cohort (n = 50)          Reference (n = 30)',
    '                            Event         No event         Event        No event',
    '  Number of patients        20.0% (10)    80.0% (40)       10.0% (3)    90.0% (27)',
    '  Male                      70.0% (7)     45.0% (18)       66.7% (2)    44.4% (12)',
    '',
    '  1. Values are % (n). * missing data: 2.',
  ].join('\n');

  it('gives a heading over several columns to each of them, and keeps the notes below', () => {
    const [t] = readTables(page, { format: 'text' });
    expect(t!.columnLabels.slice(1)).toEqual(['Study cohort (n = 50) / Event', 'Study cohort (n = 50) / No event', 'Reference (n = 30) / Event', 'Reference (n = 30) / No event']);
    expect(t!.notes).toBe('1. Values are % (n). * missing data: 2.');
  });

  it('does not spread a heading that has its own column on every line', () => {
    const [t] = readTables('  Group                     Treated (n = 120)     Control (n = 118)\n  Improved                  54 (45.0)             40 (33.9)\n  Worse                     6 (5.0)               9 (7.6)', { format: 'text' });
    expect(t!.columnLabels.slice(1)).toEqual(['Treated (n = 120)', 'Control (n = 118)']);
  });

  it('keeps a row whose long label holds a full stop when rows of values follow it, and still cuts the notes set right under the rows', () => {
    const text = [
      '  Characteristic                                   Treated (n = 120)     Control (n = 118)',
      '  Improved                                         54 (45.0)             40 (33.9)',
      '  Worse                                            6 (5.0)               9 (7.6)',
      '  Seen again after discharge within 30 days. Yes   60 (50.0)             58 (49.2)',
      '  Seen again after discharge within 30 days. No    60 (50.0)             60 (50.8)',
      '  Data are n (%) of the patients in each arm. Percentages may not total 100.',
    ].join('\n');
    const [t] = readTables(text, { format: 'text' });
    expect(t!.rowLabels.slice(t!.headerRows)).toEqual(['Improved', 'Worse', 'Seen again after discharge within 30 days. Yes', 'Seen again after discharge within 30 days. No']);
    expect(t!.notes).toBe('Data are n (%) of the patients in each arm. Percentages may not total 100.');
  });

  it('reads a heading wrapped inside its parenthesis, as a PDF sets a narrow column, as one heading', () => {
    const text = ['                  Dexamethasone 12 mg      Dexamethasone 6 mg', 'Variable          (n =                     (n =', '                  497)                     485)', 'Denmark           251 (50.5%)              234 (48.2%)', 'Sweden            40 (8%)                  39 (8%)'].join('\n');
    const [t] = readTables(text, { format: 'text' });
    expect(t!.columnLabels.slice(1)).toEqual(['Dexamethasone 12 mg / (n = 497)', 'Dexamethasone 6 mg / (n = 485)']);
    expect(tableClaims(t!).claims.map((c) => [c.numerator, c.denominator, c.denominatorBasis])).toEqual([[251, 497, 'column'], [234, 485, 'column'], [40, 497, 'column'], [39, 485, 'column']]);
  });
});


describe('text tables: columns that only some rows print', () => {
  it('keeps a p-value printed on a variable\'s heading row in a column of its own', () => {
    const text = [
      '                     INT (n = 1373)      COMP (n = 1238)         P value',
      '  Sex                                                            0.199',
      '   Boys              700 (51.0)          600 (48.5)',
      '   Girls             673 (49.0)          638 (51.5)',
      '  Locality                                                       < 0.001',
      '   Urban             965 (70.3)          741 (59.9)',
      '   Rural             408 (29.7)          497 (40.1)',
    ].join('\n');
    const [t] = readTables(text, { format: 'text' });
    expect(t!.columnLabels.slice(1)).toEqual(['INT (n = 1373)', 'COMP (n = 1238)', 'P value']);
    expect(t!.grid[t!.headerRows]!.slice(1)).toEqual(['', '', '0.199']);
    expect(t!.grid[t!.headerRows + 1]!.slice(1)).toEqual(['700 (51.0)', '600 (48.5)', '']);
  });

  it('joins an "SD" column to the "Mean" column on its left when the group heading stands over the mean only', () => {
    const text = [
      '                   Boys (n 2866)            Girls (n 2429)',
      '  Variable         Mean or %      sd        Mean or %      sd',
      '  Age (years)      8.8            1.4       8.8            1.4',
      '  Weight (kg)      32.4           9.4       30.7           9.1',
      '  Obesity          12.7           –         4.1            –',
    ].join('\n');
    const x = tableClaims(readTables(text, { format: 'text' })[0]!);
    expect(x.means.map((m) => [m.mean, m.sd, m.n])).toEqual([['8.8', '1.4', 2866], ['8.8', '1.4', 2429], ['32.4', '9.4', 2866], ['30.7', '9.1', 2429]]);
    expect(x.claims.map((c) => [c.denominator, c.percent])).toEqual([[2866, '12.7'], [2429, '4.1']]);
  });
});

describe('text tables: a PDF page\'s gaps, captions and notes', () => {
  const page = [
    'Table 2. Reported reasons for MD (total number of participants with MD = 5,903)',
    '',
    '  Reason                           % (Number of participants)',
    '  Death                            18 (1,063)',
    '  Illness/disease progression      6 (342)',
    '  Adverse effects/events           2 (112)',
    '  Unclassified[a]                  53 (3,158)',
    '',
    '  Other                            6 (371)',
    '  Not reported                     15 (856)',
    '  Abbreviation: MD, missing data.',
  ].join('\n');

  it('takes a caption set apart by a blank line, rows after a gap with no header of their own, and lines with no values at the end as notes', () => {
    const tables = readTables(page, { format: 'text' });
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t!.caption).toMatch(/^Table 2\. Reported reasons/);
    expect(t!.rowLabels.slice(t!.headerRows)).toEqual(['Death', 'Illness/disease progression', 'Adverse effects/events', 'Unclassified[a]', 'Other', 'Not reported']);
    expect(t!.notes).toBe('Abbreviation: MD, missing data.');
    const x = tableClaims(t!);
    expect(x.claims.map((c) => c.denominator)).toEqual([5903, 5903, 5903, 5903, 5903, 5903]);
    expect(x.partitions.map((p) => p.difference)).toEqual([-1]);
  });

  it('takes a paragraph after a blank line as the notes when it explains a mark the cells carry', () => {
    const rows = ['  Variable                 Intervention n = 637     UC n = 1,097', '  Current smoking, n (%)   96 (15.3)¶               165 (15.1)', '  Alcohol use, n (%)       68 (10.8)                145 (13.3)'];
    const [t] = readTables([...rows, '', '  None of these data were imputed. ¶Six to eight missing observations.'].join('\n'), { format: 'text' });
    expect(t!.notes).toBe('None of these data were imputed. ¶Six to eight missing observations.');
    // the cell's own denominator is not known: no claim of 96 out of 637 to find impossible
    expect(tableClaims(t!).claims.some((c) => c.numerator === 96)).toBe(false);
    // a paragraph that explains no mark of the table is not its notes
    const [u] = readTables([...rows, '', '  None of these data were imputed. §Four missing observations.'].join('\n'), { format: 'text' });
    expect(u!.notes).toBeUndefined();
  });

  it('takes a caption that ends in a number ("Table 1.") for the caption, not for a row, so the header under it is read', () => {
    const [t] = readTables(['  Table 1.', '  Clinical characteristics   Total, n=555   Wuhan, n=138   Shenzhen, n=417', '  Men, no. (%)               269 (48)       71 (51)        198 (47)', '  Mild                       12 (2)         0 (0)          12 (3)'].join('\n'), { format: 'text' });
    expect(t!.caption).toBe('Table 1.');
    expect(t!.headerRows).toBe(1);
    expect(tableClaims(t!).claims.map((c) => c.denominator)).toEqual([555, 138, 417, 555, 138, 417]);
  });

  it('reads a caption set over two lines as the caption, its second line ending in a size no row of the table', () => {
    const text = [
      '  Table 1. Basic characteristics of participants: schoolchildren aged 7–11 years, 2014–',
      '  2015 (n 5295)',
      '                    Overall (n 5295)   Boys (n 2866)   Girls (n 2429)',
      '   Weight (kg)      31·6 (9·3)         32·4 (9·4)      30·7 (9·1)',
      '   Height (cm)      136·4 (10·3)       136·2 (9·8)     136·6 (10·8)',
    ].join('\n');
    const [t] = readTables(text, { format: 'text' });
    expect(t!.caption).toBe('Table 1. Basic characteristics of participants: schoolchildren aged 7–11 years, 2014– 2015 (n 5295)');
    expect(t!.columnLabels.slice(1)).toEqual(['Overall (n 5295)', 'Boys (n 2866)', 'Girls (n 2429)']);
    expect(tableClaims(t!).means.map((m) => m.n)).toEqual([5295, 2866, 2429, 5295, 2866, 2429]);
  });

  it('reads a caption of three lines as the caption when the header under it takes three lines too', () => {
    const text = [
      '  Table 4 Mean observed and imputed follow-up outcomes',
      '  by randomised group (N = 70). From: a pilot randomised',
      '  controlled trial',
      '                               Group         Group',
      '                               Intervention  Control',
      '  Outcome                      Mean (SD)     Mean (SD)',
      '  Observed data                77.5 (18.4)   70.7 (21.2)',
      '  Per protocol data            73.9 (17.5)   70.7 (21.2)',
    ].join('\n');
    const [t] = readTables(text, { format: 'text' });
    expect(t!.caption).toBe('Table 4 Mean observed and imputed follow-up outcomes by randomised group (N = 70). From: a pilot randomised controlled trial');
    expect(t!.headerRows).toBe(3);
    expect(t!.columnLabels[0]).toBe('Outcome');
  });

  it('reads "8.5% (n = 5)" rows as values, not as lines of sizes', () => {
    const [t] = readTables('                 Early (n = 59)        Late (n = 226)\n  Death          8.5% (n = 5)          38.5% (n = 87)\n  Illness        17.0% (n = 10)        23.0% (n = 52)', { format: 'text' });
    expect(t!.headerRows).toBe(1);
    expect(tableClaims(t!).claims.map((c) => [c.numerator, c.denominator])).toEqual([[5, 59], [87, 226], [10, 59], [52, 226]]);
  });
});

describe('text tables: a heading over a column that only later rows print', () => {
  it('keeps "Nmiss" a column of its own, so the groups\' cells stay under their headings', () => {
    const text = [
      '                                              Nmiss[b]     Women (n = 13,980)        Men (n = 8233)',
      '                                                           N          %              N          %',
      '  Some high school                                         6906       49.4%          2636       32%',
      '  Completed high school                                    2962       21.2%          2278       27.7%',
      '  Smoking:                                    19',
      '  Never                                                    9155       65.6%          4063       49.4%',
      '  Former                                                   3903       27.9%          3556       43.2%',
      '  Current                                                  908        6.5%           609        7.4%',
    ].join('\n');
    const [t] = readTables(text, { format: 'text' });
    expect(t!.columnLabels.slice(0, 3)).toEqual(['', 'Nmiss[b]', 'Women (n = 13,980) / N']);
    const x = tableClaims(t!);
    // the heading row's missing count: the levels are shares of their own sum
    expect(x.claims.find((c) => c.numerator === 9155)?.denominator).toBe(13966);
    expect(x.claims.find((c) => c.numerator === 6906)?.denominator).toBe(13980);
  });
});
