import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { compareToEvidence } from '../../src/meta/compare-to-evidence.js';
import { metaProportion } from '../../src/meta/meta-proportion.js';

// illustrative counts, not from publications
const studies = [
  { events: 52, n: 61, label: 'A' },
  { events: 70, n: 95, label: 'B' },
  { events: 33, n: 40, label: 'C' },
  { events: 88, n: 120, label: 'D' },
];

describe('compareToEvidence', () => {
  it('places the claim against the prediction interval of the pooled studies, numbers in the message', () => {
    const pooled = metaProportion(studies);
    const c = compareToEvidence('96%', studies);
    expect(c.position).toBe('above');
    expect(c.insidePrediction).toBe(false);
    expect(c.pooled.predictionUpper).toBe(pooled.predictionUpper);
    expect(c.message).toBe(
      'The claimed 96% lies above the 95% prediction interval 67.5%–84.7% of 4 studies (pooled 77.2%, 95% CI 70.9%–82.5%; τ² = 0.0339 on the logit scale, I² = 29.8%, REML).',
    );
    expect(compareToEvidence(0.6, studies).position).toBe('below');
    expect(compareToEvidence({ events: 8, n: 10 }, studies).position).toBe('within');
  });

  it('reads a printed percent with its rounding, so a claim is outside only if all it can stand for is', () => {
    const { predictionUpper } = metaProportion(studies);
    // a claim printed to no decimals just above the upper bound, whose rounding band reaches inside it
    const printed = Math.round(predictionUpper * 100 + 0.3);
    const c = compareToEvidence(`${printed}%`, studies);
    expect(c.claimRange).toEqual({ lower: (printed - 0.5) / 100, upper: (printed + 0.5) / 100 });
    expect(c.position).toBe((printed - 0.5) / 100 > predictionUpper ? 'above' : 'within');
    expect(compareToEvidence('84.9', studies).claimRange.lower).toBeCloseTo(0.8485, 12);
  });

  it('also says whether the claim reaches the confidence interval', () => {
    const pooled = metaProportion(studies);
    expect(compareToEvidence(pooled.estimate, studies).insideConfidence).toBe(true);
    expect(compareToEvidence(pooled.predictionUpper - 1e-9, studies)).toMatchObject({ insidePrediction: true, insideConfidence: false });
  });

  it('passes the meta-analysis options on', () => {
    expect(compareToEvidence('96%', studies, { method: 'GLMM' }).pooled.method).toBe('GLMM');
    expect(compareToEvidence('96%', studies, { transform: 'arcsine', decimals: 2 }).message).toMatch(/\d\.\d\d%–.*arcsine scale/);
  });

  it('rejects claims it cannot read', () => {
    for (const bad of [96, -0.1, '96 percent', '101%', { events: 5, n: 4 }, null]) expect(() => compareToEvidence(bad as never, studies)).toThrow(InvalidArgumentError);
  });
});
