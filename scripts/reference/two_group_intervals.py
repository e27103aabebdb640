"""Intervals for two groups, for rates, and presize's precision and sample size, in mpmath from
their definitions (independent of the library's formulas: constrained maximum likelihood by
maximizing the likelihood numerically, exact intervals by scanning and bisecting).

    python3 scripts/reference/two_group_intervals.py [seed] > test/fixtures/reference/two-group-intervals.json

- risk difference: Newcombe's hybrid score (method 10, Wilson without continuity correction);
  Miettinen-Nurminen score (variance times N/(N-1));
- risk ratio: Koopman (Pearson X^2 at the constrained MLE); Miettinen-Nurminen score;
- odds ratio: Miettinen-Nurminen score (X^2 times (N-1)/N, as PropCIs' orscoreci); Baptista-Pike
  (odds ratios where the conditional test by the minimum-likelihood rule, ties within 1e-7, does
  not reject: the first odds ratio from far out where its p-value reaches alpha);
- rates (epitools): exact (Garwood), Byar with x + 1/2 (pois.byar), Wald, score;
  rate ratio: conditional exact and mid-p (binomial split), Wald on the log scale;
- presize prec_prop: half-widths for wilson, agresti-coull, wald and exact (Clopper-Pearson at
  x = p n, not necessarily whole), and the n solving half-width = target.
"""
import json
import random
import sys

import mpmath as mp

from binomial_intervals import alpha_of, cp, midp, root, z_of
from mp_binomial import _log_beta_integral

mp.mp.dps = 60


def wilson(x, n, z):
    z2 = z * z
    c = (x + z2 / 2) / (n + z2)
    h = z * mp.sqrt(mp.mpf(x) * (n - x) / n + z2 / 4) / (n + z2)
    return (mp.mpf(0) if x == 0 else c - h, mp.mpf(1) if x == n else c + h)


def newcombe(x1, n1, x2, n2, level):
    z = z_of(level)
    p1, p2 = mp.mpf(x1) / n1, mp.mpf(x2) / n2
    l1, u1 = wilson(x1, n1, z)
    l2, u2 = wilson(x2, n2, z)
    d = p1 - p2
    return d - mp.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + mp.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def maximize(dl, lo, hi):
    """The root of a decreasing derivative on (lo, hi)."""
    eps = mp.mpf(10) ** -20
    a, b = lo + eps * (hi - lo), hi - eps * (hi - lo)
    if dl(a) <= 0:
        return a
    if dl(b) >= 0:
        return b
    return root(dl, a, b)


def loglik_terms(x, n, p):
    return (x / p if x else 0) - ((n - x) / (1 - p) if n - x else 0)


def cmle_difference(x1, n1, x2, n2, delta):
    # p1 = p2 + delta; maximize over p2
    lo = max(mp.mpf(0), -delta)
    hi = min(mp.mpf(1), 1 - delta)
    p2 = maximize(lambda q: loglik_terms(x1, n1, q + delta) + loglik_terms(x2, n2, q), lo, hi)
    return p2 + delta, p2


def cmle_ratio(x1, n1, x2, n2, phi):
    hi = min(mp.mpf(1), 1 / phi)
    p2 = maximize(lambda q: phi * loglik_terms(x1, n1, phi * q) + loglik_terms(x2, n2, q), mp.mpf(0), hi)
    return phi * p2, p2


def cmle_odds(x1, n1, x2, n2, theta):
    def p1_of(q):
        return theta * q / (1 + q * (theta - 1))

    def dl(q):
        p1 = p1_of(q)
        dp1 = theta / (1 + q * (theta - 1)) ** 2
        return dp1 * loglik_terms(x1, n1, p1) + loglik_terms(x2, n2, q)
    p2 = maximize(dl, mp.mpf(0), mp.mpf(1))
    return p1_of(p2), p2


def invert(stat, est, lo, hi, z2):
    f = lambda e: stat(e) - z2
    lower = lo if f(lo) <= 0 else root(f, lo, est)
    upper = hi if f(hi) <= 0 else root(f, est, hi)
    return lower, upper


