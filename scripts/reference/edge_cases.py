"""G statistics near equality, trend tests near p-hat 0 or 1, and Fisher tests on large 2x2
tables, in mpmath from their definitions.

    python3 scripts/reference/edge_cases.py [seed] > test/fixtures/reference/edge-cases.json

- G = 2 sum O log(O/E), E = N w / sum(w) (the weights as given, exact binary values);
- prop.trend.test: X^2 = T^2 / V, T = sum (x_i - n_i X/N) s_i, V = p(1-p) sum n_i (s_i - sbar)^2;
- Fisher 2x2 (R's fisher.test): hypergeometric tails, two-sided by the minlike rule (ties within
  a relative 1e-7), summed from the mode outwards at 40 digits.
"""
import json
import random
import sys

import mpmath as mp

mp.mp.dps = 50


def g_stat(obs, w):
    n = sum(obs)
    sw = sum(mp.mpf(x) for x in w)
    g = mp.mpf(0)
    for o, wi in zip(obs, w):
        e = n * mp.mpf(wi) / sw
        if o > 0:
            g += o * mp.log(o / e)
    return 2 * g


def g_independence(table):
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table)]
    n = sum(rows)
    g = mp.mpf(0)
    for i, r in enumerate(table):
        for j, o in enumerate(r):
            if o > 0:
                g += o * mp.log(mp.mpf(o) * n / (rows[i] * cols[j]))
    return 2 * g


def trend(x, n, s):
    N = sum(n)
    X = sum(x)
    p = mp.mpf(X) / N
    s = [mp.mpf(v) for v in s]
    sbar = sum(ni * si for ni, si in zip(n, s)) / N
    T = sum((xi - ni * p) * si for xi, ni, si in zip(x, n, s))
    V = p * (1 - p) * sum(ni * (si - sbar) ** 2 for ni, si in zip(n, s))
    return T * T / V


def log_dhyper(x, m, n, k):
    return mp.log(mp.binomial(m, x)) + mp.log(mp.binomial(n, k - x)) - mp.log(mp.binomial(m + n, k))


def fisher(a, b, c, d):
    m, n, k = a + b, c + d, a + c
    lo, hi = max(0, k - n), min(k, m)
    mode = int(mp.floor((k + 1) * mp.mpf(m + 1) / (m + n + 2)))
    mode = min(max(mode, lo), hi)

    def tail(start, step):
        lead = log_dhyper(start, m, n, k)
        s = mp.mpf(1)
        t = mp.mpf(1)
        x = start
        while lo <= x + step <= hi:
            if step == 1:
                t *= mp.mpf(m - x) * (k - x) / ((x + 1) * (n - k + x + 1))
            else:
                t *= mp.mpf(x) * (n - k + x) / ((m - x + 1) * (k - x + 1))
            x += step
            s += t
            if t < s * mp.mpf(10) ** -45:
                break
        return lead + mp.log(s)

    def lower(x):  # log P(X <= x)
        if x >= hi:
            return mp.mpf(0)
        if x < lo:
            return mp.mpf('-inf')
        if x < mode:
            return tail(x, -1)
        return mp.log(-mp.expm1(tail(x + 1, 1)))

    def upper(x):
        if x <= lo:
            return mp.mpf(0)
        if x > hi:
            return mp.mpf('-inf')
        if x > mode:
            return tail(x, 1)
        return mp.log(-mp.expm1(tail(x - 1, -1)))
    # two-sided: the mode of the central hypergeometric is the argmax of the density
    d = log_dhyper(a, m, n, k) + mp.log1p(mp.mpf('1e-7'))
    md = mode
    while md < hi and log_dhyper(md + 1, m, n, k) > log_dhyper(md, m, n, k):
        md += 1
    while md > lo and log_dhyper(md - 1, m, n, k) > log_dhyper(md, m, n, k):
        md -= 1
    if a == md:
        two = mp.mpf(0)
    elif a < md:
        L, H = md, hi + 1
        while L < H:
            mid = (L + H) // 2
            if log_dhyper(mid, m, n, k) <= d:
                H = mid
            else:
                L = mid + 1
        two = mp.log(mp.exp(lower(a)) + (mp.exp(upper(L)) if L <= hi else 0))
    else:
        L, H = lo - 1, md
        while L < H:
            mid = (L + H + 1) // 2
            if log_dhyper(mid, m, n, k) <= d:
                L = mid
            else:
                H = mid - 1
        two = mp.log(mp.exp(upper(a)) + (mp.exp(lower(L)) if L >= lo else 0))
    return {'less': lower(a), 'greater': upper(a), 'two-sided': min(two, mp.mpf(0))}


