import { UsageError } from './usage.js';

const WHOLE = /^\d+(?:e\d+)?$/i;
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A whole-number option, read strictly: digits only (or digits with an exponent, `1e6`), so an
 * empty value, `0x10`, `1.5` or `-3` is a usage error naming the option instead of a silent 0 or 16.
 */
export function wholeNumberOption(text: string, flag: string, range: { min?: number; max?: number } = {}): number {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  const value = WHOLE.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const tooLarge = max === Number.MAX_SAFE_INTEGER && value > max;
    const bounds = tooLarge ? `from ${min} to 2^53 − 1 (${max})` : max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${flag} must be a whole number ${bounds}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** {@link wholeNumberOption} for an option that may be absent. */
export function optionalWholeNumber(text: string | undefined, flag: string, range: { min?: number; max?: number } = {}): number | undefined {
  return text === undefined ? undefined : wholeNumberOption(text, flag, range);
}

/** A number strictly between 0 and 1 (a confidence level), written in decimal: `0.95`, `.9`. */
export function levelOption(text: string, flag: string): number {
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(value > 0 && value < 1)) throw new UsageError(`${flag} must be a number between 0 and 1 such as 0.95, got ${JSON.stringify(text)}`);
  return value;
}
