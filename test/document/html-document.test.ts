import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../src/document/html-document.js';
import { doublingRatio } from './growth.js';

const kinds = (html: string) => htmlDocument(html).blocks.map((b) => [b.kind, b.text]);

describe('htmlDocument', () => {
  it('reads headings, paragraphs and list items in order, with line breaks kept', () => {
    expect(kinds('<h1>Outcomes</h1><p>We treated <b>200</b> patients.<br>Of these, 150 (75%) improved.</p><ul><li>one</li><li>two<ul><li>inner</ul></ul>')).toEqual([
      ['heading', 'Outcomes'],
      ['paragraph', 'We treated 200 patients.\nOf these, 150 (75%) improved.'],
      ['list-item', 'one'],
      ['list-item', 'two'],
      ['list-item', 'inner'],
    ]);
    expect(htmlDocument('<ul><li>a<ul><li>b</ul></ul>').blocks.map((b) => b.level)).toEqual([1, 2]);
  });

  it('drops scripts, styles, navigation, templates and hidden elements, and decodes entities', () => {
    const doc = htmlDocument('<nav>Home 99%</nav><p hidden>15%</p><div style="display:none">16%</div><script>x="50%"</script><style>a{width:50%}</style><p>4&nbsp;278 patients &amp; 96&#37;</p>');
    expect(doc.text).toBe('4\u00a0278 patients & 96%');
  });

  it('shows superscript citation numbers as superscripts, so they are not read as figures', () => {
    expect(htmlDocument('<p>45%<sup>12</sup> of 200</p>').text).toBe('45%¹² of 200');
  });

  it('reads a page whose <head> is never closed and that has no <body>', () => {
    const doc = htmlDocument('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Clinic</title><p>We treated 4278 patients.</p>');
    expect(doc.blocks.map((b) => b.text)).toEqual(['We treated 4278 patients.']);
  });

  it('gives a data table its cells, header rows, spans and caption, with offsets into the text', () => {
    const doc = htmlDocument('<p>Before.</p><table><caption>Table 1 (n = 120)</caption><thead><tr><th>Type<th>n (%)</thead><tbody><tr><td>Spastic<td rowspan="2">45 (37.5)<tr><td>Mixed</tbody></table>');
    const table = doc.blocks[1]!;
    expect(table.kind).toBe('table');
    expect(table.text).toBe('Type\tn (%)\nSpastic\t45 (37.5)\nMixed');
    expect(table.table?.caption).toBe('Table 1 (n = 120)');
    expect(table.table?.headRows).toBe(1);
    expect(table.table?.rows.map((r) => r.map((c) => [c.text, c.header, c.rowSpan]))).toEqual([
      [['Type', true, 1], ['n (%)', true, 1]],
      [['Spastic', false, 1], ['45 (37.5)', false, 2]],
      [['Mixed', false, 1]],
    ]);
    for (const cell of table.table!.rows.flat()) expect(doc.text.slice(cell.start, cell.end)).toBe(cell.text);
  });

  it('reads a table that lays out the page as the blocks it holds', () => {
    expect(kinds('<table><tr><td><h2>Results</h2><p>We treated 200 patients.</p></td><td><p>Contact us</p></td></tr></table>')).toEqual([
      ['heading', 'Results'],
      ['paragraph', 'We treated 200 patients.'],
      ['paragraph', 'Contact us'],
    ]);
  });

  it('keeps every block at its offsets in the text', () => {
    const doc = htmlDocument('<h2>A</h2><p>b <i>c</i></p><pre>  d\n  e</pre><ol><li>f</ol>');
    for (const b of doc.blocks) expect(doc.text.slice(b.start, b.end)).toBe(b.text);
    expect(doc.blocks.find((b) => b.kind === 'preformatted')?.text).toBe('  d\n  e');
  });

  it('ignores an attribute named __proto__', () => {
    expect(htmlDocument('<table><tr><td __proto__="x" colspan="2">a</td><td>b</td></tr></table>').blocks[0]?.table?.rows[0]?.[0]?.colSpan).toBe(2);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  // htmlparser2's Parser keeps its open elements with Array#unshift: 10^5 nested <div> took 10 s
  it('takes linear time on deeply nested and on unclosed elements', () => {
    const nested = (n: number) => `${'<div>'.repeat(n)}We treated 200 patients.${'</div>'.repeat(n)}`;
    const unclosed = (n: number) => `${'<div><span>'.repeat(n)}x`;
    const stray = (n: number) => `${'<div>'.repeat(n)}x${'</span>'.repeat(n)}`;
    for (const [name, make] of [['nested', nested], ['unclosed', unclosed], ['stray closing tags', stray]] as const) {
      const ratio = doublingRatio(make, htmlDocument, 100_000);
      console.log(`htmlDocument, ${name}: time at 2n / time at n = ${ratio.toFixed(2)}`);
      expect(ratio).toBeLessThanOrEqual(2.5);
    }
    expect(htmlDocument(nested(1000)).blocks.map((b) => b.text)).toEqual(['We treated 200 patients.']);
  });
});
