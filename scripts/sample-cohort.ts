// The synthetic sample cohort: deterministic (seeded), so data/ can be checked against it.
// Type counts are the clinic's published ones; years and outcomes are invented.
import { apportion } from '../src/format/largest-remainder.js';
import type { CohortRecord, Outcome } from '../src/schema/record.js';

export const SAMPLE_SEED = 20_041_231;

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

export function generateSampleCohort(seed = SAMPLE_SEED): CohortRecord[] {
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
  return pairs.map((p, i) => ({
    id: `P${String(i + 1).padStart(5, '0')}`,
    type: p.type,
    year: years[i] as number,
    outcome: p.outcome,
  }));
}

export function toCsv(records: readonly CohortRecord[]): string {
  const lines = records.map((r) => `${r.id ?? ''},${r.type},${r.year},${r.outcome}`);
  return `id,type,year,outcome\n${lines.join('\n')}\n`;
}

export function toJson(records: readonly CohortRecord[]): string {
  return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}
