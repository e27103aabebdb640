// Loader's saddle-point pieces (Loader 2000, "Fast and accurate computation of binomial
// probabilities"): the error of Stirling's formula and the deviance term x log(x/m) + m − x.
import gammaln from '@stdlib/math-base-special-gammaln';

const LN_SQRT_2PI = 0.918938533204672741780329736406; // log(sqrt(2π))

/** log(n!) − log(√(2π n) (n/e)^n): the error of Stirling's formula (any real n > 0). */
export function stirlerr(n: number): number {
  if (n <= 15) return gammaln(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/**
 * x log(x/m) + m − x (Loader 2000), given the deviation d = x − m as accurately as the caller
 * knows it (by default x − m). Close to m (|d| < (x + m)/2) it is summed as the series in
 * v = d/(x + m), whose terms share a sign with the result, so nothing cancels; only far from m,
 * where x log(x/m) is not small against the result, is the closed form used.
 */
export function bd0(x: number, m: number, d: number = x - m): number {
  if (x === 0) return m;
  if (Math.abs(d) < 0.5 * (x + m)) {
    let v = d / (x + m);
    let s = d * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) - d;
}
