import { describe, expect, it } from 'vitest';
import { compareToReference } from '../../src/audit/compare-to-reference.js';
import { chiSquareGoodnessOfFit } from '../../src/inference/goodness-of-fit.js';
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
    expect(byTypes['other+hypotonic']?.observed).toBe(112);
    expect(c.divergent).toBe(true);
    // the test is exactly a goodness-of-fit test of the grouped counts against the grouped shares
    const direct = chiSquareGoodnessOfFit([2324, 501, 0, 112], [84.9, 6.6, 4.1, 4.4]);
    expect(c.test.statistic).toBeCloseTo(direct.statistic, 9);
    expect(c.cohensW).toBeCloseTo(Math.sqrt(direct.statistic / 2937), 12);
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