def mn_difference(x1, n1, x2, n2, level):
    z2 = z_of(level) ** 2
    p1, p2 = mp.mpf(x1) / n1, mp.mpf(x2) / n2
    N = n1 + n2

    def stat(d):
        q1, q2 = cmle_difference(x1, n1, x2, n2, d)
        v = (q1 * (1 - q1) / n1 + q2 * (1 - q2) / n2) * N / (N - 1)
        return (p1 - p2 - d) ** 2 / v if v > 0 else mp.inf
    e = mp.mpf(10) ** -12
    return invert(stat, p1 - p2, -1 + e, 1 - e, z2)


def ratio_interval(x1, n1, x2, n2, level, mn):
    z2 = z_of(level) ** 2
    p1, p2 = mp.mpf(x1) / n1, mp.mpf(x2) / n2
    N = n1 + n2

    def stat(lphi):
        phi = mp.exp(lphi)
        q1, q2 = cmle_ratio(x1, n1, x2, n2, phi)
        if mn:
            v = (q1 * (1 - q1) / n1 + phi**2 * q2 * (1 - q2) / n2) * N / (N - 1)
            return (p1 - phi * p2) ** 2 / v
        # Koopman: Pearson's X^2 at the constrained MLE
        return (x1 - n1 * q1) ** 2 / (n1 * q1 * (1 - q1)) + (x2 - n2 * q2) ** 2 / (n2 * q2 * (1 - q2))
    est = mp.log(p1 / p2) if x1 and x2 else (mp.mpf(-20) if x1 == 0 else mp.mpf(20))
    lo, hi = invert(stat, est, mp.mpf(-30), mp.mpf(30), z2)
    return (mp.mpf(0) if x1 == 0 else mp.exp(lo)), (mp.inf if x2 == 0 else mp.exp(hi))


def mn_odds(x1, n1, x2, n2, level):
    z2 = z_of(level) ** 2
    N = n1 + n2

    def stat(lt):
        q1, q2 = cmle_odds(x1, n1, x2, n2, mp.exp(lt))
        return (x1 - n1 * q1) ** 2 * (1 / (n1 * q1 * (1 - q1)) + 1 / (n2 * q2 * (1 - q2))) * (N - 1) / N
    zero_low = x1 == 0 or x2 == n2
    inf_high = x1 == n1 or x2 == 0
    est = mp.mpf(-20) if zero_low else mp.mpf(20) if inf_high else mp.log(mp.mpf(x1) * (n2 - x2) / ((n1 - x1) * x2))
    lo, hi = invert(stat, est, mp.mpf(-30), mp.mpf(30), z2)
    return (mp.mpf(0) if zero_low else mp.exp(lo)), (mp.inf if inf_high else mp.exp(hi))


def minlike_p(a, m, n, k, psi):
    lo, hi = max(0, k - n), min(k, m)
    lw = [mp.log(mp.binomial(m, x)) + mp.log(mp.binomial(n, k - x)) + x * mp.log(psi) for x in range(lo, hi + 1)]
    mx = max(lw)
    w = [mp.exp(v - mx) for v in lw]
    tot = sum(w)
    lim = lw[a - lo] + mp.log1p(mp.mpf('1e-7'))
    return sum(wi for wi, v in zip(w, lw) if v <= lim) / tot


def bp_lower(a, b, c, d, alpha):
    m, n, k = a + b, c + d, a + c
    if a == max(0, k - n):
        return mp.mpf(0)
    # scan log odds ratio up from where the test rejects, then bisect the first crossing
    t = mp.mpf(-30)
    step = mp.mpf('0.01')
    while minlike_p(a, m, n, k, mp.exp(t)) > alpha:
        t -= 10
    prev = t
    while True:
        t = prev + step
        if minlike_p(a, m, n, k, mp.exp(t)) > alpha:
            lo, hi = prev, t
            for _ in range(110):
                mid = (lo + hi) / 2
                if minlike_p(a, m, n, k, mp.exp(mid)) > alpha:
                    hi = mid
                else:
                    lo = mid
            return mp.exp((lo + hi) / 2)
        prev = t


