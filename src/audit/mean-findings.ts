import type { ClaimedMean } from '../claims/schema.js';
import { floorDiv } from '../exact/integer-division.js';
import { formatScaled, pow10, roundRational } from '../format/rounding.js';
import type { AuditContext } from './audit-context.js';
import { checkMean } from './check-mean.js';
import { debit } from './debit.js';
import type { Check } from './finding.js';
import { grimmer, type GrimmerReason } from './grimmer.js';
import { readReported } from './reported.js';
import { roundingInterval } from './rounding-set.js';

const name = (m: ClaimedMean) => m.label ?? m.id;

/** A number such as 0, 10 or 2.5 as an exact fraction. */
function rational(x: number): { num: bigint; den: bigint } {
  const [whole, frac = ''] = Math.abs(x).toString().split('.');
  const den = pow10(frac.length);
  const num = BigInt(whole! + frac) * (x < 0 ? -1n : 1n);
  return { num, den };
}

/**
 * Can values within [a, b] have this mean and SD at all? For any n values in [a, b] with mean m,
 * Σ(x − m)² ≤ n(m − a)(b − m), so SD² ≤ n/(n − 1)·(m − a)(b − m): an exact bound for measurements
 * too. Returns the largest SD the range allows (at the printed precision), or null when the SD fits.
 */
function beyondRange(m: ClaimedMean, scale: readonly [number, number], ctx: AuditContext): { outside: boolean; maxSd: string } | null {
  const mean = readReported(m.mean, { signed: true, percentSign: false, decimalComma: ctx.decimalComma, argument: 'mean' });
  // every true mean the print allows, as [lo2, hi2] / (2·10^d): take the one that allows the widest spread
  const x = mean.negative ? -mean.digits : mean.digits;
  const intervals = ctx.modes.map((mode) => roundingInterval(x, mode));
  const lo2 = intervals.reduce((a, i) => (i.lo2 < a ? i.lo2 : a), intervals[0]!.lo2);
  const hi2 = intervals.reduce((a, i) => (i.hi2 > a ? i.hi2 : a), intervals[0]!.hi2);
  const a = rational(scale[0]);
  const b = rational(scale[1]);
  // work in units of 1/(2·10^d·den) with den the common denominator of a and b
  const den = a.den > b.den ? a.den : b.den;
  const unit = 2n * pow10(mean.decimals) * den;
  const A = (a.num * unit) / a.den;
  const B = (b.num * unit) / b.den;
  const mid2 = A + B; // 2·midpoint in units
  const lo = lo2 * den;
  const hi = hi2 * den;
  const best = (v: bigint) => (v < lo ? lo : v > hi ? hi : v);
  const mBest = best(floorDiv(mid2, 2n));
  const candidates = [mBest, best(mBest + 1n)];
  const spread = candidates.reduce((acc, v) => {
    const f = (v - A) * (B - v);
    return f > acc ? f : acc;
  }, -1n);
  if (spread < 0n) return { outside: true, maxSd: '0' }; // no mean the print allows lies in the range
  if (m.sd === undefined || m.n < 2) return null;
  const sd = readReported(m.sd, { percentSign: false, decimalComma: ctx.decimalComma, argument: 'sd' });
  // the smallest SD the print allows: (2S − 1)/(2·10^ds) under ordinary rounding (S − 1 under ceil)
  const sdLow2 = ctx.modes.reduce((acc, mode) => {
    const i = roundingInterval(sd.digits, mode);
    return i.lo2 < acc ? i.lo2 : acc;
  }, 2n * sd.digits + 2n);
  if (sdLow2 <= 0n) return null;
  const n = BigInt(m.n);
  // impossible when (sdLow2 / (2·10^ds))² > n/(n − 1) · spread / unit²  (strict: the bound is a supremum)
  const lhs = sdLow2 * sdLow2 * unit * unit * (n - 1n);
  const rhs = 4n * pow10(2 * sd.decimals) * n * spread;
  if (lhs <= rhs) return null;
  // the largest SD the bound allows, shown at the printed decimals (for the message only; the verdict above is exact)
  const bound = Math.sqrt((m.n / (m.n - 1)) * (Number(spread) / Number(unit * unit)));
  return { outside: false, maxSd: (Math.floor(bound * 10 ** sd.decimals) / 10 ** sd.decimals).toFixed(sd.decimals) };
}

