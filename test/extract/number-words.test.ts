import { describe, expect, it } from 'vitest';
import { parseNumberWords } from '../../src/extract/number-words.js';

describe('parseNumberWords', () => {
  it.each([
    ['Eleven', 'en', 11],
    ['Two hundred and twenty-two', 'en', 222],
    ['Sixty-seven', 'en', 67],
    ['one million two hundred thousand', 'en', 1_200_000],
    ['einundzwanzig', 'de', 21],
    ['zweihundertvierunddreißig', 'de', 234],
    ['tausendzweihundert', 'de', 1200],
    ['zwei Millionen', 'de', 2_000_000],
    ['Deux cent soixante sept', 'fr', 267],
    ['quatre-vingt-dix', 'fr', 90],
    ['soixante-dix-sept', 'fr', 77],
    ['Cinquante- deux', 'fr', 52],
    ['vingt et un', 'fr', 21],
    ['deux millions', 'fr', 2_000_000],
    ['treinta y uno', 'es', 31],
    ['doscientos cincuenta', 'es', 250],
    ['un millón', 'es', 1_000_000],
    ['veintidós', 'es', 22],
  ] as const)('%s (%s) is %d', (phrase, language, value) => {
    expect(parseNumberWords(phrase, language)).toBe(value);
  });

  it.each([
    ['two three', 'en'],
    ['and', 'en'],
    ['hundred and', 'en'],
    ['und', 'de'],
    ['trois deux', 'fr'],
  ] as const)('%s (%s) is not a number', (phrase, language) => {
    expect(parseNumberWords(phrase, language)).toBeUndefined();
  });

  it('reads every English number below a thousand written out the usual way', () => {
    const units = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const teens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
    const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    const below100 = (n: number) => (n < 10 ? units[n]! : n < 20 ? teens[n - 10]! : `${tens[Math.floor(n / 10)]}${n % 10 ? `-${units[n % 10]}` : ''}`);
    for (let n = 1; n < 1000; n++) {
      const words = n < 100 ? below100(n) : `${units[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${below100(n % 100)}` : ''}`;
      expect(parseNumberWords(words, 'en')).toBe(n);
    }
  });
});

describe('parseNumberWords on words that are names of object properties', () => {
  it.each(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'])('reads %s as no number in any language', (word) => {
    for (const language of ['en', 'de', 'fr', 'es'] as const) expect(parseNumberWords(word, language)).toBeUndefined();
  });
});
