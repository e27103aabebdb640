// Score intervals for comparing two independent proportions: the set of effects δ whose score
// statistic, with both proportions re-estimated under the constraint "effect = δ", is at most z².
// Miettinen & Nurminen (1985) multiply the variance by N/(N − 1); Koopman's (1984) risk-ratio
// interval is the same inversion without that factor.
import { bisect } from './root.js';

/** p̃1 under p1 − p2 = δ (Miettinen & Nurminen's cubic, by its trigonometric root). */
function constrainedForDifference(p1: number, n1: number, p2: number, n2: number, delta: number): [number, number] {
  const theta = n2 / n1;
  const a = 1 + theta;
  const b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
  const c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
  const d = -p1 * delta * (1 + delta);
  const v = (b / a / 3) ** 3 - (b * c) / (6 * a * a) + d / a / 2;
  const s = Math.sqrt(Math.max(0, (b / a / 3) ** 2 - c / a / 3));
  const u = v > 0 ? s : -s;
  const ratio = u === 0 ? 0 : Math.min(1, Math.max(-1, v / u ** 3));
  const w = (Math.PI + Math.acos(ratio)) / 3;
  const q1 = Math.min(1, Math.max(0, 2 * u * Math.cos(w) - b / a / 3));
  const q2 = Math.min(1, Math.max(0, q1 - delta));
  return [q1, q2];
}

/** p̃2 under p1 / p2 = φ (Farrington & Manning's quadratic), and p̃1 = φ p̃2. */
function constrainedForRatio(x1: number, n1: number, x2: number, n2: number, phi: number): [number, number] {
  const N = n1 + n2;
  const b = n1 * phi + x1 + n2 + x2 * phi;
  const disc = Math.max(0, b * b - 4 * N * phi * (x1 + x2));
  // the smaller root, written to avoid cancellation: 2c / (b + √disc)
  const q2 = (2 * (x1 + x2)) / (b + Math.sqrt(disc));
  return [Math.min(1, phi * q2), q2];
}

/**
 * p̃2 under the odds ratio θ (the quadratic of Miettinen & Nurminen), with p̃1 and both
 * complements: [p̃1, 1 − p̃1, p̃2, 1 − p̃2]. Far out (θ → 0 with x2 = n2) p̃2 is within 1e-17 of 1,
 * so 1 − p̃2 comes from the same quadratic in 1 − p̃2, whose constant is θ(N − m).
 */
function constrainedForOddsRatio(x1: number, n1: number, x2: number, n2: number, theta: number): [number, number, number, number] {
  const N = n1 + n2;
  const m = x1 + x2;
  if (theta === 1) return [m / N, (N - m) / N, m / N, (N - m) / N];
  const a = n2 * (theta - 1);
  const b = n1 * theta + n2 - m * (theta - 1);
  const c = -m;
  const disc = Math.sqrt(Math.max(0, b * b - 4 * a * c));
  // the root in [0, 1], computed without cancellation
  const q2 = b > 0 ? (2 * -c) / (b + disc) : (-b + disc) / (2 * a);
  const far = 2 * a + b + disc; // 1 − q2 = 2θ(N − m) / far, the other form of the same root
  const r2 = q2 > 0.5 && far > 0 ? (2 * theta * (N - m)) / far : 1 - q2;
  const den = 1 + q2 * (theta - 1);
  return [(q2 * theta) / den, r2 / den, q2, r2];
}

/**
 * The interval where `score` (small at `inside`, growing away from it) is at most z²: each side
 * is bracketed by doubling steps from `inside` (so the score is never asked where it overflows),
 * then bisected; a side that stays within z² up to its limit ends at the limit.
 */
