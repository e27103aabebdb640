import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';

// Tables printed as text, written for these tests in the layouts that pages and PDFs give them.
const keys = (text: string) => extractClaims(text).claims.map((c) => `${c.numerator ?? '-'}/${c.denominator}/${c.percent ?? '-'}`);

describe('tables printed as text', () => {
  it('ties each cell to the group size of its column when the header gives one size a column', () => {
    const text = 'Variables Group A (n = 120) Group B (n = 80) p\nMale 60 (50.0%) 30 (37.5%) 0.07\nAge (years) 61.7 (6.3) 61.3 (6.4) 0.531\nSmoking <0.001\nNever 40 (33.3%) 50 (62.5%)\nFormer 50 (41.7%) 20 (25.0%)\nCurrent 30 (25.0%) 10 (12.5%)';
    const e = extractClaims(text);
    expect(e.claims.map((c) => `${c.numerator}/${c.denominator}/${c.percent}`)).toEqual(['60/120/50.0', '30/80/37.5', '40/120/33.3', '50/80/62.5', '50/120/41.7', '20/80/25.0', '30/120/25.0', '10/80/12.5']);
    expect(new Set(e.claims.map((c) => c.denominatorSource))).toEqual(new Set(['table-header']));
    expect(e.claims[1]!.denominatorNote).toContain('column 2 of 2');
    // the rows of the "Smoking" group add up to each column's size
    expect(e.partitions.map((p) => `${p.total}:${p.parts.length}`).sort()).toEqual(['120:3', '80:3']);
  });

  it('reads a header that lists the counts after "(n)", choosing among two such lines the one the cells fit', () => {
    const text = 'Participants (n) 50 40\nVisits (n) 210 180\nBoys 20 (40) 30 (75)\nGirls 30 (60) 10 (25)';
    expect(keys(text)).toEqual(['20/50/40', '30/40/75', '30/50/60', '10/40/25']);
  });

  it('reads one cell a line under one size a line, with a blank line between cells', () => {
    const text = 'Treated (n = 70)\n\nUntreated (n = 35)\n\nWalking\n\nIndependent\n\n28 (40.0%)\n\n7 (20.0%)\n\nWith aids\n\n42 (60.0%)\n\n28 (80.0%)';
    const e = extractClaims(text);
    expect(e.claims.map((c) => `${c.numerator}/${c.denominator}/${c.percent}`)).toEqual(['28/70/40.0', '7/35/20.0', '42/70/60.0', '28/35/80.0']);
    expect(e.partitions.map((p) => `${p.total}:${p.parts.length}`).sort()).toEqual(['35:2', '70:2']);
  });

  it('gives the rows after "41 of 50" in the same group that total when they fit it and not the header', () => {
    const text = 'Outcome Operations\n(n=80)\nPerfusion\n  Increased 41 of 50 (82%)\n  Decreased 4 (8%)\n  No change 5 (10%)';
    const e = extractClaims(text);
    expect(e.claims.map((c) => `${c.numerator}/${c.denominator}/${c.percent}/${c.denominatorSource}`)).toEqual(['41/50/82/with-claim', '4/50/8/earlier-sentence', '5/50/10/earlier-sentence']);
    expect(e.partitions.map((p) => `${p.total}:${p.parts.length}`)).toEqual(['50:3']);
  });

  it('keeps a cell that fits no total with the header size, saying so, and does not re-target it', () => {
    const text = 'Events (n = 67)\nStroke 6 (9%)\nSeizure 7 (10%)\nTIA 10 (7%)';
    const tia = extractClaims(text).claims.find((c) => c.numerator === 10)!;
    expect(tia.denominator).toBe(67);
    expect(tia.denominatorNote).toMatch(/does not give 7%/);
  });

  it('leaves rows that do not line up with the header unresolved instead of guessing a column', () => {
    const text = 'Cases (n = 120) Controls (n = 80)\nMale 60 (50.0%) 30 (37.5%)\nLevel I 37 (30.8%)';
    const e = extractClaims(text);
    expect(e.claims.map((c) => c.numerator)).toEqual([60, 30]);
    expect(e.unresolved.map((u) => u.text)).toContain('30.8%');
  });

  it('leaves a table whose percents mostly do not fit its header unresolved (percents of something else)', () => {
    const text = 'Cases (n = 637) Controls (n = 1,097)\nAdding salt 69 (11.0) 73 (6.9)\nSmoking 18 (2.9) 6 (0.6)\nAlcohol 7 (1.1) 3 (0.2)';
    const e = extractClaims(text);
    expect(e.claims).toEqual([]);
    expect(e.unresolved.length).toBe(6);
  });

  it('reads no cells from changes printed with a minus, nor from means with their SDs', () => {
    expect(keys('Overall | n = 637 | n = 1,097 |\nChange in smoking | −18 (−2.9) | −6 (−0.6) |\nAge, mean (SD) | 56.6 (14.3) | 56.9 (13.7) |')).toEqual([]);
  });

  it('splits a stated whole into the sizes of its columns when they add up to it', () => {
    const text = 'Survey (N = 100)\n\nSmall (n = 60)\n\nLarge (n = 40)\n\nStroke unit\n\n30 (50)\n\n30 (75)';
    const e = extractClaims(text);
    expect(keys(text)).toEqual(['60/100/-', '40/100/-', '30/60/50', '30/40/75']);
    expect(e.partitions.map((p) => `${p.total}:${p.parts.length}`)).toEqual(['100:2']);
  });

  it('reads a count alone on its line and its percent alone on the next under an "N" line and a "%" line', () => {
    // written for this test, laid out as a table copied from a web page: one cell a line
    const text = 'Response to therapy\n\nPatients (N = 40)\n\nResponse\n\nN\n\n%\n\nComplete response\n\n6\n\n15\n\nPartial response\n\n14\n\n35\n\nStable disease\n\n20\n\n50';
    expect(keys(text)).toEqual(['6/40/15', '14/40/35', '20/40/50']);
    // without the "N" and "%" lines, lone numbers are no cells
    expect(keys(text.replace('N\n\n%\n\n', ''))).toEqual([]);
  });

  it('pairs a line of percents with the line of ratios under it, column by column', () => {
    // written for this test, in the layout of a clinic's results table copied as text
    const text = 'Age < 35 35-37 38-40\nPregnancy rate 52% 40% 25%\n104/200 60/150 25/100';
    expect(keys(text)).toEqual(['104/200/52', '60/150/40', '25/100/25']);
    // a ratio row of another width is not paired
    const misaligned = keys('Age < 35 35-37\nPregnancy rate 52% 40%\n104/200 60/150 25/100');
    expect(misaligned).not.toContain('104/200/52');
    // nor is the last percent of the row read with the first ratio under it
    expect(misaligned).not.toContain('104/200/40');
  });

  it('reads rows labelled by a range of ages as rows of their own', () => {
    const text = 'Table 1. Ages of the children (n = 80).\nAge No. (%)\n0–4 20 (25)\n5–9 40 (50)\n10–14 20 (25)\nTotal 80';
    expect(keys(text)).toEqual(['20/80/25', '40/80/50', '20/80/25']);
    expect(extractClaims(text).partitions.map((p) => [p.total, p.parts.length])).toEqual([[80, 3]]);
  });

  it('takes a prose sentence for the end of a table', () => {
    const text = 'Cases (n = 120)\nMale 60 (50.0%)\nThe remaining patients were followed up in the outpatient clinic for two years.\nFemale 60 (50.0%)';
    expect(keys(text)).toEqual(['60/120/50.0']);
  });
});

describe('the base of a rate', () => {
  it('is no total: "57 per 100,000" leaves a later share to the counted group', () => {
    expect(keys('There were 390 cases. The incidence was 57 per 100,000 population per year. ROSC was achieved in 35.1% of cases.')).toEqual(['-/390/35.1']);
  });
});
