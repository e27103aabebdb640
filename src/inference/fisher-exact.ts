import { InvalidArgumentError, LimitExceededError, describeValue } from '../errors.js';
import { assertPositiveCount } from '../exact/validate.js';
import { checkAlternative, type Alternative } from './alternative.js';
import { assertLevel } from './assert.js';
import { fisher2x2Estimate, fisher2x2LogPValue } from './fisher-2x2.js';
import { FISHER_MAX_WORK, fisherNetworkLogPValue } from './fisher-network.js';
import { fisherSimulated } from './fisher-simulate.js';
import { levelConstants } from './level.js';
import { tableMargins, type CountMatrix } from './table.js';

/** Options of {@link fisherExact}. */
export interface FisherOptions {
  /** For 2×2 tables (default 'two-sided'). */
  alternative?: Alternative;
  /** Level of the odds-ratio interval for 2×2 tables (default 0.95). */
  level?: number;
  /** 2×2: `false` skips the conditional MLE and its interval (only the p-value). Default true. */
  estimate?: boolean;
  /** r×c: a Monte Carlo p-value from this many random tables with the observed margins, reproducible by seed. */
  simulate?: { replicates: number; seed: number };
}

/** Fisher's exact test on a 2×2 table: p-value, conditional MLE of the odds ratio and its exact interval. */
export interface Fisher2x2 {
  method: "Fisher's exact test";
  pValue: number;
  /** Natural log of the p-value, finite where the p-value underflows. */
  logPValue: number;
  alternative: Alternative;
  /** The conditional maximum-likelihood estimate (R's estimate), not the sample odds ratio ad/bc. */
  oddsRatio: number;
  ci: { lower: number; upper: number; level: number };
}

/** Fisher's test with the p-value alone (`estimate: false` on a 2×2 table). */
export interface FisherPValue {
  method: "Fisher's exact test";
  pValue: number;
  logPValue: number;
  alternative: Alternative;
}

/** Fisher's test on an r×c table: the exact p-value, or a Monte Carlo one when `simulate` is given. */
export interface FisherRxC {
  method: "Fisher's exact test" | "Fisher's exact test (Monte Carlo p-value)";
  pValue: number;
  /** Natural log of the p-value (exact p-values only; for a simulated one, log of the estimate). */
  logPValue: number;
  /** With `simulate`: the Monte Carlo details. */
  simulation?: { replicates: number; seed: number; standardError: number };
}

/** Largest total the exact r×c computation takes on (its work grows with the number of partial margins). */
export const FISHER_MAX_TOTAL = 5_000_000;
/**
 * @deprecated The r×c test no longer enumerates tables one by one; its limit is
 * {@link FISHER_MAX_WORK} steps. Kept for callers that imported it.
 */
export const FISHER_MAX_TABLES = FISHER_MAX_WORK;
export { FISHER_MAX_WORK };

// Steps of the 2×2 sums per standard deviation of the hypergeometric, measured: the p-value sweeps
// both tails a few times; the MLE and its interval bisect on whole sweeps some hundred times.
const STEPS_PER_SD_PVALUE = 100;
const STEPS_PER_SD_ESTIMATE = 5000;

/**
 * Refuses, before any work, a 2×2 table whose sums would run past {@link FISHER_MAX_WORK} terms:
 * they step one table at a time across some twenty standard deviations of X, which for 2^50 per
 * cell is hours (10^8 per cell is well under a second).
 */
function check2x2Work(m: number, n: number, k: number, estimate: boolean): void {
  const total = m + n;
  const sd = total > 1 ? Math.sqrt((((k * (m / total)) * (n / total)) * (total - k)) / (total - 1)) : 0;
  const work = Math.ceil(sd) * (estimate ? STEPS_PER_SD_ESTIMATE : STEPS_PER_SD_PVALUE);
  if (work <= FISHER_MAX_WORK) return;
  const pValueFits = Math.ceil(sd) * STEPS_PER_SD_PVALUE <= FISHER_MAX_WORK;
  throw new LimitExceededError(
    'FISHER_MAX_WORK',
    FISHER_MAX_WORK,
    work,
    `fisherExact on this 2×2 table would sum about ${work.toExponential(1)} terms (the hypergeometric's standard deviation is ${sd.toExponential(1)}), beyond ${FISHER_MAX_WORK}; ` +
      (estimate && pValueFits
        ? 'pass estimate: false for the exact p-value alone, or use oddsRatio for the odds ratio and its interval'
        : 'at this size proportionTest (a χ² test) agrees with the exact test to many digits'),
  );
}

