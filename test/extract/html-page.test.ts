import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../src/document/html-document.js';
import { extractClaims } from '../../src/extract/extract-claims.js';

// A page as a clinic publishes it: navigation, a heading per section, a list, line breaks.
const page = `<html><body>
<nav><a href="/">Home</a> <a href="/results">Results: 98% success!</a></nav>
<h2>Cerebral palsy</h2>
<p>Since 2004 we have treated 4278 patients with cerebral palsy.</p>
<ul><li>2324 spastic (54.32%)</li><li>1341 mixed (31.34%)</li><li>501 athetoid (11.71%)</li><li>112 other types (2.62%)</li></ul>
<h2>Autism</h2>
<p>Parents reported better sleep in 61%.<br>Follow-up continues.</p>
<footer>© Clinic 2014. 100% private.</footer>
</body></html>`;

describe('extractClaims on an HTML page', () => {
  const document = htmlDocument(page);
  const { claims, partitions, unresolved } = extractClaims(document);

  it('ties the list items to the total of the paragraph before them, and proposes the partition', () => {
    expect(claims.map((c) => [c.numerator, c.denominator, c.percent])).toEqual([
      [2324, 4278, '54.32'],
      [1341, 4278, '31.34'],
      [501, 4278, '11.71'],
      [112, 4278, '2.62'],
    ]);
    expect(partitions.map((p) => [p.total, p.parts.length])).toEqual([[4278, 4]]);
  });

  it("quotes each claim's own list item or paragraph as its context, not the page with its navigation", () => {
    expect(claims[0]?.context?.quote).toBe('2324 spastic (54.32%)');
    for (const c of claims) {
      expect(c.context?.quote).not.toMatch(/Home|success|private/);
      expect(document.text.slice(c.context!.start, c.context!.end)).toBe(c.context!.quote);
    }
  });

  it('does not let a total reach across a heading: the next section has no group for its share', () => {
    expect(claims.some((c) => c.percent === '61')).toBe(false);
    expect(unresolved.map((u) => u.span.quote)).toContain('61%');
  });

  it('keeps line breaks inside a paragraph and leaves navigation and footer out', () => {
    expect(document.blocks.map((b) => b.text)).toContain('Parents reported better sleep in 61%.\nFollow-up continues.');
    expect(document.text).not.toMatch(/98%|private/);
  });
});
