import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end).trim());

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations, decimals or wrapped lines', () => {
    expect(texts('Smith et al. reported 12 of 20 (60%). Values were 4.5 vs. 3.2 (p = 0.03). Of these,\n5 (25%) improved.')).toEqual([
      'Smith et al. reported 12 of 20 (60%).',
      'Values were 4.5 vs. 3.2 (p = 0.03).',
      'Of these,\n5 (25%) improved.',
    ]);
  });

  it('keeps offsets into the text, with an offset added', () => {
    const text = 'We treated 200 patients. Of these, 150 improved.';
    for (const s of splitSentences(text, 100)) expect(s.start).toBeGreaterThanOrEqual(100);
    expect(splitSentences(text, 100).map((s) => text.slice(s.start - 100, s.end - 100).trim())).toEqual(['We treated 200 patients.', 'Of these, 150 improved.']);
  });

  it('splits a very long block in pieces without losing text', () => {
    const text = 'We treated 200 patients. '.repeat(2000);
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(2000);
    expect(sentences.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
  });

  it('ends a sentence before one that opens with a count, but not after an abbreviation or a lone digit', () => {
    expect(texts('We treated 120 patients. 60 were boys. 60 had a relapse in 2019. 12 died.')).toEqual(['We treated 120 patients.', '60 were boys.', '60 had a relapse in 2019.', '12 died.']);
    expect(texts('See Fig. 3 for the 40 patients. Patients were seen at No. 5 Main Street.')).toHaveLength(2);
    expect(texts('The protocol has three steps: step 1. 2 weeks of rest follow.')).toHaveLength(1);
  });
});

