import { checkPartition } from '../audit/check-partition.js';
import { hasFootnoteMark, namedPercents, readCell, usesDecimalComma, type CellNumber, type CellValue } from './cell-grammar.js';
import { columnSizes } from './column-sizes.js';
import { defaultStatistic, isCount, missingColumn, notAGroup, statedN, statedStatistics, statisticOf, TOTAL_LABEL, type Statistic } from './context.js';
import { fits } from './fits.js';
import { footnoteMarks, footnoteText, qualifyingMark, rowSizeInNotes } from './footnotes.js';
import { sizesInNotes } from './sizes-in-notes.js';
import { cellName, type Table } from './table.js';
import { countSum, inferColumnN } from './infer-column-n.js';
import { mergeSplitCounts } from './merge-split-cells.js';
import { linkedRows } from './linked-rows.js';
import { hasMissingLevel, levelPartitions, rowPartitions } from './table-partitions.js';
import { groupVariables, type Variable } from './variables.js';
import { joinSummaryLevels } from './summary-levels.js';
import { rowPercentSums } from './row-percent-sums.js';
import { groupSizeCount } from './group-size-count.js';
import { levelBase, type LevelBase } from './level-base.js';
import { countedSizeRows } from './size-rows.js';
import { percentsComplete, splitAtFullLevels } from './split-levels.js';

/** Where a table figure stands: the table, its row and column, its name and its text. */
export interface TableCellRef {
  table: number;
  /** The cell's row and column in the table as read (`Table.grid`). */
  row: number;
  column: number;
  /** Where its percent was printed, when in a cell of its own ("n | %" columns, a "%" row). */
  also?: { row: number; column: number };
  /** "Spastic / 2013 (n = 412)": the row label and the column label. */
  name: string;
  /** The cell as printed. */
  quote: string;
}

/** How a table figure's denominator was found (the claims files' `denominatorSource`). */
export type TableDenominatorSource = 'with-claim' | 'table-header' | 'assumed';

/**
 * Which part of the table gave the denominator: the cell itself ("12/40 (30%)"), the row ("(n = 105)"
 * or an n column), a subgroup heading ("Comorbidities N=21 024"), another row the label names ("among
 * those with at least one complication"), the column header or an N row, the
 * row's Total cell (row percentages), the levels' own sum (missing data left out), or the size
 * inferred from the column's cells when no size is printed; 'row-sum': the sum of the row's groups,
 * in a table of row percentages with no Total column; 'stated-above': a size a row label above
 * states ("GI (… i.e., n = 24)"), for the rows under it that fit it and not their column's N.
 */
export type DenominatorBasis = 'cell' | 'row' | 'subgroup' | 'another-row' | 'column' | 'row-total' | 'levels' | 'inferred' | 'row-sum' | 'stated-above';

/** A count and percent (or a percent alone) read from a table cell, in the claims-file shape. */
export interface TableClaim {
  id: string;
  label: string;
  numerator?: number;
  denominator: number;
  /** As printed, with a '.' decimal mark. */
  percent?: string;
  denominatorSource: TableDenominatorSource;
  denominatorBasis: DenominatorBasis;
  /** How an inferred denominator was found, when the cell does not fit it (its finding says so). */
  denominatorNote?: string;
  /** A percent printed alone whose count is the size of another column ("62% male" beside "Men (n = 347)"): that column's heading. */
  numeratorFrom?: string;
  cell: TableCellRef;
}

/** A mean (and SD) read from a table cell, in the claims-file `means` shape. */
export interface TableMean {
  id: string;
  label: string;
  mean: string;
  sd?: string;
  n: number;
  /** A measurement (age, weight), not whole-number data: GRIM and GRIMMER do not apply. */
  continuous?: boolean;
  /** The range a value can take, when the label states it ("score (0–10)"). */
  scale?: [number, number];
  nSource: TableDenominatorSource;
  cell: TableCellRef;
}

/** Levels of a variable (or groups of a row) that should add up to a total. */
export interface TablePartition {
  id: string;
  total: number;
  parts: string[];
  /** 'levels': a variable's levels in one column; 'row': the groups of one row against its Total cell. */
  basis: 'levels' | 'row';
  /** Sum of the parts' counts minus the total. */
  difference: number;
}

/** A figure in a table that could not be tied to a denominator or read with confidence. */
export interface TableUnresolved {
  text: string;
  reason: string;
  cell: TableCellRef;
}

/** What {@link tableClaims} found in one table. */
export interface TableFigures {
  claims: TableClaim[];
  means: TableMean[];
  partitions: TablePartition[];
  unresolved: TableUnresolved[];
  /** Notes on how the table was read (variables that are not exclusive, row percentages, ...). */
  notes: string[];
}

/** Options of {@link tableClaims}. */
export interface TableClaimsOptions {
  /** Read "84,3" as 84.3; default 'auto' (decided from the table's own numbers). */
  decimalComma?: boolean | 'auto';
  /** Prefix of every id (e.g. "t1-"), so several tables can share one claims file. */
  idPrefix?: string;
}

/** The reading of one body cell. */
export interface ReadCell {
  row: number;
  column: number;
  value: CellValue;
  statistic: Statistic | undefined;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '') || 'cell'
  );
}

// a row naming a subgroup ("LDL-cholesterol among men"), or a note that says the row counts one ("Among ever smokers.")
const SUBSET = /\b(?:among|amongst)\b|\bonly\b/i;
const SUBSET_NOTE = /^\s*(?:among|amongst|only|in (?:those|patients|participants|subjects|women|men|children))\b|\b(?:among|amongst|in) [\w\s-]{1,40}\bonly\b|\bonly (?:among|in|for)\b|\bsubset\b|\bsubgroup\b/i;

// a note that says whose share a figure is: "Of total number of patients having discontinued the study
// drug", "Percentages are of those with diabetes", "% of patients who completed follow-up"
const SHARE_NOTE = /^\s*(?:of|among|amongst)\s+(?:the\s+)?(?:total\s+)?(?:number\s+of\s+)?(?:patients|participants|children|those|cases|subjects|people|persons|women|men)\b|\bpercentages?\s+(?:are|is|were)\s+(?:of|among)\b|\bas a (?:percentage|proportion) of\b/i;

// a row that gives the size of the rows under it: "Sex (n)", "Age, n"
const SIZE_LABEL = /(?:\(\s*n\s*\)|,\s*n)\s*$/i;
const SIZE_CELL = /^\(?\s*[nN]\s*=\s*\d[\d,\s\u00a0\u202f]*\)?$/;

const INTEGER_DATA = /\b(?:number of|no\.? of|count of|episodes|items? score|likert|parity|gravidity|children born)\b/i;
const SCALE = /\((?:range\s*)?(\d+)\s*[–—-]\s*(\d+)\)|\brange\s*(\d+)\s*[–—-]\s*(\d+)|\bscale\s*(\d+)\s*[–—-]\s*(\d+)/i;

