import { describe, expect, it } from 'vitest';
import { readMentions } from '../../src/extract/grammar.js';
import { tokenize } from '../../src/extract/tokens.js';

const mentions = (text: string, language: 'en' | 'de' | 'fr' | 'es' = 'en') =>
  readMentions(text, tokenize(text, { language, decimalComma: language !== 'en' }), 0, text.length).map((m) =>
    m.kind === 'share' ? `share ${m.count?.value ?? '-'}/${m.denominator?.value ?? '-'}/${m.percent?.value ?? '-'}` : `${m.kind} ${m.token.value}`,
  );

describe('readMentions: totals', () => {
  it('takes the figure of a sentence about the number of a group for its size ("Die Gesamtanzahl der Patienten ... betrug 3014")', () => {
    expect(mentions('Die Gesamtanzahl der Patienten, die an der Fragebogenstudie teilnahm betrug 3014.', 'de')).toEqual(['total 3014']);
    expect(mentions('El número total de casos fue de 170.', 'es')).toEqual(['total 170']);
    // a figure that is not the sentence's first is no such size
    expect(mentions('Die Zahl der Patienten mit 2 Eingriffen betrug 14.', 'de')).not.toContain('total 14');
  });
});

describe('readMentions: a percent printed with a ratio', () => {
  it('takes a percent right after a ratio for its share when it fits ("12/40 30%", "60/69, 87%", "12/40 = 30%")', () => {
    expect(mentions('Complete response 12/40 30%.')).toEqual(['share 12/40/30']);
    expect(mentions('Pregnancy rate 60/69, 87%')).toEqual(['share 60/69/87']);
    expect(mentions('Complete response 12/40 = 30%.')).toEqual(['share 12/40/30']);
    // one that does not fit is another figure
    expect(mentions('Complete response 12/40 45%.')).not.toContain('share 12/40/45');
  });
  it('reads "(n = 29/94)" after a percent as its count and denominator', () => {
    expect(mentions('The rate was 31% (n = 29/94).')).toEqual(['share 29/94/31']);
  });
});
