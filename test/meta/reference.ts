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
  /** rma.glmm's Wald Q with the most informative study moved last (R's reference level): its well-conditioned value. */
  waldReordered?: { error?: string; order: number[]; Q: RNumber; QpValue: RNumber };
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
/** Whether the cases are held-out ones (random cases only, no edge cases to look for). */
export const heldOut = dir !== undefined && dir !== '';
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

/**
 * The worst relative error seen per field (rows) and method or test (columns), printed as a table with
 * each column's tolerance when the file's tests end: the figures the README quotes. A comparison that
 * passes on an absolute allowance (a reference value at or near 0) is counted apart, with its largest
 * absolute difference, since a relative error means nothing there.
 */
export class WorstErrors {
  private readonly cells = new Map<string, { error: number; where: string }>();
  private readonly absolute = new Map<string, { difference: number; count: number; where: string }>();
  private readonly columns = new Map<string, number>();
  private readonly rows = new Set<string>();
  private readonly failed = new Set<string>();
  /** `over`: the comparison failed (by default, the error is above the column's tolerance). */
  track(column: string, row: string, error: number, where: string, tolerance: number, over = !(error <= tolerance)): void {
    this.columns.set(column, tolerance);
    this.rows.add(row);
    const key = `${column}\u0000${row}`;
    if (over) this.failed.add(key);
    const seen = this.cells.get(key);
    if (!seen || error > seen.error) this.cells.set(key, { error, where });
  }
  /** A comparison passed on the absolute allowance rather than the relative tolerance. */
  trackAbsolute(column: string, difference: number, where: string, tolerance: number): void {
    this.columns.set(column, tolerance);
    const seen = this.absolute.get(column) ?? { difference: 0, count: 0, where: '' };
    seen.count += 1;
    if (difference >= seen.difference) Object.assign(seen, { difference, where });
    this.absolute.set(column, seen);
  }
  print(title: string): void {
    const columns = [...this.columns.keys()];
    const width = Math.max(9, ...columns.map((c) => c.length + 1));
    const rowWidth = Math.max(10, ...[...this.rows].map((r) => r.length + 1));
    const cell = (text: string) => text.padStart(width);
    const lines = [
      ''.padEnd(rowWidth) + columns.map(cell).join(''),
      'tolerance'.padEnd(rowWidth) + columns.map((c) => cell(this.columns.get(c)!.toExponential(0))).join(''),
    ];
    let failures = 0;
    for (const row of this.rows) {
      lines.push(
        row.padEnd(rowWidth) +
          columns
            .map((c) => {
              const seen = this.cells.get(`${c}\u0000${row}`);
              if (!seen) return cell('-');
              const over = this.failed.has(`${c}\u0000${row}`);
              if (over) failures += 1;
              return cell(`${seen.error.toExponential(1)}${over ? '!' : ''}`);
            })
            .join(''),
      );
    }
    lines.push('worst per column:');
    for (const c of columns) {
      const worst = [...this.rows].map((r) => this.cells.get(`${c}\u0000${r}`)).filter((x) => x !== undefined).sort((a, b) => b.error - a.error)[0];
      const abs = this.absolute.get(c);
      lines.push(`  ${c}: ${worst ? `${worst.error.toExponential(2)} at ${worst.where}` : '-'}${abs ? `; ${abs.count} near-0 values within the absolute allowance (largest difference ${abs.difference.toExponential(1)} at ${abs.where})` : ''}`);
    }
    lines.push(failures === 0 ? 'every comparison within its tolerance' : `${failures} field(s) with comparisons over the tolerance (marked !)`);
    console.log(`${title}${dir ? ` (cases in ${dir})` : ' (test/fixtures/reference)'}:\n${lines.join('\n')}`);
  }
}
