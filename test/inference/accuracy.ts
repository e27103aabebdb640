// Scores the library against reference vectors: the worst relative error per function and method.
// Each scorer takes a parsed fixture and returns, per label, every case's error (relative; for a
// reference of 0 or ±∞ the value must match exactly, else the error is ∞). Tests assert on these
// and print them; the same scorers score the held-back vectors.
import { riskDifference, riskRatio, oddsRatio } from '../../src/inference/effect-measures.js';
import { binomialTest } from '../../src/inference/binomial-test.js';
import { proportionCI, type ProportionCIMethod } from '../../src/inference/proportion-ci.js';
import { rateCI, rateRatio, type RateCIMethod, type RateRatioMethod } from '../../src/inference/rate-ci.js';
import { precisionForProportion, sampleSizeForProportion, type PrecisionMethod } from '../../src/inference/sample-size.js';
import type { Alternative } from '../../src/inference/alternative.js';
import { fisherExact } from '../../src/inference/fisher-exact.js';
import { gTest } from '../../src/inference/goodness-of-fit.js';
import { gTestIndependence } from '../../src/inference/independence.js';
import { trendTest } from '../../src/inference/trend-test.js';
import { binomialLowerTail, binomialUpperTail, logBinomialTail } from '../../src/special/binomial.js';

export type Scores = Map<string, { worst: number; cases: number; where: string }>;

type Ref = number | string | null;
const value = (r: Ref): number => (r === 'Inf' ? Infinity : r === '-Inf' ? -Infinity : r === null ? NaN : Number(r));

/** Relative error of `actual` against a reference (exact match required at 0 and ±∞). */
export function relativeError(actual: number, reference: Ref): number {
  const e = value(reference);
  if (actual === e) return 0;
  if (!Number.isFinite(e) || e === 0 || !Number.isFinite(actual)) return Infinity;
  return Math.abs(actual - e) / Math.abs(e);
}

function record(scores: Scores, label: string, error: number, where: string): void {
  const s = scores.get(label) ?? { worst: 0, cases: 0, where: '' };
  s.cases += 1;
  if (!(error <= s.worst)) {
    s.worst = error;
    s.where = where;
  }
  scores.set(label, s);
}

function bounds(scores: Scores, label: string, got: [number, number], ref: [Ref, Ref], where: string): void {
  record(scores, label, Math.max(relativeError(got[0], ref[0]), relativeError(got[1], ref[1])), where);
}

interface RFixture {
  proportion: { method: ProportionCIMethod; x: number; n: number; level: number; bounds: [Ref, Ref] }[];
  two_groups: { method: string; x1: number; n1: number; x2: number; n2: number; level: number; bounds: [Ref, Ref] }[];
  rates: { method: RateCIMethod; events: number; exposure: number; level: number; bounds: [Ref, Ref] }[];
  rate_ratios: { method: RateRatioMethod; events1: number; exposure1: number; events2: number; exposure2: number; level: number; bounds: [Ref, Ref] }[];
  presize: { method: PrecisionMethod; proportion: number; n: number; level: number; halfWidth: number; targetHalfWidth: number; exactN: number }[];
}

function twoGroup(method: string, x1: number, n1: number, x2: number, n2: number, level: number): [number, number] {
  const [measure, ...rest] = method.split('-');
  const m = rest.join('-');
  const r =
    measure === 'rd'
      ? riskDifference(x1, n1, x2, n2, { method: m as 'newcombe', level })
      : measure === 'rr'
        ? riskRatio(x1, n1, x2, n2, { method: m as 'koopman', level })
        : oddsRatio(x1, n1, x2, n2, { method: m as 'baptista-pike', level });
  return [r.lower, r.upper];
}
const TWO_GROUP_NAMES: Record<string, string> = { rd: 'riskDifference', rr: 'riskRatio', or: 'oddsRatio' };
const twoGroupLabel = (method: string) => `${TWO_GROUP_NAMES[method.slice(0, 2)]} ${method.slice(3)}`;

