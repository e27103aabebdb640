// `summarize --by year --compare a,b`: the improvement of two types compared within each year,
// pooled by Mantel–Haenszel, with the Breslow–Day test of whether the odds ratio is the same every year.
import { formatDecimal } from '../format/format-decimal.js';
import { formatPercent } from '../format/format-percent.js';
import { formatPValue } from '../format/format-p-value.js';
import type { CountTable } from '../stats/count-table.js';
import type { RateBasis } from '../stats/improvement-rate.js';
import { breslowDay, type BreslowDay } from '../stratified/breslow-day.js';
import { cmhTest, type CmhTest } from '../stratified/cmh-test.js';
import { improvementStrata } from '../stratified/improvement-strata.js';
import { mantelHaenszel, type MantelHaenszel } from '../stratified/mantel-haenszel.js';
import type { Stratum } from '../stratified/strata.js';
import { firstRows, renderTable } from './table.js';
import { UsageError } from './usage.js';

export interface StratifiedComparison {
  by: 'year';
  compare: [string, string];
  basis: RateBasis;
  strata: Stratum[];
  mantelHaenszel: MantelHaenszel;
  cmh: CmhTest;
  breslowDay: BreslowDay;
}

/** Reads `--by` and `--compare`; undefined when neither is given. */
export function compareOption(by: string | undefined, compare: string | undefined): { by: 'year'; compare: [string, string] } | undefined {
  if (by === undefined && compare === undefined) return undefined;
  if (compare === undefined) throw new UsageError('--by sets the strata of a comparison: add --compare TYPE1,TYPE2 (such as --compare spastic,athetoid)');
  if (by !== undefined && by !== 'year') throw new UsageError(`--by must be year (the strata of the comparison), got ${JSON.stringify(by)}`);
  const types = compare.split(',').map((t) => t.trim());
  if (types.length !== 2 || types.some((t) => t === '') || types[0] === types[1]) throw new UsageError(`--compare takes two different types separated by a comma, such as spastic,athetoid, got ${JSON.stringify(compare)}`);
  return { by: 'year', compare: types as [string, string] };
}

export function compareStrata(table: CountTable, option: { by: 'year'; compare: [string, string] }, basis: RateBasis, level: number): StratifiedComparison {
  const missing = option.compare.find((t) => !table.types.includes(t));
  if (missing !== undefined) throw new UsageError(`--compare: there is no type ${JSON.stringify(missing)} in the cohort; its types are ${table.types.join(', ')}`);
  const strata = improvementStrata(table, { ...option, basis });
  return {
    ...option,
    basis,
    strata,
    mantelHaenszel: mantelHaenszel(strata, { measure: 'OR', level }),
    cmh: cmhTest(strata),
    breslowDay: breslowDay(strata),
  };
}

const stat = (x: number) => (Number.isFinite(x) ? formatDecimal(x, { decimals: 2 }) : '-');
const ratio = (a: number, b: number, c: number, d: number) => (b * c === 0 ? (a * d === 0 ? '-' : '∞') : stat((a * d) / (b * c)));

/** The comparison as text lines for the terminal. */
export function compareLines(c: StratifiedComparison, decimals: number, bold: (s: string) => string): string[] {
  const [g1, g2] = c.compare;
  const pct = (x: number, n: number) => (n === 0 ? '-' : formatPercent(x, n, { decimals }));
  const rows = c.strata.map((s) => [s.label!, `${s.x1}/${s.n1}`, pct(s.x1, s.n1), `${s.x2}/${s.n2}`, pct(s.x2, s.n2), ratio(s.x1, s.n1 - s.x1, s.x2, s.n2 - s.x2)]);
  const { shown, note } = firstRows(rows, 'years');
  const mh = c.mantelHaenszel;
  const level = `${formatDecimal(mh.level, { decimals: 6, scale: 100 }).replace(/\.?0+$/, '')}%`;
  const bd = c.breslowDay;
  const notes = [...mh.excluded, ...mh.uninformative].map((n) => `  ${n.label}: ${n.reason}`);
  const lines = [
    bold(`${g1} against ${g2}, stratified by year (improved among ${c.basis === 'known' ? 'patients with a known outcome' : 'all treated'})`),
    renderTable(
      [{ heading: 'year' }, { heading: g1, align: 'right' }, { heading: '%', align: 'right' }, { heading: g2, align: 'right' }, { heading: '%', align: 'right' }, { heading: 'odds ratio', align: 'right' }],
      shown,
    ),
    ...(note ? [note] : []),
    mh.reason
      ? `Mantel–Haenszel odds ratio: none (${mh.reason})`
      : `Mantel–Haenszel odds ratio ${stat(mh.estimate)} (${level} CI ${stat(mh.lower)}–${stat(mh.upper)}), ${g1} against ${g2}, over ${mh.k} years`,
    c.cmh.reason
      ? `Cochran–Mantel–Haenszel test: none (${c.cmh.reason})`
      : `Cochran–Mantel–Haenszel χ² = ${stat(c.cmh.statistic)} on 1 df, ${formatPValue(c.cmh.pValue)} (${c.cmh.corrected ? 'with' : 'without'} continuity correction)`,
    bd.reason
      ? `Breslow–Day test: none (${bd.reason})`
      : `Breslow–Day χ² = ${stat(bd.statistic)} on ${bd.df} df, ${formatPValue(bd.pValue)} (Tarone-corrected): ${bd.pValue < 1 - mh.level ? 'the odds ratio differs between years' : 'no evidence that the odds ratio differs between years'}`,
    ...(notes.length > 0 ? ['Strata that add nothing:', ...notes] : []),
  ];
  return lines;
}
