import { InvalidArgumentError, describeValue } from '../errors.js';
import type { ClaimsFileInput } from '../claims/schema.js';
import type { TableOne, TableOneColumn, TableOneRow } from './types.js';

/** A mean (and SD) as a claims file states it: printed strings, with n, `items` and `scale` (the claims schema's `means` entry). */
export type MeanClaim = NonNullable<ClaimsFileInput['means']>[number];

/** Options of {@link tableOneClaims}. */
export interface TableOneClaimsOptions {
  /** The claims file's title (default 'Table 1'). */
  title?: string;
  /** Where the table is published (default: made by treatment-outcomes' tableOne). */
  source?: { name: string; url?: string };
}

/** A claims file with the means of the table beside its counts. */
export type TableOneClaimsFile = ClaimsFileInput & { claims: NonNullable<ClaimsFileInput['claims']>; means: MeanClaim[] };

const slug = (s: string | number): string => String(s).trim().toLowerCase().replace(/\s+/g, '-');

/**
 * The figures a {@link TableOne} prints, as a claims file for `auditClaims`: every "n (%)" cell
 * as a claim with its numerator, denominator and printed percent; the levels of each variable
 * (and the groups of the columns) as partitions of their total; every "mean (SD)" cell as a
 * `means` entry with n, the values' granularity (`items`) and the measure's range (`scale`), for
 * GRIM and GRIMMER. Medians and p-values are not claims. A table the library prints audits clean.
 *
 * @example
 * const table = tableOne([{ type: 'a', year: 2010, outcome: 'improved' }, { type: 'b', year: 2011, outcome: 'unknown' }], { by: 'type' });
 * const file = tableOneClaims(table);
 * file.claims.find((c) => c.id === 'outcome:improved:a'); // { id: 'outcome:improved:a', label: 'Outcome improved / a (n = 1)', numerator: 1, denominator: 1, percent: '100.0' }
 * auditClaims(file).ok; // true
 */
export function tableOneClaims(table: TableOne, options: TableOneClaimsOptions = {}): TableOneClaimsFile {
  if (typeof table !== 'object' || table === null || table.kind !== 'table-one') throw new InvalidArgumentError('table', table, `expected a table from tableOne, got ${describeValue(table)}`);
  const claims: TableOneClaimsFile['claims'] = [];
  const partitions: NonNullable<ClaimsFileInput['partitions']> = [];
  const means: MeanClaim[] = [];
  const overall = table.columns.find((c) => c.overall);
  const groups = table.columns.filter((c) => !c.overall);
  const total = overall?.n ?? groups.reduce((a, c) => a + c.n, 0);
  const columnId = (c: TableOneColumn) => (c.overall ? 'overall' : slug(c.key));

  if (groups.length > 0 && total > 0) {
    for (const c of groups) claims.push({ id: `n:${columnId(c)}`, label: c.heading, numerator: c.n, denominator: total });
    const grouped = groups.reduce((a, c) => a + c.n, 0);
    if (grouped < total) claims.push({ id: 'n:ungrouped', label: `without ${table.by}`, numerator: total - grouped, denominator: total });
    if (claims.length >= 2) partitions.push({ id: 'n', total, parts: claims.map((c) => c.id) });
  }

  const byVariable = new Map<string, TableOneRow[]>();
  for (const r of table.rows) byVariable.set(r.variable, [...(byVariable.get(r.variable) ?? []), r]);
  for (const [variable, rows] of byVariable) {
    const head = rows.find((r) => r.kind === 'variable')!;
    const name = head.label.replace(/, (n \(%\)|mean \(SD\)|median \[IQR\])$/, '');
    table.columns.forEach((column, j) => {
      const col = columnId(column);
      const parts: string[] = [];
      let partTotal: number | undefined;
      for (const r of rows) {
        const cell = r.cells[j]!;
        if (cell.kind === 'mean-sd' && cell.meanText !== undefined && cell.valueDecimals !== null) {
          means.push({
            id: `${variable}:mean:${col}`,
            label: `${name} / ${column.heading}`,
            mean: cell.meanText,
            ...(cell.sdText !== undefined ? { sd: cell.sdText } : {}),
            n: cell.n,
            ...(cell.valueDecimals > 0 ? { items: 10 ** cell.valueDecimals } : {}),
            ...(head.range ? { scale: head.range } : {}),
          });
        }
        if (cell.kind !== 'count' || cell.percent === undefined) continue;
        const id = `${variable}:${r.kind === 'missing' ? 'missing' : slug(r.level ?? r.label)}:${col}`;
        claims.push({ id, label: `${name} ${r.label} / ${column.heading}`, numerator: cell.count, denominator: cell.denominator, percent: cell.percent });
        // a partition: the levels sharing one denominator (the Missing row joins them when percents are of all)
        if (r.kind === 'level' || (r.kind === 'missing' && cell.denominator === partTotal)) {
          partTotal ??= cell.denominator;
          if (cell.denominator === partTotal) parts.push(id);
        }
      }
      if (parts.length >= 2 && partTotal !== undefined) partitions.push({ id: `${variable}:${col}`, total: partTotal, parts });
    });
  }
  return {
    title: options.title ?? 'Table 1',
    source: options.source ?? { name: 'treatment-outcomes tableOne' },
    rounding: table.options.rounding,
    claims,
    ...(partitions.length > 0 ? { partitions } : {}),
    means,
  };
}
