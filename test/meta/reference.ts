// Reads the R reference vectors of test/fixtures/reference/ (written by scripts/reference/meta-reference.R).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type RNumber = number | 'NaN' | 'NA' | 'Inf' | '-Inf';

export interface RFit {
  error?: string;
  warnings?: string | string[];
  estimate: RNumber;
  lower: RNumber;
  upper: RNumber;
  predictionLower: RNumber;
  predictionUpper: RNumber;
  tau2: RNumber;
  I2: RNumber;
  H2: RNumber;
  Q: RNumber;
  QpValue: RNumber;
  QLikelihoodRatio?: RNumber;
  QLikelihoodRatioPValue?: RNumber;
  transformed: { estimate: RNumber; se: RNumber; lower: RNumber; upper: RNumber; predictionLower: RNumber; predictionUpper: RNumber };
}

export interface MetaCase {
  id: string;
  events: number[];
  n: number[];
  fits: Record<string, RFit>;
}

export interface MhFit {
  error?: string;
  estimate: RNumber;
  lower: RNumber;
  upper: RNumber;
  se: RNumber;
  pValue: RNumber;
  BD: RNumber;
  BDp: RNumber;
  TA: RNumber;
  TAp: RNumber;
  kPos: RNumber;
}

export interface StratifiedCase {
  id: string;
  note?: string;
  strata: { x1: number; n1: number; x2: number; n2: number }[];
  [key: string]: unknown;
}

// META_REFERENCE_DIR points the reference tests at cases the R script wrote elsewhere (held-out seeds)
const dir = process.env.META_REFERENCE_DIR;
const read = <T>(name: string) =>
  JSON.parse(readFileSync(dir ? join(dir, name) : new URL(`../fixtures/reference/${name}`, import.meta.url), 'utf8')) as { source: unknown; cases: T[] };

export const metaCases = () => read<MetaCase>('meta-proportion.json').cases;
export const stratifiedCases = () => read<StratifiedCase>('stratified.json').cases;

/** An R value as a number (NA as NaN). */
export function value(v: RNumber | undefined): number {
  if (v === undefined) return NaN;
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN' || v === 'NA') return NaN;
  return v;
}

/** Relative error with an absolute floor: |a − e| / max(|e|, floor). NaN against NaN is 0, a NaN against a number Infinity. */
export function relativeError(actual: number, expected: number, floor: number): number {
  if (actual === expected) return 0;
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual) ? 0 : Infinity;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected ? 0 : Infinity;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}

/** The worst error seen per statistic, printed when the file's tests end (the figures the README quotes). */
export class WorstErrors {
  private readonly worst: Record<string, { error: number; where: string }> = {};
  track(name: string, error: number, where: string): void {
    if (!this.worst[name] || error > this.worst[name].error) this.worst[name] = { error, where };
  }
  print(title: string): void {
    const lines = Object.entries(this.worst)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k.padEnd(16)} ${v.error.toExponential(2)}  (${v.where})`);
    console.log(`${title}${dir ? ` (cases in ${dir})` : ''}:\n${lines.join('\n')}`);
  }
}
