import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertDecimals, assertOneOf } from '../exact/validate.js';
import { assertRoundingMode, type RoundingMode } from '../format/rounding.js';
import { OUTCOMES } from '../schema/record.js';
import { forEachCell, isCountTable, type CohortInput } from '../stats/count-table.js';
import type { GroupValue } from '../stats/group.js';
import { countCell, meanCell, medianCell } from './cells.js';
import { summarizeRecords, summarizeTable, type ColumnSummary, type Summaries } from './column-summaries.js';
import { compareGroups } from './p-values.js';
import type { PValueOptions, TableOne, TableOneCell, TableOneColumn, TableOneOptions, TableOneRow } from './types.js';
import { distinctValues, orderTypes, RECORD_FIELDS, resolveVariables, tableValues, type ResolvedVariable } from './variables.js';

const STATISTIC = { 'mean-sd': 'mean (SD)', 'median-iqr': 'median [IQR]' } as const;

function decimalsOf(option: TableOneOptions['decimals']): { percent: number; continuous: number } {
  if (option === undefined || typeof option === 'number') {
    const d = option ?? 1;
    assertDecimals(d);
    return { percent: d, continuous: d };
  }
  if (typeof option !== 'object' || option === null) throw new InvalidArgumentError('decimals', option, `decimals must be a number or { percent, continuous }, got ${describeValue(option)}`);
  const { percent = 1, continuous = 1 } = option;
  assertDecimals(percent, 'decimals.percent');
  assertDecimals(continuous, 'decimals.continuous');
  return { percent, continuous };
}

/** The groups of the columns, in table order. */
function groupsOf(input: CohortInput, by: string | null, options: TableOneOptions, levelsOf: (name: string) => (string | number)[] | undefined): GroupValue[] {
  if (by === null) return [];
  if (by === 'type') {
    const present = isCountTable(input) ? tableValues(input, 'type') : distinctValuesInOrder(input, 'type');
    return orderTypes(present, options.cohort?.types);
  }
  if (isCountTable(input)) {
    // the groups with records, as records give them
    const present = new Set<GroupValue>();
    forEachCell(input, (_type, year, outcome) => present.add(by === 'year' ? year : outcome));
    return (by === 'year' ? input.years : input.outcomes).filter((g) => present.has(g));
  }
  if (by === 'outcome') {
    const present = new Set(distinctValues(input as unknown as readonly Readonly<Record<string, unknown>>[], 'outcome'));
    return [...OUTCOMES.filter((o) => present.has(o)), ...[...present].filter((o) => !(OUTCOMES as readonly (string | number)[]).includes(o))];
  }
  return levelsOf(by) ?? distinctValues(input as unknown as readonly Readonly<Record<string, unknown>>[], by);
}

/** Values of a field in order of first appearance (as a count table orders types). */
function distinctValuesInOrder(records: readonly unknown[], name: string): (string | number)[] {
  const seen = new Set<string | number>();
  for (const r of records as readonly Readonly<Record<string, unknown>>[]) {
    const v = r?.[name];
    if (typeof v === 'string' || typeof v === 'number') seen.add(v);
  }
  return [...seen];
}

function cellsOf(v: ResolvedVariable, s: ColumnSummary, rounding: RoundingMode, percentOf: 'non-missing' | 'all', percentDecimals: number): { main: TableOneCell; levels: TableOneCell[]; missing: TableOneCell } {
  // a continuous variable's decimals are its statistic's; its Missing row is a percent like the others
  const missing = countCell(s.missing, s.n, s.kind === 'categorical' ? v.decimals : percentDecimals, rounding);
  if (s.kind === 'categorical') {
    const denominator = percentOf === 'all' ? s.n : s.n - s.missing;
    return { main: { kind: 'blank', text: '' }, levels: s.counts.map((c) => countCell(c, denominator, v.decimals, rounding)), missing };
  }
  const main = v.continuous === 'mean-sd' ? meanCell(s.moments, v.decimals, rounding) : medianCell(s.quantiles, v.decimals, rounding);
  return { main, levels: [], missing };
}

