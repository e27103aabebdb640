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
});

