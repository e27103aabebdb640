import { describe, expect, it } from 'vitest';
import { groupSizeCount } from '../../src/tables/group-size-count.js';

const labels = ['', 'All participants (n = 555)', 'Women (n = 208)', 'Men (n = 347)'];
const sizes = new Map([[1, 555], [2, 208], [3, 347]]);

describe('groupSizeCount', () => {
  it('finds the column of the people a level names, when the groups make up the whole', () => {
    expect(groupSizeCount('male', 1, [1, 2, 3], labels, sizes)).toEqual({ column: 3, n: 347 });
    expect(groupSizeCount('Female', 1, [1, 2, 3], labels, sizes)).toEqual({ column: 2, n: 208 });
  });

  it('finds none when the groups do not make up the whole, no column names the level, or the cell is not the whole', () => {
    expect(groupSizeCount('male', 1, [1, 2, 3], ['', 'All (n = 600)', 'Women (n = 208)', 'Men (n = 347)'], new Map([[1, 600], [2, 208], [3, 347]]))).toBeUndefined();
    expect(groupSizeCount('smoker', 1, [1, 2, 3], labels, sizes)).toBeUndefined();
    expect(groupSizeCount('male', 2, [1, 2, 3], labels, sizes)).toBeUndefined();
    expect(groupSizeCount('male', 1, [1, 2, 3], ['', 'All participants (n = 555)', 'Women', 'Men'], sizes)).toBeUndefined();
  });
});
