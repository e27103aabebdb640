// JavaScript's \b knows only ASCII letters: in "años" it finds a word boundary before "os". The
// readers of Spanish, French and German text need a boundary that knows every letter.
const BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))`;

/**
 * The same regular expression with every `\b` made Unicode-aware (and the `u` flag set).
 *
 * @example
 * /\bos\b/u.test('años');         // true
 * words(/\bos\b/u).test('años');  // false
 */
export function words(re: RegExp): RegExp {
  const source = re.source.replace(/\\\\|\\b/g, (m) => (m === '\\b' ? BOUNDARY : m));
  return new RegExp(source, re.flags.includes('u') ? re.flags : `${re.flags}u`);
}
