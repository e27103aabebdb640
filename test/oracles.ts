// Independent brute-force oracles for the exact-arithmetic tests. They search for the answer
// by definition (nearest candidate, enumeration) instead of reusing the library's formulas.
import type { RoundingMode } from '../src/format/rounding.js';

/** Round num/den by looking at the candidates around it and picking by distance, then by the tie rule. */
export function roundByDistance(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const approx = BigInt(Math.floor(Number(num) / Number(den)));
  const candidates: bigint[] = [];
  for (let k = approx - 2n; k <= approx + 2n; k++) candidates.push(k);
  // value = num/den; compare k*den with num
  const below = candidates.filter((k) => k * den <= num);
  const above = candidates.filter((k) => k * den >= num);
  const lo = below.reduce((a, b) => (b > a ? b : a));
  const hi = above.reduce((a, b) => (b < a ? b : a));
  if (lo === hi) return lo;
  if (mode === 'floor') return lo;
  if (mode === 'ceil') return hi;
  const dLo = num - lo * den;
  const dHi = hi * den - num;
  if (dLo < dHi) return lo;
  if (dHi < dLo) return hi;
  const positive = num > 0n;
  if (mode === 'half-up') return positive ? hi : lo;
  if (mode === 'half-down') return positive ? lo : hi;
  return lo % 2n === 0n ? lo : hi;
}

/** Parse a printed decimal ("31.35", "-0.5") to an exact scaled bigint with `decimals` digits. */
export function scaledFromString(text: string, decimals: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole + frac.padEnd(decimals, '0'));
  return negative ? -value : value;
}
