import { bisect } from '../inference/root.js';
import { logBetaTail } from './incomplete-beta.js';

/**
 * The Beta(a, b) quantile: x with I_x(a, b) = p (lower tail) or 1 − I_x(a, b) = p (upper), by
 * bisection to full double precision on the log tail (special/incomplete-beta), so tiny bounds
 * keep their relative accuracy.
 */
export function betaQuantile(p: number, a: number, b: number, upper = false): number {
  const target = Math.log(p);
  return bisect((x) => logBetaTail(x, a, b, upper) - target, 0, 1);
}
