"""Seeded sweep of binomial tails against mpmath (see mp_binomial.py for the method).

    python3 scripts/reference/binomial_tails.py [seed] > test/fixtures/reference/binomial-tails.json

Regions: small x with n up to 2^53 - 1; tails near and below the bottom of the double range;
anywhere within 40 standard deviations of the mean for n up to 2^53 - 1; the points where the
library switches algorithm (min(a, b) = 100, lambda = 0.03 min(a, b)). Every value is the
correctly rounded double of the mpmath result (log given as a string with 25 digits).
"""
import json
import random
import sys

import mpmath as mp

from mp_binomial import log_density, log_tail

MAX_N = 2**53 - 1


def log_uniform(rng, lo, hi):
    return 10 ** rng.uniform(lo, hi)


def case(k, n, p, upper, region):
    lt, method = log_tail(k, n, p, upper)
    value = float(mp.exp(lt)) if lt > -745.2 else 0.0
    return {
        'region': region,
        'k': k,
        'n': n,
        'p': p,
        'tail': 'upper' if upper else 'lower',
        'log': mp.nstr(lt, 25) if lt != mp.mpf('-inf') else '-Inf',
        'value': value,
        'method': method,
    }


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20240614
    rng = random.Random(seed)
    out = []
    # small x, large n
    for _ in range(160):
        n = MAX_N if rng.random() < 0.1 else int(log_uniform(rng, 6, 15.95))
        k = int(log_uniform(rng, 0, 2.5)) - 1 if rng.random() < 0.8 else rng.randint(0, 5)
        k = max(0, k)
        mean = log_uniform(rng, -3, 2.7)
        p = mean / n
        out.append(case(k, n, p, rng.random() < 0.5, 'small-x'))
    # near and below the bottom of the double range
    for _ in range(120):
        n = int(log_uniform(rng, 2, 6))
        p = rng.uniform(0.02, 0.98)
        target = -rng.uniform(600, 760) if rng.random() < 0.8 else -rng.uniform(760, 5000)
        upper = rng.random() < 0.5
        # walk from the mean outwards to the first k whose density is below the target
        mean = n * p
        k = int(mean)
        step = 1 if upper else -1
        lo, hi = (k, n) if upper else (0, k)
        # bisection on the density, which is monotone on each side of the mode
        a, b = (k, n) if upper else (0, k)
        if upper:
            if log_density(n, n, p) > target:
                continue
            while b - a > 1:
                m = (a + b) // 2
                if log_density(m, n, p) > target:
                    a = m
                else:
                    b = m
            kk = b
        else:
            if log_density(0, n, p) > target:
                continue
            while b - a > 1:
                m = (a + b) // 2
                if log_density(m, n, p) > target:
                    b = m
                else:
                    a = m
            kk = a
        out.append(case(kk, n, p, upper, 'bottom-of-range'))
    # anywhere within 40 sd, n up to 2^53 - 1
    for _ in range(220):
        n = MAX_N if rng.random() < 0.05 else int(log_uniform(rng, 1, 15.95))
        p = rng.random() if rng.random() < 0.6 else log_uniform(rng, -12, 0)
        if rng.random() < 0.3:
            p = 1 - p
        p = min(max(p, 1e-300), 1 - 2**-53)
        sd = (n * p * (1 - p)) ** 0.5
        z = rng.uniform(-40, 40) if rng.random() < 0.5 else rng.uniform(-4, 4)
        k = int(round(n * p + z * sd))
        k = min(max(k, 0), n)
        out.append(case(k, n, p, rng.random() < 0.5, 'general'))
    # where the algorithm changes
    for _ in range(100):
        kind = rng.random()
        n = int(log_uniform(rng, 3, 15.95))
        if kind < 0.5:
            k = rng.choice([99, 100, 101, 102]) - (1 if rng.random() < 0.5 else 0)
            p = rng.uniform(0.3, 1.7) * k / n
            upper = rng.random() < 0.5
        else:
            p = rng.uniform(0.05, 0.95)
            a = n * p
            m = min(a, n * (1 - p))
            if m < 200:
                continue
            lam = 0.03 * m * rng.uniform(0.9, 1.1)
            upper = rng.random() < 0.5
            k = int(round(n * p + lam)) if upper else int(round(n * p - lam))
        k = min(max(k, 0), n)
        out.append(case(k, n, p, upper, 'switch-points'))
    json.dump({
        'source': 'scripts/reference/binomial_tails.py (mpmath %s, seed %d): log P(X >= k) or log P(X <= k), '
                  'by exact summation at 50+ digits or tanh-sinh integration of the beta density' % (mp.__version__, seed),
        'cases': out,
    }, sys.stdout, indent=0)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
