/** A column of a text table: its heading and whether numbers align right. */
export interface Column {
  heading: string;
  align?: 'left' | 'right';
}

/** Render rows as an aligned plain-text table (two spaces between columns). */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.heading.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.heading)), ...rows.map(line)].join('\n');
}