def s(v):
    return mp.nstr(v, 25)


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20240616
    rng = random.Random(seed)
    gcases = [([1000000, 1000010], [1, 1]), ([2324, 1341, 501, 112], [0.8, 0.07, 0.07, 0.06])]
    for _ in range(40):
        k = rng.randint(2, 6)
        base = [int(10 ** rng.uniform(1, 9)) for _ in range(k)]
        obs = [b + rng.randint(-3, 3) for b in base]
        obs = [max(o, 0) for o in obs]
        gcases.append((obs, base))
    g_out = [{'observed': o, 'expected': w, 'statistic': s(g_stat(o, w))} for o, w in gcases]
    icases = [[[1000000, 1000010], [1000010, 1000000]]]
    for _ in range(15):
        r, c = rng.randint(2, 4), rng.randint(2, 4)
        rowp = [rng.uniform(0.2, 1) for _ in range(r)]
        colp = [rng.uniform(0.2, 1) for _ in range(c)]
        scale = 10 ** rng.uniform(3, 8)
        icases.append([[max(1, int(scale * a * b) + rng.randint(-2, 2)) for b in colp] for a in rowp])
    i_out = [{'table': t, 'statistic': s(g_independence(t))} for t in icases]
    tcases = [([10, 52895, 24, 5783, 417, 46], [11, 52895, 24, 5783, 417, 46], [-4.483, 2.997, 3.269, -1.077, 0.034, -1.658]),
              ([83, 90, 129, 70], [86, 93, 136, 82], [1, 2, 3, 4]),
              ([5, 7, 9], [1000, 1000, 1000], [2021, 2022, 2023])]
    for _ in range(40):
        k = rng.randint(2, 7)
        n = [int(10 ** rng.uniform(0.5, 6)) for _ in range(k)]
        near_one = rng.random() < 0.5
        x = []
        for ni in n:
            miss = min(ni, int(rng.expovariate(1.0)))
            x.append(ni - miss if near_one else miss)
        if sum(x) in (0, sum(n)):
            x[0] = 1 if not near_one else n[0] - 1
            if n[0] == 1:
                continue
        sc = [round(rng.uniform(-5, 5), 3) for _ in range(k)] if rng.random() < 0.5 else [2000 + i for i in range(k)]
        if len(set(sc)) == 1:
            continue
        tcases.append((x, n, sc))
    t_out = [{'successes': x, 'trials': n, 'scores': sc, 'statistic': s(trend(x, n, sc))} for x, n, sc in tcases]
    fcases = [(100000, 100000, 100000, 100000), (100000, 99000, 101000, 100000), (3000, 12000, 2500, 12500), (10, 100000, 40, 100000)]
    f_out = []
    for t in fcases:
        r = fisher(*t)
        f_out.append({'table': [[t[0], t[1]], [t[2], t[3]]], 'log': {k: s(v) for k, v in r.items()}})
    json.dump({
        'source': 'scripts/reference/edge_cases.py (mpmath %s, seed %d)' % (mp.__version__, seed),
        'g_test': g_out, 'g_independence': i_out, 'trend': t_out, 'fisher_2x2_large': f_out,
    }, sys.stdout, indent=0)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
