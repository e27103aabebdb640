"""Binomial tests and interval bounds in mpmath, from their definitions.

    python3 scripts/reference/binomial_intervals.py [seed] > test/fixtures/reference/binomial-intervals.json

- binom.test (R): two-sided by the 'minlike' rule, densities within a relative 1e-7 count as ties;
- Clopper-Pearson, mid-p, Jeffreys (equal-tailed Beta(x+1/2, n-x+1/2), 0 at x = 0, 1 at x = n);
- likelihood ratio (binom's 'lrt': deviance <= z^2), logit / probit / cloglog (binom's formulas and
  its edge convention), Blaker (2000): the first p from the Clopper-Pearson bound towards x/n
  whose acceptability P(min(F(X), S(X)) <= min(F(x), S(x)) (1 + 1e-7)) reaches alpha, found here
  by scanning a grid and bisecting, with the acceptability summed term by term.
Roots are solved at 40+ digits; values are rounded once to doubles.
"""
import json
import random
import sys

import mpmath as mp

from mp_binomial import log_density, log_tail, _log_beta_integral

mp.mp.dps = 40


def alpha_of(level):
    return mp.mpf(repr(1 - level)) if False else mp.mpf(str(round(1 - level, 15)))


def root(f, a, b):
    """Root of a monotone f on [a, b]: bisection until both ends are finite and close, then the
    Illinois variant of regula falsi to 36 digits."""
    a, b = mp.mpf(a), mp.mpf(b)
    fa, fb = f(a), f(b)
    for _ in range(400):
        if mp.isfinite(fa) and mp.isfinite(fb) and (b - a) < abs(b) * mp.mpf('1e-3'):
            break
        m = (a + b) / 2
        fm = f(m)
        if (fm < 0) == (fa < 0):
            a, fa = m, fm
        else:
            b, fb = m, fm
    side = 0
    for _ in range(200):
        if b - a <= abs(b) * mp.mpf(10) ** (-36) or fa == fb:
            break
        c = (a * fb - b * fa) / (fb - fa)
        fc = f(c)
        if fc == 0:
            return c
        if (fc < 0) == (fb < 0):
            b, fb = c, fc
            if side == -1:
                fa /= 2
            side = -1
        else:
            a, fa = c, fc
            if side == 1:
                fb /= 2
            side = 1
    return (a + b) / 2


def lt(k, n, p, upper):
    return log_tail(k, n, p, upper)[0]


def cp(x, n, level):
    a = alpha_of(level) / 2
    la = mp.log(a)
    lo = mp.mpf(0) if x == 0 else root(lambda p: lt(x, n, p, True) - la, mp.mpf(0), mp.mpf(x) / n)
    hi = mp.mpf(1) if x == n else root(lambda p: lt(x, n, p, False) - la, mp.mpf(x) / n, mp.mpf(1))
    return lo, hi


def midp(x, n, level):
    a = alpha_of(level) / 2

    def f(p, upper):
        t = mp.exp(lt(x + 1, n, p, True)) if upper else mp.exp(lt(x - 1, n, p, False))
        return t + mp.exp(log_density(x, n, p)) / 2 - a
    lo = mp.mpf(0) if x == 0 else root(lambda p: f(p, True), mp.mpf(0), mp.mpf(x) / n)
    hi = mp.mpf(1) if x == n else root(lambda p: f(p, False), mp.mpf(x) / n, mp.mpf(1))
    return lo, hi


def jeffreys(x, n, level):
    a = alpha_of(level) / 2
    A = mp.mpf(x) + mp.mpf(1) / 2
    B = mp.mpf(n - x) + mp.mpf(1) / 2
    mean = A / (A + B)

    def lower_tail(u):  # log P(Beta <= u)
        if u >= 1:
            return mp.mpf(0)
        return _log_beta_integral(A, B, u, 'left') if u < mean else mp.log(-mp.expm1(_log_beta_integral(B, A, 1 - u, 'left')))

    def upper_tail(u):
        if u <= 0:
            return mp.mpf(0)
        return _log_beta_integral(B, A, 1 - u, 'left') if u > mean else mp.log(-mp.expm1(_log_beta_integral(A, B, u, 'left')))
    la = mp.log(a)
    lo = mp.mpf(0) if x == 0 else root(lambda u: lower_tail(u) - la, mp.mpf(10) ** (-300), mp.mpf(x) / n)
    hi = mp.mpf(1) if x == n else root(lambda u: upper_tail(u) - la, max(mp.mpf(x) / n, mp.mpf(10) ** (-300)), 1 - mp.mpf(10) ** (-30))
    return lo, hi


