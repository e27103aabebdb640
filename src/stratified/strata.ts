import { describeValue, InvalidArgumentError } from '../errors.js';
import { assertCount } from '../exact/validate.js';

/**
 * One stratum (a year, a site) of a two-group comparison: x1 events of n1 patients in group 1,
 * x2 of n2 in group 2. The 2×2 table is [[x1, n1 − x1], [x2, n2 − x2]]: rows are the groups,
 * columns event / no event, so an odds ratio above 1 means more events in group 1.
 */
export interface Stratum {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  label?: string;
}

/** A stratum left out of, or contributing nothing to, a statistic, and why. */
export interface StratumNote {
  /** 0-based position in the input. */
  index: number;
  label: string;
  reason: string;
}

/** A validated stratum as the cells of its 2×2 table. */
export interface Table2x2 {
  index: number;
  label: string;
  a: number;
  b: number;
  c: number;
  d: number;
  n1: number;
  n2: number;
  total: number;
}

/** Validates the strata and splits off the empty ones (no patient in either group). */
export function checkStrata(strata: unknown): { tables: Table2x2[]; empty: StratumNote[] } {
  if (!Array.isArray(strata) || strata.length === 0) {
    throw new InvalidArgumentError('strata', strata, `strata must be a non-empty array of { x1, n1, x2, n2 }, got ${describeValue(strata)}`);
  }
  const tables: Table2x2[] = [];
  const empty: StratumNote[] = [];
  strata.forEach((s: unknown, index) => {
    const at = `strata[${index}]`;
    if (s === null || typeof s !== 'object') throw new InvalidArgumentError(at, s, `${at} must be an object { x1, n1, x2, n2 }, got ${describeValue(s)}`);
    const { x1, n1, x2, n2, label } = s as Record<string, unknown>;
    for (const [name, v] of [['x1', x1], ['n1', n1], ['x2', x2], ['n2', n2]] as const) assertCount(v, `${at}.${name}`);
    if ((x1 as number) > (n1 as number)) throw new InvalidArgumentError(`${at}.x1`, x1, `${at}.x1 (${x1 as number}) cannot exceed ${at}.n1 (${n1 as number})`);
    if ((x2 as number) > (n2 as number)) throw new InvalidArgumentError(`${at}.x2`, x2, `${at}.x2 (${x2 as number}) cannot exceed ${at}.n2 (${n2 as number})`);
    if (label !== undefined && typeof label !== 'string') throw new InvalidArgumentError(`${at}.label`, label, `${at}.label must be a string, got ${describeValue(label)}`);
    const name = label ?? `stratum ${index + 1}`;
    const t = { index, label: name, a: x1 as number, b: (n1 as number) - (x1 as number), c: x2 as number, d: (n2 as number) - (x2 as number), n1: n1 as number, n2: n2 as number, total: (n1 as number) + (n2 as number) };
    if (t.total === 0) empty.push({ index, label: name, reason: 'no patients in either group: left out' });
    else tables.push(t);
  });
  return { tables, empty };
}

/** What a statistic uses of a stratum: OR and the CMH / Breslow–Day tests need events and non-events, RR needs events, RD only both groups. */
export type StratifiedMeasure = 'OR' | 'RR' | 'RD';

/** The strata that carry no information on the measure, and why (they contribute 0 to every sum). */
export function uninformative(tables: readonly Table2x2[], measure: StratifiedMeasure): StratumNote[] {
  const notes: StratumNote[] = [];
  for (const t of tables) {
    let reason: string | undefined;
    if (t.n1 === 0) reason = 'group 1 has no patients';
    else if (t.n2 === 0) reason = 'group 2 has no patients';
    else if (measure !== 'RD' && t.a + t.c === 0) reason = 'no events in either group';
    else if (measure === 'OR' && t.b + t.d === 0) reason = 'every patient had the event';
    if (reason) notes.push({ index: t.index, label: t.label, reason: `${reason}: contributes nothing` });
  }
  return notes;
}
