import { assertPart } from '../exact/validate.js';
import { logBinomialDensity, logBinomialTail } from '../special/binomial.js';
import { logAdd } from '../special/log-space.js';
import { checkAlternative, type Alternative } from './alternative.js';
import { assertLevel, assertProbability } from './assert.js';
import { proportionCI, type ProportionCI } from './proportion-ci.js';

/** Options of {@link binomialTest}. */
export interface BinomialTestOptions {
  /** Hypothesized probability of success (default 0.5). */
  p?: number;
  alternative?: Alternative;
  /** Level of the Clopper–Pearson interval reported with the test (default 0.95). */
  level?: number;
}

/** Result of {@link binomialTest}. */
export interface BinomialTest {
  method: 'exact binomial test';
  x: number;
  n: number;
  p: number;
  alternative: Alternative;
  pValue: number;
  /** Natural log of the p-value, finite where the p-value underflows (x = 10, n = 439, p = 0.824291 less: −702.29). */
  logPValue: number;
  estimate: number;
  ci: ProportionCI;
}

const REL_ERR = Math.log1p(1e-7);

/** The first i in [lo, hi] where `ok(i)` holds, for `ok` false-then-true; hi + 1 when never. */
function firstTrue(lo: number, hi: number, ok: (i: number) => boolean): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (ok(mid)) b = mid;
    else a = mid + 1;
  }
  return a;
}

/**
 * The exact binomial test, as R's `binom.test`. Two-sided p-values use R's "minlike" rule: the sum
 * of P(X = i) over every i no more likely than the observed x (relative tolerance 1 + 1e-7). The
 * tails are accurate to the last digits for every n up to 2^53 − 1 (see `logBinomialTail`), and
 * `logPValue` stays finite where the p-value underflows.
 *
 * @example
 * binomialTest(2324, 4278).pValue;                     // 1.65e-8
 * binomialTest(1341, 4278, { p: 0.3, alternative: 'greater' }).pValue; // 0.0288
 * binomialTest(10, 439, { p: 0.824291, alternative: 'less' }).pValue;  // 9.9915e-306
 */
export function binomialTest(x: number, n: number, options: BinomialTestOptions = {}): BinomialTest {
  const { p = 0.5, level = 0.95 } = options;
  const alternative = checkAlternative(options.alternative ?? 'two-sided');
  assertPart(x, n, 'x', 'n');
  assertProbability(p, 'p', true);
  assertLevel(level);
  if (alternative !== 'two-sided' && level <= 0.5) assertLevel(2 * level - 1, 'level (a one-sided level must exceed 0.5)');
  let logPValue: number;
  if (alternative === 'less') logPValue = logBinomialTail(x, n, p, false);
  else if (alternative === 'greater') logPValue = logBinomialTail(x, n, p, true);
  else {
    const m = n * p;
    const d = logBinomialDensity(x, n, p) + REL_ERR;
    if (x === m) logPValue = 0;
    else if (x < m) {
      // i >= ceil(m) no more likely than x form a suffix [t, n]
      const t = firstTrue(Math.ceil(m), n, (i) => logBinomialDensity(i, n, p) <= d);
      logPValue = logAdd(logBinomialTail(x, n, p, false), logBinomialTail(t, n, p, true));
    } else {
      // i <= floor(m) no more likely than x form a prefix [0, y - 1]
      const y = firstTrue(0, Math.floor(m), (i) => logBinomialDensity(i, n, p) > d);
      logPValue = logAdd(logBinomialTail(y - 1, n, p, false), logBinomialTail(x, n, p, true));
    }
    logPValue = Math.min(0, logPValue);
  }
  const pValue = Math.exp(logPValue);
  // A one-sided test reports the one-sided Clopper-Pearson bound, as R does: the two-sided bound at level 2·level − 1.
  const twoSided = proportionCI(x, n, { method: 'clopper-pearson', level: alternative === 'two-sided' ? level : 2 * level - 1 });
  const ci =
    alternative === 'less' ? { ...twoSided, lower: 0, level } : alternative === 'greater' ? { ...twoSided, upper: 1, level } : twoSided;
  return { method: 'exact binomial test', x, n, p, alternative, pValue, logPValue, estimate: x / n, ci };
}
