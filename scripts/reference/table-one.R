# Reference values for Table 1: descriptive statistics, group comparison tests, and the bundled
# sample cohort's Table 1 by type, computed in base R (stats and utils only).
#
#   Rscript scripts/reference/table-one.R [seed directory count]
#
# writes test/fixtures/reference/table-one.json (descriptive statistics, tests, the sample's Table 1) and
# test/fixtures/reference/table-one-random.json (Table 1 of 40 random cohorts). With a seed, a directory and
# a number of cohorts it writes only that many random cohorts there, to score the library on cases it was
# never tuned on:
#   Rscript scripts/reference/table-one.R 4242 /tmp/table-one-held-out 60
#   TABLE_ONE_REFERENCE_DIR=/tmp/table-one-held-out npx vitest run test/table-one/random-reference.test.ts
# The tests read those files and never need R.
# Conventions, as the library's: sd() divides by n - 1; quantile(type = 7); percents of the records
# with a value; chisq.test(correct = FALSE), or fisher.test when an expected count is below 5;
# oneway.test(var.equal = FALSE) (Welch; t.test for two groups); kruskal.test.

num <- function(x) {
  if (length(x) == 0) return("[]")
  out <- ifelse(is.na(x), "null", sprintf("%.17g", x))
  out <- ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"), out)
  out
}
str_json <- function(s) paste0('"', gsub("\n", "\\n", gsub('"', '\\"', gsub("\\", "\\\\", s, fixed = TRUE), fixed = TRUE), fixed = TRUE), '"')

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

# fisher.test with a large workspace, given up (NA) after `seconds`: FEXACT can run for many minutes on a
# 4 x 5 table of a few hundred patients, where the library's exact test gives up too (and says so)
fisher_p <- function(tab, seconds = 60) {
  job <- parallel::mcparallel(fisher.test(tab, workspace = 2e8)$p.value)
  res <- parallel::mccollect(job, wait = FALSE, timeout = seconds)
  if (is.null(res)) {
    tools::pskill(job$pid)
    parallel::mccollect(job, wait = FALSE)
    message("fisher.test gave up after ", seconds, " s on ", paste(dim(tab), collapse = " x "), " table of ", sum(tab))
    return(NA)
  }
  # an error in the child (FEXACT's workspace exceeded) comes back as its message: no p either
  if (inherits(res[[1]], "try-error")) {
    message("fisher.test failed on ", paste(dim(tab), collapse = " x "), " table of ", sum(tab), ": ", trimws(res[[1]]))
    return(NA)
  }
  res[[1]]
}

# A Table 1 by type of a data frame with columns type, age, sex, gmfcs and followUpMonths.
column_masks <- function(d, types) c(list(overall = rep(TRUE, nrow(d))), setNames(lapply(types, function(t) d$type == t), types))

