import { afterAll, describe, expect, it } from 'vitest';
import { corpusReport, loadCorpus, precision, recall, partitionRecall, scoreCorpus, splitOfPassage } from './corpus-score.js';

// Real passages copied from public pages (URL kept with each), gold claims written by hand before
// the extractor was run on them. The held-back split is scored but was never used to choose rules.
const corpus = loadCorpus();
const result = scoreCorpus(corpus);

afterAll(() => console.log(corpusReport(result)));

describe('the real-passage corpus', () => {
  it('has at least 150 passages in four languages, at least 50 that must yield nothing, each with its source URL', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((p) => p.claims.length === 0).length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((p) => p.lang))).toEqual(new Set(['en', 'de', 'fr', 'es']));
    for (const p of corpus) expect(p.url).toMatch(/^https?:\/\//);
    expect(new Set(corpus.map((p) => p.id)).size).toBe(corpus.length);
  });

  it('keeps the held-back split that a seeded hash of each id chose (about 30%), plus the later collection', () => {
    for (const p of corpus) expect(p.split).toBe(splitOfPassage(p));
    const first = corpus.filter((p) => p.batch === undefined);
    const held = first.filter((p) => p.split === 'held-back').length / first.length;
    expect(held).toBeGreaterThan(0.2);
    expect(held).toBeLessThan(0.4);
  });

  it('reads the development split with precision ≥ 0.90 and recall ≥ 0.85', () => {
    const t = result.splits.get('development')!;
    expect(precision(t)).toBeGreaterThanOrEqual(0.9);
    expect(recall(t)).toBeGreaterThanOrEqual(0.85);
    expect(partitionRecall(t)).toBeGreaterThanOrEqual(0.75);
  });

  // the held-back split is a check on generalisation, never a target: these bounds only catch a
  // collapse (its figures are printed and reported in the README as they are)
  it('reads the held-back split without collapsing (precision ≥ 0.40, recall ≥ 0.50)', () => {
    const t = result.splits.get('held-back')!;
    expect(precision(t)).toBeGreaterThanOrEqual(0.4);
    expect(recall(t)).toBeGreaterThanOrEqual(0.5);
  });

  it('finds nothing in nearly every passage that must yield nothing', () => {
    const dev = result.splits.get('development')!;
    const held = result.splits.get('held-back')!;
    expect(dev.cleanNegatives / dev.negatives).toBeGreaterThanOrEqual(0.95);
    expect(held.cleanNegatives / held.negatives).toBeGreaterThanOrEqual(0.85);
  });
});
