import { InvalidArgumentError, describeValue } from '../errors.js';
import { chiSquareUpperTail } from '../special/chi-square.js';
import { mhOddsRatio } from './mantel-haenszel.js';
import { checkStrata, type Stratum, type StratumNote } from './strata.js';

/** Options of breslowDay. */
export interface BreslowDayOptions {
  /** Tarone's correction of the statistic (default true). */
  tarone?: boolean;
}

/** The Breslow–Day test of a common odds ratio across strata. */
export interface BreslowDay {
  statistic: number;
  /** The number of strata used, minus 1. */
  df: number;
  pValue: number;
  tarone: boolean;
  /** The Mantel–Haenszel odds ratio the strata are compared against. */
  oddsRatio: number;
  /** Strata left out: empty ones, those with an empty group, and those without events or without non-events. */
  excluded: StratumNote[];
  reason: string | null;
}

/**
 * The Breslow–Day test of homogeneity of the odds ratios, with Tarone's correction by default,
 * as metafor's `rma.mh` computes it: each stratum's expected first cell under the Mantel–Haenszel
 * odds ratio, summed over the strata with patients in both groups and both events and non-events,
 * on (strata used − 1) degrees of freedom. (metafor also counts a stratum whose group 2 is empty,
 * adding a 0/0 term; it is left out here and listed in `excluded`.)
 *
 * @example
 * breslowDay([{ x1: 20, n1: 30, x2: 10, n2: 30 }, { x1: 15, n1: 25, x2: 8, n2: 25 }]).pValue; // 0.778…
 */
export function breslowDay(strata: readonly Stratum[], options: BreslowDayOptions = {}): BreslowDay {
  const { tarone = true } = options;
  if (typeof tarone !== 'boolean') throw new InvalidArgumentError('tarone', tarone, `tarone must be true or false, got ${describeValue(tarone)}`);
  const { tables, empty } = checkStrata(strata);
  const excluded = [...empty];
  const or = tables.length > 0 ? mhOddsRatio(tables) : null;
  if (!or) {
    return { statistic: NaN, df: 0, pValue: NaN, tarone, oddsRatio: NaN, excluded, reason: 'the Mantel–Haenszel odds ratio does not exist (no stratum with events and non-events in both directions), so there is no common odds ratio to test against' };
  }
  const psi = or.R / or.S;
  let bd = 0;
  let sumDiff = 0;
  let sumVar = 0;
  let used = 0;
  for (const t of tables) {
    const xt = t.a + t.c;
    const yt = t.b + t.d;
    if (t.n1 === 0 || t.n2 === 0 || xt === 0 || yt === 0) {
      // metafor keeps a stratum whose group 2 is empty (its term is then 0/0: NaN or rounding noise,
      // and a degree of freedom too many); such a stratum says nothing about the odds ratio
      excluded.push({ index: t.index, label: t.label, reason: `${t.n1 === 0 ? 'group 1 is empty' : t.n2 === 0 ? 'group 2 is empty' : xt === 0 ? 'no events' : 'no non-events'}: no odds ratio to compare, left out` });
      continue;
    }
    // expected a under psi: the root in range of (psi − 1)N² − A·N + psi·n1·xt = 0, in the form
    // 2·psi·n1·xt / (A + B), which has no cancellation near psi = 1 (metafor: (A − B) / (2(psi − 1)))
    const A = psi * (t.n1 + xt) + (t.n2 - xt);
    const B = Math.sqrt(A * A - 4 * t.n1 * xt * psi * (psi - 1));
    const n11 = (2 * psi * t.n1 * xt) / (A + B);
    used++;
    const n12 = t.n1 - n11;
    const n21 = xt - n11;
    const n22 = n11 - t.n1 - xt + t.total;
    const v = 1 / (1 / n11 + 1 / n12 + 1 / n21 + 1 / n22);
    bd += (t.a - n11) ** 2 / v;
    sumDiff += t.a - n11;
    sumVar += v;
  }
  excluded.sort((p, q) => p.index - q.index);
  bd = Math.max(0, bd);
  const statistic = tarone && used > 0 ? Math.max(0, bd - (sumDiff * sumDiff) / sumVar) : bd;
  const df = used - 1;
  if (df < 1) {
    return { statistic, df: Math.max(0, df), pValue: NaN, tarone, oddsRatio: psi, excluded, reason: `${used} stratum${used === 1 ? '' : 'a'} with information: at least 2 are needed to compare odds ratios` };
  }
  return { statistic, df, pValue: chiSquareUpperTail(statistic, df), tarone, oddsRatio: psi, excluded, reason: null };
}