// a quantity measured on each person ("Age (years)", "Duration of illness, months", "BMI (kg/m2)"), not a
// level of one ("≥65 years", "18–29 years", "<25" start with a figure or a comparison)
const MEASUREMENT = /\b(?:age|years?|yrs?|months?|weeks?|days?|hours?|minutes?|kg|cm|mm|kg\/m2?|mmhg|mg\/dl|mmol\/l|µmol\/l|score|bmi|body mass index|duration|weight|height|length|circumference|pressure|concentration)\b/i;
const measurementRow = (label: string) => {
  const own = label.split(' / ').pop()!.trim();
  return MEASUREMENT.test(own) && !/^[<>≤≥=~]|^\d/.test(own) && !/\d\s*(?:[-–—]|to)\s*\d|[<>≤≥]\s*\d/.test(own);
};

/** Means of measurements (age, weight, blood pressure) are not whole-number data; counts and item scores are. */
function measureOf(label: string): { continuous: boolean; scale?: [number, number] } {
  const m = SCALE.exec(label);
  const scale = m ? ([Number(m[1] ?? m[3] ?? m[5]), Number(m[2] ?? m[4] ?? m[6])] as [number, number]) : undefined;
  const integer = INTEGER_DATA.test(label) && !/\b(?:per|rate|ratio|mg|kg|hours?|days?|weeks?|months?|years?)\b/i.test(label);
  return { continuous: !integer, ...(scale && scale[0] < scale[1] ? { scale } : {}) };
}

/** "30.3/28.8/40.9" with a label naming as many levels ("low/medium/high"): each level's percent; else undefined. */
function percentList(text: string, label: string, decimalComma: boolean): { level: string; percent: CellNumber }[] | undefined {
  const values = text.replace(/\s*%\s*$/, '').split(/\s*\/\s*/);
  if (values.length < 2 || values.length > 6) return undefined;
  const levels = /([\p{L}\d<>≥≤+-]+(?:\s*\/\s*[\p{L}\d<>≥≤+-]+)+)/u.exec(label)?.[1]?.split(/\s*\/\s*/);
  if (!levels || levels.length !== values.length) return undefined;
  const out: { level: string; percent: CellNumber }[] = [];
  for (const [k, raw] of values.entries()) {
    const v = readCell(raw, { decimalComma });
    if (v.kind !== 'number' || v.value.negative || v.value.value > 100) return undefined;
    out.push({ level: levels[k]!, percent: v.value });
  }
  return out;
}

/**
 * A table with no label rows whose rows name a catch-all level ("Other", "Not reported", "Unknown"):
 * its rows are the levels of one variable, named by the heading over the labels ("Reason").
 */
function wholeTableVariable(table: Table, variables: readonly Variable[]): Variable[] {
  if (variables.length < 3 || variables.some((v) => v.label !== undefined || v.levels.length !== 1)) return [];
  const rows = variables.map((v) => v.levels[0]!);
  const labels = rows.map((r) => table.rowLabels[r]!);
  const catchAll = hasMissingLevel(labels) || labels.some((l) => /^(?:others?|other reasons?|all other)\b/i.test(l.split(' / ').pop()!.trim()));
  return catchAll ? [{ id: 'v-all', label: table.columnLabels[0] || 'All rows', levels: rows, rows }] : [];
}

/**
 * Read a table's cells as claims to audit: every "n (%)" with the denominator it is a share of and
 * where that came from (`denominatorSource`, and `denominatorBasis` in detail), every "mean (SD)"
 * with its n, and the partitions the table implies (a variable's exclusive levels adding up to its
 * column's N; a row's groups adding up to its Total cell when the header sizes do). What it cannot
 * tie to a denominator goes to `unresolved`, never to a claim with a guessed one.
 *
 * @example
 * const [t] = readTables('| | Treated (n = 60) | Control (n = 58) |\n|---|---|---|\n| Female, n (%) | 27 (45.0) | 30 (51.7) |\n| Age, mean (SD) | 7.4 (2.1) | 7.9 (2.5) |', { format: 'markdown' });
 * const { claims, means } = tableClaims(t);
 * claims.map((c) => [c.numerator, c.denominator, c.percent, c.denominatorSource]); // [[27, 60, '45.0', 'table-header'], [30, 58, '51.7', 'table-header']]
 * means.map((m) => [m.mean, m.sd, m.n]); // [['7.4', '2.1', 60], ['7.9', '2.5', 58]]
 */
