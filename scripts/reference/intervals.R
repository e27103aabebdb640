# Reference values for the interval methods of R's binom, exactci, PropCIs, exact2x2, epitools and
# presize, written in base R (stats only) from their definitions, because none of those packages is
# in Debian. Every root is solved with uniroot at a tolerance far below 1e-10, on the log scale
# where a bound can be tiny, and constrained maximum likelihood estimates are roots of the score
# in the nuisance parameter (not the closed-form cubics or quadratics the library uses).
#
#   Rscript scripts/reference/intervals.R [seed] > test/fixtures/reference/intervals-r.json
#
# Definitions:
# - proportionCI logit, probit, cloglog (binom's binom.logit/probit/cloglog, with its edges
#   x = 0: [0, 1 - (alpha/2)^(1/n)], x = n: [(alpha/2)^(1/n), 1]); likelihood-ratio (binom.lrt:
#   deviance = z^2); blaker (exactci's blakerci: acceptability P(min(F(X), S(X)) <= min(F(x), S(x)))
#   with ties within a relative 1e-7, the first p from the Clopper-Pearson bound towards x/n where
#   it reaches alpha);
# - riskDifference newcombe (method 10: Wilson bounds combined); miettinen-nurminen (PropCIs'
#   diffscoreci: the score with variance times N/(N - 1));
# - riskRatio koopman (PropCIs' riskscoreci); miettinen-nurminen (the same with N/(N - 1));
# - oddsRatio miettinen-nurminen (PropCIs' orscoreci: the score statistic times (N - 1)/N);
#   baptista-pike (exact2x2's tsmethod "minlike": the odds ratios where the two-sided conditional
#   minimum-likelihood p-value, ties within 1e-7, reaches alpha; the first from far out);
# - rateCI exact (epitools' pois.exact), byar (pois.byar, x + 1/2), wald (pois.approx), score;
#   rateRatio exact and mid-p (conditional on the split of events), wald;
# - presize's prec_prop: conf.width / 2 for wilson, agresti-coull, exact (Clopper-Pearson at
#   x = p n) and wald, and the n where it equals a target (presize solves with uniroot at 1e-4;
#   here to 1e-13 relative).

args <- commandArgs(trailingOnly = TRUE)
seed <- if (length(args) > 0) as.integer(args[1]) else 20240620L
set.seed(seed)

num <- function(v) {
  if (is.na(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) "\"Inf\"" else "\"-Inf\"")
  sprintf("%.17g", v)
}
obj <- function(...) {
  x <- list(...)
  paste0("{", paste0("\"", names(x), "\":", vapply(x, function(v) {
    if (is.character(v)) paste0("\"", v, "\"") else if (length(v) == 1) num(v) else paste0("[", paste(vapply(v, num, ""), collapse = ","), "]")
  }, ""), collapse = ","), "}")
}

TOL <- 1e-15
z_of <- function(level) qnorm((1 - level) / 2, lower.tail = FALSE)

# a root of f on [a, b] to a relative precision far below 1e-10
root <- function(f, a, b) uniroot(f, c(a, b), tol = TOL * max(abs(a), abs(b)), maxiter = 10000)$root
# a root in p in (0, 1) found on log(p) (lower bounds) or log(1 - p) (upper bounds)
root_low <- function(f, a, b) exp(root(function(t) f(exp(t)), log(a), log(b)))
root_high <- function(f, a, b) 1 - exp(root(function(t) f(1 - exp(t)), log(1 - b), log(1 - a)))

# ---- one proportion ----
link_ci <- function(method, x, n, level) {
  alpha <- 1 - level
  z <- z_of(level)
  if (x == 0) return(c(0, 1 - (alpha / 2)^(1 / n)))
  if (x == n) return(c((alpha / 2)^(1 / n), 1))
  p <- x / n
  if (method == "logit") {
    eta <- log(p / (1 - p))
    sd <- sqrt(1 / (n * p * (1 - p)))
    return(plogis(eta + c(-1, 1) * z * sd))
  }
  if (method == "probit") {
    mu <- qnorm(p)
    sd <- sqrt(p * (1 - p) / (n * dnorm(mu)^2))
    return(pnorm(mu + c(-1, 1) * z * sd))
  }
  mu <- log(-log(p))
  sd <- sqrt((1 - p) / (n * p * log(p)^2))
  c(exp(-exp(mu + z * sd)), exp(-exp(mu - z * sd)))
}

