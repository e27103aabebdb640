import { InputFormatError } from '../errors.js';

/** The record fields a CSV column can feed. */
export type CohortField = 'id' | 'type' | 'year' | 'outcome';

/** Header spellings understood out of the box (compared trimmed and lower-case). */
export const DEFAULT_HEADER_ALIASES: Readonly<Record<string, CohortField>> = Object.freeze({
  id: 'id',
  'patient id': 'id',
  patient_id: 'id',
  patientid: 'id',
  record_id: 'id',
  type: 'type',
  'cp type': 'type',
  cp_type: 'type',
  'motor type': 'type',
  subtype: 'type',
  category: 'type',
  year: 'year',
  'treatment year': 'year',
  treatment_year: 'year',
  outcome: 'outcome',
  result: 'outcome',
  response: 'outcome',
});

const REQUIRED: readonly CohortField[] = ['type', 'year', 'outcome'];

/** Which column feeds which field, and which columns are ignored. */
export interface HeaderMap {
  columns: Map<CohortField, number>;
  /** The cohort's measures found in the header: measure name → column. */
  measures: Map<string, number>;
  ignored: string[];
  width: number;
}

/**
 * Map header cells to fields; a duplicated or missing required column is a file-level error.
 * A measure's column is the one named like it (case-insensitive, trimmed), or an alias naming it.
 */
export function mapHeader(
  cells: readonly string[],
  extraAliases: Readonly<Record<string, string>>,
  where: { file: string; line: number },
  measureNames: readonly string[] = [],
): HeaderMap {
  const aliases = new Map<string, string>();
  for (const [k, v] of Object.entries(DEFAULT_HEADER_ALIASES)) aliases.set(k, v);
  for (const name of measureNames) aliases.set(name.toLowerCase(), name);
  for (const [k, v] of Object.entries(extraAliases)) aliases.set(k.trim().toLowerCase(), v);
  const known = (field: string) => field === 'id' || (REQUIRED as readonly string[]).includes(field) || measureNames.includes(field);
  const columns = new Map<string, number>();
  const measures = new Map<string, number>();
  const ignored: string[] = [];
  cells.forEach((cell, index) => {
    const field = aliases.get(cell.trim().toLowerCase());
    if (field === undefined || !known(field)) {
      ignored.push(cell);
      return;
    }
    const earlier = columns.get(field);
    if (earlier !== undefined) {
      throw new InputFormatError(
        `${where.file}:${where.line}: columns ${earlier + 1} (${JSON.stringify(cells[earlier])}) and ${index + 1} (${JSON.stringify(cell)}) both give "${field}"; remove or rename one`,
        where,
      );
    }
    columns.set(field, index);
    if (measureNames.includes(field)) measures.set(field, index);
  });
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    throw new InputFormatError(`${where.file}:${where.line}: no column for ${missing.map((m) => `"${m}"`).join(', ')} in the header (${listCells(cells)})`, where);
  }
  for (const name of measures.keys()) columns.delete(name);
  return { columns: columns as Map<CohortField, number>, measures, ignored, width: cells.length };
}

/** The first header cells for a message, so a header of 100,000 columns gives a readable one. */
function listCells(cells: readonly string[]): string {
  const shown = cells.slice(0, 12).map((c) => JSON.stringify(c.length > 40 ? `${c.slice(0, 37)}...` : c));
  return cells.length > shown.length ? `${shown.join(', ')} and ${cells.length - shown.length} more` : shown.join(', ');
}

/**
 * A row object holding only the mapped fields: no other key (such as `__proto__`) can reach it,
 * since measure names are checked when the cohort is defined and set as own properties.
 */
export function rowObject(cells: readonly string[], header: HeaderMap): Record<string, string | undefined> {
  const at = (f: CohortField): string | undefined => {
    const i = header.columns.get(f);
    return i === undefined ? undefined : cells[i];
  };
  return withMeasures({ id: at('id'), type: at('type'), year: at('year'), outcome: at('outcome') }, header, (i) => cells[i]);
}

/** `row` with the header's measure cells added as own properties. */
export function withMeasures(row: Record<string, string | undefined>, header: HeaderMap, cell: (column: number) => string | undefined): Record<string, string | undefined> {
  for (const [name, i] of header.measures) Object.defineProperty(row, name, { value: cell(i), enumerable: true, writable: true, configurable: true });
  return row;
}

/** The delimiter a header line most likely uses: the most frequent of `,` `;` and tab (`,` when none). */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  let best: ',' | ';' | '\t' = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t'] as const) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
