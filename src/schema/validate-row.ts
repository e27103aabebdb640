import type * as z from 'zod/mini';
import type { RejectedRow, RowIssue } from './rejected.js';

/** What row validation needs: a schema and a way to suggest a misspelled category. */
export interface RecordValidator<R> {
  readonly schema: z.ZodMiniType<R>;
  suggest(field: string, value: unknown): string | undefined;
}

export type RowResult<R> = { ok: true; record: R } | { ok: false; rejected: RejectedRow };

function isPlainRow(row: unknown): row is Record<string, unknown> {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}

/** Validate one row; on failure collect every issue with the raw value and a suggestion. */
export function validateRow<R>(validator: RecordValidator<R>, row: unknown, rowNumber: number): RowResult<R> {
  if (!isPlainRow(row)) {
    const issue: RowIssue = {
      field: '(row)',
      value: row,
      message: 'expected an object with type, year and outcome',
    };
    return { ok: false, rejected: { row: rowNumber, issues: [issue] } };
  }
  const parsed = validator.schema.safeParse(row);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issues = parsed.error.issues.map((zi): RowIssue => {
    const head = zi.path[0];
    const field = head === undefined ? '(row)' : String(head);
    const value = head === undefined ? row : Object.hasOwn(row, field) ? row[field] : undefined;
    const suggestion = validator.suggest(field, value);
    return suggestion === undefined ? { field, value, message: zi.message } : { field, value, message: zi.message, suggestion };
  });
  return { ok: false, rejected: { row: rowNumber, issues } };
}
