import { TreatmentOutcomesError } from '../errors.js';
import { FISHER_MAX_TOTAL, fisherExact } from '../inference/fisher-exact.js';
import { fisherNetworkLogPValue, fisherWorkLowerBound } from '../inference/fisher-network.js';
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

/**
 * Steps Fisher's exact test may take for one p-value of a Table 1 (a second or two here). A table
 * whose first stage alone needs more is not started; one that runs out of steps stops there. Either
 * way χ² stands in and the cell says so, so a table of a few thousand patients never hangs on it.
 */
export const TABLE_ONE_FISHER_WORK = 20_000_000;

const steps = (n: number) => n.toExponential(0).replace('+', '');

/** Fisher's exact p-value within the Table 1 budget, or why not (and the steps it took). */
function boundedFisher(table: number[][], total: number): { p: number; work: number } | { why: string; work: number } {
  const shape = `${table.length}×${table[0]!.length} table of ${total}`;
  if (table.length === 2 && table[0]!.length === 2) {
    try {
      return { p: fisherExact(table, { estimate: false }).pValue, work: 0 };
    } catch (error) {
      if (!(error instanceof TreatmentOutcomesError)) throw error;
      return { why: error.message, work: 0 };
    }
  }
  if (total > FISHER_MAX_TOTAL) return { why: `an exact p-value takes totals up to ${FISHER_MAX_TOTAL}, and this ${shape} has more`, work: 0 };
  const more = `Fisher's exact test needs more than ${steps(TABLE_ONE_FISHER_WORK)} steps for this ${shape}`;
  const lower = fisherWorkLowerBound(table, TABLE_ONE_FISHER_WORK);
  if (lower > TABLE_ONE_FISHER_WORK) return { why: `${more} (at least ${steps(lower)}, counted from its margins before starting)`, work: 0 };
  const spent = { work: 0 };
  try {
    return { p: Math.exp(fisherNetworkLogPValue(table, TABLE_ONE_FISHER_WORK, spent)), work: spent.work };
  } catch (error) {
    if (!(error instanceof TreatmentOutcomesError)) throw error;
    return { why: `${more} (stopped there)`, work: spent.work };
  }
}

function categorical(groups: readonly ColumnSummary[], choice: NonNullable<PValueOptions['categorical']>): TableOnePValue {
  const table = contingency(groups);
  if (table.length < 2 || (table[0]?.length ?? 0) < 2) return untested('fewer than two groups or two levels with records');
  const total = table.flat().reduce((a, b) => a + b, 0);
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const small = rows.some((r) => cols.some((c) => (r * c) / total < 5));
  let note: string | undefined;
  let exactWork: number | undefined;
  if (choice === 'fisher' || (choice === 'auto' && small)) {
    const fisher = boundedFisher(table, total);
    if ('p' in fisher) return { ...tested('fisher', fisher.p), exactWork: fisher.work };
    if (choice === 'fisher') return { ...untested(fisher.why), exactWork: fisher.work };
    // R's fisher.test with its default workspace fails on such tables too: the χ² approximation, said so in the cell and the notes
    note = `Pearson's χ², although an expected count is below 5: ${fisher.why}`;
    exactWork = fisher.work;
  }
  const chi = chiSquareIndependence(table, { correct: false });
  const p = tested('chi-square', chi.pValue, chi.statistic, [chi.df]);
  return note === undefined ? p : { ...p, note, exactWork: exactWork! };
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
