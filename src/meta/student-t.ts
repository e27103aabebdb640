// Student's t through the incomplete beta function: with Y = T²/(df + T²) ~ Beta(1/2, df/2),
// P(|T| > t) = P(Y > t²/(df + t²)). Whichever of Y and 1 − Y is the smaller is solved for, so
// neither the quantile of a tiny tail nor that of a huge df loses digits to 1 − y.
import betainc from '@stdlib/math-base-special-betainc';
import { betaQuantile } from '../special/beta.js';

/** t with P(T > t) = tail for T ~ t(df), 0 < tail < 1/2 (R's qt(tail, df, lower.tail = FALSE)). */
export function tUpperQuantile(tail: number, df: number): number {
  const twoSided = 2 * tail;
  const y = betaQuantile(twoSided, 0.5, df / 2, true);
  if (y <= 0.5) return Math.sqrt((df * y) / (1 - y));
  const x = betaQuantile(twoSided, df / 2, 0.5, false); // x = 1 − y, solved directly
  return Math.sqrt((df * (1 - x)) / x);
}

/** P(T > t) for T ~ t(df), computed directly for either sign of t. */
export function tUpperTail(t: number, df: number): number {
  if (t === 0) return 0.5;
  const t2 = t * t;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2), or the upper tail of I_{t²/(df+t²)}(1/2, df/2)
  const both = t2 < df ? betainc(t2 / (df + t2), 0.5, df / 2, true, true) : betainc(df / (df + t2), df / 2, 0.5, true, false);
  return t > 0 ? both / 2 : 1 - both / 2;
}