def baptista_pike(x1, n1, x2, n2, level):
    alpha = alpha_of(level)
    a, b, c, d = x1, n1 - x1, x2, n2 - x2
    lower = bp_lower(a, b, c, d, alpha)
    hi_a = min(a + c, a + b)
    upper = mp.inf if a == hi_a else 1 / bp_lower(b, a, d, c, alpha)
    return lower, upper


def rate(x, t, method, level):
    alpha = alpha_of(level)
    z = z_of(level)
    x = mp.mpf(x)
    if method == 'exact':
        lo = mp.mpf(0) if x == 0 else root(lambda mu: mp.gammainc(x, 0, mu, regularized=True) - alpha / 2, mp.mpf(0), x)
        hi = root(lambda mu: mp.gammainc(x + 1, mu, mp.inf, regularized=True) - alpha / 2, x, 2 * x + 50)
    elif method == 'byar':
        ap = x + mp.mpf(1) / 2
        s = z / 3 * mp.sqrt(1 / ap)
        lo = max(mp.mpf(0), ap * (1 - 1 / (9 * ap) - s) ** 3) if x > 0 else mp.mpf(0)
        hi = ap * (1 - 1 / (9 * ap) + s) ** 3
    elif method == 'wald':
        lo = max(mp.mpf(0), x - z * mp.sqrt(x))
        hi = x + z * mp.sqrt(x)
    else:
        r = z * mp.sqrt(x + z * z / 4)
        lo = mp.mpf(0) if x == 0 else x + z * z / 2 - r
        hi = x + z * z / 2 + r
    return lo / t, hi / t


def rate_ratio(x1, t1, x2, t2, method, level):
    scale = mp.mpf(t2) / t1
    if method == 'wald':
        est = (mp.mpf(x1) / t1) / (mp.mpf(x2) / t2)
        se = mp.sqrt(mp.mpf(1) / x1 + mp.mpf(1) / x2)
        z = z_of(level)
        return est * mp.exp(-z * se), est * mp.exp(z * se)
    lo, hi = (cp if method == 'exact' else midp)(x1, x1 + x2, level)
    f = lambda p: mp.inf if p == 1 else p / (1 - p) * scale
    return f(lo), f(hi)


def beta_quantile(prob, a, b, upper):
    """x with P(Beta(a, b) <= x) = prob (or >= x for upper), from the beta integral."""
    a, b = mp.mpf(a), mp.mpf(b)
    mean = a / (a + b)

    def lower_tail(u):
        return _log_beta_integral(a, b, u, 'left') if u < mean else mp.log(-mp.expm1(_log_beta_integral(b, a, 1 - u, 'left')))

    def upper_tail(u):
        return _log_beta_integral(b, a, 1 - u, 'left') if u > mean else mp.log(-mp.expm1(_log_beta_integral(a, b, u, 'left')))
    lp = mp.log(prob)
    e = mp.mpf(10) ** -30
    if upper:
        return root(lambda u: upper_tail(u) - lp, e, 1 - e)
    return root(lambda u: lower_tail(u) - lp, e, 1 - e)


def presize_half(p, n, method, level):
    a2 = alpha_of(level) / 2
    z = z_of(level)
    z2 = z * z
    p = mp.mpf(p)
    n = mp.mpf(n)
    if method == 'wald':
        return z * mp.sqrt(p * (1 - p) / n)
    if method == 'wilson':
        return z * mp.sqrt(n) / (n + z2) * mp.sqrt(p * (1 - p) + z2 / (4 * n))
    if method == 'agresti-coull':
        nt = n + z2
        c = (p * n + z2 / 2) / nt
        return z * mp.sqrt(c * (1 - c) / nt)
    x = p * n
    lo = mp.mpf(0) if x == 0 else beta_quantile(a2, x, n - x + 1, False)
    hi = mp.mpf(1) if x == n else beta_quantile(a2, x + 1, n - x, True)
    return (hi - lo) / 2


