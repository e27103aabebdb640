import { describe, expect, it } from 'vitest';
import { textDocument } from '../../src/document/text-document.js';

const kinds = (text: string) => textDocument(text).blocks.map((b) => [b.kind, b.text]);

describe('textDocument', () => {
  it('keeps the input as the text and every block at its offsets', () => {
    const text = 'Results\r\n\r\nWe treated 200 patients.\nOf these, 150 (75%) improved.\n\n- one\n- two';
    const doc = textDocument(text);
    expect(doc.text).toBe(text);
    for (const b of doc.blocks) expect(text.slice(b.start, b.end)).toBe(b.text);
  });

  it('reads headings, paragraphs with their line breaks, and list items', () => {
    expect(kinds('# Outcomes\nWe treated 200 patients.\nOf these, 150 (75%) improved.\n\nResults\n=======\n\n* one\n  more\n1. two')).toEqual([
      ['heading', '# Outcomes'],
      ['paragraph', 'We treated 200 patients.\nOf these, 150 (75%) improved.'],
      ['heading', 'Results\n======='],
      ['list-item', '* one\n  more'],
      ['list-item', '1. two'],
    ]);
  });

  it('reads a lone short line without sentence punctuation as a heading, but not a last line or a figure', () => {
    expect(kinds('Patient outcomes\n\nWe treated 200 patients.\n\nOur success rate is 98%')).toEqual([
      ['heading', 'Patient outcomes'],
      ['paragraph', 'We treated 200 patients.'],
      ['paragraph', 'Our success rate is 98%'],
    ]);
  });

  it('reads Markdown pipe tables and tables of aligned columns, cells at their offsets', () => {
    const text = '| Type | n (%) |\n|---|---:|\n| Spastic | 45 (37.5) |\n\nPregnancy rate   87%\nLive births      60/69';
    const doc = textDocument(text);
    expect(doc.blocks.map((b) => [b.kind, b.table?.format, b.table?.rows.map((r) => r.map((c) => c.text))])).toEqual([
      ['table', 'markdown', [['Type', 'n (%)'], ['Spastic', '45 (37.5)']]],
      ['table', 'text', [['Pregnancy rate', '87%'], ['Live births', '60/69']]],
    ]);
    for (const cell of doc.blocks.flatMap((b) => b.table!.rows.flat())) expect(text.slice(cell.start, cell.end)).toBe(cell.text);
  });

  it('does not take prose with two spaces after a full stop for a table', () => {
    expect(kinds('We treated 200 patients.  Of these, 150 improved.\nThe rest  did not.  Follow-up was 2 years.')[0]?.[0]).toBe('paragraph');
  });
});
