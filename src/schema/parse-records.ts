import { CohortValidationError } from '../errors.js';
import { assertOneOf } from '../exact/validate.js';
import { OUTCOMES, recordSchema, type CohortRecord } from './record.js';
import { recordWarnings, type RecordWarning, type VocabularyBounds } from './record-warnings.js';
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

/** What {@link parseRecords} returns: the records, the rejected rows, and warnings about accepted ones. */
export interface ParseRecordsResult<R> extends ParseResult<R> {
  /**
   * Without a cohort: type spellings that look like one type written two ways, and years outside
   * 1900–2100; with a cohort that sets no year range: the years. Empty when all looks right.
   */
  warnings: RecordWarning[];
}

/** The validator behind {@link cohortRecordSchema}: any type, suggestions for outcomes only. */
export const anyCohort: RecordValidator<CohortRecord> = {
  get schema() {
    return recordSchema();
  },
  suggest: (field, value) =>
    field === 'outcome' && typeof value === 'string' ? suggestClosest(value, OUTCOMES.map((o) => [o, o] as const)) : undefined,
};

/**
 * Validate plain objects as cohort records. Every input row ends up either in `records` or in
 * `rejected` (with its 1-based index, field, raw value and reason), never silently dropped.
 * Types and outcomes are trimmed and folded to lower case with or without a cohort; without one,
 * `warnings` names spellings that look like the same type (`'spastik'` beside `'spastic'`).
 *
 * @example
 * const { records, rejected } = parseRecords(
 *   [{ type: 'spastic', year: 2010, outcome: 'improved' }, { type: 'mixed', year: 2011, outcome: 'improvd' }],
 *   { mode: 'lenient' },
 * );
 * records.length;               // 1
 * rejected[0].issues[0].suggestion; // 'improved'
 */
export function parseRecords<R = CohortRecord>(rows: readonly unknown[], options: ParseRecordsOptions<R> = {}): ParseRecordsResult<R> {
  const { mode = 'strict' } = options;
  assertOneOf(mode, ['strict', 'lenient'], 'mode');
  const validator = (options.cohort ?? anyCohort) as RecordValidator<R>;
  const records: R[] = [];
  const rejected: ParseResult<R>['rejected'] = [];
  rows.forEach((row, index) => {
    const checked = validateRow(validator, row, index + 1);
    if (checked.ok) records.push(checked.record);
    else rejected.push(checked.rejected);
  });
  if (mode === 'strict' && rejected.length > 0) throw new CohortValidationError(rejected);
  return { records, rejected, warnings: warningsOf(records, options.cohort) };
}

/** Warnings for records of the standard shape; a custom validator's records are its own business. */
function warningsOf<R>(records: readonly R[], cohort: RecordValidator<R> | undefined): RecordWarning[] {
  const bounds = cohort as VocabularyBounds | undefined;
  if (cohort !== undefined && !Array.isArray(bounds?.types)) return [];
  const types = new Map<string, number>();
  const years = new Map<number, number>();
  for (const r of records as unknown as readonly CohortRecord[]) {
    types.set(r.type, (types.get(r.type) ?? 0) + 1);
    years.set(r.year, (years.get(r.year) ?? 0) + 1);
  }
  return recordWarnings(types, years, bounds);
}