lrt_ci <- function(x, n, level) {
  z2 <- z_of(level)^2
  dev <- function(p) {
    a <- if (x == 0) 0 else x * log(x / (n * p))
    b <- if (x == n) 0 else (n - x) * (log1p(-x / n) - log1p(-p))
    2 * (a + b) - z2
  }
  p <- x / n
  lower <- if (x == 0) 0 else root_low(dev, 1e-300, p)
  upper <- if (x == n) 1 else root_high(dev, p, 1 - 1e-16)
  c(lower, upper)
}

cp_ci <- function(x, n, alpha) {
  c(if (x == 0) 0 else qbeta(alpha / 2, x, n - x + 1), if (x == n) 1 else qbeta(alpha / 2, x + 1, n - x, lower.tail = FALSE))
}

blaker_accept <- function(x, n, p) {
  y <- 0:n
  F <- pbinom(y, n, p)
  S <- pbinom(y - 1, n, p, lower.tail = FALSE)
  m <- pmin(F, S)
  sum(dbinom(y, n, p)[m <= m[x + 1] * (1 + 1e-7)])
}

blaker_ci <- function(x, n, level) {
  alpha <- 1 - level
  cp <- cp_ci(x, n, alpha)
  bound <- function(from, to) {
    g <- function(p) blaker_accept(x, n, p) - alpha
    grid <- seq(from, to, length.out = 4001)
    for (i in seq_along(grid)) {
      if (g(grid[i]) >= 0) {
        if (i == 1) return(grid[1])
        a <- grid[i - 1]
        b <- grid[i]
        # bisection: the acceptability jumps where the set of as-extreme outcomes changes
        for (k in 1:200) {
          m <- (a + b) / 2
          if (m == a || m == b) break
          if (g(m) >= 0) b <- m else a <- m
        }
        return(b)
      }
    }
    to
  }
  lower <- if (x == 0) 0 else bound(cp[1], x / n)
  upper <- if (x == n) 1 else bound(cp[2], x / n)
  c(lower, upper)
}

# ---- two proportions ----
wilson <- function(x, n, z) {
  c0 <- (x + z^2 / 2) / (n + z^2)
  h <- z * sqrt(x * (n - x) / n + z^2 / 4) / (n + z^2)
  c(if (x == 0) 0 else c0 - h, if (x == n) 1 else c0 + h)
}
newcombe <- function(x1, n1, x2, n2, level) {
  z <- z_of(level)
  p1 <- x1 / n1
  p2 <- x2 / n2
  w1 <- wilson(x1, n1, z)
  w2 <- wilson(x2, n2, z)
  d <- p1 - p2
  c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}

loglik_root <- function(dl, lo, hi) {
  # the constrained MLE: the root of the score in the nuisance parameter, or an end of its range
  if (hi <= lo) return(lo)
  e <- (hi - lo) * 1e-15
  a <- lo + e
  b <- hi - e
  if (dl(a) <= 0) return(lo)
  if (dl(b) >= 0) return(hi)
  uniroot(dl, c(a, b), tol = 1e-17, maxiter = 10000)$root
}
xl <- function(x, p) if (x == 0) 0 else x / p # d/dp of x log p, 0 when x = 0

# p2 under p1 - p2 = delta
p2_difference <- function(x1, n1, x2, n2, delta) {
  dl <- function(q) xl(x1, q + delta) - xl(n1 - x1, 1 - q - delta) + xl(x2, q) - xl(n2 - x2, 1 - q)
  loglik_root(dl, max(0, -delta), min(1, 1 - delta))
}
# p2 under p1 = phi p2
p2_ratio <- function(x1, n1, x2, n2, phi) {
  dl <- function(q) phi * (xl(x1, phi * q) - xl(n1 - x1, 1 - phi * q)) + xl(x2, q) - xl(n2 - x2, 1 - q)
  loglik_root(dl, 0, min(1, 1 / phi))
}
# p2 under odds(p1) / odds(p2) = theta: the score in p2 is (x1 - n1 p1 + x2 - n2 p2) / (p2 (1 - p2)),
# since d p1 / d p2 = p1 (1 - p1) / (p2 (1 - p2)); its root is found on the logit of p2, where a
# p2 near 0 or 1 (theta far out) is still resolved
p2_odds <- function(x1, n1, x2, n2, theta) {
  g <- function(t) {
    q <- plogis(t)
    p1 <- if (t < 0) theta * q / (1 + q * (theta - 1)) else theta / (theta + exp(-t))
    x1 - n1 * p1 + x2 - n2 * q
  }
  t <- uniroot(g, c(-745, 745), tol = 1e-13, maxiter = 10000)$root
  # p2 and 1 - p2 both from the logit, so neither is lost near 0 or 1
  c(plogis(t), plogis(-t))
}

