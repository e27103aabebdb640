import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headerSize } from '../../src/tables/header-size.js';

describe('headerSize', () => {
  it('reads what statedN reads', () => {
    expect(headerSize('Treated (n = 120)')).toBe(120);
    expect(headerSize('Total (N 664)')).toBe(664);
    expect(headerSize('Women (n = 13,980)')).toBe(13980);
  });

  it('reads k = for the studies a review column counts', () => {
    expect(headerSize('Trials (k = 186)')).toBe(186);
    expect(headerSize('Studies (k=12)')).toBe(12);
    expect(headerSize('k = 1,204')).toBe(1204);
    expect(headerSize('Kappa (k = 0.8)')).toBeNull();
  });

  it('reads a count of people closing the heading', () => {
    expect(headerSize('Group A (40 patients)')).toBe(40);
    expect(headerSize('Group II (40 Patients)')).toBe(40);
    expect(headerSize('120 patients')).toBe(120);
    expect(headerSize('Treated, 1,204 participants')).toBe(1204);
    expect(headerSize('Included trials: 35 trials')).toBe(35);
    expect(headerSize('Group A (40 pts)')).toBe(40);
    expect(headerSize('No. of patients = 120')).toBe(120);
    expect(headerSize('Number of participants: 1,204')).toBe(1204);
  });

  it('reads no size from rates, thresholds or counts inside a phrase', () => {
    expect(headerSize('Events per 100 patients')).toBeNull();
    expect(headerSize('Rate per 1000 persons')).toBeNull();
    expect(headerSize('Sites with ≥ 2 patients')).toBeNull();
    expect(headerSize('Sites with > 10 patients')).toBeNull();
    expect(headerSize('Visits of 2 patients per day')).toBeNull();
    expect(headerSize('Treatment')).toBeNull();
    expect(headerSize('2019')).toBeNull();
  });

  it('reads back any size printed in each form', () => {
    const forms = [(n: string) => `Arm (n = ${n})`, (n: string) => `Trials (k = ${n})`, (n: string) => `Group (${n} patients)`, (n: string) => `${n} participants`];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: forms.length - 1 }), fc.boolean(), (n, k, grouped) => {
        const printed = grouped ? n.toLocaleString('en-US') : String(n);
        expect(headerSize(forms[k]!(printed))).toBe(n);
      }),
    );
  });
});
