import { CohortValidationError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { cohortRecordSchema, OUTCOMES, type CohortRecord } from './record.js';
import type { ParseResult, ValidationMode } from './rejected.js';
import { suggestClosest } from './suggest.js';
import { validateRow, type RecordValidator } from './validate-row.js';

/** Options of {@link parseRecords}. */
export interface ParseRecordsOptions<R = CohortRecord> {
  /** `'strict'` (default) throws a {@link CohortValidationError} listing every bad row; `'lenient'` returns them. */
  mode?: ValidationMode;
  /** A cohort from {@link defineCohort}; without one, any non-empty type is accepted. */
  cohort?: RecordValidator<R>;
}

/** The validator behind {@link cohortRecordSchema}: any type, suggestions for outcomes only. */
export const anyCohort: RecordValidator<CohortRecord> = {
  schema: cohortRecordSchema,
  suggest: (field, value) =>
    field === 'outcome' && typeof value === 'string' ? suggestClosest(value, OUTCOMES.map((o) => [o, o] as const)) : undefined,
};

/**
 * Validate plain objects as cohort records. Every input row ends up either in `records` or in
 * `rejected` (with its 1-based index, field, raw value and reason), never silently dropped.
 *
 * @example
 * const { records, rejected } = parseRecords(
 *   [{ type: 'spastic', year: 2010, outcome: 'improved' }, { type: 'mixed', year: 2011, outcome: 'improvd' }],
 *   { mode: 'lenient' },
 * );
 * records.length;               // 1
 * rejected[0].issues[0].suggestion; // 'improved'
 */
export function parseRecords<R = CohortRecord>(rows: readonly unknown[], options: ParseRecordsOptions<R> = {}): ParseResult<R> {
  const { mode = 'strict' } = options;
  assertOneOf(mode, ['strict', 'lenient'], 'mode');
  const validator = (options.cohort ?? anyCohort) as RecordValidator<R>;
  const result: ParseResult<R> = { records: [], rejected: [] };
  rows.forEach((row, index) => {
    const checked = validateRow(validator, row, index + 1);
    if (checked.ok) result.records.push(checked.record);
    else result.rejected.push(checked.rejected);
  });
  if (mode === 'strict' && result.rejected.length > 0) throw new CohortValidationError(result.rejected);
  return result;
}
