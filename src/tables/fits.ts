import { numeratorRange } from '../audit/numerator-range.js';
import type { CellNumber } from './cell-grammar.js';

const ORDINARY = ['half-up', 'half-down', 'half-even'] as const;

/** Does count/n print as the percent under ordinary rounding (ties either way)? */
export function fits(count: number, n: number, percent: CellNumber): boolean {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(count) || n < 1 || count < 0 || count > n || percent.value > 100 || percent.negative) return false;
  const r = numeratorRange(percent.digits, n, { rounding: [...ORDINARY] });
  return r !== null && count >= r.min && count <= r.max;
}
