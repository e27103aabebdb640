// The regularized incomplete beta function I_x(a, b) on its short side (x below the mean, so
// the value is at most about ½), in logs so it survives underflow. Two of DiDonato and Morris'
// methods (ACM TOMS 708, 1992) are used, with the exponent computed from Loader's deviance
// bd0 and the distance from the mean λ = a − (a + b)x supplied accurately by the caller, so the
// results keep full relative accuracy for parameters up to 2^53.
import { twoProduct, twoSum } from './double-double.js';
import { log1mExp } from './log-space.js';
import { erfcx } from './normal.js';
import { bd0, stirlerr } from './saddle-point.js';

const LN_2PI = 1.837877066409345483560659472811;

/**
 * log(x^a y^b / B(a, b)) with y = 1 − x and λ = a − (a + b)x, in Loader's saddle-point form:
 * stirlerr(a + b) − stirlerr(a) − stirlerr(b) − bd0(a, a − λ) − bd0(b, b + λ) + ½ log(ab / 2π(a + b)).
 */
export function logBetaFactor(a: number, b: number, x: number, y: number, lambda: number): number {
  if (x === 0 || y === 0) return -Infinity;
  // the means (a + b)x and (a + b)y as products, not as a − λ and b + λ, which cancel for tiny x or y
  const devianceTerms = bd0(a, (a + b) * x, lambda) + bd0(b, (a + b) * y, -lambda);
  return stirlerr(a + b) - stirlerr(a) - stirlerr(b) - devianceTerms + 0.5 * (Math.log(a) + Math.log(b / (a + b)) - LN_2PI);
}

/**
 * log of the continued fraction r with I_x(a, b) = x^a y^b / B(a, b) · r, for a, b > 1 and
 * λ ≥ 0 (DiDonato & Morris' BFRAC, whose partial numerators and denominators are written in λ so
 * that no cancellation happens when x is close to its mean).
 */
export function logBetaContinuedFraction(a: number, b: number, x: number, y: number, lambda: number): number {
  const c = lambda + 1;
  const c0 = b / a;
  const c1 = 1 + 1 / a;
  const yp1 = y + 1;
  let p = 1;
  let s = a + 1;
  let an = 0;
  let bn = 1;
  let anp1 = 1;
  let bnp1 = c / c1;
  let r = c1 / c;
  for (let n = 1; n < 1_000_000; n++) {
    const t = n / a;
    const w = n * (b - n) * x;
    const e = a / s;
    const alpha = p * (p + c0) * e * e * (w * x);
    const beta = n + w / s + ((t + 1) / (c1 + t + t)) * (c + n * yp1);
    p = t + 1;
    s += 2;
    const nextA = alpha * an + beta * anp1;
    an = anp1;
    anp1 = nextA;
    const nextB = alpha * bn + beta * bnp1;
    bn = bnp1;
    bnp1 = nextB;
    const previous = r;
    r = anp1 / bnp1;
    if (Math.abs(r - previous) <= 1e-16 * r) break;
    // rescale, so the recurrences neither overflow nor underflow
    an /= bnp1;
    bn /= bnp1;
    anp1 = r;
    bnp1 = 1;
  }
  return Math.log(r);
}

const E0 = 1.128379167095512573896158903122; // 2/√π
const E1 = 0.353553390593273762200422181052; // 2^(−3/2)
const TERMS = 20; // even: the expansion adds two terms per step

/**
 * log I_x(a, b) by the asymptotic expansion for large a and b near the mean (DiDonato & Morris'
 * BASYM, a form of Temme's uniform expansion), λ = a − (a + b)x ≥ 0. Meant for a, b > 100 and
 * λ small against min(a, b).
 */
