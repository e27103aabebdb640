// Brute-force oracles for the audit functions: enumerate every numerator or total.
import { formatScaled, roundRational, ROUNDING_MODES, type RoundingMode } from '../../src/format/rounding.js';

/** What k/n prints as, at `decimals`, under `mode` (percent scale). Computed from roundRational,
 *  itself checked against a nearest-candidate oracle in test/format. */
export function printOf(k: number, n: number, decimals: number, mode: RoundingMode, scale100 = true): string {
  const scale = (scale100 ? 100n : 1n) * 10n ** BigInt(decimals);
  return formatScaled(roundRational(BigInt(k) * scale, BigInt(n), mode), decimals);
}

export function bruteRange(reported: string, n: number, modes: readonly RoundingMode[], scale100 = true): { min: number; max: number } | null {
  const decimals = reported.split('.')[1]?.length ?? 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k <= n; k++) {
    if (modes.some((m) => printOf(k, n, decimals, m, scale100) === reported)) {
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
  }
  return min === Infinity ? null : { min, max };
}

export function bruteModes(reported: string, n: number): RoundingMode[] {
  return ROUNDING_MODES.filter((m) => bruteRange(reported, n, [m]) !== null);
}
