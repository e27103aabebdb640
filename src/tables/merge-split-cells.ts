import { readCell } from './cell-grammar.js';
import { fits } from './fits.js';
import type { Table } from './table.js';

/** Where a cell of the merged table was printed: its slot in the table as read, and the slot of its percent when apart. */
export interface CellOrigin {
  row: number;
  column: number;
  also?: { row: number; column: number };
}

// "n/N | (%)": a count of its own denominator, and its percent beside it
// ("# of Subjects | % of Subjects", "Frequency | Percent (%)")
const COUNT_HEADER = /^(?:n|no\.?|number|count|cases|patients|frequency|freq\.?|n\s*\/\s*n|n\s*\/\s*total|no\.?\s*\/\s*total|(?:#|no\.?|number)\s*(?:of\s+)?(?:subjects|patients|participants|cases|people|persons))$/i;
const PERCENT_HEADER = /^(?:%|\(%\)|(?:percent|per cent|percentage)(?:\s*\(%\))?|prozent|%\s*of\s+(?:subjects|patients|participants|cases|people|persons|total))$/i;
const PERCENT_ROW = /^\(?\s*%\s*\)?$/;

// "Mean | SD" column pairs, and an "N" column before a group's mean: the row's own n
const MEAN_HEADER = /^(?:mean|average)\b[^()]*$/i;
const SD_HEADER = /^(?:sd|s\.d\.|standard deviation)\s*[*†‡§¶#]*$/i;
const N_HEADER = /^[nN]\s*[*†‡§¶#]*$|^no\.?$/;
const MEAN_COLUMN = /\bmean\b|\bmedian\b/i;
const DASH = /^[-–—−]+$/;

const last = (label: string) => label.split(' / ').pop()!.trim();
const upper = (label: string) => label.split(' / ').slice(0, -1).join(' / ');
// the percent cell may print its own brackets ("(46.6)", "(46.6%)")
const join = (count: string, percent: string) => (percent === '' ? count : count === '' ? '' : `${count} (${percent.replace(/^\(\s*(.*?)\s*\)$/, '$1').replace(/\s*%\s*$/, '')}%)`);

// written "mean ± SD", which no reading takes for a count and percent: the headings said which it is
const joinMean = (mean: string, sd: string) => (sd === '' || DASH.test(sd.trim()) || mean === '' ? mean : `${mean} ± ${sd}`);
// "Mean or % | SD": a value with no SD (a dash) is the percent
const joinMeanOrPercent = (mean: string, sd: string) => (DASH.test(sd.trim()) && /^\d[\d.,·]*$/.test(mean.trim()) ? `${mean.trim()}%` : joinMean(mean, sd));
const MEAN_OR_PERCENT = /\bor\b[^()]*%|%[^()]*\bor\b/i;

/** Are the cells "n (%)" shares of the row sizes beside them, in at least two rows and most of those with both? */
function sharesOfRowN(texts: readonly string[], sizes: readonly (number | undefined)[]): boolean {
  let both = 0;
  let shares = 0;
  texts.forEach((text, i) => {
    const v = readCell(text);
    const n = sizes[i];
    const pair = v.kind === 'pair' ? { count: v.first, percent: v.second } : v.kind === 'count-percent' && !v.total ? v : undefined;
    if (!pair || n === undefined || n <= 0 || !Number.isInteger(pair.count.value)) return;
    both += 1;
    if (pair.count.value <= n && fits(pair.count.value, n, pair.percent)) shares += 1;
  });
  return shares >= 2 && shares >= 0.6 * both;
}

/**
 * Tables that print a count and its percent in separate cells, either as an "n | %" pair of columns
 * under one heading (registers: "2010: n, %") or as a count row followed by a "%" row, become one
 * "n (%)" cell each; "Mean | SD" columns become "mean (SD)" cells, and an "N" column before a group's
 * means gives each row's n (`sizes`). `quotes` keeps what was printed, both cells, for the findings.
 */
export function mergeSplitCounts(table: Table): { table: Table; quotes: string[][]; origins: CellOrigin[][]; sizes: (number | undefined)[][] } {
  let grid = table.grid.map((r) => [...r]);
  let quotes = table.grid.map((r) => [...r]);
  let origins: CellOrigin[][] = table.grid.map((r, i) => r.map((_, j) => ({ row: i, column: j })));
  let columnLabels = [...table.columnLabels];
  // "n | %" column pairs become "n (%)" cells, "Mean | SD" pairs "mean (SD)" cells
  const pairs: [RegExp, RegExp, (x: string, y: string) => string, (first: string) => string][] = [
    [COUNT_HEADER, PERCENT_HEADER, join, () => 'n (%)'],
    [MEAN_HEADER, SD_HEADER, joinMean, (first) => `${first} (SD)`],
  ];
  for (const [firstHeader, secondHeader, joinCells, merged] of pairs) {
    for (let c = table.labelColumns; c < columnLabels.length - 1; c++) {
      const a = columnLabels[c]!;
      const b = columnLabels[c + 1]!;
      // a "%" or "SD" column with no heading over it (a PDF's heading not spread over both) is its left neighbour's
      if (!firstHeader.test(last(a)) || !secondHeader.test(last(b)) || (upper(a) !== upper(b) && upper(b) !== '')) continue;
      const joinHere = joinCells === joinMean && MEAN_OR_PERCENT.test(last(a)) ? joinMeanOrPercent : joinCells;
      grid = grid.map((row, r) => [...row.slice(0, c), r < table.headerRows ? row[c]! : joinHere(row[c]!, row[c + 1]!), ...row.slice(c + 2)]);
      quotes = quotes.map((row, r) => [...row.slice(0, c), r < table.headerRows || row[c + 1] === '' ? row[c]! : `${row[c]} | ${row[c + 1]}`, ...row.slice(c + 2)]);
      origins = origins.map((row) => [...row.slice(0, c), { ...row[c]!, also: row[c + 1]! }, ...row.slice(c + 2)]);
      columnLabels = [...columnLabels.slice(0, c), `${upper(a) ? `${upper(a)} / ` : ''}${merged(last(a))}`, ...columnLabels.slice(c + 2)];
    }
  }
  // "The Lancet (n = 51)" spanning two columns, "5 | 10%" under it: a count and its percent with no
  // "n" or "%" heading, told by the cells (whole numbers beside percents with their sign, in every row with both)
  for (let c = table.labelColumns; c < columnLabels.length - 1; c++) {
    if (columnLabels[c] !== columnLabels[c + 1] || columnLabels[c] === '') continue;
    const rows = grid.slice(table.headerRows).filter((row) => row[c]!.trim() !== '' || row[c + 1]!.trim() !== '');
    const split = rows.filter((row) => /^\d[\d,]*$/.test(row[c]!.trim()) && /^\d[\d.,·]*\s*%$/.test(row[c + 1]!.trim()));
    if (split.length < 3 || split.length < rows.length) continue;
    grid = grid.map((row, r) => [...row.slice(0, c), r < table.headerRows ? row[c]! : join(row[c]!, row[c + 1]!), ...row.slice(c + 2)]);
    quotes = quotes.map((row, r) => [...row.slice(0, c), r < table.headerRows || row[c + 1] === '' ? row[c]! : `${row[c]} | ${row[c + 1]}`, ...row.slice(c + 2)]);
    origins = origins.map((row) => [...row.slice(0, c), { ...row[c]!, also: row[c + 1]! }, ...row.slice(c + 2)]);
    columnLabels = [...columnLabels.slice(0, c), columnLabels[c]!, ...columnLabels.slice(c + 2)];
  }
  // an "N" column before a group's "Mean (SD)": each row's n for its mean, not a group of its own
  let sizes: (number | undefined)[][] = grid.map((r) => r.map(() => undefined));
  for (let c = table.labelColumns; c < columnLabels.length - 1; c++) {
    const a = columnLabels[c]!;
    const b = columnLabels[c + 1]!;
    if (!N_HEADER.test(last(a)) || upper(a) !== upper(b)) continue;
    const counts = grid.map((row) => (/^\d[\d,\s\u00a0]*$/.test(row[c]!.trim()) ? Number(row[c]!.replace(/[^\d]/g, '')) : undefined));
    if (!counts.slice(table.headerRows).some((n) => n !== undefined)) continue;
    // "N | n (%)": the N column is each row's denominator when most rows' counts and percents are shares of it
    if (!MEAN_COLUMN.test(last(b)) && !sharesOfRowN(grid.slice(table.headerRows).map((row) => row[c + 1]!), counts.slice(table.headerRows))) continue;
    const drop = <T,>(row: T[]) => [...row.slice(0, c), ...row.slice(c + 1)];
    sizes = sizes.map((row, r) => {
      const out = drop(row);
      if (r >= table.headerRows && counts[r] !== undefined && counts[r]! > 0) out[c] = counts[r];
      return out;
    });
    grid = grid.map(drop);
    quotes = quotes.map(drop);
    origins = origins.map(drop);
    columnLabels = drop(columnLabels);
  }
  // a "%" row under its count row
  const keep: number[] = [];
  for (let r = 0; r < grid.length; r++) {
    const label = table.rowLabels[r]!;
    const prev = keep[keep.length - 1];
    if (r >= table.headerRows && prev !== undefined && prev >= table.headerRows && PERCENT_ROW.test(label) && !PERCENT_ROW.test(table.rowLabels[prev]!)) {
      for (let c = table.labelColumns; c < grid[r]!.length; c++) {
        const count = grid[prev]![c]!;
        const percent = grid[r]![c]!;
        if (/^\d[\d,.\s]*$/.test(count) && /^\d[\d,.]*\s*%?$/.test(percent)) {
          grid[prev]![c] = join(count, percent);
          quotes[prev]![c] = `${count} | ${percent}`;
          origins[prev]![c] = { ...origins[prev]![c]!, also: origins[r]![c]! };
        }
      }
      continue;
    }
    keep.push(r);
  }
  const pick = <T,>(xs: readonly T[]) => keep.map((r) => xs[r]!);
  return {
    table: { ...table, grid: pick(grid), columnLabels, rowLabels: pick(table.rowLabels), indents: pick(table.indents) },
    quotes: pick(quotes),
    origins: pick(origins),
    sizes: pick(sizes),
  };
}
