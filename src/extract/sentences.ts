// Sentence boundaries through Intl.Segmenter (Unicode's sentence rules, with the locale's
// abbreviations): it knows "Dr." and "4.5" better than a regular expression. V8's segmenter
// slows down more than linearly on very long strings, so it is given one block at a time, and a
// block longer than MAX_SEGMENT is cut at line breaks first.

/** A sentence as offsets into the text it was read from. */
export interface Sentence {
  start: number;
  end: number;
}

const MAX_SEGMENT = 8192;
// abbreviations after which Unicode's rules end a sentence but medical prose does not
const ABBREVIATION = /(?:\b(?:vs|v|et\s+al|e\.g|i\.e|approx|ca|cf|resp|incl|etc|Fig|Figs|Tab|Abb|No|Nr|Dr|Prof|Pat|Krhs|bzw|z\.\s?B|d\.\s?h|u\.\s?a|ggf|evtl|vgl|p|pp|vol|min|max|n\.s|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mio|Mrd|Std|Hosp|Dept|St|Sr|Jr|Mr|Mrs|Ms|env|cap|núm|aprox|Sra|Sr|Dra)\.|\b[A-Z]\.)\s*$/u;

let segmenter: { segment(text: string): Iterable<{ index: number; segment: string }> } | null | undefined;

function getSegmenter() {
  if (segmenter === undefined) {
    const Segmenter = (Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: 'sentence' }) => typeof segmenter }).Segmenter;
    segmenter = Segmenter ? new Segmenter('en', { granularity: 'sentence' }) : null;
  }
  return segmenter;
}

/** Fallback where Intl.Segmenter is missing: ". ", "! ", "? " before a capital, digit or bracket. */
function fallbackSentences(text: string, offset: number): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s+[\p{Lu}\d(“"¿¡])/gu)) {
    const end = m.index + 1;
    out.push({ start: offset + start, end: offset + end });
    start = end;
  }
  out.push({ start: offset + start, end: offset + text.length });
  return out;
}

function segmentPiece(text: string, offset: number): Sentence[] {
  // single line breaks inside a paragraph are wrapping, not sentence ends (the replacement keeps every offset)
  const flat = text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
  const seg = getSegmenter();
  if (seg === null || seg === undefined) return fallbackSentences(flat, offset);
  const out: Sentence[] = [];
  for (const s of seg.segment(flat)) {
    const start = offset + s.index;
    const end = start + s.segment.length;
    const last = out[out.length - 1];
    if (last !== undefined && ABBREVIATION.test(flat.slice(Math.max(0, last.start - offset), last.end - offset).trimEnd())) last.end = end;
    else out.push({ start, end });
  }
  return splitBeforeNumbers(flat, offset, out);
}

// "We treated 120 patients. 60 were boys.": Unicode's rules join a sentence that opens with a number to the one
// before when a lower-case word follows the number; medical prose opens sentences with counts all the time
const BEFORE_NUMBER = /(?<=[\p{L}\p{N}%)\]])[.!?](?=\s+\d)/gu;

function splitBeforeNumbers(flat: string, offset: number, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    let start = s.start;
    const piece = flat.slice(s.start - offset, s.end - offset);
    for (const m of piece.matchAll(BEFORE_NUMBER)) {
      const end = s.start + m.index + 1;
      const before = flat.slice(Math.max(start - offset, end - offset - 12), end - offset);
      // "No. 5", "Fig. 3", "p. 45", and a lone digit's point ("step 1. 2 ...") are no ends
      if (ABBREVIATION.test(before) || /(?:^|[^\d])\d[.]$/.test(before)) continue;
      out.push({ start, end });
      start = end;
    }
    out.push({ start, end: s.end });
  }
  return out;
}

/**
 * The sentences of `text` (one block of a document), as offsets into `text` plus `offset`.
 * Sentences with only white space are dropped.
 *
 * @example
 * splitSentences('We treated 200 patients, e.g. adults. Of these, 150 (75%) improved.').length; // 2
 */
export function splitSentences(text: string, offset = 0): Sentence[] {
  const out: Sentence[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + MAX_SEGMENT);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      const stop = text.lastIndexOf('. ', end);
      end = nl > at + MAX_SEGMENT / 2 ? nl + 1 : stop > at + MAX_SEGMENT / 2 ? stop + 2 : end;
    }
    out.push(...segmentPiece(text.slice(at, end), offset + at));
    at = end;
  }
  return out.filter((s) => text.slice(s.start - offset, s.end - offset).trim() !== '');
}
