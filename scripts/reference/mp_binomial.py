"""Binomial tails in mpmath, independent of the library's algorithms.

Two methods, used where each is cheap, and cross-checked where both are:
- exact summation of the terms C(n, i) p^i q^(n-i) at high precision, starting at k and moving
  away from the mean until the terms no longer count (any n, as long as the standard deviation
  is at most a few thousand);
- numerical integration (tanh-sinh) of the beta density, I_p(k, n-k+1) = P(X >= k), on
  geometrically widening pieces next to the end point (any n up to 2^53).
Inputs given as doubles are used at their exact binary value.
"""
import mpmath as mp

mp.mp.dps = 60


def _dps_for(n):
    # n*log(t) must keep 40+ digits: add the digits of n
    return 50 + len(str(int(n)))


def log_density(i, n, p):
    p = mp.mpf(p)
    return mp.log(mp.binomial(n, i)) + i * mp.log(p) + (n - i) * mp.log1p(-p)


def tail_by_sum(k, n, p, upper, max_terms=200_000):
    """log P(X >= k) (upper) or log P(X <= k) by summing away from the mean; None if too long."""
    with mp.workdps(_dps_for(n)):
        p = mp.mpf(p)
        q = 1 - p
        mean = n * p
        # the side of the sum that moves away from the mean
        if upper:
            start, step, far = k, 1, k > mean
        else:
            start, step, far = k, -1, k < mean
        if not far:
            other = tail_by_sum(k - 1 if upper else k + 1, n, p, not upper, max_terms)
            if other is None:
                return None
            return mp.log(-mp.expm1(other))
        lead = log_density(start, n, p)
        term = mp.mpf(1)
        s = mp.mpf(1)
        i = start
        for _ in range(max_terms):
            if step == 1:
                if i >= n:
                    break
                term *= mp.mpf(n - i) / (i + 1) * p / q
            else:
                if i <= 0:
                    break
                term *= mp.mpf(i) / (n - i + 1) * q / p
            i += step
            s += term
            if term < s * mp.mpf(10) ** (-45):
                return lead + mp.log(s)
        else:
            return None
        return lead + mp.log(s)


def _log_beta_integral(a, b, x, side):
    """log of the integral of t^(a-1) (1-t)^(b-1) / B(a, b) over [0, x] (side 'left', x below the
    mode) by tanh-sinh on pieces widening away from x."""
    a = mp.mpf(a)
    b = mp.mpf(b)
    x = mp.mpf(x)
    lb = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)

    def g(t):
        return (a - 1) * mp.log(t) + (b - 1) * mp.log1p(-t) - lb

    gx = g(x)
    d1 = (a - 1) / x - (b - 1) / (1 - x)
    d2 = abs(a - 1) / x**2 + abs(b - 1) / (1 - x) ** 2
    scale = 1 / (abs(d1) + mp.sqrt(d2))
    pts = [x]
    w = scale / 4
    while True:
        nxt = x - w
        if nxt <= 0:
            pts.append(mp.mpf(0))
            break
        pts.append(nxt)
        if g(nxt) - gx < -160:
            break
        w *= 2
    pts.reverse()
    val = mp.quad(lambda t: mp.exp(g(t) - gx), pts)
    return gx + mp.log(val)


def tail_by_integral(k, n, p, upper):
    """log P(X >= k) or log P(X <= k) from the beta integral of the tail on the far side."""
    with mp.workdps(_dps_for(n) + 20):
        p = mp.mpf(p)
        q = 1 - p
        frm = k if upper else k + 1  # P(X <= k) = 1 - P(X >= k + 1)
        if frm <= 0:
            return mp.mpf(0) if upper else mp.mpf('-inf')
        if frm > n:
            return mp.mpf('-inf') if upper else mp.mpf(0)
        a, b = frm, n - frm + 1
        # P(X >= frm) = I_p(a, b); its complement I_q(b, a)
        if p <= mp.mpf(a - 1) / (a + b - 2) if a + b > 2 else p <= 0.5:
            small = _log_beta_integral(a, b, p, 'left')  # P(X >= frm)
            small_is_upper = True
        else:
            small = _log_beta_integral(b, a, q, 'left')  # P(X <= frm - 1)
            small_is_upper = False
        if small_is_upper == upper:
            return small
        return mp.log(-mp.expm1(small))


def log_tail(k, n, p, upper):
    """The reference: by summation when the sum is short enough, else by integration."""
    with mp.workdps(_dps_for(n)):
        sd = mp.sqrt(n * mp.mpf(p) * (1 - mp.mpf(p)))
    if sd < 3000:
        r = tail_by_sum(k, n, p, upper)
        if r is not None:
            return r, 'sum'
    return tail_by_integral(k, n, p, upper), 'integral'