function notesOf(variables: readonly ResolvedVariable[], rows: readonly TableOneRow[], summaries: Summaries, settings: TableOne['options'], by: string | null): string[] {
  const notes: string[] = [];
  const d = settings.decimals;
  if (variables.some((v) => v.kind === 'categorical')) {
    notes.push(
      settings.percentOf === 'non-missing'
        ? 'n (%): percent of the records with a value; Missing: percent of all records in the column.'
        : 'n (%): percent of all records in the column, Missing included.',
    );
  }
  if (variables.some((v) => v.kind === 'continuous' && v.continuous === 'mean-sd')) notes.push('mean (SD): the SD divides by n − 1.');
  if (variables.some((v) => v.kind === 'continuous' && v.continuous === 'median-iqr')) notes.push('median [IQR]: median [first quartile, third quartile], quartiles by R\'s type 7 (linear interpolation).');
  notes.push(`Percents to ${d.percent} and statistics to ${d.continuous} decimal${d.continuous === 1 ? '' : 's'} unless a variable sets its own, rounded ${settings.rounding}, decided on exact values.`);
  const relative = rows.some((r) => r.cells.some((c) => c.kind === 'median-iqr' && c.method === 'relative'));
  if (relative) notes.push('Some quartiles come from a relative-error sketch of a count table: within 0.5% of the exact values.');
  const inexact = rows.some((r) => r.cells.some((c) => c.kind === 'mean-sd' && c.valueDecimals === null && c.n > 0));
  if (inexact) notes.push('Some means and SDs are of values that are not short decimals, printed from double-precision sums.');
  const tests = new Set(rows.flatMap((r) => (r.pValue?.test ? [r.pValue.test] : [])));
  const names: Record<string, string> = {
    'chi-square': "Pearson's χ² test without continuity correction",
    fisher: "Fisher's exact test",
    'welch-t': "Welch's t-test",
    'welch-anova': "Welch's one-way ANOVA",
    'kruskal-wallis': 'Kruskal–Wallis rank sum test',
  };
  if (tests.size > 0) notes.push(`p: ${[...tests].map((t) => names[t]).join('; ')}.`);
  for (const r of rows) if (r.pValue && r.pValue.value === null) notes.push(`p for ${r.label}: not computed (${r.pValue.reason}).`);
  for (const r of rows) if (r.pValue?.note) notes.push(`p for ${r.label}: ${r.pValue.note}.`);
  if (summaries.ungrouped > 0) notes.push(`${summaries.ungrouped} record${summaries.ungrouped === 1 ? '' : 's'} without ${by} ${summaries.ungrouped === 1 ? 'is' : 'are'} in the overall column only.`);
  return notes;
}

/**
 * Describe a cohort by group, as the first table of a clinical paper: one row per variable (and
 * per level of a categorical one), one column per group and one for all records. Categorical
 * cells print "n (%)" with exact percent rounding; continuous ones "mean (SD)" or
 * "median [Q1, Q3]", printed from exact sums and exact type-7 quantiles when the values are
 * decimals. Missing values are counted in a Missing row. Works on records or on a count table
 * with measures (see `countTable`'s `measures` option).
 *
 * @example
 * const cohort = defineCohort({ types: ['spastic', 'mixed'], measures: { age: { kind: 'number', unit: 'years' }, sex: { kind: 'category', values: ['female', 'male'] } } });
 * const { records } = cohort.parse([
 *   { type: 'spastic', year: 2010, outcome: 'improved', age: 6.5, sex: 'female' },
 *   { type: 'spastic', year: 2011, outcome: 'improved', age: 8, sex: 'male' },
 *   { type: 'mixed', year: 2011, outcome: 'unknown', age: 9.25, sex: 'female' },
 * ]);
 * const table = tableOne(records, { by: 'type', cohort });
 * table.columns.map((c) => c.heading); // ['Overall (n = 3)', 'spastic (n = 2)', 'mixed (n = 1)']
 * table.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)]);
 * // [['age (years), mean (SD)', '7.9 (1.4)', '7.3 (1.1)', '9.3 (–)'], ['sex, n (%)', '', '', ''], ['female', '2 (66.7)', '1 (50.0)', '1 (100.0)'], ['male', '1 (33.3)', '1 (50.0)', '0 (0.0)']]
 */
