import { describe, expect, it } from 'vitest';
import { words } from '../../src/extract/word-boundary.js';

// The same expression with ASCII \b, on ASCII text, is the reference: words() must agree with it there
// and differ only where a non-ASCII letter stands next to the boundary.
const cases: [RegExp, string[]][] = [
  [/(\d+)\b(\s*%)/, ['12 %', '12%', 'a12 %', '12a %']],
  [/(\s)\b(\w+)/, [' of', 'x of', '  ']],
  [/(?:of|in)\b(?:\s+these)/, ['of these', 'often these', 'in these']],
  [/\bof\b/, ['of', 'often', 'proof', 'x of y']],
  [/\s\b(\w+)/, [' word', '  ', 'a b']],
  [/\d\b/, ['12', '1a', '3 ']],
  [/[a-z]+\b[.,]/, ['word.', 'word,', 'word']],
];

describe('words', () => {
  for (const [re, texts] of cases)
    for (const text of texts)
      it(`${re.source} on ${JSON.stringify(text)} matches as ASCII \\b does`, () => {
        expect(words(re).exec(text)?.[0]).toBe(re.exec(text)?.[0]);
      });

  it('knows non-ASCII letters on both sides of a boundary', () => {
    expect(words(/\baños\b/).test('los años de')).toBe(true);
    expect(words(/\bos\b/).test('años')).toBe(false);
    expect(words(/(\p{L}+)\b(\s*%)/u).exec('größe %')?.[1]).toBe('größe');
  });
});