# the set where score(e) <= z^2, from a point inside, on [lo, hi]
score_interval <- function(score, inside, lo, hi, z2) {
  f <- function(e) {
    v <- score(e)
    if (is.nan(v)) Inf else v - z2
  }
  side <- function(limit) {
    if (f(limit) <= 0) return(limit)
    root(f, min(inside, limit), max(inside, limit))
  }
  c(side(lo), side(hi))
}

mn_difference <- function(x1, n1, x2, n2, level) {
  z <- z_of(level)
  p1 <- x1 / n1
  p2 <- x2 / n2
  N <- n1 + n2
  score <- function(delta) {
    d <- p1 - p2 - delta
    if (d == 0) return(0)
    q2 <- p2_difference(x1, n1, x2, n2, delta)
    q1 <- q2 + delta
    v <- (q1 * (1 - q1) / n1 + q2 * (1 - q2) / n2) * N / (N - 1)
    if (v > 0) d^2 / v else Inf
  }
  score_interval(score, p1 - p2, -1, 1, z^2)
}

ratio_score <- function(x1, n1, x2, n2, level, correction) {
  z <- z_of(level)
  p1 <- x1 / n1
  p2 <- x2 / n2
  N <- n1 + n2
  factor <- if (correction) N / (N - 1) else 1
  score <- function(t) {
    phi <- exp(t)
    d <- p1 - phi * p2
    if (d == 0) return(0)
    q2 <- p2_ratio(x1, n1, x2, n2, phi)
    q1 <- phi * q2
    v <- (q1 * (1 - q1) / n1 + phi^2 * q2 * (1 - q2) / n2) * factor
    if (v > 0) d^2 / v else Inf
  }
  inside <- if (x1 == 0) -40 else if (x2 == 0) 40 else log(p1 / p2)
  b <- score_interval(score, inside, -60, 60, z^2)
  c(if (x1 == 0) 0 else exp(b[1]), if (x2 == 0) Inf else exp(b[2]))
}

mn_odds <- function(x1, n1, x2, n2, level) {
  z <- z_of(level)
  N <- n1 + n2
  score <- function(t) {
    theta <- exp(t)
    q <- p2_odds(x1, n1, x2, n2, theta)
    den <- q[2] + theta * q[1]
    q1 <- theta * q[1] / den
    r1 <- q[2] / den # 1 - p1
    # x1 - n1 p1 = n2 p2 - x2 at the constrained MLE, written without cancelling near p2 = 1
    d <- if (q[1] > 0.5) (n2 - x2) - n2 * q[2] else n2 * q[1] - x2
    if (d == 0) return(0)
    inv <- 1 / (n1 * q1 * r1) + 1 / (n2 * q[1] * q[2])
    if (is.finite(inv)) d^2 * inv * (N - 1) / N else Inf
  }
  zero_low <- x1 == 0 || x2 == n2
  inf_high <- x1 == n1 || x2 == 0
  inside <- if (zero_low) -40 else if (inf_high) 40 else log(x1 * (n2 - x2) / ((n1 - x1) * x2))
  b <- score_interval(score, inside, -60, 60, z^2)
  c(if (zero_low) 0 else exp(b[1]), if (inf_high) Inf else exp(b[2]))
}

# the conditional (noncentral hypergeometric) two-sided minimum-likelihood p-value at log odds t
minlike_p <- function(a, m, n, k, t) {
  y <- max(0, k - n):min(k, m)
  lf <- lchoose(m, y) + lchoose(n, k - y) + t * y
  lf <- lf - max(lf)
  f <- exp(lf)
  f <- f / sum(f)
  sum(f[lf <= lf[y == a] + log1p(1e-7)])
}
bp_lower <- function(a, b, c, d, alpha) {
  m <- a + b
  n <- c + d
  k <- a + c
  if (a == max(0, k - n)) return(0)
  g <- function(t) minlike_p(a, m, n, k, t) - alpha
  est <- log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5)))
  grid <- seq(est - 40, est + 2, length.out = 20001)
  for (i in seq_along(grid)) {
    if (g(grid[i]) >= 0) {
      lo <- grid[i - 1]
      hi <- grid[i]
      for (j in 1:200) {
        mid <- (lo + hi) / 2
        if (mid == lo || mid == hi) break
        if (g(mid) >= 0) hi <- mid else lo <- mid
      }
      return(exp(hi))
    }
  }
  NA
}
baptista_pike <- function(x1, n1, x2, n2, level) {
  alpha <- 1 - level
  a <- x1; b <- n1 - x1; c <- x2; d <- n2 - x2
  upper <- if (a == min(a + c, a + b)) Inf else 1 / bp_lower(b, a, d, c, alpha)
  c(bp_lower(a, b, c, d, alpha), upper)
}