categorical <- function(d, types, name, levels) {
  columns <- column_masks(d, types)
  x <- factor(d[[name]], levels = levels)
  per <- lapply(columns, function(inside) {
    v <- x[inside]
    counts <- as.vector(table(v))
    list(n = scalar(length(v)), counts = counts, percents = 100 * as.vector(prop.table(table(v))), missing = scalar(sum(is.na(v))), missing_percent = scalar(100 * mean(is.na(v))))
  })
  tab <- table(factor(d$type, levels = types), x)
  tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  test <- if (nrow(tab) < 2 || ncol(tab) < 2) list(method = scalar("none")) else {
    chi <- suppressWarnings(chisq.test(tab, correct = FALSE))
    small <- any(chi$expected < 5)
    # chisq_p: the library's χ² where its exact test would take too long (FEXACT's default workspace fails there too)
    if (small) list(method = scalar("fisher"), p = scalar(fisher_p(tab)), chisq_p = scalar(chi$p.value)) else list(method = scalar("chi-square"), statistic = scalar(unname(chi$statistic)), df = scalar(unname(chi$parameter)), p = scalar(chi$p.value))
  }
  list(kind = scalar("categorical"), levels = as.character(levels), columns = per, test = test)
}
continuous <- function(d, types, name) {
  columns <- column_masks(d, types)
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
table_one <- function(d, types) list(
  by = scalar("type"),
  columns = c("overall", types),
  variables = list(
    age = continuous(d, types, "age"),
    sex = categorical(d, types, "sex", c("female", "male")),
    gmfcs = categorical(d, types, "gmfcs", 1:5),
    followUpMonths = continuous(d, types, "followUpMonths")
  )
)

types <- c("spastic", "mixed", "athetoid", "other")

# Random cohorts: sizes from 12 to 400, ages to 0, 1 or 2 decimals, missing values, GMFCS levels that never
# occur, groups of very different sizes (so Fisher's test and chi-squared both occur), ties in every column.
# Every type has at least 3 recorded values of each number, so every test exists.
random_cohort <- function(id) {
  repeat {
    n <- sample(c(12, 20, 40, 80, 150, 400), 1)
    weights <- runif(4, 0.1, 1)
    type <- sample(types, n, replace = TRUE, prob = weights)
    digits <- sample(0:2, 1)
    shift <- runif(4, -2, 2)
    age <- round(pmax(0, rnorm(n, 7 + shift[match(type, types)], sample(c(0.5, 2, 4), 1))), digits)
    follow <- rpois(n, sample(c(3, 12, 30), 1))
    sex <- sample(c("female", "male"), n, replace = TRUE, prob = c(runif(1, 0.2, 0.8), 0.5))
    gmfcs <- sample(1:5, n, replace = TRUE, prob = c(runif(3), sample(c(0, 0.3), 2, replace = TRUE)))
    miss <- function(x, rate) { x[runif(n) < rate] <- NA; x }
    rate <- sample(c(0, 0.02, 0.1, 0.3), 1)
    d <- data.frame(type = type, age = miss(age, rate), sex = miss(sex, rate), gmfcs = miss(gmfcs, rate), followUpMonths = miss(follow, rate), stringsAsFactors = FALSE)
    enough <- all(sapply(types, function(t) min(sum(d$type == t & !is.na(d$age)), sum(d$type == t & !is.na(d$followUpMonths))) >= 3))
    # oneway.test needs some spread in every group
    spread <- all(sapply(types, function(t) all(c(sd(d$age[d$type == t], na.rm = TRUE), sd(d$followUpMonths[d$type == t], na.rm = TRUE)) > 0)))
    if (enough && spread) break
  }
  rows <- lapply(seq_len(nrow(d)), function(i) {
    r <- d[i, ]
    out <- list(type = scalar(r$type))
    if (!is.na(r$age)) out$age <- scalar(r$age)
    if (!is.na(r$sex)) out$sex <- scalar(r$sex)
    if (!is.na(r$gmfcs)) out$gmfcs <- scalar(r$gmfcs)
    if (!is.na(r$followUpMonths)) out$followUpMonths <- scalar(r$followUpMonths)
    out
  })
  c(list(id = scalar(id), rows = rows), table_one(d, types))
}

args <- commandArgs(trailingOnly = TRUE)
held_out <- length(args) >= 3

if (!held_out) {
  # The bundled sample cohort's Table 1 by type.
  sample_file <- "data/sample-cohort.csv"
  d <- read.csv(sample_file, colClasses = c(id = "character", type = "character", outcome = "character", sex = "character"), na.strings = "")
  sample_table <- c(list(file = scalar(sample_file)), table_one(d, types))

  out <- list(
    source = scalar(paste0("scripts/reference/table-one.R, ", R.version.string, "; base R: mean, sd, quantile(type = 7), table, prop.table, chisq.test, fisher.test, t.test, oneway.test, kruskal.test")),
    describe = lapply(vectors, describe),
    tests = tests,
    sample = sample_table
  )
  dir.create("test/fixtures/reference", recursive = TRUE, showWarnings = FALSE)
  writeLines(to_json(out), "test/fixtures/reference/table-one.json")
  cat("wrote test/fixtures/reference/table-one.json\n")
}

# Random cohorts, in test/fixtures/reference/table-one-random.json (seed 20251201, 40 cohorts); given a seed,
# a directory and a number, only those cohorts, elsewhere: held-out cases to score tableOne on.
seed <- if (held_out) as.integer(args[1]) else 20251201L
out_dir <- if (held_out) args[2] else "test/fixtures/reference"
count <- if (held_out) as.integer(args[3]) else 40L
set.seed(seed)
cohorts <- lapply(sprintf("random-%03d", seq_len(count)), function(id) {
  message(id)
  random_cohort(id)
})
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
random_out <- list(
  source = scalar(paste0("scripts/reference/table-one.R, seed ", seed, ", ", R.version.string, "; Table 1 by type of random cohorts, base R as for the sample")),
  cohorts = cohorts
)
writeLines(to_json(random_out), file.path(out_dir, "table-one-random.json"))
cat("wrote", count, "random cohorts to", file.path(out_dir, "table-one-random.json"), "\n")
