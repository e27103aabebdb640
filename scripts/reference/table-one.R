# Reference values for Table 1: descriptive statistics, group comparison tests, and the bundled
# sample cohort's Table 1 by type, computed in base R (stats and utils only).
#
#   Rscript scripts/reference/table-one.R
#
# writes test/fixtures/reference/table-one.json. The tests read that file and never need R.
# Conventions, as the library's: sd() divides by n - 1; quantile(type = 7); percents of the records
# with a value; chisq.test(correct = FALSE), or fisher.test when an expected count is below 5;
# oneway.test(var.equal = FALSE) (Welch; t.test for two groups); kruskal.test.

num <- function(x) {
  if (length(x) == 0) return("[]")
  out <- ifelse(is.na(x), "null", sprintf("%.17g", x))
  out <- ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"), out)
  out
}
str_json <- function(s) paste0('"', gsub('"', '\\"', gsub("\\", "\\\\", s, fixed = TRUE), fixed = TRUE), '"')

# A small JSON writer: named lists are objects, unnamed lists arrays, vectors arrays (of length 1 too).
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    inner <- vapply(x, to_json, "")
    if (!is.null(names(x))) return(paste0("{", paste0(str_json(names(x)), ":", inner, collapse = ","), "}"))
    return(paste0("[", paste0(inner, collapse = ","), "]"))
  }
  if (inherits(x, "scalar")) return(if (is.character(x)) str_json(unclass(x)) else num(unclass(x)))
  if (is.character(x)) return(paste0("[", paste0(str_json(x), collapse = ","), "]"))
  if (is.logical(x)) return(paste0("[", paste0(ifelse(x, "true", "false"), collapse = ","), "]"))
  paste0("[", paste0(num(as.numeric(x)), collapse = ","), "]")
}
scalar <- function(x) structure(x, class = "scalar")

probs <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
describe <- function(x) {
  list(
    values = x,
    n = scalar(length(x)),
    mean = scalar(mean(x)),
    sd = scalar(if (length(x) > 1) sd(x) else NA),
    probs = probs,
    quantiles = unname(quantile(x, probs, type = 7))
  )
}

set.seed(20241231)
vectors <- list(
  tie = c(7.2, 7.3),
  quartet = c(1, 2, 3, 4),
  example = c(2.9, 3.0, 2.5, 2.6, 3.2),
  mixed_signs = c(-1.5, 0, 2.25, 10, 10, 10, 3.125),
  single = c(5),
  tenths = c(0.1, 0.2, 0.3),
  large_offset = c(123456789.123, 123456789.456, 123456789.789, 123456789.5),
  small = c(1e-3, 2e-3, 4e-3, 8e-3),
  random_hundredths = round(rnorm(1000, 50, 12), 2),
  random_integers = sample(0:36, 500, replace = TRUE)
)

welch <- function(groups) {
  if (length(groups) == 2) {
    t <- t.test(groups[[1]], groups[[2]])
    return(list(groups = unname(groups), method = scalar("welch-t"), statistic = scalar(unname(t$statistic)), df = unname(t$parameter), p = scalar(t$p.value)))
  }
  d <- data.frame(y = unlist(groups), g = factor(rep(seq_along(groups), lengths(groups))))
  o <- oneway.test(y ~ g, data = d, var.equal = FALSE)
  list(groups = unname(groups), method = scalar("welch-anova"), statistic = scalar(unname(o$statistic)), df = unname(o$parameter), p = scalar(o$p.value))
}
kruskal <- function(groups) {
  k <- kruskal.test(unname(groups))
  list(groups = unname(groups), statistic = scalar(unname(k$statistic)), df = unname(k$parameter), p = scalar(k$p.value))
}
table_test <- function(m) {
  chi <- suppressWarnings(chisq.test(m, correct = FALSE))
  list(table = lapply(seq_len(nrow(m)), function(i) m[i, ]), chisq = scalar(unname(chi$statistic)), df = scalar(unname(chi$parameter)), chisq_p = scalar(chi$p.value), fisher_p = scalar(tryCatch(fisher.test(m, workspace = 2e7)$p.value, error = function(e) NA)))
}

