import { describeRejected, type RejectedRow } from './schema/rejected.js';

/**
 * Base class of every error this library throws on purpose. Catch this to tell
 * "the input was wrong" apart from a bug.
 *
 * @example
 * const error = (() => { try { formatPercent(5, 0); } catch (e) { return e; } })();
 * error instanceof TreatmentOutcomesError; // true
 */
export class TreatmentOutcomesError extends Error {
  /** A stable, machine-readable code, e.g. `'invalid-argument'`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TreatmentOutcomesError';
    this.code = code;
  }
}

/**
 * A number or option out of its domain (NaN, a negative or fractional count,
 * k > n, n = 0, a percent above 100, an unknown rounding mode ...).
 * `argument` names the offending parameter.
 *
 * @example
 * const error = (() => { try { formatPercent(5, 4); } catch (e) { return e; } })();
 * error.argument; // 'numerator'
 */
export class InvalidArgumentError extends TreatmentOutcomesError {
  /** Name of the argument (or option) that was rejected. */
  readonly argument: string;
  /** The value that was rejected. */
  readonly value: unknown;
  constructor(argument: string, value: unknown, message: string) {
    super('invalid-argument', message);
    this.name = 'InvalidArgumentError';
    this.argument = argument;
    this.value = value;
  }
}

/**
 * A request whose cost would exceed a documented bound: the library refuses it before doing any of
 * the work, so no input can hang the caller or exhaust its memory. `limit` names the bound (also
 * the option that raises it, where there is one), `requested` is what the input asked for.
 *
 * @example
 * const error = new LimitExceededError('maxScan', 1e8, 1e15, 'scanning 10^15 denominators would take days');
 * error.code; // 'limit-exceeded'
 */
export class LimitExceededError extends TreatmentOutcomesError {
  /** Name of the bound (and of the option that raises it, where one does). */
  readonly limit: string;
  /** The bound's value. */
  readonly max: number;
  /** What the input asked for, in the bound's unit. */
  readonly requested: number;
  constructor(limit: string, max: number, requested: number, message: string) {
    super('limit-exceeded', message);
    this.name = 'LimitExceededError';
    this.limit = limit;
    this.max = max;
    this.requested = requested;
  }
}

/**
 * An input file or stream that cannot be read as a cohort at all (no header,
 * a required column missing, a duplicated column). Row-level problems are not
 * thrown as this error: they are returned as rejected rows.
 *
 * @example
 * new InputFormatError('missing column "outcome"', { file: 'a.csv', line: 1 }).line; // 1
 */
export class InputFormatError extends TreatmentOutcomesError {
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, where: { file?: string | undefined; line?: number | undefined } = {}) {
    super('input-format', message);
    this.name = 'InputFormatError';
    this.file = where.file;
    this.line = where.line;
  }
}

/** Render a value for an error message without letting a huge string flood the terminal. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}

/**
 * Thrown by strict validation. Carries every rejected row, not only the first,
 * so a user can fix a file in one pass.
 *
 * @example
 * const error = (() => { try { parseRecords([{ type: 'x', year: 'soon', outcome: 'improved' }]); } catch (e) { return e; } })();
 * error.name;            // 'CohortValidationError'
 * error.rejected.length; // 1
 */
export class CohortValidationError extends TreatmentOutcomesError {
  /** The rejected rows kept (all of them, unless a reader was given `maxRejected`). */
  readonly rejected: RejectedRow[];
  readonly file: string | undefined;
  /** Every rejected row counted, including those not kept in `rejected`. */
  readonly rejectedCount: number;
  constructor(rejected: RejectedRow[], file?: string, rejectedCount = rejected.length) {
    const rows = rejectedCount === 1 ? '1 invalid row' : `${rejectedCount} invalid rows`;
    const unlisted = rejectedCount - rejected.length;
    const more = unlisted > 0 ? `\n(${unlisted} more rejected row${unlisted === 1 ? '' : 's'} not kept)` : '';
    super('cohort-validation', `${file !== undefined ? `${file}: ` : ''}${rows}:\n${describeRejected(rejected)}${more}`);
    this.name = 'CohortValidationError';
    this.rejected = rejected;
    this.file = file;
    this.rejectedCount = rejectedCount;
  }
}

/**
 * A line (or a quoted record) that has not ended after `limit` bytes: reading stops at once
 * instead of holding an endless line in memory. Raise the limit with the reader's
 * `maxLineLength` option if the file really has such lines.
 *
 * @example
 * new LineTooLongError('a.csv', 2, 1024).limit; // 1024
 */
export class LineTooLongError extends InputFormatError {
  /** The limit in bytes. */
  readonly limit: number;
  constructor(file: string, line: number, limit: number) {
    super(
      `${file}:${line}: line ${line} is longer than ${limit} bytes (maxLineLength); if it starts a quoted field, the quote may never be closed`,
      { file, line },
    );
    this.name = 'LineTooLongError';
    this.limit = limit;
  }
}