# ---- rates ----
rate_ci <- function(x, t, method, level) {
  alpha <- 1 - level
  z <- z_of(level)
  b <- switch(method,
    exact = c(if (x == 0) 0 else qchisq(alpha / 2, 2 * x) / 2, qchisq(alpha / 2, 2 * x + 2, lower.tail = FALSE) / 2),
    byar = {
      ap <- x + 0.5
      s <- z / 3 * sqrt(1 / ap)
      c(if (x == 0) 0 else max(0, ap * (1 - 1 / (9 * ap) - s)^3), ap * (1 - 1 / (9 * ap) + s)^3)
    },
    wald = c(max(0, x - z * sqrt(x)), x + z * sqrt(x)),
    score = {
      r <- z * sqrt(x + z^2 / 4)
      c(if (x == 0) 0 else x + z^2 / 2 - r, x + z^2 / 2 + r)
    }
  )
  b / t
}
midp_ci <- function(x, n, alpha) {
  # mid-p: P(X > x) + P(X = x)/2 = alpha/2 (lower), P(X < x) + P(X = x)/2 = alpha/2 (upper)
  up <- function(p) pbinom(x, n, p, lower.tail = FALSE) + dbinom(x, n, p) / 2 - alpha / 2
  down <- function(p) pbinom(x - 1, n, p) + dbinom(x, n, p) / 2 - alpha / 2
  c(if (x == 0) 0 else root_low(up, 1e-300, x / n), if (x == n) 1 else root_high(down, x / n, 1 - 1e-16))
}
rate_ratio <- function(x1, t1, x2, t2, method, level) {
  alpha <- 1 - level
  if (method == "wald") {
    est <- (x1 / t1) / (x2 / t2)
    se <- sqrt(1 / x1 + 1 / x2)
    return(est * exp(c(-1, 1) * z_of(level) * se))
  }
  b <- if (method == "exact") cp_ci(x1, x1 + x2, alpha) else midp_ci(x1, x1 + x2, alpha)
  ifelse(b == 1, Inf, b / (1 - b) * t2 / t1)
}

# ---- presize's prec_prop ----
prec_half <- function(p, n, method, level) {
  alpha <- 1 - level
  z <- z_of(level)
  z2 <- z^2
  w <- switch(method,
    wilson = 2 * z * sqrt(n * p * (1 - p) + z2 / 4) / (n + z2),
    "agresti-coull" = {
      padj <- (n * p + z2 / 2) / (n + z2)
      2 * z * sqrt(padj * (1 - padj) / (n + z2))
    },
    "clopper-pearson" = {
      x <- p * n
      (if (x == n) 1 else qbeta(1 - alpha / 2, x + 1, n - x)) - (if (x == 0) 0 else qbeta(alpha / 2, x, n - x + 1))
    },
    wald = 2 * z * sqrt(p * (1 - p) / n)
  )
  w / 2
}
prec_n <- function(p, half, method, level) {
  f <- function(t) prec_half(p, exp(t), method, level) - half
  exp(uniroot(f, c(log(1e-6), log(1e12)), tol = 1e-15, maxiter = 10000)$root)
}

