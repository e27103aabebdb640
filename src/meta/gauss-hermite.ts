/** Nodes and weights of Gauss–Hermite quadrature for the standard normal: Σ w f(z) ≈ E f(Z). */
export interface QuadratureRule {
  nodes: readonly number[];
  weights: readonly number[];
}

const cache = new Map<number, QuadratureRule>();

/**
 * The n-point rule, from the roots of the physicists' Hermite polynomial H_n by Newton's method
 * (Golub–Welsch would need an eigen solver for the same numbers), rescaled to the normal density.
 */
export function gaussHermite(n: number): QuadratureRule {
  const hit = cache.get(n);
  if (hit) return hit;
  const x = new Array<number>(n).fill(0);
  const w = new Array<number>(n).fill(0);
  const m = Math.floor((n + 1) / 2);
  let z = 0;
  for (let i = 0; i < m; i++) {
    // starting guesses of Numerical Recipes' gauher
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0]!;
    else if (i === 3) z = 1.91 * z - 0.91 * x[1]!;
    else z = 2 * z - x[i - 2]!;
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      // orthonormal recurrence for H_n / sqrt(2^n n! sqrt(pi))
      let p1 = Math.PI ** -0.25;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const step = p1 / pp;
      z -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[n - 1 - i] = w[i]!;
  }
  if (n % 2 === 1) x[(n - 1) / 2] = 0;
  // physicists' (weight e^{-x²}) to probabilists' (standard normal) form; the weights are
  // normalised to sum to 1, which removes the last-bit error the recurrence leaves in them
  const total = w.reduce((a, b) => a + b, 0);
  const rule = {
    nodes: Object.freeze(x.map((v) => v * Math.SQRT2).reverse()),
    weights: Object.freeze(w.map((v) => v / total).reverse()),
  };
  cache.set(n, rule);
  return rule;
}
