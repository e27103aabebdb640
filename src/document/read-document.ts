import type { TextDocument } from './document.js';
import { htmlDocument } from './html-document.js';
import { textDocument } from './text-document.js';

/** How to read a page. */
export type DocumentFormat = 'html' | 'markdown' | 'text';

// Elements a page can start with (after a doctype, comments and white space). Browsers sniff
// "<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A",
// "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P" and "<!--"; fragments also start with these.
const START_TAGS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'link', 'base', 'script', 'style', 'noscript', 'iframe', 'div', 'p', 'span', 'a', 'b', 'i', 'em',
  'strong', 'font', 'center', 'table', 'ul', 'ol', 'li', 'br', 'hr', 'img', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'form', 'blockquote', 'pre', 'figure', 'dl', 'template', 'svg',
]);
const CLOSING_TAG = /<\/(?:html|head|body|p|div|table|td|li|span|a|h[1-6]|script|style)\s*>/i;

/**
 * Tell HTML from plain text or Markdown by the file name, then by content the way browsers sniff
 * it: a page may start with a byte-order mark, white space, comments or a doctype, then any of
 * the usual first elements (`<head>`, `<meta>`, `<title>`, `<div>` ...); text whose first element
 * is something else still counts as HTML when it closes `</p>`, `</div>` or similar tags.
 *
 * @example
 * detectFormat('<!-- saved page --><meta charset="utf-8"><p>We treated 200 patients.</p>'); // 'html'
 * detectFormat('# Results\n\nWe treated 200 patients.', 'page.md');                          // 'markdown'
 * detectFormat('If a < b, then 2 < 3.');                                                    // 'text'
 */
export function detectFormat(input: string, name?: string): DocumentFormat {
  if (name !== undefined) {
    if (/\.x?html?$/i.test(name)) return 'html';
    if (/\.(?:md|markdown|mdown)$/i.test(name)) return 'markdown';
  }
  let at = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  // skip white space, comments and processing instructions before the first element
  for (;;) {
    while (at < input.length && /\s/.test(input[at]!)) at++;
    if (input.startsWith('<!--', at)) {
      const end = input.indexOf('-->', at + 4);
      if (end < 0) return 'text';
      at = end + 3;
    } else if (input.startsWith('<?', at)) {
      const end = input.indexOf('>', at);
      if (end < 0) return 'text';
      at = end + 1;
    } else break;
  }
  if (/^<!doctype\s+html/i.test(input.slice(at, at + 20))) return 'html';
  const tag = /^<([a-zA-Z][a-zA-Z0-9]*)[\s/>]/.exec(input.slice(at, at + 20));
  if (tag && START_TAGS.has(tag[1]!.toLowerCase())) return 'html';
  if (tag && CLOSING_TAG.test(input.slice(0, 65536))) return 'html';
  return name !== undefined && /\.txt$/i.test(name) ? 'text' : /^ {0,3}#{1,6}\s|^\s*\|.*\|\s*$/m.test(input.slice(0, 4096)) ? 'markdown' : 'text';
}

/**
 * Read a page (HTML, Markdown or plain text) as a {@link TextDocument} of headings, paragraphs,
 * list items and tables; `format: 'auto'` (default) detects it with {@link detectFormat}.
 *
 * @example
 * readDocument('<p>We treated 200 patients.</p>').blocks[0].text; // 'We treated 200 patients.'
 */
export function readDocument(input: string, options: { format?: DocumentFormat | 'auto'; name?: string } = {}): TextDocument {
  const format = options.format === undefined || options.format === 'auto' ? detectFormat(input, options.name) : options.format;
  return format === 'html' ? htmlDocument(input) : textDocument(input);
}
