import { InvalidArgumentError, describeValue } from '../errors.js';
import { DECIMALS_LIMIT } from '../exact/validate.js';

/** A printed number, read exactly from its text: `digits / 10^decimals`, with its sign. */
export interface ReportedNumber {
  /** The text as given. */
  text: string;
  /** All digits as one integer: "31.34" gives 3134n. */
  digits: bigint;
  /** Digits after the decimal mark: "31.34" gives 2, "96" gives 0. */
  decimals: number;
  negative: boolean;
}

/** Options for reading a printed number. */
export interface ReadReportedOptions {
  /** Read "31,34" as 31.34 (a decimal comma, as many locales print). Default false. */
  decimalComma?: boolean;
  /** Allow a trailing "%" (default true). */
  percentSign?: boolean;
  /** Allow a leading minus sign (means can be negative; percents cannot). Default false. */
  signed?: boolean;
  /** Name of the argument in error messages (default 'reported'). */
  argument?: string;
}

/**
 * Read a printed number exactly as written. Its digits fix the decimals: "96.0" has one.
 *
 * @example
 * readReported('31.34%');                          // { text: '31.34%', digits: 3134n, decimals: 2, negative: false }
 * readReported('31,34', { decimalComma: true }).digits; // 3134n
 */
export function readReported(text: string, options: ReadReportedOptions = {}): ReportedNumber {
  const { decimalComma = false, percentSign = true, signed = false, argument = 'reported' } = options;
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(argument, text, `${argument} must be the printed text, e.g. "31.34", got ${describeValue(text)}; pass numbers as strings so their decimals are kept`);
  }
  const mark = decimalComma ? ',' : '.';
  let body = text.trim();
  if (percentSign && body.endsWith('%')) body = body.slice(0, -1).trimEnd();
  let negative = false;
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    if (!signed) throw new InvalidArgumentError(argument, text, `${argument} must not be negative, got ${describeValue(text)}`);
    negative = true;
    body = body.slice(1);
  }
  const parts = body.split(mark);
  const [whole = '', frac = ''] = parts;
  const digitsOnly = /^\d*$/;
  if (parts.length > 2 || !digitsOnly.test(whole) || !digitsOnly.test(frac) || whole + frac === '') {
    const hint = !decimalComma && /^\d+,\d+$/.test(body) ? ' (for a decimal comma, set decimalComma: true)' : '';
    const example = decimalComma ? '"31,34"' : '"31.34"';
    throw new InvalidArgumentError(argument, text, `${argument} must be a printed decimal number such as ${example} or "96%", got ${describeValue(text)}${hint}`);
  }
  // The one rule for how many decimals a figure may have: validation and the audit both read
  // figures here, and every check prints at most DECIMALS_LIMIT decimals. A longer figure is a
  // float's digits, not a printed one.
  if (frac.length > DECIMALS_LIMIT) {
    throw new InvalidArgumentError(argument, text, `${argument} must have at most ${DECIMALS_LIMIT} decimals, got ${frac.length} in ${describeValue(text)}; write the figure as printed`);
  }
  if (body.length > 40) throw new InvalidArgumentError(argument, text, `${argument} must be at most 40 characters, got ${body.length} in ${describeValue(text)}`);
  return { text, digits: BigInt(whole + frac), decimals: frac.length, negative };
}
