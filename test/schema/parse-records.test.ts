import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CohortValidationError, TreatmentOutcomesError } from '../../src/errors.js';
import { cerebralPalsyCohort } from '../../src/schema/cerebral-palsy.js';
import { parseRecords } from '../../src/schema/parse-records.js';

const good = { type: 'spastic', year: 2010, outcome: 'improved' };

describe('parseRecords', () => {
  it('returns records and rejected rows in lenient mode, with 1-based rows and raw values', () => {
    const { records, rejected } = parseRecords(
      [good, { type: 'mixed', year: 'soon', outcome: 'improvd' }, 'not a row', { ...good, id: 7 }],
      { mode: 'lenient' },
    );
    expect(records).toEqual([good]);
    expect(rejected).toEqual([
      {
        row: 2,
        issues: [
          { field: 'year', value: 'soon', message: 'year must be a whole number such as 2005, got "soon"' },
          { field: 'outcome', value: 'improvd', message: expect.stringContaining('outcome must be one of'), suggestion: 'improved' },
        ],
      },
      { row: 3, issues: [{ field: '(row)', value: 'not a row', message: 'expected an object with type, year and outcome' }] },
      { row: 4, issues: [{ field: 'id', value: 7, message: 'id must be text' }] },
    ]);
  });

  it('throws in strict mode (the default) with every problem, not only the first', () => {
    const rows = [{ ...good, type: 'spastik' }, good, { ...good, year: 1.5 }];
    let error: unknown;
    try {
      parseRecords(rows, { cohort: cerebralPalsyCohort });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CohortValidationError);
    expect(error).toBeInstanceOf(TreatmentOutcomesError);
    const e = error as CohortValidationError;
    expect(e.name).toBe('CohortValidationError');
    expect(e.rejected.map((r) => r.row)).toEqual([1, 3]);
    expect(e.message).toContain('row 1, type: unknown type "spastik"');
    expect(e.message).toContain('(did you mean "spastic"?)');
    expect(e.message).toContain('row 3, year:');
  });

  it('accounts for every input row: records + rejected = rows, in order', () => {
    const row = fc.oneof(
      fc.record({
        type: fc.oneof(fc.constantFrom('spastic', 'Mixed', 'dyskinetic', 'spastik', ''), fc.string()),
        year: fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.constantFrom('2005', '20O5', 2005.5)),
        outcome: fc.constantFrom('improved', 'unknown', 'Worsened', 'improvd', 3),
      }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const { records, rejected } = parseRecords(rows, { mode: 'lenient', cohort: cerebralPalsyCohort });
        expect(records.length + rejected.length).toBe(rows.length);
        const rejectedRows = rejected.map((r) => r.row);
        expect(rejectedRows).toEqual([...rejectedRows].sort((a, b) => a - b));
        for (const r of rejected) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('does not mutate its input', () => {
    const rows = [Object.freeze({ type: ' Spastic ', year: '2010', outcome: 'Improved' })];
    const copy = structuredClone(rows);
    parseRecords(rows, { cohort: cerebralPalsyCohort });
    expect(rows).toEqual(copy);
  });

  it('rejects an unknown mode', () => {
    expect(() => parseRecords([], { mode: 'loose' as 'strict' })).toThrow(/mode must be one of/);
  });
});
