import { describe, expect, it } from 'vitest';
import { footnoteMarks, footnoteText, qualifyingMark, rowSizeInNotes } from '../../src/tables/footnotes.js';

describe('footnote marks and their notes', () => {
  it('finds the marks a label ends with, and none in words or ranges', () => {
    expect(footnoteMarks('Iron deficiency (%)6')).toEqual(['6']);
    expect(footnoteMarks('% treated with metformin (N) [4]')).toEqual(['4']);
    expect(footnoteMarks('Stunted, n (%)b')).toEqual(['b']);
    expect(footnoteMarks('Age, years†')).toEqual(['†']);
    expect(footnoteMarks('Metformin daily dose (mg) * [4]')).toEqual(['4', '*']);
    expect(footnoteMarks('Age group 21–30')).toEqual([]);
    expect(footnoteMarks('Female')).toEqual([]);
    expect(footnoteMarks('HbA1c')).toEqual([]);
  });

  it('reads the note under a mark up to the next one', () => {
    const notes = '5Median; interquartile range in parentheses. 6Defined as ferritin < 15 μg/L; n = 307 for the placebo group and 316 for the zinc group. 7C-reactive protein > 5 mg/L.';
    expect(footnoteText(notes, '6')).toBe('Defined as ferritin < 15 μg/L; n = 307 for the placebo group and 316 for the zinc group.');
    expect(footnoteText(notes, '8')).toBeUndefined();
    expect(rowSizeInNotes('Iron deficiency (%)6', notes)).toBe(true);
    expect(rowSizeInNotes('Ferritin (μg/L)5', notes)).toBe(false);
  });

  it('says which marks may change a row\'s denominator: missing values, a subgroup, or a note not printed', () => {
    const notes = 'aIndividual sites are not listed. bData for mortality at day 28 were missing in 11 patients. cAmong women only.';
    expect(qualifyingMark('Country, n (%)a', notes)).toBe(false);
    expect(qualifyingMark('Descriptive outcome datab', notes)).toBe(true);
    expect(qualifyingMark('Gestational diabetes, n (%)c', notes)).toBe(true);
    expect(qualifyingMark('Low activity, No. (%)f', notes)).toBe(true);
    expect(qualifyingMark('Mortality at day 28', notes)).toBe(false);
    // a word ending in a letter is not a mark unless a note starts with that letter
    expect(qualifyingMark('Diabetes mellitusa', '')).toBe(false);
  });
});