export function logBetaAsymptotic(a: number, b: number, lambda: number): number {
  const f = bd0(a, a - lambda, lambda) + bd0(b, b + lambda, -lambda);
  const z0 = Math.sqrt(f);
  const z = z0 * Math.SQRT2;
  const z2 = f + f;
  const small = a < b;
  const h = small ? a / b : b / a;
  const r0 = 1 / (h + 1);
  const r1 = (b - a) / (small ? b : a);
  const w0 = 1 / Math.sqrt((small ? a : b) * (h + 1));

  // Coefficients of the expansion, built by the recurrences of the algorithm.
  const A = new Float64Array(TERMS + 1);
  const B = new Float64Array(TERMS + 1);
  const C = new Float64Array(TERMS + 1);
  const D = new Float64Array(TERMS + 1);
  A[0] = (r1 * 2) / 3;
  C[0] = -A[0] / 2;
  D[0] = -C[0];
  let j0 = (0.5 / E0) * erfcx(z0);
  let j1 = E1;
  let sum = j0 + D[0] * w0 * j1;

  let s = 1;
  const h2 = h * h;
  let hn = 1;
  let w = w0;
  let znm1 = z;
  let zn = z2;
  for (let n = 2; n <= TERMS; n += 2) {
    hn *= h2;
    A[n - 1] = (r0 * 2 * (h * hn + 1)) / (n + 2);
    s += hn;
    A[n] = (r1 * 2 * s) / (n + 3);
    for (let i = n; i <= n + 1; i++) {
      const r = -(i + 1) / 2;
      B[0] = r * A[0]!;
      for (let m = 2; m <= i; m++) {
        let bsum = 0;
        for (let j = 1; j <= m - 1; j++) bsum += (j * r - (m - j)) * A[j - 1]! * B[m - j - 1]!;
        B[m - 1] = r * A[m - 1]! + bsum / m;
      }
      C[i - 1] = B[i - 1]! / (i + 1);
      let dsum = 0;
      for (let j = 1; j <= i - 1; j++) dsum += D[i - j - 1]! * C[j - 1]!;
      D[i - 1] = -(dsum + C[i - 1]!);
    }
    j0 = E1 * znm1 + (n - 1) * j0;
    j1 = E1 * zn + n * j1;
    znm1 *= z2;
    zn *= z2;
    w *= w0;
    const t0 = D[n - 1]! * w * j0;
    w *= w0;
    const t1 = D[n]! * w * j1;
    sum += t0 + t1;
    if (Math.abs(t0) + Math.abs(t1) <= 1e-16 * sum) break;
  }
  const correction = stirlerr(a) + stirlerr(b) - stirlerr(a + b);
  return Math.log(E0) - f - correction + Math.log(sum);
}

/**
 * log I_x(a, b) by the power series x^a / (a B(a, b)) Σ (a + b)_j / (a + 1)_j x^j (the
 * hypergeometric form), for the short side when its terms shrink quickly.
 */
function logBetaSeries(a: number, b: number, x: number, y: number, lambda: number): number {
  let term = 1;
  let sum = 1;
  for (let j = 0; j < 1_000_000; j++) {
    term *= ((a + b + j) / (a + 1 + j)) * x;
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return logBetaFactor(a, b, x, y, lambda) - Math.log(a) + Math.log(sum);
}

/**
 * log I_x(a, b) (the lower tail of Beta(a, b) at x, `upper` false) or log(1 − I_x(a, b)), for
 * real a, b ≥ ½, to full relative accuracy; y = 1 − x may be given when known more exactly than
 * 1 − x. The short side (below the mean a/(a + b) for the lower tail) is computed directly: by
 * BASYM near the mean when a and b exceed 100, by the power series when its terms shrink fast,
 * else by BFRAC; the other side as the complement.
 */
export function logBetaTail(x: number, a: number, b: number, upper: boolean, y: number = 1 - x): number {
  if (x <= 0) return upper ? 0 : -Infinity;
  if (x >= 1) return upper ? -Infinity : 0;
  const [sum, sumError] = twoSum(a, b); // a + b exactly, as sum + sumError
  const [h, l] = twoProduct(sum, x);
  const lambda = a - h - l - sumError * x; // a − (a + b) x
  // the short side as I_s(p, q) with distance μ ≥ 0 from its mean
  const lowerIsShort = lambda >= 0;
  const [p, q, s, t, mu] = lowerIsShort ? [a, b, x, y, lambda] : [b, a, y, x, -lambda];
  let logShort: number;
  if (p > 100 && q > 100 && mu <= 0.03 * Math.min(p, q)) logShort = logBetaAsymptotic(p, q, mu);
  else if ((p + q) * s <= 0.5 * (p + 1)) logShort = logBetaSeries(p, q, s, t, mu);
  else logShort = logBetaFactor(p, q, s, t, mu) + logBetaContinuedFraction(p, q, s, t, mu);
  return upper === !lowerIsShort ? logShort : log1mExp(logShort);
}