export function tableOne(input: CohortInput, options: TableOneOptions = {}): TableOne {
  const table = isCountTable(input) ? input : undefined;
  if (table === undefined && !Array.isArray(input)) throw new InvalidArgumentError('records', input, `expected an array of records or a count table, got ${describeValue(input)}`);
  const records = (table === undefined ? input : []) as unknown as readonly Readonly<Record<string, unknown>>[];
  const decimals = decimalsOf(options.decimals);
  const { rounding = 'half-up', continuous = 'mean-sd', percentOf = 'non-missing', missing = 'auto', overall = 'first' } = options;
  assertRoundingMode(rounding);
  assertOneOf(continuous, ['mean-sd', 'median-iqr'], 'continuous');
  assertOneOf(percentOf, ['non-missing', 'all'], 'percentOf');
  assertOneOf(missing, ['auto', 'always'], 'missing');
  if (overall !== false) assertOneOf(overall, ['first', 'last'], 'overall');
  const by = options.by ?? null;
  if (by !== null && (typeof by !== 'string' || by === '')) throw new InvalidArgumentError('by', by, `by must be a field name such as 'type', got ${describeValue(by)}`);
  const measures = table?.measures !== undefined ? Object.fromEntries(Object.entries(table.measures).map(([k, m]) => [k, m.definition])) : (options.cohort?.measures ?? {});
  if (table !== undefined && by !== null && !(RECORD_FIELDS as readonly string[]).includes(by)) {
    throw new InvalidArgumentError('by', by, `a count table can be grouped by type, year or outcome (its cells), not by ${JSON.stringify(by)}`);
  }
  const pValueOptions: PValueOptions | undefined = options.pValues === true ? {} : options.pValues === false || options.pValues === undefined ? undefined : options.pValues;
  if (pValueOptions !== undefined && by === null) throw new InvalidArgumentError('pValues', options.pValues, 'p-values compare groups: give `by` as well');

  const specs = options.variables ?? (Object.keys(measures).length > 0 ? Object.keys(measures) : ['outcome']);
  if (!Array.isArray(specs) || specs.length === 0) throw new InvalidArgumentError('variables', specs, 'variables must be a non-empty array of field names');
  const values = (name: string) => (table !== undefined ? (name === 'type' || name === 'year' || name === 'outcome' ? tableValues(table, name) : []) : name === 'type' ? orderTypes(distinctValuesInOrder(records, 'type'), options.cohort?.types) : distinctValues(records, name));
  const variables = resolveVariables(specs.filter((s) => (typeof s === 'string' ? s : s.name) !== by), { measures, values, open: table === undefined }, { decimals, continuous });
  const byDefinition = by !== null && Object.hasOwn(measures, by) ? measures[by] : undefined;
  if (byDefinition !== undefined && byDefinition.kind !== 'category' && byDefinition.kind !== 'ordinal') {
    throw new InvalidArgumentError('by', by, `${by} is a number; group by a category, an ordinal measure, type, year or outcome`);
  }
  const groups = groupsOf(input, by, options, () => (byDefinition === undefined ? undefined : byDefinition.kind === 'ordinal' ? [...byDefinition.levels] : byDefinition.kind === 'category' ? [...byDefinition.values] : undefined));
  const summaries = table !== undefined ? summarizeTable(table, by as 'type' | 'year' | 'outcome' | null, groups, variables) : summarizeRecords(records, by, groups, variables);

  // column order: the summaries hold the groups, then the overall column
  const G = groups.length;
  const order = overall === false ? groups.map((_, i) => i) : overall === 'first' ? [G, ...groups.map((_, i) => i)] : [...groups.map((_, i) => i), G];
  const columns: TableOneColumn[] = order.map((c) => {
    const isOverall = c === G;
    const label = isOverall ? 'Overall' : groups[c] === null ? 'not stated' : String(groups[c]);
    const n = summaries.totals[c]!;
    return { key: isOverall ? 'overall' : String(groups[c]), group: isOverall ? undefined : groups[c], overall: isOverall, label, n, heading: `${label} (n = ${n})` };
  });

  const rows: TableOneRow[] = [];
  variables.forEach((v, k) => {
    const per = summaries.byVariable[k]!;
    const cells = order.map((c) => cellsOf(v, per[c]!, rounding, percentOf, decimals.percent));
    const statistic = v.kind === 'categorical' ? ('n (%)' as const) : STATISTIC[v.continuous];
    const head: TableOneRow = {
      kind: 'variable',
      variable: v.name,
      label: `${v.label}, ${statistic}`,
      statistic,
      cells: cells.map((c) => c.main),
      ...(v.range ? { range: v.range } : {}),
    };
    if (pValueOptions !== undefined) head.pValue = compareGroups(v, per.slice(0, G), groups.map((g) => (g === null ? 'not stated' : String(g))), pValueOptions);
    rows.push(head);
    v.levels.forEach((level, l) => {
      if (v.kind !== 'categorical') return;
      rows.push({ kind: 'level', variable: v.name, label: String(level), level, statistic: 'n (%)', cells: cells.map((c) => c.levels[l]!) });
    });
    if (missing === 'always' || per.some((s) => s.missing > 0)) {
      rows.push({ kind: 'missing', variable: v.name, label: 'Missing', statistic: 'n (%)', cells: cells.map((c) => c.missing) });
    }
  });
  const settings: TableOne['options'] = { decimals, rounding, continuous, percentOf, pValues: pValueOptions !== undefined };
  return { kind: 'table-one', by, columns, rows, options: settings, notes: notesOf(variables, rows, summaries, settings, by) };
}