/** Scores the vectors written by scripts/reference/intervals.R. */
export function scoreRIntervals(fx: RFixture): Scores {
  const scores: Scores = new Map();
  for (const c of fx.proportion) {
    const ci = proportionCI(c.x, c.n, { method: c.method, level: c.level });
    bounds(scores, `proportionCI ${c.method}`, [ci.lower, ci.upper], c.bounds, `x=${c.x} n=${c.n} level=${c.level}`);
  }
  for (const c of fx.two_groups) {
    const got = twoGroup(c.method, c.x1, c.n1, c.x2, c.n2, c.level);
    bounds(scores, twoGroupLabel(c.method), got, c.bounds, `${c.x1}/${c.n1} vs ${c.x2}/${c.n2} level=${c.level}`);
  }
  for (const c of fx.rates) {
    const r = rateCI(c.events, c.exposure, { method: c.method, level: c.level });
    bounds(scores, `rateCI ${c.method}`, [r.lower, r.upper], c.bounds, `${c.events}/${c.exposure} level=${c.level}`);
  }
  for (const c of fx.rate_ratios) {
    const r = rateRatio(c.events1, c.exposure1, c.events2, c.exposure2, { method: c.method, level: c.level });
    bounds(scores, `rateRatio ${c.method}`, [r.lower, r.upper], c.bounds, `${c.events1}/${c.exposure1} vs ${c.events2}/${c.exposure2}`);
  }
  for (const c of fx.presize) {
    const where = `p=${c.proportion} n=${c.n} level=${c.level}`;
    const half = precisionForProportion({ proportion: c.proportion, n: c.n, level: c.level, method: c.method }).halfWidth;
    record(scores, `precisionForProportion ${c.method}`, relativeError(half, c.halfWidth), where);
    const size = sampleSizeForProportion({ proportion: c.proportion, halfWidth: c.targetHalfWidth, level: c.level, method: c.method });
    record(scores, `sampleSizeForProportion ${c.method}`, relativeError(size.exactN, c.exactN), `${where} halfWidth=${c.targetHalfWidth}`);
  }
  return scores;
}

interface BinomialFixture {
  binomial_test: { x: number; n: number; p: number; alternative: Alternative; log: string; value: number }[];
  intervals: { method: ProportionCIMethod; x: number; n: number; level: number; lower: Ref; upper: Ref }[];
}

/** Scores the vectors of scripts/reference/binomial_intervals.py (p-values: log p below 1e-290). */
export function scoreBinomialIntervals(fx: BinomialFixture): Scores {
  const scores: Scores = new Map();
  for (const c of fx.binomial_test) {
    const r = binomialTest(c.x, c.n, { p: c.p, alternative: c.alternative });
    const logRef = Number(c.log);
    const where = `x=${c.x} n=${c.n} p=${c.p} ${c.alternative}`;
    if (logRef < Math.log(1e-290)) record(scores, `binomialTest ${c.alternative} (log p, p < 1e-290)`, relativeError(r.logPValue, c.log), where);
    else record(scores, `binomialTest ${c.alternative}`, relativeError(r.pValue, Math.exp(logRef) === 0 ? c.value : c.value), where);
  }
  for (const c of fx.intervals) {
    const ci = proportionCI(c.x, c.n, { method: c.method, level: c.level });
    bounds(scores, `proportionCI ${c.method}`, [ci.lower, ci.upper], [c.lower, c.upper], `x=${c.x} n=${c.n} level=${c.level}`);
  }
  return scores;
}

interface TwoGroupFixture {
  two_groups: ({ x1: number; n1: number; x2: number; n2: number; level: number } & Record<string, unknown>)[];
  rates: RFixture['rates'][number] extends infer T ? (Omit<T & object, 'bounds'> & { lower: Ref; upper: Ref })[] : never;
  rate_ratios: (Omit<RFixture['rate_ratios'][number], 'bounds'> & { lower: Ref; upper: Ref })[];
  presize: RFixture['presize'];
}

