/** A column of a text table: its heading and whether numbers align right. */
export interface Column {
  heading: string;
  align?: 'left' | 'right';
}

/** Render rows as an aligned plain-text table (two spaces between columns), in linear time. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c) => c.heading.length);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, (row[i] ?? '').length);
  }
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.heading)), ...rows.map(line)].join('\n');
}

/** Rows a text table shows at most; the JSON output has them all. */
export const MAX_TABLE_ROWS = 100;

/**
 * The first `max` rows, and a line saying how many were left out and where to find them all:
 * a table of 200000 years helps nobody on a terminal.
 */
export function firstRows<T>(rows: readonly T[], noun: string, max = MAX_TABLE_ROWS): { shown: readonly T[]; note: string | undefined } {
  if (rows.length <= max) return { shown: rows, note: undefined };
  return { shown: rows.slice(0, max), note: `... ${rows.length - max} more ${noun} not shown (${rows.length} in all; --json lists every one)` };
}
