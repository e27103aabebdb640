import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/extract-claims.js';
import { htmlText } from '../../src/node/html-text.js';

describe('htmlText', () => {
  it('keeps text in order, drops scripts and styles, decodes entities and separates blocks', () => {
    const html = `<!doctype html><html><head><title>Clinic</title><style>.x{width:50%}</style></head>
      <body><h1>Results</h1><p>Since 2004 we have treated <b>4278</b>&nbsp;patients, including 2324 spastic (54.32%)
      and 1954 other types (45.68%).</p><script>var rate = "99%";</script><ul><li>The total improvement rate is 96%.</li></ul></body></html>`;
    const text = htmlText(html);
    expect(text).not.toContain('99%');
    expect(text).not.toContain('width');
    expect(text).toContain('Results\n\nSince 2004 we have treated 4278\u00a0patients');
    const { claims, partitions } = extractClaims(text);
    expect(claims.map((c) => [c.numerator, c.denominator, c.percent])).toEqual([
      [2324, 4278, '54.32'],
      [1954, 4278, '45.68'],
      [undefined, 4278, '96'],
    ]);
    expect(partitions).toHaveLength(1);
  });
});
