import { TreatmentOutcomesError } from '../errors.js';
import { FISHER_MAX_WORK, fisherExact } from '../inference/fisher-exact.js';
import { chiSquareIndependence } from '../inference/independence.js';
import { kruskalWallis } from '../inference/kruskal-wallis.js';
import { welchTest } from '../inference/welch-test.js';
import { formatPValue } from './cells.js';
import type { ColumnSummary } from './column-summaries.js';
import type { PValueOptions, TableOnePValue } from './types.js';
import type { ResolvedVariable } from './variables.js';

const untested = (reason: string): TableOnePValue => ({ value: null, text: '', test: null, reason });
const tested = (test: NonNullable<TableOnePValue['test']>, value: number, statistic?: number, df?: number[]): TableOnePValue => ({
  value,
  text: Number.isNaN(value) ? '' : formatPValue(value),
  test,
  ...(statistic !== undefined ? { statistic } : {}),
  ...(df !== undefined ? { df } : {}),
});

/** The groups × levels table of a categorical variable, without all-zero rows and columns. */
function contingency(groups: readonly ColumnSummary[]): number[][] {
  const table = groups.map((g) => (g.kind === 'categorical' ? g.counts : []));
  const levels = table[0]?.length ?? 0;
  const keepLevel = Array.from({ length: levels }, (_, l) => table.some((row) => row[l]! > 0));
  return table.filter((row) => row.some((c) => c > 0)).map((row) => row.filter((_, l) => keepLevel[l]));
}

function categorical(groups: readonly ColumnSummary[], choice: NonNullable<PValueOptions['categorical']>): TableOnePValue {
  const table = contingency(groups);
  if (table.length < 2 || (table[0]?.length ?? 0) < 2) return untested('fewer than two groups or two levels with records');
  const total = table.flat().reduce((a, b) => a + b, 0);
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const small = rows.some((r) => cols.some((c) => (r * c) / total < 5));
  let note: string | undefined;
  if (choice === 'fisher' || (choice === 'auto' && small)) {
    try {
      return tested('fisher', fisherExact(table).pValue);
    } catch (error) {
      if (!(error instanceof TreatmentOutcomesError)) throw error;
      if (choice === 'fisher') return untested(error.message);
      // the exact test would take too long for this table (R's fisher.test with its default workspace
      // fails on it too): the χ² approximation, said so in the cell and the notes
      note = `Pearson's χ², although an expected count is below 5: Fisher's exact test needs more than ${FISHER_MAX_WORK.toExponential(0).replace('+', '')} steps for this ${table.length}×${table[0]!.length} table`;
    }
  }
  const chi = chiSquareIndependence(table, { correct: false });
  const p = tested('chi-square', chi.pValue, chi.statistic, [chi.df]);
  return note === undefined ? p : { ...p, note };
}

function continuous(groups: readonly ColumnSummary[], labels: readonly string[], test: 'welch' | 'kruskal-wallis'): TableOnePValue {
  const present = groups.filter((g): g is Extract<ColumnSummary, { kind: 'continuous' }> => g.kind === 'continuous' && g.moments.n > 0);
  if (present.length < 2) return untested('fewer than two groups with values');
  try {
    if (test === 'welch') {
      const small = groups.findIndex((g) => g.kind === 'continuous' && g.moments.n === 1);
      if (small >= 0) return untested(`${labels[small]} has one value, and Welch's test needs a variance in every group`);
      const w = welchTest(present.map((g) => g.moments));
      return tested(present.length === 2 ? 'welch-t' : 'welch-anova', w.pValue, w.statistic, w.df);
    }
    if (present.some((g) => g.quantiles.method !== 'exact')) return untested('ranks need every value; the count table holds a relative-error sketch');
    const k = kruskalWallis(present.map((g) => g.quantiles));
    return tested('kruskal-wallis', k.pValue, k.statistic, [k.df]);
  } catch (error) {
    if (error instanceof TreatmentOutcomesError) return untested(error.message);
    throw error;
  }
}

/** The p-value comparing the groups (not the overall column) on one variable. */
export function compareGroups(variable: ResolvedVariable, groups: readonly ColumnSummary[], labels: readonly string[], options: PValueOptions): TableOnePValue {
  if (variable.kind === 'categorical') return categorical(groups, options.categorical ?? 'auto');
  const choice = options.continuous ?? 'auto';
  return continuous(groups, labels, choice === 'auto' ? (variable.continuous === 'mean-sd' ? 'welch' : 'kruskal-wallis') : choice);
}