def z_of(level):
    return mp.sqrt(2) * mp.erfinv(1 - alpha_of(level))


def lrt(x, n, level):
    z2 = z_of(level) ** 2
    ph = mp.mpf(x) / n

    def dev(p):
        s = mp.mpf(0)
        if x > 0:
            s += x * mp.log(ph / p)
        if x < n:
            s += (n - x) * mp.log((1 - ph) / (1 - p))
        return 2 * s - z2
    lo = mp.mpf(0) if x == 0 else root(dev, mp.mpf(10) ** (-300), ph)
    hi = mp.mpf(1) if x == n else root(dev, ph, 1 - mp.mpf(10) ** (-40))
    return lo, hi


def link(method, x, n, level):
    a2 = alpha_of(level) / 2
    z = z_of(level)
    if x == 0:
        return mp.mpf(0), 1 - a2 ** (mp.mpf(1) / n)
    if x == n:
        return a2 ** (mp.mpf(1) / n), mp.mpf(1)
    p = mp.mpf(x) / n
    if method == 'logit':
        eta = mp.log(p / (1 - p))
        sd = mp.sqrt(1 / (n * p * (1 - p)))
        ex = lambda t: 1 / (1 + mp.exp(-t))
        return ex(eta - z * sd), ex(eta + z * sd)
    if method == 'probit':
        eta = -mp.sqrt(2) * mp.erfinv(1 - 2 * p)
        dens = mp.exp(-eta * eta / 2) / mp.sqrt(2 * mp.pi)
        sd = mp.sqrt(p * (1 - p) / n) / dens
        Phi = lambda t: mp.ncdf(t)
        return Phi(eta - z * sd), Phi(eta + z * sd)
    mu = mp.log(-mp.log(p))
    sd = mp.sqrt((1 - p) / (n * p * mp.log(p) ** 2))
    return mp.exp(-mp.exp(mu + z * sd)), mp.exp(-mp.exp(mu - z * sd))


def acceptability(x, n, p):
    """Blaker's acceptability at p, summed over the whole support."""
    p = mp.mpf(p)
    q = 1 - p
    f = [mp.binomial(n, i) * p**i * q ** (n - i) for i in range(n + 1)]
    F = []
    s = mp.mpf(0)
    for v in f:
        s += v
        F.append(s)
    S = [mp.mpf(0)] * (n + 1)
    s = mp.mpf(0)
    for i in range(n, -1, -1):
        s += f[i]
        S[i] = s
    g = [min(F[i], S[i]) for i in range(n + 1)]
    lim = g[x] * (1 + mp.mpf('1e-7'))
    return sum(f[i] for i in range(n + 1) if g[i] <= lim)


def blaker(x, n, level):
    a = alpha_of(level)
    c_lo, c_hi = cp(x, n, level)
    ph = mp.mpf(x) / n

    def first(start, end):
        # first p from start towards end with acceptability >= alpha
        steps = 400
        prev = start
        for j in range(1, steps + 1):
            p = start + (end - start) * j / steps
            if acceptability(x, n, p) >= a:
                lo, hi = prev, p
                for _ in range(120):
                    m = (lo + hi) / 2
                    if acceptability(x, n, m) >= a:
                        hi = m
                    else:
                        lo = m
                return (lo + hi) / 2
            prev = p
        return end
    lo = mp.mpf(0) if x == 0 else first(c_lo, ph)
    hi = mp.mpf(1) if x == n else first(c_hi, ph)
    return lo, hi