const REASONS: Record<GrimmerReason, string> = {
  mean: 'the mean itself is impossible',
  scale: 'no values within the scale have both',
  'sd-granularity': 'no whole-number sum of squares gives an SD that prints so',
  'sd-parity': 'the sums of squares that give that SD have the wrong parity for the total the mean needs (a square is even exactly when its root is)',
  'sd-too-small': 'whole numbers with that mean cannot vary that little',
  'no-sample': 'no whole numbers have the total and sum of squares that mean and SD need',
};

/**
 * The checks on one published mean: GRIM (`checkMean`) for whole-number data, GRIMMER (or DEBIT
 * on a 0–1 scale) for its SD, and the scale's range for any data.
 */
export function meanChecks(m: ClaimedMean, path: string, ctx: AuditContext): Check[] {
  const out: Check[] = [];
  const at = { claim: m.id, path };
  const items = m.items ?? 1;
  const shownMean = ctx.num(m.mean.replace(/^-/, '−'));
  if (m.scale !== undefined) {
    const [lo, hi] = m.scale;
    const beyond = beyondRange(m, [lo, hi], ctx);
    if (beyond?.outside) {
      out.push({ code: 'mean-impossible', severity: 'error', ...at, message: `${name(m)}: a mean of ${shownMean} lies outside the scale ${lo}–${hi}.`, evidence: { mean: m.mean, scale: m.scale } });
      return out;
    }
    if (beyond) {
      out.push({
        code: 'sd-impossible',
        severity: 'error',
        ...at,
        message: `${name(m)}: an SD of ${ctx.num(m.sd!)} is larger than ${m.n} values between ${lo} and ${hi} with a mean of ${shownMean} can have (at most ${ctx.num(beyond.maxSd)}).`,
        evidence: { mean: m.mean, sd: m.sd, n: m.n, scale: m.scale, maxSd: beyond.maxSd },
      });
      return out;
    }
  }
  if (m.continuous) return out;
  const grim = checkMean(m.mean, m.n, { items, rounding: ctx.modes, decimalComma: ctx.decimalComma });
  if (!grim.consistent) {
    const r = readReported(m.mean, { signed: true, percentSign: false, decimalComma: ctx.decimalComma });
    const x = r.negative ? -r.digits : r.digits;
    const N = BigInt(m.n) * BigInt(items);
    const s0 = floorDiv(x * N, pow10(r.decimals));
    const print = (s: bigint) => ctx.num(formatScaled(roundRational(s * pow10(r.decimals), N, ctx.modes[0]!), r.decimals));
    out.push({
      code: 'mean-impossible',
      severity: 'error',
      ...at,
      message:
        `${name(m)}: no total of ${m.n}${items > 1 ? ` × ${items} items` : ''} whole numbers gives a mean of ${shownMean}; ` +
        `the nearest possible means are ${print(s0)} (${s0}/${N}) and ${print(s0 + 1n)} (${s0 + 1n}/${N}).`,
      evidence: { mean: m.mean, n: m.n, items, modesThatFit: grim.modes },
    });
    return out;
  }
  if (m.sd === undefined || m.n < 2) return out;
  const binary = m.scale !== undefined && m.scale[0] === 0 && m.scale[1] === 1 && items === 1;
  if (binary) {
    const d = debit(m.mean, m.sd, m.n, { rounding: ctx.modes });
    if (!d.consistent) {
      out.push({
        code: 'sd-impossible',
        severity: 'error',
        ...at,
        message: `${name(m)}: for ${m.n} values of 0 or 1 with a mean of ${shownMean}, the SD is fixed by the mean (DEBIT), and no count of ones gives ${ctx.num(m.sd)}.`,
        evidence: { mean: m.mean, sd: m.sd, n: m.n, test: 'DEBIT' },
      });
    }
    return out;
  }
  const g = grimmer(m.mean, m.sd, m.n, { items, rounding: ctx.modes, decimalComma: ctx.decimalComma, ...(m.scale ? { scale: m.scale } : {}) });
  if (!g.consistent && g.decided) {
    const near = [g.nearest?.below, g.nearest?.above].filter((x): x is string => x !== undefined).map(ctx.num);
    out.push({
      code: 'sd-impossible',
      severity: 'error',
      ...at,
      message: `${name(m)}: no ${m.n} whole numbers${m.scale ? ` within ${m.scale[0]}–${m.scale[1]}` : ''} have a mean of ${shownMean} and an SD of ${ctx.num(m.sd)} (GRIMMER: ${REASONS[g.reason!]})${near.length ? `; the nearest possible SDs are ${near.join(' and ')}` : ''}.`,
      evidence: { mean: m.mean, sd: m.sd, n: m.n, items, reason: g.reason, nearest: g.nearest },
    });
  }
  return out;
}
