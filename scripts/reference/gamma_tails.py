"""Seeded sweep of the regularized incomplete gamma functions against mpmath.

    python3 scripts/reference/gamma_tails.py [seed] > test/fixtures/reference/gamma-tails.json

log Q(a, x) (upper) or log P(a, x) on the short side (x above or below the mean a) by tanh-sinh
integration of t^(a-1) e^(-t) / Gamma(a) on pieces widening away from x, at 40+ digits; the long
side as the complement. a from 0.5 to 10^12 (half-integers are chi-square tails), x within 40
standard deviations of a and far out in the tails.
"""
import json
import random
import sys

import mpmath as mp


def log_short(a, x, upper):
    with mp.workdps(60 + len(str(int(a)))):
        a = mp.mpf(a)
        x = mp.mpf(x)
        lg = mp.loggamma(a)

        def g(t):
            return (a - 1) * mp.log(t) - t - lg
        gx = g(x)
        d1 = (a - 1) / x - 1
        d2 = abs(a - 1) / x**2
        scale = 1 / (abs(d1) + mp.sqrt(d2) + mp.mpf('1e-30'))
        pts = [x]
        w = scale / 4
        for _ in range(4000):
            nxt = x + w if upper else x - w
            if nxt <= 0:
                pts.append(mp.mpf(0))
                break
            pts.append(nxt)
            if g(nxt) - gx < -160:
                break
            w *= 2
        if not upper:
            pts.reverse()
        return gx + mp.log(mp.quad(lambda t: mp.exp(g(t) - gx), pts))


def log_tail(a, x, upper):
    short_upper = x > a
    s = log_short(a, x, short_upper)
    return s if short_upper == upper else mp.log(-mp.expm1(s))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20240617
    rng = random.Random(seed)
    out = []
    for _ in range(300):
        a = 10 ** rng.uniform(-0.3, 12)
        if rng.random() < 0.4:
            a = max(0.5, round(2 * a) / 2)
        z = rng.uniform(-40, 40) if rng.random() < 0.4 else rng.uniform(-5, 5)
        x = a + z * a**0.5
        if x <= 0:
            x = a * rng.uniform(1e-6, 0.9)
        upper = rng.random() < 0.5
        lt = log_tail(a, x, upper)
        out.append({'a': a, 'x': x, 'tail': 'upper' if upper else 'lower', 'log': mp.nstr(lt, 25), 'value': float(mp.exp(lt)) if lt > -745 else 0.0})
    json.dump({'source': 'scripts/reference/gamma_tails.py (mpmath %s, seed %d)' % (mp.__version__, seed), 'cases': out}, sys.stdout, indent=0)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