export function tableClaims(input: Table, options: TableClaimsOptions = {}): TableFigures {
  const { table, quotes, origins, sizes: cellSizes } = mergeSplitCounts(input);
  const { grid, headerRows: H, labelColumns: L } = table;
  const width = grid[0]?.length ?? 0;
  const bodyTexts = grid.slice(H).flatMap((r) => r.slice(L));
  const decimalComma = options.decimalComma === undefined || options.decimalComma === 'auto' ? usesDecimalComma(bodyTexts) : options.decimalComma;
  const prefix = options.idPrefix ?? '';
  const out: TableFigures = { claims: [], means: [], partitions: [], unresolved: [], notes: [] };
  const ids = new Set<string>();
  const inferredCols = new Set<number>();
  const rowPercentRows = new Set<number>();
  const uniqueId = (base: string) => {
    let id = `${prefix}${base}`;
    for (let k = 2; ids.has(id); k++) id = `${prefix}${base}-${k}`;
    ids.add(id);
    return id;
  };
  const cellRef = (r: number, c: number): TableCellRef => {
    const o = origins[r]![c]!;
    return { table: table.index, row: o.row, column: o.column, ...(o.also ? { also: o.also } : {}), name: cellName(table, r, c), quote: quotes[r]![c]! };
  };

  // columns that hold a group's statistics (not p-values, differences, tests)
  const groupCols: number[] = [];
  for (let c = L; c < width; c++) {
    const label = table.columnLabels[c]!;
    const last = label.split(' / ').pop() ?? '';
    if (!notAGroup(last) && !notAGroup(label.split(' / ').map((x) => x.replace(/\(.*?\)/g, '')).join(' / '))) groupCols.push(c);
  }

  const { sizes: colN, nRows, fromSpanningHeading } = columnSizes(table, groupCols, decimalComma);
  const context = `${table.caption ?? ''} ${table.notes ?? ''}`;
  const tableDefault = defaultStatistic(context);
  const totalCol = groupCols.find((c) => TOTAL_LABEL.test(table.columnLabels[c]!.split(' / ').pop() ?? '') || TOTAL_LABEL.test(table.columnLabels[c]!));

  // read every body cell, and group rows into variables
  const cells: (ReadCell | undefined)[][] = grid.map((row, r) =>
    row.map((text, c) => (r < H || c < L || nRows.has(r) ? undefined : { row: r, column: c, value: readCell(text, { decimalComma }), statistic: undefined })),
  );
  const variables = joinSummaryLevels(table, cells, groupCols, groupVariables(table, cells, groupCols, nRows));
  const variableOf = new Map<number, Variable>();
  for (const v of variables) for (const r of v.rows) variableOf.set(r, v);

  // what each cell prints: the row's words first, then its variable's, the column's, the table's
  const hintOf = (r: number, c: number): Statistic | undefined => {
    const v = variableOf.get(r);
    return statisticOf(table.rowLabels[r]!) ?? (v?.label !== undefined ? statisticOf(v.label) : undefined) ?? statisticOf(table.columnLabels[c]!.split(' / ').pop() ?? '') ?? statisticOf(table.columnLabels[c]!);
  };

  // "Sex (n) | 828 | 824" or "Family size | N = 477 | N = 478": the size of the rows under it, up to
  // the next such row, a heading or a "Missing" row
  const sizeRowN = new Map<string, number>();
  {
    let scope: Map<number, number> | undefined;
    for (let r = H; r < grid.length; r++) {
      const label = table.rowLabels[r]!.split(' / ').pop()!.trim();
      const texts = groupCols.map((c) => grid[r]![c]!.trim());
      const stated = texts.every((t) => SIZE_CELL.test(t));
      // an N row at the top is the columns' size; one further down ("Family size | N = 477") is that of the rows under it
      if (nRows.has(r) && !(stated && r > H)) continue;
      const counts = texts.map((t) => (stated ? statedN(t.replace(/^\(/, ' ')) : /^\d[\d,]*$/.test(t) ? Number(t.replace(/,/g, '')) : null));
      const sizeRow = counts.every((n) => n !== null && n > 0) && (stated || SIZE_LABEL.test(label));
      if (sizeRow) {
        scope = new Map(groupCols.map((c, k) => [c, counts[k]!] as const));
        continue;
      }
      const valued = groupCols.some((c) => { const x = cells[r]![c]?.value.kind; return x !== undefined && x !== 'empty' && x !== 'text'; });
      if (!valued || /^(?:missing|unknown|not known)\b/i.test(label)) {
        scope = undefined;
        continue;
      }
      if (scope) for (const [c, n] of scope) sizeRowN.set(`${r} ${c}`, n);
    }
  }

  // "Gravidity | 682 | 519": a row of bare counts that the rows under it add up to is their size
  for (const [k, n] of countedSizeRows(cells, groupCols, H)) if (!sizeRowN.has(k)) sizeRowN.set(k, n);

  // sizes of rows and subgroups stated in their labels
  const rowN = (r: number): number | null => statedN(table.rowLabels[r]!.split(' / ').pop() ?? '');
  const subgroupN = (r: number): number | null => {
    const v = variableOf.get(r);
    return v?.label !== undefined ? statedN(v.label) : null;
  };

  // decide each pair "a (b)": count and percent, or mean and SD
  const undecided: { r: number; c: number; countLike: boolean }[] = [];
  for (const c of groupCols) {
    for (let r = H; r < grid.length; r++) {
      const cell = cells[r]![c];
      if (!cell) continue;
      let hint = hintOf(r, c);
      cell.statistic = hint;
      const v = cell.value;
      if (v.kind !== 'pair') continue;
      const n = rowN(r) ?? subgroupN(r) ?? colN.get(c);
      const { first: a, second: b } = v;
      const countLike = isCount(a) && b.value <= 100 && !b.negative;
      // every denominator the table offers this cell: its row, subgroup, column, a row its label names, its Total cell
      const offered = [rowN(r), subgroupN(r), colN.get(c), ...linkedRows(table, r, c, cells, colN.get(c)).map((l) => l.n)];
      if (totalCol !== undefined && totalCol !== c) {
        const t = cells[r]![totalCol]?.value;
        if (t?.kind === 'pair' && isCount(t.first)) offered.push(t.first.value);
        if (t?.kind === 'count-percent' && isCount(t.count)) offered.push(t.count.value);
        if (t?.kind === 'number' && isCount(t.value) && !t.value.bound) offered.push(t.value.value);
      }
      const plausibleCount = countLike && offered.some((k) => k !== null && k !== undefined && a.value <= k && Math.abs((100 * a.value) / k - b.value) <= 2.5);
      let kind: 'count-percent' | 'percent-count' | 'mean-sd' | undefined;
      // "Mean age or median of trial means": the cell's own form says which ("55·6 (53·7–57·0)" or "60·6 (13·9)")
      if (hint === 'median' && /\bmean\b/i.test(table.rowLabels[r]!)) hint = undefined;
      // "Age in yr, median (IQR)" over "< 40 | 178 (98.89)": a median with its IQR or range prints three numbers,
      // so a pair in a row of the heading's levels is not one (the heading's own row would print the median)
      if (hint === 'median' && statisticOf(table.rowLabels[r]!.split(' / ').pop() ?? '') === undefined && variableOf.get(r)?.label !== undefined && statisticOf(variableOf.get(r)!.label!) === 'median' && variableOf.get(r)!.labelRow !== r) hint = undefined;
      if (hint === 'count-percent' || hint === 'percent') kind = countLike ? 'count-percent' : isCount(b) && a.value <= 100 ? 'percent-count' : undefined;
      else if (hint === 'percent-count') kind = isCount(b) && a.value <= 100 ? 'percent-count' : undefined;
      else if (hint === 'mean-sd') kind = 'mean-sd';
      else if (hint === 'mean-se' || hint === 'median') kind = undefined;
      else if (plausibleCount && (tableDefault === undefined || tableDefault === 'count-percent' || offered.some((k) => k !== null && k !== undefined && fits(a.value, k, b)))) kind = 'count-percent';
      else if (tableDefault === 'mean-sd' || tableDefault === 'count-percent') kind = tableDefault === 'mean-sd' ? 'mean-sd' : countLike ? 'count-percent' : undefined;
      else if (!isCount(a) || b.value > 100 || a.negative || (n !== undefined && a.value > n)) kind = 'mean-sd';
      else if (countLike && n === undefined && b.decimals > 0) kind = 'count-percent';
      // "Age (years) | 45 (12)" under a column headed "n (%)": a row that names a measurement, whose
      // pair fits no count of any size the table offers, is more likely a mean and SD than a misprint
      const ownHint = statisticOf(table.rowLabels[r]!) ?? (variableOf.get(r)?.label !== undefined ? statisticOf(variableOf.get(r)!.label!) : undefined);
      if (kind === 'count-percent' && ownHint === undefined && measurementRow(table.rowLabels[r]!) && !offered.some((k) => k !== null && k !== undefined && fits(a.value, k, b))) {
        out.unresolved.push({ text: grid[r]![c]!, reason: 'a pair in a row that names a measurement; as a count and percent it fits no size the table gives, so it may be a mean and SD', cell: cellRef(r, c) });
        continue;
      }
      if (kind === 'count-percent') cell.value = { kind: 'count-percent', count: a, percent: b, order: 'n (%)' };
      else if (kind === 'percent-count') cell.value = { kind: 'count-percent', count: b, percent: a, order: '% (n)' };
      else if (kind === 'mean-sd') cell.value = { kind: 'mean-sd', mean: a, sd: b };
      else if (hint !== 'median' && hint !== 'mean-se') undecided.push({ r, c, countLike });
    }
  }
  // a row prints one statistic in every group: a pair its words leave open is a count and percent
  // when the row's other pairs are (a misprinted percent no longer fits, "244 (44.0)" beside "522 (72.7)")
  // in a table of row percentages, a row whose pairs read as counts fit its own sum and add up to 100% is one more such row
  const rowPercentTable = totalCol === undefined && undecided.length > 0 && rowPercentSums(cells, groupCols, colN, H).size > 0;
  const fitsRowSum = (r: number): boolean => {
    const pairs = groupCols.map((d) => cells[r]![d]?.value);
    if (pairs.some((x) => x?.kind !== 'pair' && x?.kind !== 'count-percent')) return false;
    const tentative = cells.map((row, k) => (k !== r ? [] : row.map((x) => (x && x.value.kind === 'pair' ? { ...x, value: { kind: 'count-percent' as const, count: x.value.first, percent: x.value.second, order: 'n (%)' as const } } : x))));
    return rowPercentSums(tentative, groupCols, new Map(), H, 1).has(r);
  };
  for (const { r, c, countLike } of undecided) {
    const others = groupCols.filter((d) => d !== c).map((d) => cells[r]![d]?.value.kind);
    const v = cells[r]![c]!.value;
    if (countLike && v.kind === 'pair' && rowPercentTable && fitsRowSum(r)) cells[r]![c]!.value = { kind: 'count-percent', count: v.first, percent: v.second, order: 'n (%)' };
    else if (countLike && v.kind === 'pair' && others.includes('count-percent') && !others.includes('mean-sd') && !others.includes('pair')) cells[r]![c]!.value = { kind: 'count-percent', count: v.first, percent: v.second, order: 'n (%)' };
    else out.unresolved.push({ text: grid[r]![c]!, reason: 'a pair of numbers that could be a count and percent or a mean and SD; nothing in the table says which', cell: cellRef(r, c) });
  }

  // a heading's size over several columns: what a row of the group's shares is a share of ("All | 1373 (52.6)")
  const headingN = new Map([...fromSpanningHeading].map((c) => [c, colN.get(c)!] as const));

  // a column with no size whose variables' levels, three or more of them, add up to one sum: that is its size
  const commonLevelSum = (c: number): number | null => {
    const tally = new Map<number, number>();
    for (const v of variables) {
      if (v.levels.length < 2) continue;
      const values = v.levels.map((r) => cells[r]![c]?.value);
      if (values.some((x) => x?.kind !== 'count-percent' || x.total !== undefined || x.percent.bound || x.count.bound || !isCount(x.count))) continue;
      const cps = values as { count: CellNumber; percent: CellNumber }[];
      if (!percentsComplete(cps)) continue;
      const sum = cps.reduce((t, x) => t + x.count.value, 0);
      tally.set(sum, (tally.get(sum) ?? 0) + 1);
    }
    const [best, second] = [...tally.entries()].sort((a, b) => b[1] - a[1]);
    return best && best[1] >= 3 && (!second || best[1] >= 2 * second[1]) ? best[0] : null;
  };

  // sizes inferred from the cells where the table prints none
  // (a heading's N over several columns is the group's size, not each column's: the cells may say better)
  for (const c of groupCols) {
    const spanned = fromSpanningHeading.has(c);
    if (colN.has(c) && !spanned) continue;
    const inferred = inferColumnN(cells.map((row) => row[c]).filter((x): x is ReadCell => x !== undefined), variables) ?? (spanned ? null : commonLevelSum(c));
    if (inferred !== null && inferred !== colN.get(c)) {
      const printed = spanned ? `the heading's size ${colN.get(c)} is that of several columns` : 'no size is printed';
      colN.set(c, inferred);
      inferredCols.add(c);
      out.notes.push(`${table.columnLabels[c] || `column ${c + 1}`}: ${printed}; ${inferred} fits its counts and percents, and is used as its denominator (marked 'assumed').`);
    }
  }

  const wellSupported = (c: number, n: number) => {
    // cells that print their own denominator ("15/43 (34.9)") say nothing about the column's
    const counts = cells.map((row) => row[c]?.value).filter((v) => v?.kind === 'count-percent' && isCount(v.count) && !v.total) as { count: CellNumber; percent: CellNumber }[];
    const fit = counts.filter((v) => fits(v.count.value, n, v.percent)).length;
    if (fit >= 5 && fit >= 0.8 * counts.length) return true;
    // the column's counts add up to n and their percents to 100: one cell off is that cell's error
    const column = cells.map((row) => row[c]).filter((x): x is ReadCell => x !== undefined);
    if (countSum(column) === n && fit >= 3 && fit >= counts.length - 1) return true;
    // or three variables' levels add up to n, and many cells fit it
    return fit >= 5 && commonLevelSum(c) === n;
  };

  // values the notes say are missing: a footnote mark on the cell or row then makes the printed N an upper bound
  const missingNoted = /\bmissing|not (?:known|available|recorded|reported)|\bunknown\b|available for|data (?:were|was) available|incomplete/i.test(context);
  // a row (or the heading over it) marked for a note the table does not print, or for one about
  // missing values or the row's own n, may be a share of fewer people than its column ("previous
  // gestational diabetes" of the women only)
  const headingOver = (r: number): string => {
    for (let k = r - 1; k >= H; k--) {
      if (groupCols.some((c) => { const x = cells[k]![c]?.value.kind; return x !== undefined && x !== 'empty' && x !== 'text'; })) continue;
      return table.rowLabels[k]!;
    }
    return '';
  };
  const qualified = (r: number) => [table.rowLabels[r]!, variableOf.get(r)?.label ?? '', headingOver(r)].some((label) => qualifyingMark(label, table.notes ?? ''));
  // "Nmiss | 37" beside a row (or its variable's heading row): some of its values are missing, in groups the table does not say
  const missingCols = Array.from({ length: width }, (_, c) => c).filter((c) => c >= L && missingColumn(table.columnLabels[c]!));
  const missingIn = (r: number) => missingCols.some((c) => { const v = readCell(grid[r]![c]!, { decimalComma }); return v.kind === 'number' && isCount(v.value) && v.value.value > 0; });
  const rowMissing = (r: number) => missingIn(r) || (variableOf.get(r)?.labelRow !== undefined && missingIn(variableOf.get(r)!.labelRow!));
  const unknownBase = (r: number, quote: string) =>
    rowMissing(r) ||
    /\bavailable for\b|\bdata (?:on|for) \d/i.test(`${table.rowLabels[r]} ${variableOf.get(r)?.label ?? ''}`) ||
    (missingNoted && (hasFootnoteMark(quote) || hasFootnoteMark(table.rowLabels[r]!) || footnoteMarks(table.rowLabels[r]!).length > 0)) ||
    rowSizeInNotes(table.rowLabels[r]!, table.notes ?? '');
  const smallerFits = (r: number, count: number, n: number, percent: CellNumber) => {
    const least = qualified(r) ? 0 : n * 0.5;
    for (let k = n - 1; k >= Math.max(count, 1) && k >= least; k--) if (fits(count, k, percent)) return true;
    return false;
  };

  const someCountFits = (n: number, percent: CellNumber) => {
    const k = Math.round((percent.value * n) / 100);
    return [k - 1, k, k + 1].some((x) => x >= 0 && x <= n && fits(x, n, percent));
  };

  // "Started on ART 13 (100)" under "HIV-positive 13 (31.7)": a share of the row above, not of the
  // column, when the percent is far from the column's share and fits a count printed just above
  // ... or, nearer the column's share, when another cell of the run under that count is one of its shares too
  // ("Reported 27" over "Yes 20 (74.1)" and "Yes 7 (25.9)" of 29: both shares of 27, neither of 29)
  const countAt = (q: number, c: number) => { const v = cells[q]?.[c]?.value; return v?.kind === 'count-percent' && isCount(v.count) && !v.percent.bound ? { count: v.count.value, percent: v.percent } : undefined; };
  const alsoShare = (r: number, c: number, k: number, m: number, n: number) =>
    [...Array.from({ length: r - k - 1 }, (_, i) => k + 1 + i), r + 1].some((q) => { const x = countAt(q, c); return x !== undefined && x.count <= m && fits(x.count, m, x.percent) && !fits(x.count, n, x.percent); });
  const shareOfRowAbove = (r: number, c: number, count: number, percent: CellNumber): { n: number; basis: DenominatorBasis } | undefined => {
    const n = colN.get(c);
    if (n === undefined) return undefined;
    const far = Math.abs((100 * count) / n - percent.value) > 10;
    for (let k = r - 1; k >= Math.max(H, r - 3); k--) {
      const m = countAt(k, c)?.count;
      if (m === undefined) return undefined;
      if (m >= count && m < n && fits(count, m, percent) && (far || alsoShare(r, c, k, m, n))) return { n: m, basis: 'another-row' };
    }
    return undefined;
  };

  // the levels whose counts add up to a missing-data denominator end where their percents reach 100
  // (an unindented "Married" after "Education" is not one of its levels)
  const levelGroups = splitAtFullLevels(variables, cells, groupCols);
  const levelGroupOf = new Map<number, Variable>();
  for (const v of levelGroups) for (const r of v.rows) levelGroupOf.set(r, v);
  const levelSums = new Map<string, number>();
  for (const v of levelGroups) {
    for (const c of groupCols) {
      const counts = v.levels.map((r) => cells[r]![c]?.value).filter((x) => x?.kind === 'count-percent');
      if (counts.length >= 2 && counts.length === v.levels.length) levelSums.set(`${v.id} ${c}`, counts.reduce((s, x) => s + (x as { count: CellNumber }).count.value, 0));
    }
  }

  // what a variable's levels in one column are shares of, when not the column's N: the size its
  // heading row prints, their own sum (missing values left out), or a smaller size they all fit
  const levelBases = new Map<string, LevelBase>();
  const addsUp = (v: Variable, c: number): boolean | undefined => {
    const xs = v.levels.map((r) => cells[r]![c]?.value).filter((x) => !(x?.kind === 'number' && x.value.value === 0) && x?.kind !== 'empty');
    if (xs.length < 2 || xs.some((x) => x?.kind !== 'count-percent')) return undefined;
    return xs.reduce((t, x) => t + (x as { count: CellNumber }).count.value, 0) === colN.get(c);
  };
  const completeElsewhere = (v: Variable, c: number) => levelGroups.some((w) => w !== v && w.label !== undefined && addsUp(w, c) === true) && groupCols.every((d) => d === c || !colN.has(d) || addsUp(v, d) !== false);
  for (const v of levelGroups) {
    if (v.label === undefined || v.levels.length < 2) continue;
    for (const c of groupCols) {
      const n = subgroupN(v.levels[0]!) ?? colN.get(c);
      if (n === undefined || v.levels.some((r) => rowN(r) !== null || cellSizes[r]?.[c] !== undefined || sizeRowN.has(`${r} ${c}`))) continue;
      const heading = v.labelRow !== undefined && !v.levels.includes(v.labelRow) ? /^\s*(\d+)\s*[a-z*†‡§¶]?\s*$/.exec(grid[v.labelRow]![c]!) : null;
      const base = levelBase({ levels: v.levels.map((r) => ({ label: table.rowLabels[r]!.split(' / ').pop()!.replace(/^[\s•·*-]+/, '').trim(), cell: cells[r]![c], text: grid[r]![c]! })), n, ...(heading ? { headingCount: Number(heading[1]) } : {}), missingNoted, completeElsewhere: completeElsewhere(v, c) });
      if (base) levelBases.set(`${v.id} ${c}`, base);
    }
  }

  // a note under a mark on the cell or its row that says whose share the figure is
  const baseNote = (r: number, text: string): string | undefined => {
    const marks = [...footnoteMarks(text), ...footnoteMarks(table.rowLabels[r]!.split(' / ').pop()!)];
    for (const m of marks) {
      const note = footnoteText(table.notes ?? '', m);
      if (note !== undefined && SHARE_NOTE.test(note)) return note;
    }
    return undefined;
  };

  // "4,880 and 3,554, respectively, for HbA1c": rows the notes give sizes of their own
  const noteSizes = sizesInNotes(table.notes ?? '', table.rowLabels, groupCols.length, groupCols.map((c) => table.columnLabels[c]!));
  // "Mean cigarettes/day (SD)b" with the note "bAmong ever smokers": a mean of fewer people than the column
  const ofASubset = (r: number) => {
    const label = table.rowLabels[r]!.split(' / ').pop()!;
    return SUBSET.test(label) || footnoteMarks(label).some((m) => SUBSET_NOTE.test(footnoteText(table.notes ?? '', m) ?? ''));
  };

  // a row whose own words (or its variable's) say it prints percents only: "Never (%)" | 37 is 37%, not a count
  // ("(%)" alone names percents; "n (%)" a count that may be printed without its percent, "0")
  const saysPercent = (label: string) => statisticOf(label) === 'percent' || (/\(\s*%\s*\)\s*$/.test(label) && !/\b(?:n|no\.?|number|count)\s*\(\s*%\s*\)\s*$/i.test(label));
  const rowSaysPercent = (r: number) => {
    const own = table.rowLabels[r]!.split(' / ').pop()!;
    return statisticOf(own) === undefined ? saysPercent(variableOf.get(r)?.label ?? '') : saysPercent(own);
  };

  // a table of row percentages with no Total column ("< 40 | 178 (98.89) | 2 (1.11)" under "Survivors,
  // n = 328 | Non-survivors, n = 25"): each row's groups add up to 100%, and every cell fits the sum of
  // the row's counts, not its column's N; three such rows make the reading the table's
  const rowSums = totalCol === undefined ? rowPercentSums(cells, groupCols, colN, H) : new Map<number, number>();
  if (rowSums.size > 0) out.notes.push(`${rowSums.size} row(s) print percentages of the row: their groups' percents add up to 100 and each cell is a share of the row's counts added up, not of its column (no Total column prints that sum).`);
  // "GI (… i.e., n = 24)" over rows whose percents fit 24 and not the column's 30: the nearest size a row label above states
  const statedAbove = (r: number): { n: number; row: number } | undefined => {
    for (let k = r - 1; k >= H; k--) {
      const n = rowN(k);
      if (n !== null) return { n, row: k };
    }
    return undefined;
  };

  // "Male | 17 | 23" under "Gender" when the notes say "Data presented as percentages and mean (SD)":
  // bare whole numbers that are a variable's levels and add up to 100 in every column are percents
  const percentLevelRows = new Set<number>();
  if (statedStatistics(context).includes('percent') && !statedStatistics(context).includes('count-percent')) {
    for (const v of variables) {
      if (v.label === undefined || v.levels.length < 2) continue;
      const columns = groupCols.filter((c) => v.levels.some((r) => cells[r]![c]?.value.kind !== 'empty'));
      const whole = columns.length > 0 && columns.every((c) => {
        const xs = v.levels.map((r) => cells[r]![c]?.value);
        if (xs.some((x) => x?.kind !== 'number' || x.value.percent || x.value.bound || x.value.negative || x.value.value > 100)) return false;
        return checkPartition({ total: 1, parts: xs.map((x) => ({ percent: (x as { value: CellNumber }).value.digits })) }).percentSumOk;
      });
      if (whole) for (const r of v.levels) percentLevelRows.add(r);
    }
  }

  // "62% male" in "All (n = 555)" beside "Men (n = 347)": the percent's count is that column's size
  const countOfGroup = (level: string, c: number, chosen: { n: number; basis: DenominatorBasis }): { numerator?: number; numeratorFrom?: string; denominatorNote?: string } => {
    if (chosen.basis !== 'column' || inferredCols.has(c) || fromSpanningHeading.has(c)) return {};
    const g = groupSizeCount(level, c, groupCols, table.columnLabels, colN);
    if (!g || g.n > chosen.n) return {};
    const heading = table.columnLabels[g.column]!.split(' / ').pop()!;
    return { numerator: g.n, numeratorFrom: heading, denominatorNote: `the count, ${g.n}, is the size of the column "${heading}"; the cell prints only the percent` };
  };

  // a column of shares of each row's Total: three or more of its cells fit their row's Total and not the column's N
  const rowPercentColumn = (c: number): boolean => {
    if (totalCol === undefined || c === totalCol) return false;
    let k = 0;
    for (let r = H; r < grid.length; r++) {
      const v = cells[r]![c]?.value;
      const t = cells[r]![totalCol]?.value;
      const total = t?.kind === 'count-percent' ? t.count.value : t?.kind === 'number' ? t.value.value : undefined;
      if (v?.kind === 'count-percent' && total !== undefined && fits(v.count.value, total, v.percent) && !fits(v.count.value, colN.get(c) ?? 0, v.percent)) k += 1;
    }
    return k >= 3;
  };

  // claims and means
  const claimAt = new Map<string, TableClaim>();
  // cells no denominator explains, with their row's Total count: in a column of row percentages, that is theirs
  const unfitRowTotal = new Map<string, number>();
  const provisional = new Set<string>();
  const bounds = new Map<string, number>();
  for (let r = H; r < grid.length; r++) {
    for (const c of groupCols) {
      const cell = cells[r]![c];
      if (!cell) continue;
      const v = cell.value;
      const ref = cellRef(r, c);
      const name = ref.name || `row ${r + 1}, column ${c + 1}`;
      const candidates: { n: number; basis: DenominatorBasis }[] = [];
      const add = (n: number | null | undefined, basis: DenominatorBasis) => {
        if (n !== null && n !== undefined && n > 0 && Number.isSafeInteger(n)) candidates.push({ n, basis });
      };
      if (v.kind === 'count-percent' && v.total) add(v.total.value, 'cell');
      add(cellSizes[r]?.[c], 'row');
      add(noteSizes.get(r)?.[groupCols.indexOf(c)], 'row');
      add(rowN(r), 'row');
      add(subgroupN(r) ?? sizeRowN.get(`${r} ${c}`), 'subgroup');
      // "among patients with at least one indicator": a share of another row's count
      for (const link of linkedRows(table, r, c, cells, colN.get(c))) {
        if (link.named || (v.kind === 'count-percent' && isCount(v.count) && fits(v.count.value, link.n, v.percent))) add(link.n, 'another-row');
      }
      // "15 (19)a" with the note "aOf total number of patients having discontinued the study drug": the
      // row the note names is the base; the column's N is not, and when no row is named the cell stays open
      const shareNote = baseNote(r, grid[r]![c]!);
      if (shareNote !== undefined && (v.kind === 'count-percent' || v.kind === 'number')) {
        const links = linkedRows(table, r, c, cells, colN.get(c), shareNote).filter((l) => l.named);
        if (links.length === 0 || (v.kind === 'count-percent' && links[0]!.n < v.count.value)) {
          out.unresolved.push({ text: ref.quote, reason: `its note says whose share it is ("${shareNote.slice(0, 80)}"), and no row of the table is that count`, cell: ref });
          continue;
        }
        candidates.length = 0;
        add(links[0]!.n, 'another-row');
      }
      if (rowSums.has(r)) add(rowSums.get(r), 'row-sum');
      add(colN.get(c), inferredCols.has(c) ? 'inferred' : 'column');
      const above = rowN(r) === null ? statedAbove(r) : undefined;
      if (above && v.kind === 'count-percent' && isCount(v.count) && fits(v.count.value, above.n, v.percent) && !fits(v.count.value, colN.get(c) ?? 0, v.percent)) add(above.n, 'stated-above');
      if (headingN.get(c) !== colN.get(c) && v.kind === 'count-percent' && isCount(v.count) && fits(v.count.value, headingN.get(c) ?? 0, v.percent)) add(headingN.get(c), 'column');
      if (totalCol !== undefined && totalCol !== c) {
        const t = cells[r]![totalCol]?.value;
        if (t?.kind === 'count-percent' && isCount(t.count)) add(t.count.value, 'row-total');
        // "Total | 850": a bare count in the Total column is the row's size too
        if (t?.kind === 'number' && isCount(t.value) && !t.value.bound) add(t.value.value, 'row-total');
      }
      const variable = variableOf.get(r);
      const levelGroup = levelGroupOf.get(r);
      if (levelGroup) add(levelSums.get(`${levelGroup.id} ${c}`), 'levels');
      const base = levelGroup ? levelBases.get(`${levelGroup.id} ${c}`) : undefined;
      const baseCandidate = base && 'n' in base && !candidates.some((k) => k.basis === 'cell') ? { n: base.n, basis: base.basis } : undefined;
      if (baseCandidate) candidates.unshift(baseCandidate);
      const source = (basis: DenominatorBasis): TableDenominatorSource => (basis === 'cell' ? 'with-claim' : basis === 'levels' || basis === 'inferred' || basis === 'another-row' || basis === 'row-sum' || basis === 'stated-above' ? 'assumed' : 'table-header');

      if (v.kind === 'count-percent') {
        if (!isCount(v.count) || v.percent.value > 100 || v.percent.negative) continue;
        const count = v.count.value;
        if (v.percent.bound || v.count.bound) {
          // "20 (<0.1)": the count is still one of the column's, for the levels' sum; the percent is only a limit
          const column = candidates.find((k) => k.basis === 'column' || k.basis === 'row' || k.basis === 'subgroup');
          if (column && !v.count.bound && count <= column.n) {
            const claim: TableClaim = { id: uniqueId(slug(name)), label: name, numerator: count, denominator: column.n, denominatorSource: source(column.basis), denominatorBasis: column.basis, cell: ref };
            out.claims.push(claim);
            claimAt.set(`${r} ${c}`, claim);
            bounds.set(claim.id, v.percent.value);
          } else out.unresolved.push({ text: ref.quote, reason: 'a percent printed as a bound ("<0.1"), not as a figure to check', cell: ref });
          continue;
        }
        // a size the table prints for this cell (its row, a row its note names) outranks one the levels only fit
        const printedFits = candidates.some((k) => k !== baseCandidate && k.basis !== 'column' && k.basis !== 'inferred' && k.basis !== 'levels' && fits(count, k.n, v.percent));
        if (printedFits && baseCandidate?.basis === 'inferred') candidates.splice(candidates.indexOf(baseCandidate), 1);
        const otherSize = candidates.some((k) => k.basis !== 'column' && k.basis !== 'inferred' && k.basis !== 'levels' && (k.basis !== 'row-total' || rowPercentColumn(c)));
        if (base && 'unresolved' in base && !printedFits && !(base.unlessOtherSize && otherSize)) {
          out.unresolved.push({ text: ref.quote, reason: base.unresolved, cell: ref });
          continue;
        }
        const fitting = candidates.find((k) => fits(count, k.n, v.percent)) ?? shareOfRowAbove(r, c, count, v.percent);
        // when none fits, the printed size it should be a share of, so the audit can say so
        // (with no other size, the row's Total, kept only if the column proves to be one of row percentages)
        const rowTotalOnly = fitting ? undefined : candidates.find((k) => k.basis === 'row-total' && k.n >= count);
        const chosen = fitting ?? candidates.find((k) => k.basis !== 'row-total' && k.basis !== 'levels' && k.n >= count) ?? rowTotalOnly;
        if (chosen === rowTotalOnly && rowTotalOnly) provisional.add(`${r} ${c}`);
        if (!chosen) {
          out.unresolved.push({ text: ref.quote, reason: 'a count and percent with no denominator in the table', cell: ref });
          continue;
        }
        // a size the table does not print, inferred from the other cells, proves a cell wrong only when
        // many cells and nearly all of them agree on it
        // ... or when the cell's own variable's levels add up to it exactly as well: two readings agree
        // on the size, and the cell's count is one of those it is the sum of (its own percent, misprinted,
        // may keep the level percents from adding up to 100)
        const levelsConfirm = (): boolean => {
          if (!levelGroup || levelGroup.levels.length < 2 || levelSums.get(`${levelGroup.id} ${c}`) !== chosen.n) return false;
          const values = levelGroup.levels.map((x) => cells[x]![c]!.value as { count: CellNumber; percent: CellNumber; total?: CellNumber });
          return !values.some((x) => x.total !== undefined || x.percent.bound || x.count.bound);
        };
        const confirmed = !fitting && chosen.basis === 'inferred' && levelsConfirm();
        if (!fitting && chosen.basis === 'inferred' && !wellSupported(c, chosen.n) && !confirmed) {
          out.unresolved.push({ text: ref.quote, reason: `the table prints no size for this column; ${chosen.n}, which fits its other cells, does not give this percent`, cell: ref });
          continue;
        }
        // the table says values are missing and marks this cell or row: the printed N is only an upper bound
        if (!fitting && (unknownBase(r, ref.quote) || qualified(r)) && smallerFits(r, count, chosen.n, v.percent)) {
          const why = qualified(r) ? 'the row is marked for a note about who it counts (or one the table does not print)' : 'the table notes missing values here';
          out.unresolved.push({ text: ref.quote, reason: `the percent is not ${count} of ${chosen.n}, and ${why}; it fits a smaller denominator, which the table does not print`, cell: ref });
          continue;
        }
        if (fitting?.basis === 'row-total') rowPercentRows.add(r);
        const rowTotal = candidates.find((k) => k.basis === 'row-total');
        if (!fitting && rowTotal && rowTotal.n >= count) unfitRowTotal.set(`${r} ${c}`, rowTotal.n);
        const claim: TableClaim = {
          id: uniqueId(slug(name)),
          label: name,
          numerator: count,
          denominator: chosen.n,
          percent: v.percent.digits,
          denominatorSource: source(chosen.basis),
          denominatorBasis: chosen.basis,
          ...(chosen === baseCandidate && base && 'note' in base
            ? { denominatorNote: base.note }
            : chosen.basis === 'inferred' && !fitting
            ? { denominatorNote: `no size is printed; ${chosen.n} fits most of the column's counts and percents${confirmed ? ", and this variable's levels add up to it" : ''}` }
            : chosen.basis === 'row-sum'
              ? { denominatorNote: `the row's groups add up to ${chosen.n}, and the table prints percentages of the row` }
              : chosen.basis === 'stated-above'
                ? { denominatorNote: `${chosen.n} is the size "${table.rowLabels[statedAbove(r)!.row]!.split(' / ').pop()!.slice(0, 80)}" states, which the percent fits and the column's N does not` }
                : {}),
          cell: ref,
        };
        out.claims.push(claim);
        claimAt.set(`${r} ${c}`, claim);
      } else if (v.kind === 'count-total') {
        if (!isCount(v.count) || !isCount(v.total) || v.count.value > v.total.value || v.total.value === 0) continue;
        const claim: TableClaim = { id: uniqueId(slug(name)), label: name, numerator: v.count.value, denominator: v.total.value, denominatorSource: 'with-claim', denominatorBasis: 'cell', cell: ref };
        out.claims.push(claim);
        claimAt.set(`${r} ${c}`, claim);
      } else if (v.kind === 'number' && (!isCount(v.value) || rowSaysPercent(r) || percentLevelRows.has(r)) && !v.value.bound && (v.value.percent || cell.statistic === 'percent' || cell.statistic === 'count-percent' || percentLevelRows.has(r))) {
        // a percent printed alone ("66.1" under "Men, %", "37" in a row "Never (%)"): a share of the column
        if (v.value.value > 100 || v.value.negative) continue;
        const chosen = candidates.find((k) => k.basis !== 'row-total' && k.basis !== 'levels' && k.basis !== 'another-row');
        if (!chosen || unknownBase(r, '') || (qualified(r) && !someCountFits(chosen.n, v.value))) {
          out.unresolved.push({ text: ref.quote, reason: 'a percent with no denominator in the table', cell: ref });
          continue;
        }
        const level = table.rowLabels[r]!.split(' / ').pop()!.replace(/\s*[,(]?\s*%\s*\)?\s*$/, '').trim();
        out.claims.push({ id: uniqueId(slug(name)), label: name, ...countOfGroup(level, c, chosen), denominator: chosen.n, percent: v.value.digits, denominatorSource: source(chosen.basis), denominatorBasis: chosen.basis, cell: ref });
      } else if (v.kind === 'text' && namedPercents(grid[r]![c]!, decimalComma) !== undefined) {
        // "62% male, 38% female": each a percent of the column, named by its word
        const chosen = candidates.find((k) => k.basis === 'column' || k.basis === 'row' || k.basis === 'subgroup');
        if (!chosen || unknownBase(r, '')) continue;
        for (const part of namedPercents(grid[r]![c]!, decimalComma)!) {
          out.claims.push({ id: uniqueId(slug(`${name} ${part.level}`)), label: `${name} (${part.level})`, ...countOfGroup(part.level, c, chosen), denominator: chosen.n, percent: part.percent.digits, denominatorSource: source(chosen.basis), denominatorBasis: chosen.basis, cell: ref });
        }
      } else if (v.kind === 'text' && (cell.statistic === 'percent' || cell.statistic === 'count-percent')) {
        // "30.3/28.8/40.9" under "Education level low/medium/high, %": one percent of the column per level
        const parts = percentList(grid[r]![c]!, table.rowLabels[r]!, decimalComma);
        const chosen = candidates.find((k) => k.basis === 'column' || k.basis === 'row' || k.basis === 'subgroup');
        if (!parts || !chosen || unknownBase(r, '')) continue;
        for (const part of parts) {
          if (qualified(r) && !someCountFits(chosen.n, part.percent)) continue;
          out.claims.push({ id: uniqueId(slug(`${name} ${part.level}`)), label: `${name} (${part.level})`, denominator: chosen.n, percent: part.percent.digits, denominatorSource: source(chosen.basis), denominatorBasis: chosen.basis, cell: ref });
        }
      } else if (v.kind === 'number' && v.value.percent) {
        const chosen = candidates.find((k) => k.basis !== 'row-total' && k.basis !== 'levels');
        if (chosen && v.value.value <= 100) out.claims.push({ id: uniqueId(slug(name)), label: name, denominator: chosen.n, percent: v.value.digits, denominatorSource: source(chosen.basis), denominatorBasis: chosen.basis, cell: ref });
      } else if (v.kind === 'mean-sd') {
        const chosen = candidates.find((k) => k.basis !== 'row-total' && k.basis !== 'levels' && k.basis !== 'cell' && k.basis !== 'another-row');
        if (!chosen || chosen.n < 2 || /\bavailable for\b/i.test(`${table.rowLabels[r]} ${variable?.label ?? ''}`)) {
          out.unresolved.push({ text: ref.quote, reason: 'a mean and SD with no n in the table', cell: ref });
          continue;
        }
        if (ofASubset(r) && chosen.basis !== 'row') {
          out.unresolved.push({ text: ref.quote, reason: `a mean of a subgroup (the row or its note says who), whose n the table does not print; not ${chosen.n}`, cell: ref });
          continue;
        }
        const rowText = `${table.rowLabels[r]} ${variable?.label ?? ''}`;
        const measure = measureOf(rowText);
        // a footnote on the cell often says some values are missing: the printed n is then an upper bound
        const uncertain = hasFootnoteMark(ref.quote) || qualified(r);
        out.means.push({
          id: uniqueId(slug(name)),
          label: name,
          mean: `${v.mean.negative ? '-' : ''}${v.mean.digits}`,
          sd: v.sd.digits,
          n: chosen.n,
          ...(measure.continuous || uncertain ? { continuous: true } : {}),
          ...(measure.scale ? { scale: measure.scale } : {}),
          nSource: source(chosen.basis),
          cell: ref,
        });
      }
    }
  }
  // a column whose cells are shares of their row's Total (most of them fit it): a cell that fits
  // nothing is a share of its row's Total too, and so is reported against it
  for (const c of groupCols) {
    const claims = [...claimAt.entries()].filter(([k, x]) => k.endsWith(` ${c}`) && x.percent !== undefined && x.numerator !== undefined).map(([k, x]) => ({ k, x }));
    // (cells that fit nothing neither prove nor disprove it)
    const ofRow = claims.filter(({ k, x }) => x.denominatorBasis === 'row-total' && !provisional.has(k)).length;
    const open = claims.filter(({ k }) => provisional.has(k)).length;
    if (ofRow < 3 || ofRow < 0.8 * (claims.length - open)) {
      // not a column of row percentages: a cell that fits nothing has no denominator the table prints
      for (const { k, x } of claims.filter(({ k }) => provisional.has(k))) {
        out.claims = out.claims.filter((y) => y !== x);
        claimAt.delete(k);
        out.unresolved.push({ text: x.cell.quote, reason: 'a count and percent with no denominator in the table', cell: x.cell });
      }
      continue;
    }
    for (const { k, x } of claims) {
      const total = unfitRowTotal.get(k);
      if (total === undefined || x.denominatorBasis === 'row-total') continue;
      x.denominator = total;
      x.denominatorBasis = 'row-total';
      x.denominatorSource = 'table-header';
    }
  }
  if (rowPercentRows.size > 0) out.notes.push(`${rowPercentRows.size} row(s) print percentages of the row's Total, not of the column: their cells are shares of the Total cell.`);

  const whole = wholeTableVariable(table, variables);
  if (whole.length > 0) out.notes.push(`The rows are read as the levels of one variable ("${whole[0]!.label}"): they have no heading rows and one of them is a catch-all level, so their counts should add up to the column's N.`);
  out.partitions.push(...levelPartitions({ table, variables: [...variables, ...whole], groupCols, claimAt, colN, uniqueId, notes: out.notes, bounds, countsAddUp: !missingNoted && missingCols.length === 0 }));
  if (totalCol !== undefined) out.partitions.push(...rowPartitions({ table, groupCols, totalCol, claimAt, colN, uniqueId, inferredCols }));
  // a row of the columns' sizes that prints them as shares ("All | 1373 (52.6)" under "Year 3 (n = 2611)",
  // "Number of patients (%) | 4,669 (100) | 3,577 (76.6%)"): each a share of the heading's size or of the row's 100% cell
  for (const r of [...nRows].sort((a, b) => a - b)) {
    const read = groupCols.flatMap((c) => {
      const v = readCell(grid[r]![c]!, { decimalComma });
      const pair = v.kind === 'pair' ? { count: v.first, percent: v.second } : v.kind === 'count-percent' && !v.total ? { count: v.count, percent: v.percent } : undefined;
      return pair && isCount(pair.count) && !pair.percent.negative && !pair.percent.bound && pair.percent.value <= 100 ? [{ c, ...pair }] : [];
    });
    const whole = read.find((x) => x.percent.value === 100)?.count.value;
    for (const { c, count, percent } of read) {
      const of = [headingN.get(c), whole, percent.value === 100 ? count.value : undefined].find((n) => n !== undefined && n > 0 && fits(count.value, n, percent));
      if (of === undefined) continue;
      const v = { first: count, second: percent };
      const ref = cellRef(r, c);
      const name = ref.name || `row ${r + 1}, column ${c + 1}`;
      out.claims.push({ id: uniqueId(slug(name)), label: name, numerator: v.first.value, denominator: of, percent: v.second.digits, denominatorSource: 'table-header', denominatorBasis: 'column', cell: ref });
    }
  }

  // a count whose percent is only a bound ("1 (<1)") is claimed for its variable's sum; outside a partition it checks nothing
  const inPartition = new Set(out.partitions.flatMap((p) => p.parts));
  const bare = out.claims.filter((x) => bounds.has(x.id) && !inPartition.has(x.id));
  out.claims = out.claims.filter((x) => !bare.includes(x));
  for (const x of bare) out.unresolved.push({ text: x.cell.quote, reason: 'a percent printed as a bound ("<1"), not as a figure to check', cell: x.cell });
  return out;
}
