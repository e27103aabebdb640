import { htmlDocument } from '../document/html-document.js';

/**
 * The readable text of an HTML page, in document order: headings, paragraphs, list items and
 * table rows separated by blank lines, `<br>` kept as a line break, scripts, styles, navigation
 * and hidden elements dropped, entities decoded. `htmlDocument` gives the same text with its
 * blocks. Linear time however deep the markup.
 *
 * @example
 * htmlText('<p>We treated <b>4278</b> patients.</p><script>var x = "99%";</script><p>Rate: 96%.</p>');
 * // 'We treated 4278 patients.\n\nRate: 96%.'
 */
export function htmlText(html: string): string {
  return htmlDocument(html).text;
}
