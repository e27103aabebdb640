import { expect } from 'vitest';

/** Relative closeness, with an absolute floor for values near 0. Returns the error for reporting. */
export function expectClose(actual: number, expected: number | string | null, rel: number, abs = 0, label = ''): number {
  if (expected === null) throw new Error(`no reference for ${label}`);
  const e = expected === 'Inf' ? Infinity : expected === '-Inf' ? -Infinity : expected === 'NaN' ? NaN : Number(expected);
  if (!Number.isFinite(e) || !Number.isFinite(actual)) {
    expect(actual, label).toBe(e);
    return 0;
  }
  const err = Math.abs(actual - e);
  const relErr = e === 0 ? err : err / Math.abs(e);
  if (!(err <= abs || relErr <= rel)) expect.fail(`${label}: got ${actual}, reference ${e} (rel ${relErr.toExponential(2)}, abs ${err.toExponential(2)})`);
  return relErr;
}
