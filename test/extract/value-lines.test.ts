import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';

// Lists of values one label a line, written for these tests in the shapes pages print them.
const read = (text: string) => {
  const e = extractClaims(text);
  return { claims: e.claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`).sort(), partitions: e.partitions.map((p) => `${p.total}:${p.parts.length}`) };
};

describe('proposeValueLines: a total line over the lines that add up to it', () => {
  it('reads a table printed with pipes column by column, under a header of years that is no total', () => {
    const text = ['| Totals for this hospital | 2024 | Year to date: 2025 |', '|---|---|---|', '| Total operations | 950 | 120 |', '| Hips | 600 | 70 |', '| Knees | 340 | 48 |', '| Shoulders | 10 | 2 |', '| Consent rate | 81% | 77% |'].join('\n');
    const { claims, partitions } = read(text);
    expect(claims).toEqual(['10/950/-', '2/120/-', '340/950/-', '48/120/-', '600/950/-', '70/120/-'].sort());
    expect(partitions).toEqual(['950:3', '120:3']);
  });

  it('takes a label and its value before a list of items for their total, across the blank line', () => {
    const { claims, partitions } = read('Children treated in 2019: 120\n\n• Spastic 70\n• Dyskinetic 30\n• Ataxic 20');
    expect(claims).toEqual(['20/120/-', '30/120/-', '70/120/-']);
    expect(partitions).toEqual(['120:3']);
  });

  it('proposes nothing when the lines do not add up to the line above them exactly, in every column', () => {
    expect(read('| Total | 950 | 120 |\n| Hips | 600 | 70 |\n| Knees | 340 | 49 |\n| Shoulders | 10 | 2 |').claims).toEqual([]);
    expect(read('Admissions: 950\nBeds: 600\nStaff: 340').claims).toEqual([]);
    // two lines that add up to the one above by chance, under a label that names no whole
    expect(read('Hospitals: 5\nWards: 3\nTheatres: 2').claims).toEqual([]);
    expect(read('Total: 5\nWards: 3\nTheatres: 2').claims).toEqual(['2/5/-', '3/5/-']);
  });
});
