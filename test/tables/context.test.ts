import { describe, expect, it } from 'vitest';
import { statedN, statedStatistics, statisticOf } from '../../src/tables/context.js';

describe('statisticOf', () => {
  it('reads the summary a label names', () => {
    expect(statisticOf('Age, mean (SD)')).toBe('mean-sd');
    expect(statisticOf('Sex, n (%)')).toBe('count-percent');
    expect(statisticOf('Duration, median (range)')).toBe('median');
    expect(statisticOf('Length of stay (range)')).toBe('median');
  });

  it('reads "range 0–11" in a label as the scale, not as a range printed in the cells', () => {
    expect(statisticOf('Number of diseases (range 0–11)')).toBeUndefined();
    expect(statisticOf('Pain score, range 0 to 10')).toBeUndefined();
    expect(statisticOf('Pain score (range: 0-10), mean (SD)')).toBe('mean-sd');
  });
});

describe('statedN', () => {
  it('reads the sizes text states', () => {
    expect(statedN('Treated (n = 120)')).toBe(120);
    expect(statedN('(n 5295)')).toBe(5295);
    expect(statedN('no size')).toBeNull();
  });
});

describe('statedStatistics', () => {
  it('names every summary a "data are" note names', () => {
    expect(statedStatistics('Data presented as percentages and mean (SD).')).toEqual(['percent', 'mean-sd']);
    expect(statedStatistics('Values are n (%) or mean ± SD.')).toEqual(['count-percent', 'mean-sd']);
    expect(statedStatistics('Chi-square for frequencies.')).toEqual([]);
  });
});