def binom_test_two_sided(x, n, p):
    """log p-value of R's binom.test, two-sided (minlike with relErr 1 + 1e-7)."""
    p = mp.mpf(p)
    m = n * p
    d = log_density(x, n, p) + mp.log1p(mp.mpf('1e-7'))
    if x == m:
        return mp.mpf(0)
    if x < m:
        lo, hi = int(mp.ceil(m)), n + 1  # first i >= ceil(m) with density <= d
        while lo < hi:
            mid = (lo + hi) // 2
            if log_density(mid, n, p) <= d:
                hi = mid
            else:
                lo = mid + 1
        parts = [lt(x, n, p, False)] + ([lt(lo, n, p, True)] if lo <= n else [])
    else:
        lo, hi = 0, int(mp.floor(m)) + 1  # first i in [0, floor(m)] with density > d
        while lo < hi:
            mid = (lo + hi) // 2
            if log_density(mid, n, p) > d:
                hi = mid
            else:
                lo = mid + 1
        parts = [lt(x, n, p, True)] + ([lt(lo - 1, n, p, False)] if lo >= 1 else [])
    v = mp.log(sum(mp.exp(t) for t in parts))
    return min(v, mp.mpf(0))


def num(v):
    return float(v)


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20240615
    rng = random.Random(seed)
    levels = [0.8, 0.9, 0.95, 0.99, 0.999]
    tests = []
    # reported losses and the bottom of the range
    for (x, n, p, alt) in [(2, 10**9, 3e-9, 'less'), (10, 439, 0.824291, 'less'), (10, 439, 0.823, 'two-sided')]:
        lp = binom_test_two_sided(x, n, p) if alt == 'two-sided' else lt(x, n, p, alt == 'greater')
        tests.append({'x': x, 'n': n, 'p': p, 'alternative': alt, 'log': mp.nstr(lp, 25), 'value': num(mp.exp(lp))})
    for _ in range(60):
        if rng.random() < 0.5:
            n = int(10 ** rng.uniform(6, 15.95))
            x = int(10 ** rng.uniform(0, 2.3))
            p = 10 ** rng.uniform(-1.5, 1.5) * max(x, 1) / n
        else:
            n = int(10 ** rng.uniform(2, 5))
            p = rng.uniform(0.05, 0.95)
            sd = (n * p * (1 - p)) ** 0.5
            x = int(round(n * p + rng.choice([-1, 1]) * rng.uniform(0, 60) * sd))
            x = min(max(x, 0), n)
        alt = rng.choice(['two-sided', 'two-sided', 'less', 'greater'])
        lp = binom_test_two_sided(x, n, p) if alt == 'two-sided' else lt(x, n, p, alt == 'greater')
        tests.append({'x': x, 'n': n, 'p': p, 'alternative': alt, 'log': mp.nstr(lp, 25), 'value': num(mp.exp(lp)) if lp > -745 else 0.0})
    intervals = []

    def add(method, x, n, level, fn):
        lo, hi = fn(x, n, level)
        intervals.append({'method': method, 'x': x, 'n': n, 'level': level, 'lower': num(lo), 'upper': num(hi)})
    add('clopper-pearson', 1, 10**7, 0.9, cp)
    add('mid-p', 3, 10**7, 0.95, midp)
    for i in range(50):
        # mostly small x (any n), some anywhere in moderate n, a few anywhere in huge n
        kind = 'small' if i < 34 else 'moderate' if i < 46 else 'huge'
        n = int(10 ** rng.uniform(0.5, 15.95)) if kind != 'moderate' else int(10 ** rng.uniform(1, 4))
        x = min(n, int(10 ** rng.uniform(0, 2.3)) - 1) if kind == 'small' else rng.randint(0, n)
        level = rng.choice(levels)
        add('clopper-pearson', x, n, level, cp)
        add('mid-p', x, n, level, midp)
        add('likelihood-ratio', x, n, level, lrt)
        for m in ('logit', 'probit', 'cloglog'):
            add(m, x, n, level, lambda a, b, c, m=m: link(m, a, b, c))
    for _ in range(25):
        n = int(10 ** rng.uniform(0.5, 9)) if rng.random() < 0.7 else int(10 ** rng.uniform(1, 4))
        x = min(n, int(10 ** rng.uniform(0, 2)) - 1) if rng.random() < 0.7 else rng.randint(0, n)
        add('jeffreys', x, n, rng.choice(levels), jeffreys)
    for _ in range(30):
        n = rng.randint(1, 120) if rng.random() < 0.8 else rng.randint(121, 400)
        x = rng.randint(0, n)
        add('blaker', x, n, rng.choice(levels), blaker)
    json.dump({
        'source': 'scripts/reference/binomial_intervals.py (mpmath %s, seed %d): definitions in its docstring' % (mp.__version__, seed),
        'binomial_test': tests,
        'intervals': intervals,
    }, sys.stdout, indent=0)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
