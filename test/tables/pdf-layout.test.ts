// The layout of a PDF page's text items as lines (layoutPage), on items placed as Chromium prints a table.
import { describe, expect, it } from 'vitest';
import { layoutPage, layoutPages } from '../../src/node/pdf-text.js';
import { readTables } from '../../src/tables/read-tables.js';

// one item per cell; 7.5 pt text whose characters are 3.6 pt wide on average
const item = (str: string, x: number, y: number, size = 7.5, width = str.length * 3.6) => ({ str, x, y, width, size });

describe('layoutPage', () => {
  it('keeps a superscript on the line under it, as a mark after a value and in brackets after a word', () => {
    const text = layoutPage([
      item('Weight (kg)', 70, 466.8), item('31.6 (9.3)', 200, 466.8), item('32.4 (9.4)', 300, 466.8),
      item('BMI (kg/m', 70, 452.3), item('2', 104, 455.5, 6.3, 4), item(')', 108, 452.3, 7.5, 3),
      item('16.7 (3.1)', 200, 454.8), item('17.2 (3.2)', 300, 454.8),
      item('Diabetes', 70, 443.3), item('a', 99, 446.5, 6.3, 3.5), item('15 (19)', 200, 443.3), item('a', 225.4, 446.5, 6.3, 3.5), item('16 (36)', 300, 443.3),
    ]);
    const lines = text.split('\n');
    // no blank line inside the table: the lower label of a taller row is not a gap
    expect(lines).toHaveLength(3);
    expect(lines[1]!.split(/\s{2,}/).filter(Boolean)).toEqual(['BMI (kg/m2)', '16.7 (3.1)', '17.2 (3.2)']);
    expect(lines[2]!.split(/\s{2,}/).filter(Boolean)).toEqual(['Diabetes[a]', '15 (19)a', '16 (36)']);
  });

  it('lines a long label of narrow letters up with the rest, so its values stay in their columns', () => {
    const items = [item('Item', 20, 500), item('n/N', 300, 500), item('%', 340, 500)];
    // a long label of narrow letters: 2.4 pt a character, not the page's median 3.6
    items.push(item('illustrative little list', 20, 490, 7.5, 24 * 2.4), item('12/40', 300, 490), item('30.0%', 340, 490));
    for (let k = 0; k < 6; k++) items.push(item(`Row ${k}`, 20, 480 - 10 * k), item('4/40', 300, 480 - 10 * k), item('10.0%', 340, 480 - 10 * k));
    // more characters than the median width would fit before the next column
    items.push(item('l'.repeat(100), 20, 420, 7.5, 260), item('20/40', 300, 420), item('50.0%', 340, 420));
    const [t] = readTables(layoutPage(items), { format: 'text' });
    expect(t!.columnLabels).toEqual(['Item', 'n/N', '%']);
    expect(t!.grid[t!.grid.length - 1]!.slice(1)).toEqual(['20/40', '50.0%']);
  });

  // 12 pt text set 14.3 pt a line, cells centred in their rows as Chromium sets them by default
  const cells = (text: string) => text.split('\n').map((l) => l.split(/\s{2,}/).filter(Boolean));

  it('sets a cell wrapped over two lines on the row its neighbours are centred in', () => {
    const text = layoutPage([
      item('All patients', 272, 692, 12, 60), item('Survivors', 335, 692, 12, 50), item('Nonsurvivors', 405, 692, 12, 75),
      // "4,669" / "(100)" and "3,577" / "(76.6%)" in narrow columns, the label and the third cell centred between
      item('Number of patients (%)', 66, 668.3, 12, 140), item('4,669', 272, 675.8, 12, 34), item('(100)', 272, 661.5, 12, 32),
      item('3,577', 335, 675.8, 12, 34), item('(76.6%)', 335, 661.5, 12, 47), item('1,092 (23.4%)', 405, 668.3, 12, 85),
      item('Age (years), mean ± SD', 66, 636.8, 12, 150), item('56.9 ±', 272, 644.3, 12, 40), item('17.4', 272, 630, 12, 27),
      item('56.4 ±', 335, 644.3, 12, 40), item('17.6', 335, 630, 12, 27), item('58.5 ± 16.6', 405, 636.8, 12, 71),
      item('Male, n (%)', 66, 610, 12, 70), item('2,973 (63.7)', 272, 610, 12, 50), item('2,271 (76.4)', 335, 610, 12, 50), item('702 (23.6)', 405, 610, 12, 50),
    ]);
    expect(cells(text)).toEqual([
      ['All patients', 'Survivors', 'Nonsurvivors'],
      ['Number of patients (%)', '4,669 (100)', '3,577 (76.6%)', '1,092 (23.4%)'],
      ['Age (years), mean ± SD', '56.9 ± 17.4', '56.4 ± 17.6', '58.5 ± 16.6'],
      ['Male, n (%)', '2,973 (63.7)', '2,271 (76.4)', '702 (23.6)'],
    ]);
  });

  it('keeps two figures one above the other apart when the upper one is finished', () => {
    const rows = layoutPage([item('Male', 66, 700, 12, 30), item('113', 272, 700, 12, 20), item('Female', 66, 685.7, 12, 40), item('614', 272, 685.7, 12, 20)]);
    expect(cells(rows)).toEqual([['Male', '113'], ['Female', '614']]);
  });

  it('sets a heading over two columns at the start of each, and a centred heading where its column starts', () => {
    // rows 17 pt apart: a 14.3 pt line and the cells' padding
    const items = [item('Cohort (n = 482)', 250, 724, 12, 100), item('Present', 215, 707, 12, 45), item('Absent', 310, 707, 12, 40)];
    for (let k = 0; k < 4; k++) items.push(item(`Level ${k}`, 66, 690 - 17 * k, 12, 40), item(`${k + 1} (0.${k + 1})`, 200, 690 - 17 * k, 12, 40), item(`${k + 10} (1.${k})`, 300, 690 - 17 * k, 12, 40));
    const [t] = readTables(layoutPage(items), { format: 'text' });
    expect(t!.columnLabels).toEqual(['', 'Cohort (n = 482) / Present', 'Cohort (n = 482) / Absent']);
    expect(t!.grid[t!.grid.length - 1]!.slice(1)).toEqual(['4 (0.4)', '13 (1.3)']);
  });

  it('sets a running head in small print apart from the table under it, and a table\'s columns alike on every page', () => {
    const page = (head: string, first: number) => {
      const items = [item('12/2/26, 5:36 PM', 24, 770, 8, 60), item(head, 180, 770, 8, 200)];
      items.push(item('', 66, 755), item('Treated', 300, 755, 12, 45), item('Control', 400, 755, 12, 45));
      for (let k = 0; k < 3; k++) items.push(item(`Row ${first + k}`, 66, 740 - 15 * k, 12, first > 0 ? 40 : 200), item(`${k + 1} (1${k}.0)`, 300, 740 - 15 * k, 12, 50), item(`${k + 2} (2${k}.0)`, 400, 740 - 15 * k, 12, 50));
      return items;
    };
    const [one, two] = layoutPages([page('Table 1 Baseline characteristics', 0), page('Table 1 Baseline characteristics', 3)]);
    expect(one!.split('\n')[1]).toBe('');
    const at = (text: string, cell: string) => text.split('\n').find((l) => l.includes(cell))!.indexOf(cell);
    expect(at(two!, '1 (10.0)')).toBe(at(one!, '1 (10.0)'));
    expect(at(two!, 'Control')).toBe(at(one!, 'Control'));
  });

  it('joins a row whose label, interval and p value all wrap: "60.3 (60.1" / "to 60.6)", "<" / "0.0001"', () => {
    const items = [item('Characteristics', 66, 700, 12, 90), item('Survivors', 226.8, 700, 12, 55), item('Non-survivors', 330.4, 700, 12, 75), item('p', 500.3, 700, 12, 7)];
    items.push(item('Mean age in years (95%', 66, 615.8, 12, 145.6), item('CI)', 66, 601.5, 12, 16.6), item('60.3 (60.1', 226.8, 615.8, 12, 61.9), item('to 60.6)', 226.8, 601.5, 12, 47.3));
    items.push(item('63.5 (63.0', 330.4, 615.8, 12, 61.9), item('to 63.95)', 330.4, 601.5, 12, 54.9), item('<', 500.3, 615.8, 12, 10.1), item('0.0001', 500.3, 601.5, 12, 42));
    for (let k = 0; k < 3; k++) items.push(item(`Level ${k}`, 66, 580 - 17 * k, 12, 40), item(`${k + 1} (1${k}.0)`, 226.8, 580 - 17 * k, 12, 50), item(`${k + 2} (2${k}.0)`, 330.4, 580 - 17 * k, 12, 50), item('0.5', 500.3, 580 - 17 * k, 12, 18));
    expect(cells(layoutPage(items)).find((r) => r[0]?.startsWith('Mean age'))).toEqual(['Mean age in years (95% CI)', '60.3 (60.1 to 60.6)', '63.5 (63.0 to 63.95)', '< 0.0001']);
  });

  it('keeps two figures one above the other in two rows when other columns print figures on both lines', () => {
    const items = [item('A', 66, 700, 12, 10), item('12 (3.4)', 226.8, 700, 12, 45), item('15 (4.1)', 330.4, 700, 12, 45)];
    items.push(item('B', 66, 687, 12, 10), item('13 (3.6)', 226.8, 687, 12, 45), item('18 (4.9)', 330.4, 687, 12, 45));
    expect(cells(layoutPage(items))).toEqual([['A', '12 (3.4)', '15 (4.1)'], ['B', '13 (3.6)', '18 (4.9)']]);
  });

  it('splits a column whose cells fill it, a space or less before the next, when its runs start in one place on many lines', () => {
    const items = [item('Item', 66, 724.5, 12, 50), item('n/N', 468.5, 724.5, 12, 23), item('%', 520.9, 724.5, 12, 12)];
    for (let k = 0; k < 6; k++) items.push(item(`Item ${k}?`, 66, 707.3 - 17 * k, 12, 60), item(`${222 + k}/394`, 455, 707.3 - 17 * k, 12, 49.9), item(`${56 + k}.3%`, 507.9, 707.3 - 17 * k, 12, 38.1));
    const [t] = readTables(layoutPage(items), { format: 'text' });
    expect(t!.columnLabels).toEqual(['Item', 'n/N', '%']);
    expect(t!.grid[1]!.slice(1)).toEqual(['222/394', '56.3%']);
  });

  it('finds where columns start on every page of a table: a page of rows set close still splits them', () => {
    const rows = (values: [string, string][], gapWide: boolean) => {
      const items = [item('Characteristics', 66, 720, 12, 90), item('n', 257, 720, 12, 8.5), item('%', 307.1, 720, 12, 12)];
      values.forEach(([n, pc], k) => items.push(item(`Row ${k}`, 66, 700 - 17 * k, 12, 40), item(n, 226.8, 700 - 17 * k, 12, gapWide ? 30 : 67), item(pc, 298.8, 700 - 17 * k, 12, 26.7)));
      return items;
    };
    const [one, two] = layoutPages([rows([['11,265', '61.6'], ['3403', '18.6'], ['635', '3.5']], true), rows([['15,846 [a]', '86.6'], ['2452 [b]', '13.4']], false)]);
    expect(cells(two!).slice(1)).toEqual([['Row 0', '15,846 [a]', '86.6'], ['Row 1', '2452 [b]', '13.4']]);
    expect(cells(one!)[1]).toEqual(['Row 0', '11,265', '61.6']);
  });

  it('sets a heading centred over the only column of values where that column starts', () => {
    const items = [item('N (%)', 492.8, 716.3, 12, 37.2)];
    for (let k = 0; k < 4; k++) items.push(item(`Level ${k}`, 36, 699 - 17 * k, 12, 40), item(`${30 + k} (6${k})`, 446.8, 699 - 17 * k, 12, 43.7));
    const [t] = readTables(layoutPage(items), { format: 'text' });
    expect(t!.columnLabels).toEqual(['', 'N (%)']);
    expect(t!.headerRows).toBe(1);
  });

  it('joins a label wrapped beside values wrapped as "78.7" / "(7.8)", all set from the top of the row', () => {
    const items = [item('Characteristics', 66, 140, 12, 90), item('India', 169, 140, 12, 30), item('Pakistan', 240, 140, 12, 50)];
    items.push(item('DBP (mm Hg),', 66, 91.5, 12, 85.5), item('mean (SD)', 66, 77.3, 12, 64.1), item('78.7', 169, 91.5, 12, 26.7), item('(7.8)', 169, 77.3, 12, 28.4), item('79.5', 240, 91.5, 12, 26.7), item('(9.7)', 240, 77.3, 12, 28.4));
    items.push(item('HbA1c (%),', 66, 60, 12, 67.5), item('mean (SD)', 66, 45.8, 12, 64.1), item('5.6', 169, 60, 12, 19.1), item('(0.5)', 169, 45.8, 12, 28.4), item('5.9', 240, 60, 12, 19.1), item('(0.3)', 240, 45.8, 12, 28.4));
    for (let k = 0; k < 3; k++) items.push(item(`Row ${k}`, 66, 125 - 11 * k, 12, 40), item(`${k + 1}`, 169, 125 - 11 * k, 12, 8), item(`${k + 2}`, 240, 125 - 11 * k, 12, 8));
    const rows = cells(layoutPage(items)).filter((r) => r.length > 0);
    expect(rows.slice(-2)).toEqual([['DBP (mm Hg), mean (SD)', '78.7 (7.8)', '79.5 (9.7)'], ['HbA1c (%), mean (SD)', '5.6 (0.5)', '5.9 (0.3)']]);
  });

  it('reads runs set against each other as one text ("Overall (" and an italic "n"), so a centred heading wrapped after them joins', () => {
    const items = [item('Variable', 66, 703, 12, 55.7), item('Overall (', 232.9, 710.3, 12, 58.1), item('n', 290.9, 710.3, 12, 8.5), item('5295)', 246.7, 696, 12, 38.9)];
    items.push(item('Boys (', 333.6, 710.3, 12, 42), item('n', 375.6, 710.3, 12, 8.5), item('2866)', 339.4, 696, 12, 38.9));
    for (let k = 0; k < 3; k++) items.push(item(`Row ${k}`, 66, 680 - 17 * k, 12, 40), item(`8·${k}`, 232.9, 680 - 17 * k, 12, 20), item(`9·${k}`, 333.6, 680 - 17 * k, 12, 20));
    const [t] = readTables(layoutPage(items), { format: 'text' });
    expect(t!.columnLabels).toEqual(['Variable', 'Overall (n 5295)', 'Boys (n 2866)']);
  });

  it('sets headings of two and three lines on one line when a heading set over both header rows is centred beside them', () => {
    const items = [item('Characteristic', 89.2, 672.8, 12, 94.6), item('Stroke or', 220, 678.8, 12, 62.7), item('TIA n = 26', 216.4, 664.5, 12, 69.8), item('366', 238.8, 650.3, 12, 25)];
    items.push(item('Stroke n', 301.3, 671.3, 12, 57.1), item('= 15 950', 299.8, 657, 12, 60.2), item('TIA n =', 373.2, 671.3, 12, 48.9), item('10 416', 374.7, 657, 12, 45.9));
    for (let k = 0; k < 3; k++) items.push(item(`Row ${k}`, 66, 625 - 17 * k, 12, 60), item(`${k + 1} (1.0)`, 210.1, 625 - 17 * k, 12, 40), item(`${k + 2} (2.0)`, 295.6, 625 - 17 * k, 12, 40), item(`${k + 3} (3.0)`, 367.1, 625 - 17 * k, 12, 40));
    expect(cells(layoutPage(items))[0]).toEqual(['Characteristic', 'Stroke or TIA n = 26 366', 'Stroke n = 15 950', 'TIA n = 10 416']);
  });

  it('leaves the lines of a paragraph as wide as the page apart', () => {
    const items = [item('Row', 36, 300, 12, 20), item('1 (2.0)', 300, 300, 12, 40), item('Row', 36, 283, 12, 20), item('2 (3.0)', 300, 283, 12, 40)];
    items.push(item('Optimal risk factors are defined as SBP less than 120 mmHg, DBP less than 80', 36, 260, 12, 420), item('mmHg, non-HDL-C less than 3.11 mmol/l and no diabetes.', 36, 246, 12, 300));
    expect(layoutPage(items).split('\n').slice(-2).map((l) => l.trim())).toEqual(['Optimal risk factors are defined as SBP less than 120 mmHg, DBP less than 80', 'mmHg, non-HDL-C less than 3.11 mmol/l and no diabetes.']);
  });
});

