import { InvalidArgumentError, describeValue } from '../errors.js';

/** Throws unless `value` is a non-negative safe integer (a count). */
export function assertCount(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, `${name} must be a finite number, got ${describeValue(value)}`);
  }
  if (!Number.isInteger(value)) {
    throw new InvalidArgumentError(name, value, `${name} must be a whole number (a count), got ${describeValue(value)}`);
  }
  if (value < 0) {
    throw new InvalidArgumentError(name, value, `${name} must not be negative, got ${describeValue(value)}`);
  }
  if (value > Number.MAX_SAFE_INTEGER) {
    throw new InvalidArgumentError(
      name,
      value,
      `${name} is beyond Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER}) and cannot be represented exactly`,
    );
  }
}

/** Throws unless `value` is a positive count. */
export function assertPositiveCount(value: unknown, name: string): asserts value is number {
  assertCount(value, name);
  if (value === 0) throw new InvalidArgumentError(name, value, `${name} must be at least 1, got 0`);
}

/** Throws unless 0 <= part <= whole, both counts, whole >= 1. */
export function assertPart(part: unknown, whole: unknown, partName: string, wholeName: string): asserts part is number {
  assertCount(part, partName);
  assertPositiveCount(whole, wholeName);
  if (part > whole) {
    throw new InvalidArgumentError(
      partName,
      part,
      `${partName} (${part}) cannot exceed ${wholeName} (${whole as number})`,
    );
  }
}

/**
 * The most decimals a figure may have, printed or read: formatters print at most this many, and
 * a printed figure with more is refused when read, so every check of a figure that was read can
 * print it again at its own decimals.
 */
export const DECIMALS_LIMIT = 20;

/** Throws unless `value` is an integer number of decimals in [0, {@link DECIMALS_LIMIT}]. */
export function assertDecimals(value: unknown, name = 'decimals'): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > DECIMALS_LIMIT) {
    throw new InvalidArgumentError(name, value, `${name} must be a whole number from 0 to ${DECIMALS_LIMIT}, got ${describeValue(value)}`);
  }
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(
      name,
      value,
      `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describeValue(value)}`,
    );
  }
}
