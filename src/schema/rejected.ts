/** One problem with one field of one input row. */
export interface RowIssue {
  /** The column or property, e.g. `'type'`; `'(row)'` when the row as a whole is wrong. */
  field: string;
  /** The raw value found there (as read, before any conversion). */
  value: unknown;
  /** What is wrong, in words a user can act on. */
  message: string;
  /** The value most likely meant, when a category looks misspelled. */
  suggestion?: string;
}

/** An input row that did not become a record, with every problem found in it. */
export interface RejectedRow {
  /** 1-based: the line in the source file (header = line 1), or the index in an array. */
  row: number;
  issues: RowIssue[];
}

/** Records that passed validation and rows that did not; together they account for every input row. */
export interface ParseResult<R> {
  records: R[];
  rejected: RejectedRow[];
}

/** `'strict'` throws on the first file with any bad row (reporting all of them); `'lenient'` keeps the good rows. */
export type ValidationMode = 'strict' | 'lenient';

/** One line per issue: `row 3, type: unknown type "spastik" (did you mean "spastic"?)`. */
export function describeRejected(rejected: readonly RejectedRow[], limit = 10): string {
  const lines: string[] = [];
  for (const r of rejected) {
    for (const issue of r.issues) {
      const hint = issue.suggestion !== undefined ? ` (did you mean "${issue.suggestion}"?)` : '';
      lines.push(`row ${r.row}, ${issue.field}: ${issue.message}${hint}`);
    }
  }
  const shown = lines.slice(0, limit);
  if (lines.length > limit) shown.push(`... and ${lines.length - limit} more`);
  return shown.join('\n');
}
