// The synthetic sample cohort: deterministic (seeded), so data/ can be checked against it.
// Type counts are the clinic's published ones; years, outcomes and the measures are invented.
import { apportion } from '../src/format/largest-remainder.js';
import type { CohortRecord, Outcome } from '../src/schema/record.js';

export const SAMPLE_SEED = 20_041_231;
/** The measures come from a stream of their own, so the type, year and outcome of every record stay as they were. */
export const MEASURES_SEED = 20_150_101;

/** A synthetic record: the cohort fields and the four measures (each may be missing). */
export interface SampleRecord extends CohortRecord {
  age?: number;
  sex?: 'female' | 'male';
  gmfcs?: 1 | 2 | 3 | 4 | 5;
  followUpMonths?: number;
}

// Outcomes per type, chosen so that the improvement rate among known outcomes is
// 3963 / 4128 = 96.003%, printed "96" as on the clinic's page; per-type rates differ a little.
const ALLOCATION: Record<string, Record<Outcome, number>> = {
  spastic: { improved: 2172, unchanged: 64, worsened: 8, unknown: 80 },
  mixed: { improved: 1238, unchanged: 43, worsened: 12, unknown: 48 },
  athetoid: { improved: 460, unchanged: 18, worsened: 6, unknown: 17 },
  other: { improved: 93, unchanged: 10, worsened: 4, unknown: 5 },
};

const FIRST_YEAR = 2004;
const LAST_YEAR = 2014;

/** mulberry32: a small seeded PRNG, good enough for shuffling sample data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exact number of patients per year: volumes grow linearly (weights 1..11), split by largest remainder. */
function yearCounts(total: number): number[] {
  const weights = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => i + 1);
  return apportion(weights, BigInt(total)).map(Number);
}

/** GMFCS level shares by type (in %): spastic children walk more often, athetoid ones less. */
const GMFCS: Record<string, readonly number[]> = {
  spastic: [30, 25, 17, 15, 13],
  mixed: [15, 20, 20, 23, 22],
  athetoid: [8, 14, 20, 28, 30],
  other: [25, 25, 20, 15, 15],
};

/** Standard normal deviate by Box–Muller (two uniforms per deviate, so the stream stays simple). */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Age at treatment (years, one decimal; log-normal around 5, 0.5-40), sex (57% male), GMFCS level
 * (by type) and months of follow-up (3-36; none when the outcome is unknown). About 2% of ages,
 * 1% of sexes and 3% of GMFCS levels are missing.
 */
function measuresOf(type: string, outcome: Outcome, random: () => number): Omit<SampleRecord, keyof CohortRecord> {
  const out: Omit<SampleRecord, keyof CohortRecord> = {};
  const age = Math.exp(Math.log(5) + 0.65 * normal(random));
  if (random() >= 0.02) out.age = Math.round(Math.min(40, Math.max(0.5, age)) * 10) / 10;
  if (random() >= 0.01) out.sex = random() < 0.57 ? 'male' : 'female';
  const shares = GMFCS[type]!;
  let u = random() * 100;
  let level = 0;
  while (level < 4 && u >= shares[level]!) u -= shares[level++]!;
  if (random() >= 0.03) out.gmfcs = (level + 1) as 1 | 2 | 3 | 4 | 5;
  const months = 3 + Math.floor(random() * 34);
  if (outcome !== 'unknown') out.followUpMonths = months;
  return out;
}

export function generateSampleCohort(seed = SAMPLE_SEED): SampleRecord[] {
  const pairs: { type: string; outcome: Outcome }[] = [];
  for (const [type, outcomes] of Object.entries(ALLOCATION)) {
    for (const [outcome, n] of Object.entries(outcomes) as [Outcome, number][]) {
      for (let k = 0; k < n; k++) pairs.push({ type, outcome });
    }
  }
  const random = mulberry32(seed);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j] as (typeof pairs)[number], pairs[i] as (typeof pairs)[number]];
  }
  const years = yearCounts(pairs.length).flatMap((n, i) => Array<number>(n).fill(FIRST_YEAR + i));
  const measureRandom = mulberry32(MEASURES_SEED);
  return pairs.map((p, i) => ({
    id: `P${String(i + 1).padStart(5, '0')}`,
    type: p.type,
    year: years[i] as number,
    outcome: p.outcome,
    ...measuresOf(p.type, p.outcome, measureRandom),
  }));
}

const cell = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

export function toCsv(records: readonly SampleRecord[]): string {
  const lines = records.map((r) => [r.id ?? '', r.type, r.year, r.outcome, cell(r.age), cell(r.sex), cell(r.gmfcs), cell(r.followUpMonths)].join(','));
  return `id,type,year,outcome,age,sex,gmfcs,followUpMonths\n${lines.join('\n')}\n`;
}

export function toJson(records: readonly SampleRecord[]): string {
  return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}