function checkSimulate(simulate: unknown): { replicates: number; seed: number } {
  const s = simulate as { replicates?: unknown; seed?: unknown } | null;
  if (typeof s !== 'object' || s === null) {
    throw new InvalidArgumentError('simulate', simulate, `simulate must be { replicates, seed }, got ${describeValue(simulate)}`);
  }
  assertPositiveCount(s.replicates, 'simulate.replicates');
  if (s.replicates > 1e9) throw new InvalidArgumentError('simulate.replicates', s.replicates, 'simulate.replicates must be at most 10^9');
  if (typeof s.seed !== 'number' || !Number.isInteger(s.seed)) {
    throw new InvalidArgumentError('simulate.seed', s.seed, `simulate.seed must be a whole number, got ${describeValue(s.seed)}`);
  }
  return { replicates: s.replicates, seed: s.seed };
}

/**
 * Fisher's exact test.
 *
 * On a 2×2 table: the p-value (two-sided by R's rule: tables no more likely than the observed one,
 * relative tolerance 1 + 1e-7), the conditional MLE of the odds ratio and its exact interval,
 * solved to full precision (R's own are off by up to 6% because of uniroot's tolerance). Every sum
 * runs outwards from the mode in O(1) memory, so tables of 10^8 per cell are fine; their time grows
 * with the hypergeometric's standard deviation, and a table whose sums would pass
 * {@link FISHER_MAX_WORK} terms (some 10^12 per cell for the p-value, 4·10^8 with the estimate) is refused at once
 * with a `LimitExceededError`.
 *
 * On an r×c table: the exact p-value by the network algorithm (work grows with the partial margins
 * near the observed table, not with the number of tables: a 3×4 table of n = 500 takes well under
 * a second), refusing with a typed error beyond {@link FISHER_MAX_WORK} steps; or, with
 * `simulate: { replicates, seed }`, R's Monte Carlo p-value with its standard error.
 *
 * @example
 * const f = fisherExact([[3, 1], [1, 3]]);
 * f.pValue;     // 0.48571428571428…
 * f.oddsRatio;  // 6.4083196581996…
 * fisherExact([[3, 1, 0], [1, 3, 4]]).pValue; // 0.2
 * fisherExact([[1e5, 1e5], [1e5, 1e5]], { estimate: false }).pValue; // 1
 */
export function fisherExact(table: CountMatrix, options: FisherOptions & { estimate: false }): FisherPValue | FisherRxC;
export function fisherExact(table: CountMatrix, options?: FisherOptions): Fisher2x2 | FisherRxC;
export function fisherExact(table: CountMatrix, options: FisherOptions = {}): Fisher2x2 | FisherPValue | FisherRxC {
  const { total } = tableMargins(table);
  const { level = 0.95, estimate = true } = options;
  const alternative = checkAlternative(options.alternative ?? 'two-sided');
  assertLevel(level);
  const method = "Fisher's exact test" as const;
  if (table.length === 2 && table[0]!.length === 2) {
    const [[a, b], [c, d]] = table as [[number, number], [number, number]];
    const margins = { a, m: a + b, n: c + d, k: a + c };
    check2x2Work(margins.m, margins.n, margins.k, estimate);
    const logPValue = fisher2x2LogPValue(margins, alternative);
    const base = { method, pValue: Math.exp(logPValue), logPValue, alternative };
    if (!estimate) return base;
    const { alpha } = levelConstants(level);
    const { oddsRatio, lower, upper } = fisher2x2Estimate(margins, alternative, alternative === 'two-sided' ? alpha / 2 : alpha);
    return { ...base, oddsRatio, ci: { lower, upper, level } };
  }
  if (options.alternative !== undefined && alternative !== 'two-sided') {
    throw new InvalidArgumentError('alternative', alternative, 'a one-sided alternative needs a 2×2 table');
  }
  if (options.simulate !== undefined) {
    const { replicates, seed } = checkSimulate(options.simulate);
    const sim = fisherSimulated(table, replicates, seed);
    return {
      method: "Fisher's exact test (Monte Carlo p-value)",
      pValue: sim.pValue,
      logPValue: Math.log(sim.pValue),
      simulation: { replicates, seed, standardError: sim.standardError },
    };
  }
  if (total > FISHER_MAX_TOTAL) {
    throw new InvalidArgumentError(
      'table',
      table,
      `an exact r×c p-value is computed for totals up to ${FISHER_MAX_TOTAL} (this table has ${total}); pass simulate: { replicates, seed } for a Monte Carlo p-value`,
    );
  }
  const logPValue = fisherNetworkLogPValue(table);
  return { method, pValue: Math.exp(logPValue), logPValue };
}
