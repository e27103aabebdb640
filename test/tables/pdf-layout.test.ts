// The layout of a PDF page's text items as lines (layoutPage), on items placed as Chromium prints a table.
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../src/node/pdf-text.js';
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
});
