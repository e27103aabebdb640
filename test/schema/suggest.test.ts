import { describe, expect, it } from 'vitest';
import { editDistance, suggestClosest } from '../../src/schema/suggest.js';

const pairs = (xs: string[]) => xs.map((x) => [x, x] as const);

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('spastik', 'spastic')).toBe(1);
    expect(editDistance('mxied', 'mixed')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('athetoid', 'athetoid')).toBe(0);
  });
});

describe('suggestClosest', () => {
  const types = pairs(['spastic', 'mixed', 'athetoid', 'ataxic', 'hypotonic', 'other']);
  it('suggests the close category', () => {
    expect(suggestClosest('spastik', types)).toBe('spastic');
    expect(suggestClosest('Athetiod', types)).toBe('athetoid');
  });
  it('says nothing when nothing is close or the choice is ambiguous', () => {
    expect(suggestClosest('banana', types)).toBeUndefined();
    expect(suggestClosest('', types)).toBeUndefined();
    expect(suggestClosest('ab', pairs(['aa', 'bb']))).toBeUndefined();
  });
  it('is not ambiguous when the close keys mean the same target', () => {
    expect(suggestClosest('dyskinetik', [['dyskinetic', 'athetoid'], ['dyskinetica', 'athetoid']])).toBe('athetoid');
  });
});