def presize_n(p, half, method, level):
    if method == 'wald':
        z = z_of(level)
        return mp.mpf(p) * (1 - mp.mpf(p)) / (mp.mpf(half) / z) ** 2
    f = lambda n: presize_half(p, n, method, level) - half
    lo, hi = mp.mpf(1), mp.mpf(2)
    while f(hi) > 0:
        lo, hi = hi, hi * 2
    return root(f, lo, hi)


def num(v):
    v = float(v)
    return 'Inf' if v == float('inf') else v


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20240618
    rng = random.Random(seed)
    levels = [0.9, 0.95, 0.99]
    two = []
    base = [(2231, 2324, 1275, 1341), (3, 10, 1, 10), (0, 20, 5, 20), (15, 20, 0, 20), (7, 30, 12, 31)]
    for _ in range(24):
        n1, n2 = rng.randint(5, 300), rng.randint(5, 300)
        base.append((rng.randint(0, n1), n1, rng.randint(0, n2), n2))
    for (x1, n1, x2, n2) in base:
        level = rng.choice(levels)
        if (x1, x2) in ((0, 0), (n1, n2)):
            continue
        row = {'x1': x1, 'n1': n1, 'x2': x2, 'n2': n2, 'level': level}
        row['rd-newcombe'] = [num(v) for v in newcombe(x1, n1, x2, n2, level)]
        row['rd-miettinen-nurminen'] = [num(v) for v in mn_difference(x1, n1, x2, n2, level)]
        row['rr-koopman'] = [num(v) for v in ratio_interval(x1, n1, x2, n2, level, False)]
        row['rr-miettinen-nurminen'] = [num(v) for v in ratio_interval(x1, n1, x2, n2, level, True)]
        row['or-miettinen-nurminen'] = [num(v) for v in mn_odds(x1, n1, x2, n2, level)]
        if n1 + n2 <= 150:
            row['or-baptista-pike'] = [num(v) for v in baptista_pike(x1, n1, x2, n2, level)]
        two.append(row)
    rates = []
    for _ in range(30):
        x = rng.choice([0, 1, 2, 3, 5, 12, 40, 100, 1000, 12345])
        t = 10 ** rng.uniform(0, 5)
        level = rng.choice(levels)
        for m in ('exact', 'byar', 'wald', 'score'):
            lo, hi = rate(x, t, m, level)
            rates.append({'events': x, 'exposure': t, 'method': m, 'level': level, 'lower': num(lo), 'upper': num(hi)})
    ratios = []
    for _ in range(20):
        x1, x2 = rng.randint(1, 60), rng.randint(1, 60)
        t1, t2 = 10 ** rng.uniform(1, 4), 10 ** rng.uniform(1, 4)
        level = rng.choice(levels)
        for m in ('wald', 'exact', 'mid-p'):
            lo, hi = rate_ratio(x1, t1, x2, t2, m, level)
            ratios.append({'events1': x1, 'exposure1': t1, 'events2': x2, 'exposure2': t2, 'method': m, 'level': level, 'lower': num(lo), 'upper': num(hi)})
    presize = []
    for _ in range(16):
        p = rng.choice([0.05, 0.15, 0.3, 0.5, 0.8, round(rng.uniform(0.01, 0.99), 3)])
        n = rng.choice([10, 50, 200, 1000, 12345])
        level = rng.choice(levels)
        half = rng.choice([0.02, 0.05, 0.1])
        for m in ('wilson', 'agresti-coull', 'clopper-pearson', 'wald'):
            presize.append({'proportion': p, 'n': n, 'level': level, 'method': m,
                            'halfWidth': float(presize_half(p, n, m, level)),
                            'targetHalfWidth': half, 'exactN': float(presize_n(p, half, m, level))})
    json.dump({
        'source': 'scripts/reference/two_group_intervals.py (mpmath %s, seed %d): definitions in its docstring' % (mp.__version__, seed),
        'two_groups': two, 'rates': rates, 'rate_ratios': ratios, 'presize': presize,
    }, sys.stdout, indent=0, default=lambda v: float(v))
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
