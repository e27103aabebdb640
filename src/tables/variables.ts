import { statisticOf } from './context.js';
import type { Table } from './table.js';
import type { ReadCell } from './table-claims.js';

/** A variable of a table: a label row ("Sex, n (%)") and its levels ("Male", "Female"), or one row. */
export interface Variable {
  id: string;
  /** The label row's text, when the variable has one. */
  label?: string;
  labelRow?: number;
  /** The rows holding its values. */
  levels: number[];
  /** The label row and the levels. */
  rows: number[];
}

const hasValue = (cell: ReadCell | undefined) => cell !== undefined && cell.value.kind !== 'empty' && cell.value.kind !== 'text';
const kindOf = (cells: (ReadCell | undefined)[], groupCols: readonly number[]) => {
  for (const c of groupCols) {
    const v = cells[c]?.value;
    if (!v || v.kind === 'empty' || v.kind === 'text') continue;
    // "43.4 (6.6)" is a summary; "45 (37.5)" may be either, and sits with counts
    if (v.kind === 'pair') return v.first.decimals > 0 || v.first.negative ? 'summary' : 'count';
    return v.kind === 'mean-sd' || v.kind === 'spread' ? 'summary' : 'count';
  }
  return undefined;
};

/**
 * Group a table's body rows into variables: a row with a label and no values opens a variable, and
 * the rows after it are its levels until the indentation drops back, a row names a summary of its
 * own ("Age, mean (SD)"), the kind of value changes, or another label row comes.
 */
export function groupVariables(table: Table, cells: readonly (readonly (ReadCell | undefined)[])[], groupCols: readonly number[], skip: ReadonlySet<number>): Variable[] {
  const out: Variable[] = [];
  let current: (Variable & { indent: number; levelIndent?: number; kind?: string }) | undefined;
  const close = () => {
    if (current) out.push({ id: current.id, ...(current.label !== undefined ? { label: current.label } : {}), ...(current.labelRow !== undefined ? { labelRow: current.labelRow } : {}), levels: current.levels, rows: current.rows });
    current = undefined;
  };
  for (let r = table.headerRows; r < table.grid.length; r++) {
    if (skip.has(r)) continue;
    const row = cells[r]!;
    const label = table.rowLabels[r]!;
    const indent = table.indents[r] ?? 0;
    const valued = groupCols.some((c) => hasValue(row[c]));
    if (!valued) {
      close();
      if (label !== '') current = { id: `v${r}`, label, labelRow: r, levels: [], rows: [r], indent };
      continue;
    }
    const kind = kindOf(row as (ReadCell | undefined)[], groupCols);
    const ownSummary = statisticOf(label) !== undefined;
    if (current) {
      const dropsBack = current.levelIndent !== undefined && current.levelIndent > current.indent && indent <= current.indent;
      // a change of kind ends the levels, unless indentation shows they go on
      const indented = (current.levelIndent ?? indent) > current.indent && indent > current.indent;
      const changesKind = current.kind !== undefined && kind !== current.kind && !indented;
      const separate = !indented && ownSummary && current.levels.length > 0 && current.labelRow !== undefined && statisticOf(current.label ?? '') === undefined && statisticOf(table.rowLabels[current.levels[0]!]!) === undefined;
      if (dropsBack || changesKind || separate) close();
    }
    if (current && current.labelRow !== undefined) {
      current.levels.push(r);
      current.rows.push(r);
      current.levelIndent ??= indent;
      current.kind ??= kind;
      continue;
    }
    close();
    out.push({ id: `v${r}`, levels: [r], rows: [r] });
  }
  close();
  return out;
}
