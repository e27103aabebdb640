// The regularized incomplete gamma functions P(a, x) and Q(a, x) in logs, to full relative accuracy
// for a up to 2^53 (@stdlib's gammainc loses up to 17% for a near 10^4 in the tails). The tail on
// the short side of the mean a is computed directly, the other as its complement; the short side is
// - for a > 100 within 0.03·a of the mean: DiDonato and Morris' BASYM in its limit as the beta's
//   second parameter grows without bound, which is Temme's uniform expansion for the gamma;
// - otherwise the power series (x < a) or Legendre's continued fraction (x > a),
// each scaled by the Poisson-like factor x^a e^(−x)/Γ(a + 1) in Loader's saddle-point form.
import { logBetaAsymptotic } from './incomplete-beta.js';
import { log1mExp } from './log-space.js';
import { bd0, stirlerr } from './saddle-point.js';

const LN_2PI = 1.837877066409345483560659472811;
const HUGE = 1e300; // the beta parameter standing in for infinity
const ASYMPTOTIC_BAND = 0.03;

/** log(x^a e^(−x) / Γ(a + 1)). */
function logFactor(a: number, x: number): number {
  return -bd0(a, x) - stirlerr(a) - 0.5 * (LN_2PI + Math.log(a));
}

/** log P(a, x) for x < a by the series Σ x^k / ((a + 1)…(a + k)). */
function logLowerSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 100_000; k++) {
    term *= x / (a + k);
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return logFactor(a, x) + Math.log(sum);
}

/** log Q(a, x) for x > a by Legendre's continued fraction (Lentz). */
function logUpperFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.log(a) + logFactor(a, x) + Math.log(h);
}

/** log Q(a, x) (`upper`) or log P(a, x), the regularized upper and lower incomplete gamma functions. */
export function logGammaTail(a: number, x: number, upper: boolean): number {
  if (!(x > 0)) return upper ? 0 : -Infinity;
  if (x === Infinity) return upper ? -Infinity : 0;
  const lowerIsShort = x < a;
  let logShort: number;
  if (a > 100 && Math.abs(x - a) <= ASYMPTOTIC_BAND * a) {
    logShort = lowerIsShort ? logBetaAsymptotic(a, HUGE, a - x) : logBetaAsymptotic(HUGE, a, x - a);
  } else {
    logShort = lowerIsShort ? logLowerSeries(a, x) : logUpperFraction(a, x);
  }
  return upper === !lowerIsShort ? logShort : log1mExp(logShort);
}

/** Q(a, x) = Γ(a, x)/Γ(a). */
export function gammaUpperTail(a: number, x: number): number {
  return Math.exp(logGammaTail(a, x, true));
}

/** P(a, x) = γ(a, x)/Γ(a). */
export function gammaLowerTail(a: number, x: number): number {
  return Math.exp(logGammaTail(a, x, false));
}
