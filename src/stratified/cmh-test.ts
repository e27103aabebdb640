import { InvalidArgumentError, describeValue } from '../errors.js';
import { chiSquareUpperTail } from '../special/chi-square.js';
import { checkStrata, uninformative, type Stratum, type StratumNote } from './strata.js';

/** Options of cmhTest. */
export interface CmhTestOptions {
  /** Continuity correction, applied as R's mantelhaen.test does: only when |Σ(a − E a)| ≥ 1/2. */
  correct?: boolean;
}

/** The Cochran–Mantel–Haenszel test of no association across strata. */
export interface CmhTest {
  /** Mantel–Haenszel X² (NaN, with `reason`, when no stratum has information). */
  statistic: number;
  df: number;
  pValue: number;
  /** Whether the continuity correction was applied (asked for, and |Σ(a − E a)| ≥ 1/2). */
  corrected: boolean;
  method: string;
  /** Strata left out: nobody in them, or a single patient (a 2×2 table of one person has no variance). */
  excluded: StratumNote[];
  /** Strata kept but contributing nothing (an empty group, or no events or no non-events). */
  uninformative: StratumNote[];
  reason: string | null;
}

/**
 * The Cochran–Mantel–Haenszel chi-squared test for 2×2×K tables, as R's
 * `mantelhaen.test(correct = TRUE)`: X² = (|Σ(a − n1·m1/N)| − ½)² / Σ n1·n2·m1·m2 / (N²(N − 1)),
 * the ½ dropped when it would exceed |Σ(a − E a)|. R refuses strata with fewer than 2 patients;
 * they contribute exactly 0 to both sums, so they are left out here and listed in `excluded`.
 *
 * @example
 * cmhTest([{ x1: 20, n1: 30, x2: 10, n2: 30 }, { x1: 15, n1: 25, x2: 8, n2: 25 }]).pValue; // 0.00246…
 */
export function cmhTest(strata: readonly Stratum[], options: CmhTestOptions = {}): CmhTest {
  const { correct = true } = options;
  if (typeof correct !== 'boolean') throw new InvalidArgumentError('correct', correct, `correct must be true or false, got ${describeValue(correct)}`);
  const { tables: all, empty } = checkStrata(strata);
  const excluded = [...empty];
  const tables = all.filter((t) => {
    if (t.total >= 2) return true;
    excluded.push({ index: t.index, label: t.label, reason: 'a single patient: no variance, left out (R\'s mantelhaen.test refuses such strata)' });
    return false;
  });
  excluded.sort((p, q) => p.index - q.index);
  let delta = 0;
  let variance = 0;
  for (const { a, c, n1, n2, total: N } of tables) {
    const m1 = a + c;
    const m2 = N - m1;
    delta += a - (n1 * m1) / N;
    variance += (n1 * n2 * m1 * m2) / (N * N * (N - 1));
  }
  const yates = correct && Math.abs(delta) >= 0.5 ? 0.5 : 0;
  const method = `Mantel-Haenszel chi-squared test ${yates ? 'with' : 'without'} continuity correction`;
  const notes = uninformative(tables, 'OR');
  if (!(variance > 0)) {
    return { statistic: NaN, df: 1, pValue: NaN, corrected: false, method, excluded, uninformative: notes, reason: 'no stratum has patients in both groups and both events and non-events, so the statistic has no variance' };
  }
  const statistic = (Math.abs(delta) - yates) ** 2 / variance;
  return { statistic, df: 1, pValue: chiSquareUpperTail(statistic, 1), corrected: yates > 0, method, excluded, uninformative: notes, reason: null };
}
