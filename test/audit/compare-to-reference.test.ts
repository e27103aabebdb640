import { describe, expect, it } from 'vitest';
import { compareToReference } from '../../src/audit/compare-to-reference.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { loadReferences } from '../../src/node/claims.js';

const clinic = { spastic: 2324, mixed: 1341, athetoid: 501, other: 112 };

describe('compareToReference', async () => {
  const refs = await loadReferences();

  it('bundles SCPE and the Chinese six-province survey with citations', () => {
    expect(Object.keys(refs)).toEqual(['china-six-provinces', 'scpe']);
    for (const r of Object.values(refs)) {
      expect(r.citation.length).toBeGreaterThan(40);
      const total = r.categories.reduce((a, c) => a + Number(c.percent), 0);
      expect(total).toBeCloseTo(100, 9);
    }
  });

  it('maps athetoid to dyskinetic, merges the spastic subtypes and leaves mixed out of SCPE', () => {
    const c = compareToReference(clinic, refs.scpe!);
    expect(c.excluded).toEqual([{ type: 'mixed', count: 1341 }]);
    const byTypes = Object.fromEntries(c.groups.map((g) => [g.types.join('+'), g]));
    expect(byTypes.spastic?.categories).toEqual(['bilateral-spastic', 'unilateral-spastic']);
    expect(byTypes.athetoid?.referenceShare).toBeCloseTo(0.066, 12);
    expect(byTypes.other?.observed).toBe(112);
    expect(c.divergent).toBe(true);
  });

  it('never counts a category the publication does not report as 0 observed: it joins the "other" group', () => {
    const c = compareToReference(clinic, refs.scpe!);
    expect(c.groups.map((g) => g.types)).toEqual([['spastic'], ['athetoid'], ['other']]);
    expect(c.groups.find((g) => g.types[0] === 'other')).toMatchObject({ categories: ['not-classified', 'ataxic'], folded: ['ataxic'] });
    expect(c.unreported).toEqual([{ id: 'ataxic', label: 'Ataxic', percent: '4.1', types: ['ataxic'] }]);
    expect(c.foldedInto).toBe('other');
    expect(c.unmatchedCategories).toEqual([]);
    // By hand: E = 2937 · (0.849, 0.066, 0.085); X² = Σ (O − E)² / E
    const E = [0.849, 0.066, 0.085].map((p) => 2937 * p);
    const byHand = [2324, 501, 112].reduce((a, o, i) => a + (o - E[i]!) ** 2 / E[i]!, 0);
    expect(c.test.statistic).toBeCloseTo(byHand, 9);
    expect(c.test.statistic).toBeCloseTo(574.132291846284, 9); // R 4.2: chisq.test(c(2324, 501, 112), p = c(.849, .066, .085))
    expect(c.test.df).toBe(2);
    expect(c.cohensW).toBeCloseTo(Math.sqrt(byHand / 2937), 12);
  });

  it('with no "other" group, leaves unreported categories out and renormalises the rest', () => {
    const c = compareToReference({ spastic: 2324, athetoid: 501 }, refs.scpe!);
    expect(c.foldedInto).toBeNull();
    expect(c.unmatchedCategories).toEqual(['ataxic', 'not-classified']);
    // E = 2825 · (84.9, 6.6) / 91.5
    const E = [84.9, 6.6].map((p) => (2825 * p) / 91.5);
    expect(c.test.statistic).toBeCloseTo([2324, 501].reduce((a, o, i) => a + (o - E[i]!) ** 2 / E[i]!, 0), 9);
    expect(compareToReference(clinic, refs.scpe!, { other: null }).unmatchedCategories).toEqual(['ataxic']);
  });

  it('keeps a type the publication reports as 0 as its own group', () => {
    const c = compareToReference({ ...clinic, ataxic: 0 }, refs.scpe!);
    expect(c.groups.find((g) => g.types[0] === 'ataxic')).toMatchObject({ observed: 0, categories: ['ataxic'] });
    expect(c.unreported).toEqual([]);
    expect(c.test.df).toBe(3);
  });

  it('keeps mixed against a reference that has it', () => {
    const c = compareToReference(clinic, refs['china-six-provinces']!);
    expect(c.excluded).toEqual([]);
    expect(c.groups.find((g) => g.types.includes('mixed'))?.referenceShare).toBeCloseTo(0.124, 12);
  });

  it('is not divergent for a cohort drawn to the reference shares', () => {
    const c = compareToReference({ spastic: 849, athetoid: 66, ataxic: 41, other: 44 }, refs.scpe!);
    expect(c.test.statistic).toBeCloseTo(0, 10);
    expect(c.divergent).toBe(false);
  });

  it('demands an explicit mapping for every type', () => {
    expect(() => compareToReference({ banana: 3, spastic: 4 }, refs.scpe!)).toThrow(/type "banana" has no mapping/);
    expect(() => compareToReference(clinic, refs.scpe!, { mapping: { spastic: ['nope'] } })).toThrow(InvalidArgumentError);
  });
});
