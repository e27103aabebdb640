import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertCount } from '../exact/validate.js';

/** Throws unless `level` is a confidence level strictly between 0 and 1. */
export function assertLevel(level: unknown, name = 'level'): asserts level is number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new InvalidArgumentError(name, level, `${name} must be a number strictly between 0 and 1 (such as 0.95), got ${describeValue(level)}`);
  }
}

/** Throws unless `counts` is a non-empty array of counts (minLength entries at least); returns their total. */
export function assertCounts(counts: unknown, name: string, minLength = 1): number {
  if (!Array.isArray(counts) || counts.length < minLength) {
    throw new InvalidArgumentError(name, counts, `${name} must be an array of at least ${minLength} counts, got ${describeValue(counts)}`);
  }
  let total = 0;
  counts.forEach((c, i) => {
    assertCount(c, `${name}[${i}]`);
    total += c;
  });
  return total;
}

/** Throws unless `p` is a probability strictly between 0 and 1 (or in [0, 1] when `closed`). */
export function assertProbability(p: unknown, name: string, closed = false): asserts p is number {
  const ok = typeof p === 'number' && (closed ? p >= 0 && p <= 1 : p > 0 && p < 1);
  if (!ok) throw new InvalidArgumentError(name, p, `${name} must be a probability ${closed ? 'from 0 to 1' : 'strictly between 0 and 1'}, got ${describeValue(p)}`);
}
