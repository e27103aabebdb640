// Exact arithmetic on doubles through BigInt, for statistics whose floating-point form cancels.

/** A finite double as m · 2^e with m, e integers, exactly. */
export function doubleToScaled(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  return { m: hi >>> 31 ? -m : m, e };
}

/** num / den (den > 0) rounded to the nearest double (num, den integers). */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  // scale so the quotient carries at least 64 significant bits before the final rounding
  const shift = Math.max(0, 64 - (a.toString(2).length - den.toString(2).length));
  const q = (a << BigInt(shift)) / den;
  let value = Number(q);
  for (let s = shift; s > 0; s -= 1000) value *= 2 ** -Math.min(s, 1000);
  return negative ? -value : value;
}
