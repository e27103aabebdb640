import { InvalidArgumentError, describeValue } from '../errors.js';
import { assertRoundingMode, ROUNDING_MODES, type RoundingMode } from '../format/rounding.js';

/** One rounding mode, or several: each value may be explained by any mode in the list. */
export type RoundingOption = RoundingMode | readonly RoundingMode[];

/** Ordinary rounding, ties either way: what "rounded" means when a paper does not say. */
export const ORDINARY_ROUNDING: readonly RoundingMode[] = /* @__PURE__ */ Object.freeze(['half-up', 'half-down', 'half-even'] as const);

/** The list of modes an option stands for, checked, without duplicates, in canonical order. */
export function roundingModes(option: RoundingOption | undefined, name = 'rounding'): RoundingMode[] {
  if (option === undefined) return [...ORDINARY_ROUNDING];
  const list: readonly unknown[] = typeof option === 'string' ? [option] : option;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidArgumentError(name, option, `${name} must be a rounding mode or a non-empty list of them, got ${describeValue(option)}`);
  }
  list.forEach((m) => assertRoundingMode(m, name));
  return ROUNDING_MODES.filter((m) => list.includes(m));
}

/**
 * The values `y` (in last-digit units, times 2) that round to `x` under `mode`, for y >= 0:
 * `lo2 <= 2y <= hi2`, each end open or closed. Ties are where the modes differ.
 */
export interface HalfUnitInterval {
  lo2: bigint;
  hi2: bigint;
  loOpen: boolean;
  hiOpen: boolean;
}

export function roundingInterval(x: bigint, mode: RoundingMode): HalfUnitInterval {
  const two = 2n * x;
  switch (mode) {
    case 'floor':
      return { lo2: two, hi2: two + 2n, loOpen: false, hiOpen: true };
    case 'ceil':
      return { lo2: two - 2n, hi2: two, loOpen: true, hiOpen: false };
    case 'half-up':
      return { lo2: two - 1n, hi2: two + 1n, loOpen: false, hiOpen: true };
    case 'half-down':
      return { lo2: two - 1n, hi2: two + 1n, loOpen: true, hiOpen: false };
    case 'half-even': {
      const odd = x % 2n !== 0n;
      return { lo2: two - 1n, hi2: two + 1n, loOpen: odd, hiOpen: odd };
    }
  }
}
