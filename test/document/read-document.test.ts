import { describe, expect, it } from 'vitest';
import { detectFormat, readDocument } from '../../src/document/read-document.js';

describe('detectFormat', () => {
  it.each([
    ['<!DOCTYPE html><p>x</p>', 'html'],
    ['\ufeff  <!-- saved from the clinic --><html><p>x</p>', 'html'],
    ['<!-- comment first -->\n<head><meta charset="utf-8"><script>var r = "99%"</script></head><p>We treated 200 patients.</p>', 'html'],
    ['<head><title>Clinic</title>', 'html'],
    ['<meta charset="utf-8"><p>x', 'html'],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>x</p></html>', 'html'],
    ['<article-body>We treated 200 patients.</p>', 'text'],
    ['<x>We treated 200 patients.</p>', 'html'],
    ['If a < b then 2 < 3.', 'text'],
    ['# Results\n\nWe treated 200 patients.', 'markdown'],
  ])('%j is %s', (input, format) => {
    expect(detectFormat(input)).toBe(format);
  });

  it('goes by the file name first', () => {
    expect(detectFormat('We treated 200 patients.', 'page.html')).toBe('html');
    expect(detectFormat('<p>x</p>', 'notes.md')).toBe('markdown');
    expect(detectFormat('# x', 'notes.txt')).toBe('text');
  });
});

describe('readDocument', () => {
  it('reads an HTML page on standard input without its scripts', () => {
    const doc = readDocument('<!-- saved --><meta charset="utf-8"><script>var rate = "99% of 100";</script><p>We treated 200 patients.</p>');
    expect(doc.text).toBe('We treated 200 patients.');
  });

  it('reads text as given', () => {
    expect(readDocument('We treated <200> patients.').text).toBe('We treated <200> patients.');
  });
});
