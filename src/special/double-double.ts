// Error-free transformations (Dekker, Knuth): a product or sum of two doubles as an unevaluated
// pair hi + lo that is exact. The binomial functions need n·p to more than double precision:
// for n near 2^53 the rounding of n·p alone is worth a whole count, which moves a tail by
// about its density.

const SPLITTER = 134_217_729; // 2^27 + 1, Veltkamp's constant for 53-bit significands

/** a · b as [hi, lo] with hi = fl(a · b) and hi + lo = a · b exactly (no overflow assumed). */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** a + b as [hi, lo] with hi = fl(a + b) and hi + lo = a + b exactly. */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** The error of q = fl(1 − p): (1 − p) − q exactly, so 1 − p = q + complementError(p, q). */
export function complementError(p: number, q: number): number {
  // 1 − q is exact for q in [0.5, 1] (Sterbenz), and (1 − q) − p is then exact as well;
  // for q < 0.5 the subtraction 1 − p itself was exact.
  return q >= 0.5 ? 1 - q - p : 0;
}
