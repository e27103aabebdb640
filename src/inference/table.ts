import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertCount } from '../exact/validate.js';

/** A contingency table of counts, rows × columns. */
export type CountMatrix = readonly (readonly number[])[];

/** Validate a table (at least 2×2, rectangular, counts, no empty row or column); return its margins. */
export function tableMargins(table: CountMatrix, name = 'table'): { rows: number[]; cols: number[]; total: number } {
  const raw: unknown = table;
  const rectangular =
    Array.isArray(raw) && raw.length >= 2 && raw.every((r: unknown) => Array.isArray(r) && r.length === (raw[0] as unknown[]).length && r.length >= 2);
  if (!rectangular) {
    throw new InvalidArgumentError(name, table, `${name} must be a rectangular array of at least 2 rows of at least 2 counts, got ${describeValue(table)}`);
  }
  table.forEach((row, i) => row.forEach((c, j) => assertCount(c, `${name}[${i}][${j}]`)));
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const total = rows.reduce((a, b) => a + b, 0);
  if (rows.some((r) => r === 0) || cols.some((c) => c === 0)) {
    throw new InvalidArgumentError(name, table, `${name} has an empty row or column; expected counts would be 0`);
  }
  return { rows, cols, total };
}
