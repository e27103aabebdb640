import { InvalidArgumentError, describeValue } from '../errors.js';

/**
 * A p-value in words a reader knows: `p = 0.023`, `p = 2.9 × 10^-134`, and below what a double
 * holds (p = 0, known only by its logarithm `logP`) `p < 10^-601`, never "e^-1385".
 * `format: 'html'` writes the exponent as a superscript.
 *
 * @example
 * formatPValue(0.0234); // 'p = 0.023'
 * formatPValue(2.9e-134); // 'p = 2.9 × 10^-134'
 * formatPValue(0, -1385.2); // 'p < 10^-601'
 */
export function formatPValue(p: number, logP?: number, format: 'text' | 'html' = 'text'): string {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new InvalidArgumentError('p', p, `p must be a number from 0 to 1, got ${describeValue(p)}`);
  const power = (exponent: number) => (format === 'html' ? `10<sup>${String(exponent).replace('-', '−')}</sup>` : `10^${exponent}`);
  const lt = format === 'html' ? '&lt;' : '<';
  if (p >= 0.001) return `p = ${p >= 0.1 ? p.toFixed(2) : p.toPrecision(2)}`;
  if (p > 0) {
    const [mantissa, exponent] = p.toExponential(1).split('e') as [string, string];
    return `p = ${mantissa} × ${power(Number(exponent))}`;
  }
  if (logP === undefined || !Number.isFinite(logP)) return `p ${lt} ${power(-300)}`;
  return `p ${lt} ${power(Math.ceil(logP / Math.LN10))}`;
}
