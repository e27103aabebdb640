import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/tables/cell-grammar.js';
import { countedSizeRows } from '../../src/tables/size-rows.js';
import type { ReadCell } from '../../src/tables/table-claims.js';

const grid = (rows: string[][]): (ReadCell | undefined)[][] =>
  rows.map((row, r) =>
    row.map((text, c) => {
      if (c === 0) return undefined;
      const v = readCell(text);
      return { row: r, column: c, value: v.kind === 'pair' ? { kind: 'count-percent', count: v.first, percent: v.second, order: 'n (%)' } : v, statistic: undefined };
    }),
  );

describe('countedSizeRows', () => {
  it('gives the rows under "Gravidity | 682b | 519" the sizes their counts add up to', () => {
    const cells = grid([['Gravidity', '682b', '519'], ['1', '217(31.8%)', '157(30.3%)'], ['2', '222(32.6%)', '174(33.5%)'], ['3', '121(17.7%)', '90(17.3%)'], ['≥ 4', '122(17.9%)', '98(18.9%)']]);
    const sizes = countedSizeRows(cells, [1, 2], 0);
    expect(sizes.get('1 1')).toBe(682);
    expect(sizes.get('4 2')).toBe(519);
    expect(sizes.has('0 1')).toBe(false);
  });

  it('gives none when the rows under a count do not add up to it ("Any event | 45" over events of the column)', () => {
    const cells = grid([['Any event', '45', '50'], ['Headache', '20 (16.7)', '22 (18.0)'], ['Nausea', '30 (25.0)', '31 (25.4)']]);
    expect(countedSizeRows(cells, [1, 2], 0).size).toBe(0);
  });
});