levels <- c(0.8, 0.9, 0.95, 0.99)
out <- character(0)
props <- character(0)
for (i in 1:60) {
  n <- if (i <= 40) sample(1:400, 1) else round(10^runif(1, 3, 7))
  x <- if (runif(1) < 0.25) sample(c(0, 1, 2, n - 1, n), 1) else sample(0:n, 1)
  x <- min(max(x, 0), n)
  level <- sample(levels, 1)
  for (m in c("logit", "probit", "cloglog")) props <- c(props, obj(method = m, x = x, n = n, level = level, bounds = link_ci(m, x, n, level)))
  props <- c(props, obj(method = "likelihood-ratio", x = x, n = n, level = level, bounds = lrt_ci(x, n, level)))
  if (n <= 400) props <- c(props, obj(method = "blaker", x = x, n = n, level = level, bounds = blaker_ci(x, n, level)))
}
two <- character(0)
cases <- list(c(2231, 2324, 1275, 1341), c(3, 10, 1, 10), c(0, 20, 5, 20), c(15, 20, 0, 20), c(7, 30, 12, 31))
for (i in 1:30) {
  n1 <- sample(5:300, 1)
  n2 <- sample(5:300, 1)
  cases[[length(cases) + 1]] <- c(sample(0:n1, 1), n1, sample(0:n2, 1), n2)
}
for (i in 1:15) {
  n1 <- sample(2:40, 1)
  n2 <- sample(2:40, 1)
  cases[[length(cases) + 1]] <- c(sample(0:n1, 1), n1, sample(0:n2, 1), n2)
}
for (cs in cases) {
  x1 <- cs[1]; n1 <- cs[2]; x2 <- cs[3]; n2 <- cs[4]
  if ((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2)) next
  level <- sample(c(0.9, 0.95, 0.99), 1)
  add <- function(m, b) two <<- c(two, obj(method = m, x1 = x1, n1 = n1, x2 = x2, n2 = n2, level = level, bounds = b))
  add("rd-newcombe", newcombe(x1, n1, x2, n2, level))
  add("rd-miettinen-nurminen", mn_difference(x1, n1, x2, n2, level))
  add("rr-koopman", ratio_score(x1, n1, x2, n2, level, FALSE))
  add("rr-miettinen-nurminen", ratio_score(x1, n1, x2, n2, level, TRUE))
  add("or-miettinen-nurminen", mn_odds(x1, n1, x2, n2, level))
  if (n1 + n2 <= 200) add("or-baptista-pike", baptista_pike(x1, n1, x2, n2, level))
}
rates <- character(0)
for (i in 1:30) {
  x <- sample(c(0, 1, 2, 3, 5, 12, 40, 100, 1000, 12345), 1)
  t <- 10^runif(1, 0, 5)
  level <- sample(c(0.9, 0.95, 0.99), 1)
  for (m in c("exact", "byar", "wald", "score")) rates <- c(rates, obj(method = m, events = x, exposure = t, level = level, bounds = rate_ci(x, t, m, level)))
}
ratios <- character(0)
for (i in 1:25) {
  x1 <- sample(1:60, 1); x2 <- sample(1:60, 1)
  t1 <- 10^runif(1, 1, 4); t2 <- 10^runif(1, 1, 4)
  level <- sample(c(0.9, 0.95, 0.99), 1)
  for (m in c("wald", "exact", "mid-p")) ratios <- c(ratios, obj(method = m, events1 = x1, exposure1 = t1, events2 = x2, exposure2 = t2, level = level, bounds = rate_ratio(x1, t1, x2, t2, m, level)))
}
presize <- character(0)
for (i in 1:25) {
  p <- sample(c(0.05, 0.15, 0.3, 0.5, 0.8, round(runif(1, 0.01, 0.99), 3)), 1)
  n <- sample(c(10, 50, 200, 1000, 12345), 1)
  level <- sample(c(0.9, 0.95, 0.99), 1)
  half <- sample(c(0.02, 0.05, 0.1), 1)
  for (m in c("wilson", "agresti-coull", "clopper-pearson", "wald")) {
    presize <- c(presize, obj(method = m, proportion = p, n = n, level = level, halfWidth = prec_half(p, n, m, level), targetHalfWidth = half, exactN = prec_n(p, half, m, level)))
  }
}
cat("{\"source\":\"scripts/reference/intervals.R (", R.version.string, ", seed ", seed, "): definitions in its header\",\n", sep = "")
cat("\"proportion\":[\n", paste(props, collapse = ",\n"), "],\n", sep = "")
cat("\"two_groups\":[\n", paste(two, collapse = ",\n"), "],\n", sep = "")
cat("\"rates\":[\n", paste(rates, collapse = ",\n"), "],\n", sep = "")
cat("\"rate_ratios\":[\n", paste(ratios, collapse = ",\n"), "],\n", sep = "")
cat("\"presize\":[\n", paste(presize, collapse = ",\n"), "]}\n", sep = "")
