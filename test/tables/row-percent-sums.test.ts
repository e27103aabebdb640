import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCell } from '../../src/tables/cell-grammar.js';
import { rowPercentSums } from '../../src/tables/row-percent-sums.js';
import type { ReadCell } from '../../src/tables/table-claims.js';

const grid = (rows: string[][]): (ReadCell | undefined)[][] => rows.map((row, r) => row.map((text, c) => (c === 0 ? undefined : { row: r, column: c, value: readCell(text), statistic: undefined })));
// "n (p%)" printed to two decimals, half up, exactly
const cell = (n: number, of: number) => `${n} (${(Math.round((n * 10000) / of) / 100).toFixed(2)}%)`;

describe('rowPercentSums', () => {
  it('finds the rows whose groups are shares of the row, once three rows read so', () => {
    const cells = grid([['a', cell(178, 180), cell(2, 180)], ['b', cell(112, 118), cell(6, 118)], ['c', cell(38, 55), cell(17, 55)]]);
    expect([...rowPercentSums(cells, [1, 2], new Map([[1, 328], [2, 25]]), 0)]).toEqual([[0, 180], [1, 118], [2, 55]]);
    expect(rowPercentSums(cells.slice(0, 2), [1, 2], new Map([[1, 328], [2, 25]]), 0).size).toBe(0);
  });

  it('finds nothing in a table whose cells are shares of their columns', () => {
    // any counts of two columns of 50 and 70, each printed as its share of the column
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 70 })), { minLength: 3, maxLength: 12 }), (counts) => {
        const cells = grid(counts.map(([a, b], k) => [`r${k}`, cell(a, 50), cell(b, 70)]));
        // no row can tell against the columns, so the table is never read as one of row percentages
        expect(rowPercentSums(cells, [1, 2], new Map([[1, 50], [2, 70]]), 0).size).toBe(0);
      }),
    );
  });
});
