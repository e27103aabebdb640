// Upper tails of the F and Student t distributions through the regularized incomplete beta
// function, computed directly (never 1 − cdf), so small p-values keep their relative accuracy.
import betainc from '@stdlib/math-base-special-betainc';

/** P(F > f) for F ~ F(d1, d2): I_{d2/(d2 + d1·f)}(d2/2, d1/2). */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  if (f === Infinity) return 0;
  const x = d2 / (d2 + d1 * f);
  // near x = 1 the complement loses digits: use the upper tail of the mirrored argument
  return x > 0.5 ? betainc((d1 * f) / (d2 + d1 * f), d1 / 2, d2 / 2, true, true) : betainc(x, d2 / 2, d1 / 2, true, false);
}

/** P(|T| > |t|) for T ~ t(df): the two-sided p-value of a t statistic. */
export function studentTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? NaN : 0;
  return fUpperTail(t * t, 1, df);
}
