import { checkPartition } from '../audit/check-partition.js';
import type { Table } from './table.js';
import type { TableClaim, TablePartition } from './table-claims.js';
import type { Variable } from './variables.js';
import { TOTAL_LABEL } from './context.js';
import { fits } from './fits.js';

const FAMILIES: RegExp[] = [
  /^(?:males?|females?|men|women|boys|girls|man|woman|m|f)\b/i,
  /^(?:yes|no)\b/i,
  /^(?:never|former|ex|current|past|previous)\b/i,
  /^(?:mild|moderate|severe|none|minimal)\b/i,
  // a measurement's bands: "Normal (< 40 U/L)", "Elevated"; "Positive", "Negative"
  /^(?:normal|abnormal|elevated|raised|high|low|reduced|increased|decreased)\b/i,
  /^(?:positive|negative)\b/i,
  // marital status and place of residence: one applies to each person
  /^(?:single|married|unmarried|never[- ]married|divorced|separated|widow(?:ed|er)?|cohabit\w*|living (?:together|with (?:a )?partner)|partnered)\b/i,
  /^(?:urban|rural|semi[- ]urban|peri[- ]urban|suburban)\b/i,
  // age bands, years, periods: "8–9 years", "<12", "≥ 65", "2002–03", "65+"
  /^(?:[<>≤≥]=?\s*)?\d+(?:[.,]\d+)?\s*(?:(?:[–—-]|to)\s*\d+(?:[.,]\d+)?|\+|or (?:more|older|above|less|younger))?\s*(?:years?|yrs?|y|months?|mo|kg|cm|g|days?|weeks?)?\s*(?:\+|or (?:more|older))?$/i,
  // levels: "I", "II", "Level III", "GMFCS IV", "I–II"
  /^(?:level|grade|stage|class|gmfcs|macs|cfcs|nyha|asa)?\s*(?:i{1,3}|iv|v|vi{0,3}|\d)(?:\s*[–/-]\s*(?:i{1,3}|iv|v|vi{0,3}|\d))?$/i,
];

/** Levels whose names say only one can apply: sexes, yes/no, age bands, years, ordinal levels. */
export function knownExclusive(labels: readonly string[]): boolean {
  const names = labels.map((l) => l.split(' / ').pop()!.replace(/,?\s*(?:n|no\.?|number)\s*\(%\)\s*$/i, '').trim());
  return FAMILIES.some((re) => names.every((n) => re.test(n)));
}

