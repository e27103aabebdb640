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
});
