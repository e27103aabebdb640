import { InvalidArgumentError, describeValue } from '../errors.js';

/**
 * How a value is rounded to the printed digits.
 * - `half-up`: ties away from zero (the schoolbook rule; R's `sprintf` does not do this).
 * - `half-down`: ties towards zero.
 * - `half-even`: ties to the even last digit (banker's rounding, IEEE default).
 * - `floor`: towards −∞ (truncation, for the non-negative values of percentages).
 * - `ceil`: towards +∞.
 */
export type RoundingMode = 'half-up' | 'half-down' | 'half-even' | 'floor' | 'ceil';

/** Every rounding mode, in the order results list them. */
export const ROUNDING_MODES: readonly RoundingMode[] = /* @__PURE__ */ Object.freeze([
  'half-up',
  'half-down',
  'half-even',
  'floor',
  'ceil',
] as const);

/** Throws an {@link InvalidArgumentError} unless `mode` is a {@link RoundingMode}. */
export function assertRoundingMode(mode: unknown, name = 'rounding'): asserts mode is RoundingMode {
  if (typeof mode !== 'string' || !(ROUNDING_MODES as readonly string[]).includes(mode)) {
    throw new InvalidArgumentError(
      name,
      mode,
      `${name} must be one of ${ROUNDING_MODES.map((m) => `'${m}'`).join(', ')}, got ${describeValue(mode)}`,
    );
  }
}

/** A whole number as a bigint: bigints pass, safe integers convert, anything else is a typed error. */
function toBigInt(value: unknown, name: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new InvalidArgumentError(name, value, `${name} must be a whole number (a bigint, or a safe integer), got ${describeValue(value)}`);
}

/**
 * Round the exact rational `numerator / denominator` to an integer under `mode`.
 * Integer arithmetic only, so a tie such as 12.5 is recognised exactly. Whole numbers may be
 * given as bigints or as safe integers; the result is a bigint.
 *
 * @example
 * roundRational(25n, 2n, 'half-up');   // 13n
 * roundRational(25n, 2n, 'half-even'); // 12n
 * roundRational(-25n, 2n, 'half-up');  // -13n (ties away from zero)
 * roundRational(5, 2, 'half-down');    // 2n
 */
export function roundRational(numeratorValue: bigint | number, denominatorValue: bigint | number, mode: RoundingMode): bigint {
  const numerator = toBigInt(numeratorValue, 'numerator');
  const denominator = toBigInt(denominatorValue, 'denominator');
  assertRoundingMode(mode, 'mode');
  if (denominator <= 0n) throw new InvalidArgumentError('denominator', denominator, 'denominator must be positive');
  let q = numerator / denominator; // truncates towards zero
  let r = numerator % denominator;
  if (r < 0n) {
    q -= 1n; // make q the floor and 0 <= r < denominator
    r += denominator;
  }
  if (r === 0n) return q;
  switch (mode) {
    case 'floor':
      return q;
    case 'ceil':
      return q + 1n;
    default: {
      const twice = 2n * r;
      if (twice < denominator) return q;
      if (twice > denominator) return q + 1n;
      const negative = numerator < 0n;
      if (mode === 'half-up') return negative ? q : q + 1n;
      if (mode === 'half-down') return negative ? q + 1n : q;
      return q % 2n === 0n ? q : q + 1n;
    }
  }
}

/** 10^k as a bigint. */
export function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** Write the integer `scaled` (the value times 10^decimals) as a decimal string: 3135n at 2 decimals is '31.35'. */
export function formatScaled(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}
