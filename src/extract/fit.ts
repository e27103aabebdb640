import type { NumberToken } from './tokens.js';

/** How well a printed share fits a candidate denominator. */
export type Fit = 'exact' | 'near' | 'far';

const unit = (decimals: number) => 10 ** -decimals;

/** The share x/n in percent, as a float: used only to rank candidates, never to audit. */
const share = (x: number, n: number) => (100 * x) / n;

/** The closest x/n (in percent) to a printed percent, over whole x. */
function closest(percent: number, n: number): number {
  const x = Math.round((percent / 100) * n);
  return share(Math.max(0, Math.min(n, x)), n);
}

/**
 * Does a share fit denominator `n`? 'exact': some rounding of x/n prints the percent (within half
 * a unit of its last digit, ties either way); 'near': off by at most a unit of the last digit and
 * by no more than a tenth of the percent, as a misprint would be (31.34 printed for 31.346);
 * 'far': the percent is of some other group. The audit decides exactly; this only chooses.
 */
export function fitShare(s: { count?: number; percent?: number; decimals: number }, n: number): Fit {
  if (n <= 0) return 'far';
  if (s.count !== undefined && s.count > n) return 'far';
  if (s.percent === undefined) return 'exact';
  const actual = s.count !== undefined ? share(s.count, n) : closest(s.percent, n);
  const diff = Math.abs(actual - s.percent);
  const half = unit(s.decimals) / 2;
  if (diff <= half + 1e-9) return 'exact';
  if (diff <= Math.max(unit(s.decimals), 1) + 1e-9 && diff <= Math.max(0.1 * s.percent, 0.5)) return 'near';
  return 'far';
}

/**
 * Off by at most one unit of the percent's last digit, as a truncated percent is (41.3 printed for
 * 36/87 = 41.38): the tighter 'near' asked of a last-resort denominator.
 */
export function withinOneUnit(s: { count?: number; percent?: number; decimals: number }, n: number): boolean {
  if (n <= 0 || s.percent === undefined || (s.count !== undefined && s.count > n)) return false;
  const actual = s.count !== undefined ? share(s.count, n) : closest(s.percent, n);
  return Math.abs(actual - s.percent) <= unit(s.decimals) + 1e-9;
}

/** The fit fields of a share mention. */
export const fitFields = (count: NumberToken | undefined, percent: NumberToken | undefined) => ({
  ...(count ? { count: count.value } : {}),
  ...(percent ? { percent: percent.value } : {}),
  decimals: percent?.decimals ?? 0,
});