function invert(score: (effect: number) => number, inside: number, lo: number, hi: number, z2: number): [number, number] {
  const f = (e: number) => {
    const v = score(e);
    return Number.isNaN(v) ? Infinity : v - z2;
  };
  const side = (limit: number) => {
    const dir = Math.sign(limit - inside);
    let from = inside;
    for (let step = Math.min(1, Math.abs(limit - inside) / 2); ; step *= 2) {
      const to = from + dir * step;
      if (dir * (to - limit) >= 0) return f(limit) <= 0 ? limit : bisect(f, Math.min(from, limit), Math.max(from, limit));
      if (f(to) > 0) return bisect(f, Math.min(from, to), Math.max(from, to));
      from = to;
    }
  };
  return [side(lo), side(hi)];
}

/** Miettinen–Nurminen score interval for the risk difference p1 − p2. */
export function differenceScoreInterval(x1: number, n1: number, x2: number, n2: number, z: number): [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const N = n1 + n2;
  const score = (delta: number) => {
    const diff = p1 - p2 - delta;
    if (diff === 0) return 0;
    const [q1, q2] = constrainedForDifference(p1, n1, p2, n2, delta);
    const variance = ((q1 * (1 - q1)) / n1 + (q2 * (1 - q2)) / n2) * (N / (N - 1));
    return variance > 0 ? (diff * diff) / variance : Infinity;
  };
  return invert(score, p1 - p2, -1, 1, z * z);
}

/** Score interval for the risk ratio p1 / p2: Koopman's, or Miettinen–Nurminen's with the N/(N − 1) factor. */
export function ratioScoreInterval(x1: number, n1: number, x2: number, n2: number, z: number, correction: boolean): [number, number] {
  if (x1 === 0 && x2 === 0) return [0, Infinity];
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const N = n1 + n2;
  const factor = correction ? N / (N - 1) : 1;
  // on the log scale, so that 0 and ∞ are reachable by bisection
  const score = (logPhi: number) => {
    const phi = Math.exp(logPhi);
    const diff = p1 - phi * p2;
    if (diff === 0) return 0;
    const [q1, q2] = constrainedForRatio(x1, n1, x2, n2, phi);
    const variance = ((q1 * (1 - q1)) / n1 + (phi * phi * q2 * (1 - q2)) / n2) * factor;
    return variance > 0 ? (diff * diff) / variance : Infinity;
  };
  // a point inside the interval: the estimate, or with a zero count a ratio far towards 0 or ∞
  const inside = x1 === 0 ? -40 : x2 === 0 ? 40 : Math.log(p1 / p2);
  const [lo, hi] = invert(score, inside, -745, 709, z * z);
  return [x1 === 0 ? 0 : Math.exp(lo), x2 === 0 ? Infinity : Math.exp(hi)];
}

/** Miettinen–Nurminen score interval for the odds ratio. */
export function oddsRatioScoreInterval(x1: number, n1: number, x2: number, n2: number, z: number): [number, number] {
  const N = n1 + n2;
  if ((x1 === 0 && x2 === 0) || (x1 === n1 && x2 === n2)) return [0, Infinity];
  const p1 = x1 / n1;
  const score = (logTheta: number) => {
    const [q1, r1, q2, r2] = constrainedForOddsRatio(x1, n1, x2, n2, Math.exp(logTheta));
    // x1 − n1 p̃1 = n2 p̃2 − x2 at the constrained estimate; near p̃2 = 1 from its complement
    const diff = q2 > 0.5 ? n2 - x2 - n2 * r2 : n2 * q2 - x2;
    if (diff === 0) return 0;
    const inv = 1 / (n1 * q1 * r1) + 1 / (n2 * q2 * r2);
    return Number.isFinite(inv) ? diff * diff * inv * ((N - 1) / N) : Infinity;
  };
  const zeroLow = x1 === 0 || x2 === n2;
  const infHigh = x1 === n1 || x2 === 0;
  const inside = zeroLow ? -40 : infHigh ? 40 : Math.log((x1 * (n2 - x2)) / ((n1 - x1) * x2));
  const [lo, hi] = invert(score, inside, -700, 700, z * z);
  return [zeroLow ? 0 : Math.exp(lo), infHigh ? Infinity : Math.exp(hi)];
}
