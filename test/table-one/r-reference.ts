// The bundled sample's Table 1 as R computed it (test/fixtures/reference/table-one.json, from
// scripts/reference/table-one.R), printed into the cells a Table 1 shows. Printing is done here on
// R's numbers, independently of the library: 12 significant digits (which returns an exact tie
// such as R's 3.2749999999999995 to 3.275), then half-up on the digit string.
import type { TableOne } from '../../src/table-one/types.js';
import reference from '../fixtures/reference/table-one.json' with { type: 'json' };

export type Categorical = {
  kind: 'categorical';
  levels: string[];
  columns: Record<string, { n: number; counts: number[]; percents: number[]; missing: number; missing_percent: number }>;
  /** 'none' where R has no table to test (a single level or group); then no p. */
  test: { method: 'chi-square' | 'fisher' | 'none'; p?: number | null; chisq_p?: number; unchecked?: string };
};
export type Continuous = {
  kind: 'continuous';
  columns: Record<string, { n: number; recorded: number; mean: number; sd: number; quartiles: number[]; missing: number; missing_percent: number }>;
  welch: { p: number };
  kruskal: { p: number };
};
/** A Table 1 by type as R computed it: its columns and, per variable, the numbers of every column and the tests. */
export interface RTable {
  columns: string[];
  variables: Record<string, Categorical | Continuous>;
}
export const sample = reference.sample as unknown as RTable;

/** Round R's double half-up at `decimals` places, reading it at 12 significant digits. */
export function printR(value: number, decimals: number): string {
  const text = value.toPrecision(12);
  const negative = text.startsWith('-');
  const [mantissa, exponent = '0'] = (negative ? text.slice(1) : text).split('e');
  const [whole, frac = ''] = mantissa!.split('.');
  const shift = Number(exponent);
  let digits = `${whole}${frac}`;
  let point = whole!.length + shift; // digits before the decimal point
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point + decimals + 1, '0');
  const kept = BigInt(digits.slice(0, point + decimals) || '0');
  const next = Number(digits[point + decimals] ?? '0');
  const rounded = kept + (next >= 5 ? 1n : 0n);
  const s = rounded.toString().padStart(decimals + 1, '0');
  const out = decimals > 0 ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
  return negative && rounded !== 0n ? `-${out}` : out;
}

/** How a journal prints a p-value, from R's number. */
export const printP = (p: number): string => (p < 0.001 ? '<0.001' : printR(p, 3));

/** The cells R's numbers give, row by row: [label kind, level?, cell text per column, p text]. */
export function expectedRows(
  options: { decimals: number; continuous: 'mean-sd' | 'median-iqr'; pValues: boolean },
  table: RTable = sample,
): { variable: string; kind: string; level?: string; cells: string[]; p?: string }[] {
  const d = options.decimals;
  const rows: { variable: string; kind: string; level?: string; cells: string[]; p?: string }[] = [];
  for (const [name, v] of Object.entries(table.variables)) {
    const cols = table.columns.map((c) => v.columns[c]!);
    if (v.kind === 'continuous') {
      const cells = (cols as Continuous['columns'][string][]).map((c) =>
        options.continuous === 'mean-sd' ? `${printR(c.mean, d)} (${printR(c.sd, d)})` : `${printR(c.quartiles[1]!, d)} [${printR(c.quartiles[0]!, d)}, ${printR(c.quartiles[2]!, d)}]`,
      );
      rows.push({ variable: name, kind: 'variable', cells, ...(options.pValues ? { p: printP(options.continuous === 'mean-sd' ? v.welch.p : v.kruskal.p) } : {}) });
    } else {
      rows.push({ variable: name, kind: 'variable', cells: cols.map(() => ''), ...(options.pValues ? { p: v.test.unchecked ?? (typeof v.test.p === 'number' ? printP(v.test.p) : '') } : {}) });
      v.levels.forEach((level, l) => {
        rows.push({ variable: name, kind: 'level', level, cells: (cols as Categorical['columns'][string][]).map((c) => `${c.counts[l]} (${printR(c.percents[l]!, d)})`) });
      });
    }
    const missing = (cols as { missing: number; missing_percent: number }[]).map((c) => `${c.missing} (${printR(c.missing_percent, d)})`);
    if (cols.some((c) => c.missing > 0)) rows.push({ variable: name, kind: 'missing', cells: missing });
  }
  return rows;
}

/** A table's rows as expectedRows gives them: variable, kind, level, the cells' texts and the p text. */
export function rowsOf(table: TableOne) {
  return table.rows.map((r) => ({
    variable: r.variable,
    kind: r.kind,
    ...(r.level !== undefined ? { level: String(r.level) } : {}),
    cells: r.cells.map((c) => c.text),
    ...(r.pValue ? { p: r.pValue.text } : {}),
  }));
}