const MISSING_LEVEL = /^(?:missing|unknown|not (?:known|stated|recorded|reported|available|assessed)|no (?:data|answer|response|information)|data (?:missing|not available)|n\/?a|don[’']?t know|refused|declined)\b/i;

/** Does one of the levels count the people whose value is missing ("Missing", "Unknown", "Not recorded")? Then the levels are all of the column. */
export function hasMissingLevel(labels: readonly string[]): boolean {
  return labels.some((l) => MISSING_LEVEL.test(l.split(' / ').pop()!.replace(/^[\s•·*-]+/, '').trim()));
}

// the row that closes a variable's levels with their sum
const TOTAL_ROW = /^(?:total|sum|all)\s*[:*†‡§¶]*$/i;

/** The count of a Total row's cell: "453", "453 (100)", "1,204 (100.0%)"; undefined for anything else. */
function totalCount(text: string): number | undefined {
  const m = /^\s*(\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+|\d+)\s*(?:[(\[]\s*100(?:[.,]0+)?\s*%?\s*[)\]])?\s*$/.exec(text);
  return m ? Number(m[1]!.replace(/[^\d]/g, '')) : undefined;
}

interface Context {
  table: Table;
  variables: readonly Variable[];
  groupCols: readonly number[];
  claimAt: ReadonlyMap<string, TableClaim>;
  colN: ReadonlyMap<number, number>;
  uniqueId: (base: string) => string;
  notes: string[];
  /** Claims whose percent was printed only as a bound ("<0.1"): claim id → the bound. */
  bounds?: ReadonlyMap<string, number>;
  /** Nothing says values are missing: levels whose percents of N add up to 100 must add up to N. */
  countsAddUp?: boolean;
}

// a level printed "0" (or a dash) alone counts no one: it adds nothing to the sum
const ZERO_CELL = /^\s*(?:0|[-–—])\s*$/;
const asCellNumber = (percent: string) => ({ digits: percent, value: Number(percent), decimals: percent.split('.')[1]?.length ?? 0, negative: false, percent: true });

/**
 * A variable's levels in one column are a partition of the column's N when their percents add up to
 * 100 within rounding (or when the levels can only be exclusive: sexes, age bands). Then the counts
 * must add up: more than N is an error; fewer, with percents of N, means missing values not shown
 * (no partition is proposed); fewer with percents of their own sum means missing values left out.
 * Levels whose percents add up to more than 100 are taken for exclusive when another column's
 * counts of them add up to its N exactly.
 */
export function levelPartitions(ctx: Context): TablePartition[] {
  const out: TablePartition[] = [];
  const rowLabel = (r: number) => ctx.table.rowLabels[r]?.split(' / ').pop()?.replace(/^[\s•·*-]+/, '').trim() ?? '';
  // the first k levels add up to a column's printed N exactly, their percents to 100, in the Total
  // column or in two columns: then those levels are exclusive (a variable's levels are the same in
  // every column), and the rows after them are not its levels (an unindented "Clinical stage III–IV"
  // after "Site"); one column other than the Total could add up so by chance
  const exactElsewhere = (v: Variable, c: number): { column: number; k: number } | undefined => {
    for (let k = v.levels.length; k >= 2; k--) {
      const exact = ctx.groupCols.filter((d) => {
        if (d === c || !ctx.colN.has(d)) return false;
        const xs = v.levels.slice(0, k).map((r) => ctx.claimAt.get(`${r} ${d}`));
        if (xs.some((x) => x?.numerator === undefined || x.percent === undefined || x.denominator !== ctx.colN.get(d) || x.denominatorBasis !== 'column')) return false;
        const sum = xs.reduce((t, x) => t + x!.numerator!, 0);
        return sum === ctx.colN.get(d) && checkPartition({ total: sum, parts: xs.map((x) => ({ percent: x!.percent!, numerator: x!.numerator! })) }).percentSumOk;
      });
      const total = exact.find((d) => TOTAL_LABEL.test(ctx.table.columnLabels[d]!.split(' / ').pop() ?? '') || TOTAL_LABEL.test(ctx.table.columnLabels[d]!));
      if (total !== undefined || exact.length >= 2) return { column: total ?? exact[0]!, k };
    }
    return undefined;
  };
  // the counts of a variable's levels in a column, when every level prints one
  const levelCounts = (v: Variable, c: number): number[] | undefined => {
    const xs = v.levels.filter((r) => !ZERO_CELL.test(ctx.table.grid[r]?.[c] ?? '')).map((r) => ctx.claimAt.get(`${r} ${c}`)?.numerator);
    return xs.length >= 2 && xs.every((x) => x !== undefined) ? (xs as number[]) : undefined;
  };
  const exact = (v: Variable, c: number) => levelCounts(v, c)?.reduce((s, x) => s + x, 0) === ctx.colN.get(c);
  // levels short of N, their percents of N adding up to 100, are a misprint only where the table
  // shows no values missing: another variable adds up to this column's N exactly, and this one adds
  // up exactly in every other column
  const completeElsewhere = (v: Variable, c: number): boolean =>
    ctx.variables.some((w) => w !== v && w.label !== undefined && exact(w, c)) && ctx.groupCols.every((d) => d === c || !ctx.colN.has(d) || levelCounts(v, d) === undefined || exact(v, d));
  for (const v of ctx.variables) {
    if (v.label === undefined || v.levels.length < 2) continue;
    // "Yes, No, Yes, No": levels named twice are two variables run together (a heading lost, in a PDF at a
    // page break), not one variable's levels, whatever they add up to
    const names = v.levels.map((r) => rowLabel(r).toLowerCase());
    if (new Set(names).size < names.length) {
      ctx.notes.push(`${v.label}: a level is named twice (${names.find((n, i) => names.indexOf(n) !== i)}), so these rows are not the levels of one variable; no partition is proposed.`);
      continue;
    }
    // a "Total" row closing the levels (its percent 100, or none) says what they add up to, whatever their percents
    const last = v.levels[v.levels.length - 1]!;
    const totalRow = TOTAL_ROW.test(rowLabel(last)) ? last : TOTAL_ROW.test(rowLabel(last + 1)) && !ctx.variables.some((w) => w !== v && w.label !== undefined && w.levels.includes(last + 1)) ? last + 1 : undefined;
    const levels = totalRow === last ? v.levels.slice(0, -1) : v.levels;
    for (const c of ctx.groupCols) {
      const stated = totalRow === undefined ? undefined : totalCount(ctx.table.grid[totalRow]?.[c] ?? '');
      if (stated !== undefined && levels.length >= 2) {
        const parts = levels.map((r) => ctx.claimAt.get(`${r} ${c}`));
        // (levels whose percents add up to clearly more than 100 are not exclusive: several can apply)
        const printed = parts.filter((x) => x?.numerator !== undefined && x.percent !== undefined) as (TableClaim & { numerator: number; percent: string })[];
        const check = printed.length > 0 ? checkPartition({ total: stated, parts: printed.map((x) => ({ percent: x.percent, numerator: x.numerator })) }) : undefined;
        const overlapping = check !== undefined && Number(check.percentSum) > Number(check.band.max);
        if (!overlapping && parts.every((x) => x?.numerator !== undefined && x.denominatorBasis !== 'row-total')) {
          const sum = parts.reduce((t, x) => t + x!.numerator!, 0);
          const base = `${v.label} ${ctx.table.columnLabels[c] ?? ''}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
          out.push({ id: ctx.uniqueId(base || 'levels'), total: stated, parts: parts.map((x) => x!.id), basis: 'levels', difference: sum - stated });
          continue;
        }
      }
      if (totalRow === last) continue;
      const claims = v.levels.filter((r) => !ZERO_CELL.test(ctx.table.grid[r]?.[c] ?? '')).map((r) => ctx.claimAt.get(`${r} ${c}`));
      const bounded = (x: TableClaim | undefined) => x !== undefined && ctx.bounds?.has(x.id) === true;
      if (claims.some((x) => x === undefined || x.numerator === undefined || (x.percent === undefined && !bounded(x)))) continue;
      const all = claims as (TableClaim & { numerator: number })[];
      // shares of each row's Total (row percentages) say nothing of the column's N
      if (all.some((p) => p.denominatorBasis === 'row-total') || new Set(all.map((p) => p.denominator)).size > 1 && all.some((p) => p.denominatorBasis === 'cell')) continue;
      const parts = all.filter((p) => !bounded(p)) as (TableClaim & { numerator: number; percent: string })[];
      if (parts.length === 0) continue;
      const total = ctx.colN.get(c) ?? parts[0]!.denominator;
      const sum = all.reduce((s, p) => s + p.numerator, 0);
      const check = checkPartition({ total, parts: parts.map((p) => ({ percent: p.percent, numerator: p.numerator })) });
      // a level printed "<0.1" may add up to its bound to the sum of the others
      const slack = all.filter(bounded).reduce((s, p) => s + ctx.bounds!.get(p.id)!, 0);
      const exhaustive = check.percentSumOk || (slack > 0 && Number(check.percentSum) <= Number(check.band.max) && Number(check.percentSum) + slack >= Number(check.band.min));
      const over = Number(check.percentSum) > Number(check.band.max);
      const name = `${v.label} / ${ctx.table.columnLabels[c] || `column ${c + 1}`}`;
      let partitionTotal: number | undefined;
      if (exhaustive) {
        // a "Missing" level counts everyone left: the levels are then all of N, fewer is an error too
        if (sum >= total || hasMissingLevel(v.levels.map((r) => ctx.table.rowLabels[r]!))) partitionTotal = total;
        else if (all.every((p) => p.denominator === sum)) partitionTotal = sum;
        // every percent a share of N and adding up to 100, the counts short of N: a count is misprinted
        // (a value left out unsaid is below the percents' rounding only when it is a handful)
        else if (ctx.countsAddUp && ctx.colN.has(c) && parts.length === all.length && all.every((p) => p.denominator === total && (p.denominatorBasis === 'column' || p.denominatorBasis === 'subgroup') && fits(p.numerator, total, asCellNumber(p.percent!))) && completeElsewhere(v, c)) partitionTotal = total;
      } else if (over) {
        const elsewhere = exactElsewhere(v, c);
        if (knownExclusive(v.levels.map((r) => ctx.table.rowLabels[r]!))) partitionTotal = total;
        else if (elsewhere !== undefined) {
          const kept = all.slice(0, elsewhere.k);
          const keptSum = kept.reduce((t, p) => t + p.numerator, 0);
          // fewer than N may be missing values left out, as elsewhere; more cannot be
          if (keptSum < total) continue;
          const levels = elsewhere.k === all.length ? 'the same levels' : `its first ${elsewhere.k} levels`;
          ctx.notes.push(`${name}: the percents add up to ${check.percentSum}%, but under ${ctx.table.columnLabels[elsewhere.column] || `column ${elsewhere.column + 1}`} ${levels} add up to its N exactly, so they are exclusive and their counts here must add up to ${total}.`);
          const base = `${v.label} ${ctx.table.columnLabels[c] ?? ''}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
          out.push({ id: ctx.uniqueId(base || 'levels'), total, parts: kept.map((p) => p.id), basis: 'levels', difference: keptSum - total });
          continue;
        } else ctx.notes.push(`${name}: the percents add up to ${check.percentSum}%, so the levels are not exclusive (several can apply); no partition is proposed.`);
      }
      if (partitionTotal !== undefined) {
        // named as its cells are: the variable and the column ("gender-cp-n")
        const base = `${v.label} ${ctx.table.columnLabels[c] ?? ''}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
        out.push({ id: ctx.uniqueId(base || 'levels'), total: partitionTotal, parts: all.map((p) => p.id), basis: 'levels', difference: sum - partitionTotal });
      }
    }
  }
  return out;
}

/**
 * When the group sizes in the header add up to the Total column's size, every person is in one
 * group, so each row's group counts must add up to its Total count.
 */
export function rowPartitions(ctx: Omit<Context, 'variables' | 'notes'> & { totalCol: number; inferredCols: ReadonlySet<number> }): TablePartition[] {
  const groups = ctx.groupCols.filter((c) => c !== ctx.totalCol);
  if (groups.length < 2 || [...groups, ctx.totalCol].some((c) => !ctx.colN.has(c) || ctx.inferredCols.has(c))) return [];
  const sizes = groups.reduce((s, c) => s + ctx.colN.get(c)!, 0);
  if (sizes !== ctx.colN.get(ctx.totalCol)) return [];
  const out: TablePartition[] = [];
  for (let r = ctx.table.headerRows; r < ctx.table.grid.length; r++) {
    const total = ctx.claimAt.get(`${r} ${ctx.totalCol}`);
    const parts = groups.map((c) => ctx.claimAt.get(`${r} ${c}`));
    if (!total || total.numerator === undefined || parts.some((p) => p === undefined || p.numerator === undefined)) continue;
    const sum = parts.reduce((s, p) => s + p!.numerator!, 0);
    out.push({ id: ctx.uniqueId(`${total.id}-groups`), total: total.numerator, parts: parts.map((p) => p!.id), basis: 'row', difference: sum - total.numerator });
  }
  return out;
}
