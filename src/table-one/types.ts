import type { RoundingMode } from '../format/rounding.js';
import type { MeasureDefinitions } from '../schema/measures.js';
import type { GroupValue } from '../stats/group.js';

/** How a continuous variable is summarised: `'mean-sd'` prints "mean (SD)", `'median-iqr'` "median [Q1, Q3]". */
export type ContinuousSummary = 'mean-sd' | 'median-iqr';

/** A variable of the table with its own settings. */
export interface TableOneVariable {
  /** The record field: a measure, `'type'`, `'year'` or `'outcome'`. */
  name: string;
  /** The printed name (default: the measure's label, else the name). */
  label?: string;
  /** Override how the variable is read: as counts per level, or as a number. */
  kind?: 'categorical' | 'continuous';
  continuous?: ContinuousSummary;
  /** Decimals of this variable's percents or statistics. */
  decimals?: number;
}

/** Tests for the group comparison column. */
export interface PValueOptions {
  /**
   * Categorical variables: `'auto'` (default) is Pearson's χ² without continuity correction when
   * every expected count is at least 5 and Fisher's exact test otherwise; or always one of them.
   */
  categorical?: 'auto' | 'chi-square' | 'fisher';
  /**
   * Continuous variables: `'auto'` (default) is Welch's test for 'mean-sd' (t for two groups,
   * Welch's ANOVA for more) and Kruskal–Wallis for 'median-iqr'; or always one of them.
   */
  continuous?: 'auto' | 'welch' | 'kruskal-wallis';
}

/** Options of `tableOne`. */
export interface TableOneOptions {
  /** The grouping of the columns: `'type'`, `'year'`, `'outcome'` or a category or ordinal measure; none by default. */
  by?: string | null;
  /** Rows, in order: names or {@link TableOneVariable}s. Default: every measure, else the outcome. */
  variables?: readonly (string | TableOneVariable)[];
  /**
   * What the variables are: a cohort from `defineCohort` (its measures, and its types' order for
   * `by: 'type'`). Without one, records' numbers are continuous and other values categorical;
   * a count table carries its measures' definitions.
   */
  cohort?: { readonly measures?: MeasureDefinitions; readonly types?: readonly string[] };
  /** Decimals of percents and of continuous statistics (default 1 for both). */
  decimals?: number | { percent?: number; continuous?: number };
  /** Rounding of every printed figure (default 'half-up'); decided exactly. */
  rounding?: RoundingMode;
  /** Default summary of continuous variables (default 'mean-sd'). */
  continuous?: ContinuousSummary;
  /** Add a p-value column comparing the groups (needs `by`). */
  pValues?: boolean | PValueOptions;
  /** Where the column of all records goes (default 'first'); `false` leaves it out. */
  overall?: 'first' | 'last' | false;
  /**
   * Percent of a level among the records with a value (default 'non-missing', as R's tableone and
   * gtsummary print), or among all records of the column (`'all'`). The Missing row is always a
   * percent of all.
   */
  percentOf?: 'non-missing' | 'all';
  /** Show a Missing row for every variable (`'always'`), or only where a value is missing (default 'auto'). */
  missing?: 'auto' | 'always';
}

/** A column: one group, or all records. */
export interface TableOneColumn {
  /** `'overall'`, or the group's value as text. */
  key: string;
  /** The group's value (`undefined` for the overall column). */
  group: GroupValue | undefined;
  overall: boolean;
  /** Printed name, e.g. 'spastic'. */
  label: string;
  /** Records in the column. */
  n: number;
  /** Printed heading, e.g. 'spastic (n = 2324)'. */
  heading: string;
}

/** "n (%)": a count, its denominator and the printed percent. */
export interface CountCell {
  kind: 'count';
  count: number;
  denominator: number;
  /** The printed percent without '%'; absent when the denominator is 0. */
  percent?: string;
  text: string;
}

/** "mean (SD)" of the records with a value. */
export interface MeanCell {
  kind: 'mean-sd';
  n: number;
  mean?: number;
  /** Sample SD (n − 1 in the denominator); absent for n < 2. */
  sd?: number;
  meanText?: string;
  sdText?: string;
  /**
   * Decimals the values are recorded to (0: whole numbers), when all are decimals: then the mean
   * and SD were printed from exact sums. `null`: some value is not a decimal, printed from doubles.
   */
  valueDecimals: number | null;
  text: string;
}

/** "median [Q1, Q3]" of the records with a value (quartiles by R's type 7). */
export interface MedianCell {
  kind: 'median-iqr';
  n: number;
  median?: number;
  q1?: number;
  q3?: number;
  medianText?: string;
  q1Text?: string;
  q3Text?: string;
  /** `'exact'`, or `'relative'` when read from a count table's relative-error quantile sketch. */
  method: 'exact' | 'relative';
  text: string;
}

/** An empty cell (the label row of a categorical variable). */
export interface BlankCell {
  kind: 'blank';
  text: '';
}

/** One cell of a {@link TableOne}. */
export type TableOneCell = CountCell | MeanCell | MedianCell | BlankCell;

/** The group comparison of one variable. */
export interface TableOnePValue {
  /** `null` when no test could be run (then `reason` says why). */
  value: number | null;
  /** As printed: '0.042', '<0.001', or '' when not tested. */
  text: string;
  /** 'chi-square', 'fisher', 'welch-t', 'welch-anova', 'kruskal-wallis'. */
  test: 'chi-square' | 'fisher' | 'welch-t' | 'welch-anova' | 'kruskal-wallis' | null;
  statistic?: number;
  df?: number[];
  reason?: string;
  /** Why the test is not the one the rule chose: Fisher's exact test too costly for the table, χ² instead. */
  note?: string;
  /**
   * Steps Fisher's exact test took on an r×c table, when it was tried (0 when its margins showed it
   * could not finish within the budget, or for a 2×2 table); at most `TABLE_ONE_FISHER_WORK` and a few.
   */
  exactWork?: number;
}

/** One row of a {@link TableOne}. */
export interface TableOneRow {
  /** 'variable': a variable's label row (with its statistic for a continuous variable); 'level': one level; 'missing': the records without a value. */
  kind: 'variable' | 'level' | 'missing';
  variable: string;
  /** The printed label: 'Age (years), mean (SD)', 'female', 'Missing'. */
  label: string;
  level?: string | number;
  /** What the cells hold. */
  statistic: 'n (%)' | 'mean (SD)' | 'median [IQR]';
  /** One cell per column, in column order. */
  cells: TableOneCell[];
  /** On variable rows when p-values were asked for. */
  pValue?: TableOnePValue;
  /** The variable's allowed range (number and integer measures with both bounds), for audits. */
  range?: [number, number];
}

/** A descriptive table of a cohort by group ("Table 1"), each cell with its numbers and its printed text. */
export interface TableOne {
  kind: 'table-one';
  by: string | null;
  columns: TableOneColumn[];
  rows: TableOneRow[];
  /** The settings every figure was printed with. */
  options: {
    decimals: { percent: number; continuous: number };
    rounding: RoundingMode;
    continuous: ContinuousSummary;
    percentOf: 'non-missing' | 'all';
    pValues: boolean;
  };
  /** Footnotes: what the statistics are, which tests ran, what was left out. */
  notes: string[];
}
