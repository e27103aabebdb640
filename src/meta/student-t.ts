// Student's t through the incomplete beta function: with Y = T²/(df + T²) ~ Beta(1/2, df/2),
// P(|T| > t) = P(Y > t²/(df + t²)). Whichever of Y and 1 − Y is the smaller is solved for, so
// neither the quantile of a tiny tail nor that of a huge df loses digits to 1 − y.
import { betaQuantile } from '../special/beta.js';

/** t with P(T > t) = tail for T ~ t(df), 0 < tail < 1/2 (R's qt(tail, df, lower.tail = FALSE)). */
export function tUpperQuantile(tail: number, df: number): number {
  const twoSided = 2 * tail;
  const y = betaQuantile(twoSided, 0.5, df / 2, true);
  if (y <= 0.5) return Math.sqrt((df * y) / (1 - y));
  const x = betaQuantile(twoSided, df / 2, 0.5, false); // x = 1 − y, solved directly
  return Math.sqrt((df * (1 - x)) / x);
}