tests <- list(
  welch = list(
    welch(list(c(19.1, 20.3, 21.8, 18.9), c(22.4, 23.9, 21.7, 25.1))),
    welch(list(round(rnorm(5, 10, 2), 1), round(rnorm(12, 12, 5), 1))),
    welch(list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0))),
    welch(list(round(rnorm(30, 5, 1), 2), round(rnorm(20, 5.5, 2), 2), round(rnorm(8, 4, 0.5), 2), round(rnorm(50, 5, 3), 2)))
  ),
  kruskal = list(
    kruskal(list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0))),
    kruskal(list(sample(1:5, 40, TRUE), sample(1:5, 25, TRUE), sample(2:5, 30, TRUE))),
    kruskal(list(round(rnorm(15, 0, 1), 1), round(rnorm(15, 0.8, 1), 1)))
  ),
  tables = list(
    table_test(matrix(c(12, 7, 5, 9), 2)),
    table_test(matrix(c(3, 1, 1, 3), 2)),
    table_test(matrix(c(3, 1, 1, 3, 0, 4), 2)),
    table_test(matrix(c(2, 0, 1, 1, 3, 0, 0, 1, 4), 3)),
    table_test(matrix(c(40, 31, 22, 18, 35, 29, 44, 20, 11, 25, 30, 19), 3))
  )
)

# The bundled sample cohort's Table 1 by type.
sample_file <- "data/sample-cohort.csv"
d <- read.csv(sample_file, colClasses = c(id = "character", type = "character", outcome = "character", sex = "character"), na.strings = "")
types <- c("spastic", "mixed", "athetoid", "other")
columns <- c(list(overall = rep(TRUE, nrow(d))), setNames(lapply(types, function(t) d$type == t), types))

categorical <- function(name, levels) {
  x <- factor(d[[name]], levels = levels)
  per <- lapply(columns, function(inside) {
    v <- x[inside]
    counts <- as.vector(table(v))
    list(n = scalar(length(v)), counts = counts, percents = 100 * as.vector(prop.table(table(v))), missing = scalar(sum(is.na(v))), missing_percent = scalar(100 * mean(is.na(v))))
  })
  tab <- table(factor(d$type, levels = types), x)
  tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  chi <- suppressWarnings(chisq.test(tab, correct = FALSE))
  small <- any(chi$expected < 5)
  test <- if (small) list(method = scalar("fisher"), p = scalar(fisher.test(tab)$p.value)) else list(method = scalar("chi-square"), statistic = scalar(unname(chi$statistic)), df = scalar(unname(chi$parameter)), p = scalar(chi$p.value))
  list(kind = scalar("categorical"), levels = as.character(levels), columns = per, test = test)
}
continuous <- function(name) {
  per <- lapply(columns, function(inside) {
    v <- d[[name]][inside]
    ok <- v[!is.na(v)]
    list(n = scalar(length(v)), recorded = scalar(length(ok)), mean = scalar(mean(ok)), sd = scalar(sd(ok)), quartiles = unname(quantile(ok, c(0.25, 0.5, 0.75), type = 7)),
         missing = scalar(sum(is.na(v))), missing_percent = scalar(100 * mean(is.na(v))))
  })
  ok <- !is.na(d[[name]])
  g <- factor(d$type[ok], levels = types)
  y <- d[[name]][ok]
  w <- oneway.test(y ~ g, var.equal = FALSE)
  k <- kruskal.test(y, g)
  list(kind = scalar("continuous"), columns = per,
       welch = list(statistic = scalar(unname(w$statistic)), df = unname(w$parameter), p = scalar(w$p.value)),
       kruskal = list(statistic = scalar(unname(k$statistic)), df = scalar(unname(k$parameter)), p = scalar(k$p.value)))
}

sample_table <- list(
  file = scalar(sample_file),
  by = scalar("type"),
  columns = c("overall", types),
  variables = list(
    age = continuous("age"),
    sex = categorical("sex", c("female", "male")),
    gmfcs = categorical("gmfcs", 1:5),
    followUpMonths = continuous("followUpMonths")
  )
)

out <- list(
  source = scalar(paste0("scripts/reference/table-one.R, ", R.version.string, "; base R: mean, sd, quantile(type = 7), table, prop.table, chisq.test, fisher.test, t.test, oneway.test, kruskal.test")),
  describe = lapply(vectors, describe),
  tests = tests,
  sample = sample_table
)
dir.create("test/fixtures/reference", recursive = TRUE, showWarnings = FALSE)
writeLines(to_json(out), "test/fixtures/reference/table-one.json")
cat("wrote test/fixtures/reference/table-one.json\n")
