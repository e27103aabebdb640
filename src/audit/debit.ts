import { InvalidArgumentError } from '../errors.js';
import { assertCount } from '../exact/validate.js';
import { pow10, ROUNDING_MODES, type RoundingMode } from '../format/rounding.js';
import { numeratorsIn, readShare, type IntRange } from './numerator-range.js';
import { readReported } from './reported.js';
import { roundingInterval, roundingModes, type HalfUnitInterval, type RoundingOption } from './rounding-set.js';

/** Options of {@link debit}. */
export interface DebitOptions {
  /** One mode or a list; the mean and the SD are rounded by the same mode. Default ordinary rounding. */
  rounding?: RoundingOption;
}

/** The DEBIT verdict on a printed mean and SD of binary data. */
export interface DebitCheck {
  /** Some count k of ones gives both the printed mean and the printed SD (under one mode). */
  consistent: boolean;
  /** Some k gives the printed mean at all (GRIM for binary data). */
  meanConsistent: boolean;
  /** The counts of ones k that reproduce both, as runs of consecutive values. */
  numerators: IntRange[];
  /** Every one of the five modes under which some k reproduces both. */
  modes: RoundingMode[];
}

// Is sqrt(num/den) · 10^d, doubled, inside the half-unit interval? Compare squares: both sides are >= 0.
function sqrtIn(interval: HalfUnitInterval, num: bigint, den: bigint, d: number): boolean {
  const left = 4n * pow10(2 * d) * num; // (2·sd·10^d)^2 · den
  const above = (bound: bigint, open: boolean) => {
    if (bound < 0n) return true;
    const b = bound * bound * den;
    return open ? left > b : left >= b;
  };
  const below = (bound: bigint, open: boolean) => {
    if (bound < 0n) return false;
    const b = bound * bound * den;
    return open ? left < b : left <= b;
  };
  return above(interval.lo2, interval.loOpen) && below(interval.hi2, interval.hiOpen);
}

/**
 * DEBIT (Heathers & Brown 2019): are a printed mean and sample SD possible together for `n`
 * binary (0/1) observations? The mean must be k/n and the SD sqrt(k(n−k)/(n(n−1))) for the same
 * whole k. Checks the mean itself too: "0.11" with n = 40 is impossible whatever the SD.
 *
 * @example
 * debit('0.53', '0.50', 1683).consistent; // true
 * debit('0.19', '0.35', 1683).consistent; // false
 * debit('0.11', '0.32', 40).meanConsistent; // false: no k/40 rounds to 0.11
 */
export function debit(mean: string, sd: string, n: number, options: DebitOptions = {}): DebitCheck {
  const m = readShare(mean, { proportion: true });
  const s = readReported(sd, { percentSign: false, argument: 'sd' });
  assertCount(n, 'n');
  if (n < 2) throw new InvalidArgumentError('n', n, `n must be at least 2 for a sample SD, got ${n}`);
  const requested = roundingModes(options.rounding);
  const N = BigInt(n);
  const den = N * (N - 1n);
  const hits = new Map<bigint, Set<RoundingMode>>();
  let meanConsistent = false;
  for (const mode of ROUNDING_MODES) {
    const ks = numeratorsIn(roundingInterval(m.digits, mode), m.scale, N);
    if (ks === null) continue;
    if (requested.includes(mode)) meanConsistent = true;
    const sdInterval = roundingInterval(s.digits, mode);
    for (let k = ks.min; k <= ks.max; k++) {
      if (sqrtIn(sdInterval, k * (N - k), den, s.decimals)) {
        const set = hits.get(k) ?? new Set<RoundingMode>();
        set.add(mode);
        hits.set(k, set);
      }
    }
  }
  const matching = [...hits.entries()].filter(([, modes]) => requested.some((r) => modes.has(r))).map(([k]) => Number(k)).sort((a, b) => a - b);
  const numerators: IntRange[] = [];
  for (const k of matching) {
    const last = numerators[numerators.length - 1];
    if (last !== undefined && last.max === k - 1) last.max = k;
    else numerators.push({ min: k, max: k });
  }
  const modes = ROUNDING_MODES.filter((mode) => [...hits.values()].some((set) => set.has(mode)));
  return { consistent: numerators.length > 0, meanConsistent, numerators, modes };
}