/** Scores the vectors of scripts/reference/two_group_intervals.py. */
export function scoreTwoGroupIntervals(fx: TwoGroupFixture): Scores {
  const { two_groups, rates, rate_ratios, presize } = fx;
  const asR: RFixture = {
    proportion: [],
    two_groups: two_groups.flatMap((c) =>
      Object.keys(c)
        .filter((k) => /^(rd|rr|or)-/.test(k))
        .map((method) => ({ method, x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2, level: c.level, bounds: c[method] as [Ref, Ref] })),
    ),
    rates: rates.map((c) => ({ ...c, bounds: [c.lower, c.upper] as [Ref, Ref] })),
    rate_ratios: rate_ratios.map((c) => ({ ...c, bounds: [c.lower, c.upper] as [Ref, Ref] })),
    presize,
  };
  return scoreRIntervals(asR);
}

interface TailFixture {
  cases: { region: string; k: number; n: number; p: number; tail: 'upper' | 'lower'; log: string; value: number }[];
}

/** Scores the vectors of scripts/reference/binomial_tails.py by region (log p below 1e-290). */
export function scoreBinomialTails(fx: TailFixture): Scores {
  const scores: Scores = new Map();
  for (const c of fx.cases) {
    const where = `k=${c.k} n=${c.n} p=${c.p} ${c.tail}`;
    const upper = c.tail === 'upper';
    if (c.log === '-Inf') {
      record(scores, `binomial tail ${c.region}`, logBinomialTail(c.k, c.n, c.p, upper) === -Infinity ? 0 : Infinity, where);
    } else if (Number(c.log) < Math.log(1e-290)) {
      record(scores, `binomial tail ${c.region} (log p, p < 1e-290)`, relativeError(logBinomialTail(c.k, c.n, c.p, upper), c.log), where);
    } else {
      const v = upper ? binomialUpperTail(c.k, c.n, c.p) : binomialLowerTail(c.k, c.n, c.p);
      record(scores, `binomial tail ${c.region}`, relativeError(v, c.value), where);
    }
  }
  return scores;
}

interface EdgeFixture {
  g_test: { observed: number[]; expected: number[]; statistic: string }[];
  g_independence: { table: number[][]; statistic: string }[];
  trend: { successes: number[]; trials: number[]; scores: number[]; statistic: string }[];
  fisher_2x2_large: { table: number[][]; log: Record<'less' | 'greater' | 'two-sided', string> }[];
}

/** Scores the vectors of scripts/reference/edge_cases.py (G statistics, trend, large 2×2 Fisher). */
export function scoreEdgeCases(fx: EdgeFixture): Scores {
  const scores: Scores = new Map();
  for (const c of fx.g_test) record(scores, 'gTest statistic', relativeError(gTest(c.observed, c.expected).statistic, c.statistic), c.observed.join(','));
  for (const c of fx.g_independence) record(scores, 'gTestIndependence statistic', relativeError(gTestIndependence(c.table).statistic, c.statistic), JSON.stringify(c.table));
  for (const c of fx.trend) record(scores, 'trendTest statistic', relativeError(trendTest(c.successes, c.trials, c.scores).statistic, c.statistic), c.successes.join(','));
  for (const c of fx.fisher_2x2_large) {
    for (const alt of ['less', 'greater', 'two-sided'] as const) {
      const ref = Number(c.log[alt]);
      const got = fisherExact(c.table, { alternative: alt, estimate: false }).logPValue;
      // relative error of the p-value itself, from the logs
      record(scores, `fisherExact 2×2 ${alt}`, ref === 0 ? Math.abs(got) : Math.abs(Math.expm1(got - ref)), JSON.stringify(c.table));
    }
  }
  return scores;
}

/** A printable table of scores, worst first within each label's order of appearance. */
export function formatScores(title: string, scores: Scores): string {
  const rows = [...scores].map(([label, s]) => `  ${label.padEnd(52)} ${s.worst.toExponential(1).padStart(8)}  (${s.cases} cases; worst at ${s.where})`);
  return `${title}\n${rows.join('\n')}`;
}
