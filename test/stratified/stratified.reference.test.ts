// Every case of test/fixtures/reference/stratified.json: metafor 3.8's rma.mh and R's mantelhaen.test
// (scripts/reference/meta-reference.R), 176 sets of strata with zero cells, empty groups and strata.
import { afterAll, describe, expect, it } from 'vitest';
import { breslowDay } from '../../src/stratified/breslow-day.js';
import { cmhTest } from '../../src/stratified/cmh-test.js';
import { mantelHaenszel } from '../../src/stratified/mantel-haenszel.js';
import { heldOut, relativeError, stratifiedCases, value, WorstErrors, type MhFit, type RNumber } from '../meta/reference.js';

const TOLERANCE = 1e-10;
const worst = new WorstErrors();
afterAll(() => worst.print('worst relative error against R (rma.mh, mantelhaen.test) per field'));

function check(column: string, field: string, where: string, actual: number, expected: RNumber, floor = 0) {
  const e = value(expected);
  const err = relativeError(actual, e, floor);
  worst.track(column, field, err, where, TOLERANCE);
  if (!(err <= TOLERANCE)) expect.fail(`${where} ${column} ${field}: got ${actual}, R ${e} (relative error ${err.toExponential(2)})`);
}

const cases = stratifiedCases();

describe('mantelHaenszel, cmhTest and breslowDay against R', () => {
  it.skipIf(heldOut)('has the edge cases', () => {
    const ids = cases.map((c) => c.id);
    for (const id of ['k1', 'zero-cell', 'no-events-stratum', 'empty-group', 'empty-stratum', 'single-patient-stratum', 'equal-odds', 'or-undefined', 'small-delta', 'near-one']) expect(ids).toContain(id);
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    for (const [measure, level] of [['OR', 95], ['OR', 90], ['RR', 95], ['RD', 95]] as const) {
      const ref = c[`rma.mh.${measure}.${level}`] as MhFit;
      const r = mantelHaenszel(c.strata, { measure, level: level / 100 });
      const where = `${id} ${measure} ${level}%`;
      if (Number.isNaN(value(ref.estimate))) {
        expect(r.estimate, where).toBeNaN();
        expect(r.reason, where).toMatch(/needs|no stratum|every stratum/);
        continue;
      }
      if (measure === 'RR' && !Number.isFinite(Math.log(value(ref.estimate)))) {
        // metafor's RR of 0 or ∞ (events only where the other group is empty): the same values, with the reason
        for (const f of ['estimate', 'lower', 'upper', 'se'] as const) expect(Object.is(r[f], value(ref[f])) || (Number.isNaN(r[f]) && Number.isNaN(value(ref[f]))), `${where} ${f}`).toBe(true);
        expect(r.reason, where).toMatch(/only strata with both groups count/);
        continue;
      }
      if (r.se === 0) expect(r.reason, where).toMatch(/standard error is 0/);
      else expect(r.reason, where).toBeNull();
      for (const f of ['estimate', 'lower', 'upper', 'se', 'pValue'] as const) check(measure, f, where, r[f], ref[f]);
    }
    // Breslow–Day / Tarone: R run on the strata with both groups (metafor adds a 0/0 term for an empty group 2)
    const bdRef = (c['rma.mh.OR.95.both-groups'] ?? c['rma.mh.OR.95']) as MhFit;
    for (const tarone of [false, true]) {
      const r = breslowDay(c.strata, { tarone });
      const [stat, p] = tarone ? [bdRef.TA, bdRef.TAp] : [bdRef.BD, bdRef.BDp];
      const where = `${id} ${tarone ? 'Tarone' : 'Breslow-Day'}`;
      if (Number.isNaN(value(bdRef.estimate))) {
        expect(r.statistic, where).toBeNaN();
        expect(r.reason, where).toMatch(/does not exist/);
        continue;
      }
      check(tarone ? 'Tarone' : 'BreslowDay', 'statistic', where, r.statistic, stat, 1e-12);
      expect(r.df, where).toBe(Math.max(0, value(bdRef.kPos) - 1));
      if (Number.isNaN(value(p))) {
        expect(r.pValue, where).toBeNaN();
        expect(r.reason, where).toMatch(/at least 2/);
      } else check(tarone ? 'Tarone' : 'BreslowDay', 'pValue', where, r.pValue, p);
    }
    for (const correct of [true, false]) {
      const ref = c[`mantelhaen.${correct ? 'correct' : 'nocorrect'}`] as { error?: string; statistic: RNumber; pValue: RNumber; method: string };
      const r = cmhTest(c.strata, { correct });
      const where = `${id} cmh correct=${correct}`;
      if (ref.error) {
        // R needs 2 or more strata; one stratum gives the chi-squared test with the (N − 1)/N variance
        expect(ref.error).toMatch(/each dimension in table must be >= 2/);
        expect(c.strata.filter((s) => s.n1 + s.n2 >= 2)).toHaveLength(1);
        continue;
      }
      if (Number.isNaN(value(ref.statistic))) {
        expect(r.statistic, where).toBeNaN();
        expect(r.reason, where).toMatch(/no variance/);
        continue;
      }
      check(`cmh${correct ? '' : ' uncorrected'}`, 'statistic', where, r.statistic, ref.statistic, 1e-12);
      check(`cmh${correct ? '' : ' uncorrected'}`, 'pValue', where, r.pValue, ref.pValue);
      expect(r.method, where).toBe(ref.method);
    }
  });
});
