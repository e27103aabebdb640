# Reference vectors for the stratified comparisons (mantelHaenszel, cmhTest, breslowDay) and the
# meta-analysis of proportions (metaProportion), computed with R's stats::mantelhaen.test and
# metafor (rma.mh, escalc + rma + predict, rma.glmm) at tight convergence.
#
#   Rscript scripts/reference/meta-reference.R [seed] [directory] [stratified] [meta]
#
# writes test/fixtures/reference/stratified.json and test/fixtures/reference/meta-proportion.json
# (seed 20240516: the fixed edge cases, the sample cohort and 160 + 70 random cases). Given the
# numbers of cases, it writes only random cases drawn with that seed: held-out cases to score the
# implementation on without touching the fixtures (the test files print the worst error per field):
#   Rscript scripts/reference/meta-reference.R 31337 /tmp/held-out 40 60
#   META_REFERENCE_DIR=/tmp/held-out npx vitest run test/meta/meta-proportion.reference.test.ts test/stratified/stratified.reference.test.ts
# Needs R >= 4.2 with metafor 3.8, lme4 (for rma.glmm) and jsonlite (Debian: r-cran-metafor,
# r-cran-lme4, r-cran-jsonlite). The tests read the JSON files and never run R.

suppressMessages({
  library(metafor)
  library(jsonlite)
})

num <- function(x) {
  if (is.null(x) || length(x) == 0) return(NULL)
  x <- as.numeric(x)[1]
  if (is.na(x) && !is.nan(x)) return("NA")
  if (is.nan(x)) return("NaN")
  if (is.infinite(x)) return(if (x > 0) "Inf" else "-Inf")
  structure(sprintf("%.17g", x), class = "json") # all 17 digits (jsonlite would print 15)
}

# Evaluate, keeping warnings and turning an error into a message.
capture <- function(expr) {
  warnings <- character()
  value <- withCallingHandlers(
    tryCatch(expr, error = function(e) structure(list(message = conditionMessage(e)), class = "failed")),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  )
  list(value = value, warnings = warnings)
}

## ---------------------------------------------------------------------------------------------
## Stratified 2x2 tables

stratified_case <- function(id, strata, note = NULL) {
  list(id = id, strata = strata, note = note)
}

fixed_strata <- list(
  stratified_case("two-strata", list(c(20, 30, 10, 30), c(15, 25, 8, 25))),
  stratified_case("k1", list(c(12, 40, 7, 38))),
  stratified_case("zero-cell", list(c(0, 10, 3, 12), c(5, 20, 2, 18), c(7, 14, 4, 16))),
  stratified_case("no-events-stratum", list(c(0, 10, 0, 12), c(5, 20, 2, 18), c(3, 15, 1, 9))),
  stratified_case("all-events-stratum", list(c(10, 10, 12, 12), c(5, 20, 2, 18), c(3, 15, 1, 9))),
  stratified_case("empty-group", list(c(0, 0, 3, 12), c(5, 20, 2, 18), c(4, 11, 6, 13))),
  stratified_case("empty-stratum", list(c(0, 0, 0, 0), c(5, 20, 2, 18), c(4, 11, 6, 13)),
                  note = "the empty stratum (no patients) is left out of every R call: metafor returns NaN for it and mantelhaen.test refuses it"),
  stratified_case("single-patient-stratum", list(c(1, 1, 0, 0), c(5, 20, 2, 18), c(4, 11, 6, 13)),
                  note = "mantelhaen.test refuses strata with fewer than 2 patients: it is run without the first stratum"),
  stratified_case("equal-odds", list(c(5, 10, 5, 10), c(3, 6, 3, 6))),
  stratified_case("or-undefined", list(c(0, 10, 3, 12), c(0, 20, 2, 18))),
  stratified_case("rr-undefined", list(c(0, 10, 0, 12), c(0, 20, 0, 18))),
  stratified_case("small-delta", list(c(3, 7, 4, 9))),
  stratified_case("large-counts", list(c(41234, 100000, 39876, 98000), c(2231, 2324, 1275, 1341), c(90000, 120000, 70000, 100000))),
  stratified_case("near-one", list(c(200, 1000, 201, 1000), c(150, 800, 149, 800), c(310, 1500, 311, 1500))),
  stratified_case("k2-heterogeneous", list(c(30, 40, 5, 40), c(5, 40, 30, 40)))
)

# Spastic (group 1) against athetoid (group 2) by year in the bundled sample cohort, outcome
# 'improved' among known outcomes: the CLI's `summarize --by year --compare spastic,athetoid`.
sample_strata <- function() {
  path <- file.path("data", "sample-cohort.csv")
  if (!file.exists(path)) return(NULL)
  d <- read.csv(path, stringsAsFactors = FALSE)
  d <- d[d$outcome != "unknown", ]
  years <- sort(unique(d$year))
  lapply(years, function(y) {
    s <- d[d$year == y & d$type == "spastic", ]
    a <- d[d$year == y & d$type == "athetoid", ]
    c(sum(s$outcome == "improved"), nrow(s), sum(a$outcome == "improved"), nrow(a))
  })
}

random_strata <- function(id) {
  k <- sample(c(1:8, 10, 12, 15, 20), 1)
  size <- sample(c(5, 20, 60, 200, 1000), 1)
  base <- runif(1, 0.02, 0.98)
  lor <- rnorm(1, 0, 1)
  het <- sample(c(0, 0, 0.3, 1), 1)
  strata <- lapply(seq_len(k), function(i) {
    n1 <- rpois(1, size * runif(1, 0.3, 1.5))
    n2 <- rpois(1, size * runif(1, 0.3, 1.5))
    if (runif(1) < 0.04) n1 <- 0
    if (runif(1) < 0.04) n2 <- 0
    p2 <- plogis(qlogis(base) + rnorm(1, 0, 0.5))
    p1 <- plogis(qlogis(p2) + lor + rnorm(1, 0, het))
    c(rbinom(1, n1, p1), n1, rbinom(1, n2, p2), n2)
  })
  stratified_case(id, strata)
}

mh_fields <- function(r, measure) {
  if (inherits(r, "failed")) return(list(error = r$message))
  ratio <- measure != "RD"
  tr <- if (ratio) exp else identity
  list(estimate = num(tr(r$beta)), lower = num(tr(r$ci.lb)), upper = num(tr(r$ci.ub)), se = num(r$se), pValue = num(r$pval),
       MH = num(r$MH), MHp = num(r$MHp), BD = num(r$BD), BDp = num(r$BDp), TA = num(r$TA), TAp = num(r$TAp), kPos = num(r$k.pos))
}

run_stratified <- function(case) {
  m <- do.call(rbind, case$strata)
  colnames(m) <- c("x1", "n1", "x2", "n2")
  keep <- m[, "n1"] + m[, "n2"] > 0
  mm <- m[keep, , drop = FALSE]
  out <- list(id = case$id, strata = lapply(seq_len(nrow(m)), function(i) as.list(m[i, ])))
  if (!is.null(case$note)) out$note <- case$note
  for (spec in list(c("OR", "95"), c("OR", "90"), c("RR", "95"), c("RD", "95"))) {
    measure <- spec[1]
    level <- as.numeric(spec[2])
    r <- capture(rma.mh(ai = mm[, "x1"], n1i = mm[, "n1"], ci = mm[, "x2"], n2i = mm[, "n2"], measure = measure, level = level))
    f <- mh_fields(r$value, measure)
    f$warnings <- r$warnings
    out[[paste0("rma.mh.", measure, ".", spec[2])]] <- f
  }
  # Breslow-Day and Tarone on the strata with both groups (metafor counts a stratum with an empty
  # group 2 as one more degree of freedom and adds a 0/0 term for it)
  both <- mm[mm[, "n1"] > 0 & mm[, "n2"] > 0, , drop = FALSE]
  if (nrow(both) > 0) {
    r <- capture(rma.mh(ai = both[, "x1"], n1i = both[, "n1"], ci = both[, "x2"], n2i = both[, "n2"], measure = "OR"))
    out[["rma.mh.OR.95.both-groups"]] <- c(mh_fields(r$value, "OR"), list(warnings = r$warnings))
  }
  big <- mm[mm[, "n1"] + mm[, "n2"] >= 2, , drop = FALSE]
  for (correct in c(TRUE, FALSE)) {
    r <- capture({
      a <- array(0, dim = c(2, 2, nrow(big)))
      a[1, 1, ] <- big[, "x1"]; a[1, 2, ] <- big[, "n1"] - big[, "x1"]
      a[2, 1, ] <- big[, "x2"]; a[2, 2, ] <- big[, "n2"] - big[, "x2"]
      mantelhaen.test(a, correct = correct)
    })
    key <- paste0("mantelhaen.", if (correct) "correct" else "nocorrect")
    if (inherits(r$value, "failed")) {
      out[[key]] <- list(error = r$value$message)
    } else {
      out[[key]] <- list(statistic = num(r$value$statistic), pValue = num(r$value$p.value), method = r$value$method,
                         estimate = num(r$value$estimate), lower = num(r$value$conf.int[1]), upper = num(r$value$conf.int[2]))
    }
  }
  out
}

## ---------------------------------------------------------------------------------------------
## Meta-analysis of proportions

meta_case <- function(id, events, n, note = NULL) list(id = id, events = events, n = n, note = note)

fixed_meta <- list(
  meta_case("k1", 3, 20),
  meta_case("k1-zero", 0, 15),
  meta_case("k2", c(3, 5), c(20, 30)),
  meta_case("k2-zero-and-all", c(0, 10), c(10, 10)),
  meta_case("heterogeneous", c(3, 15, 10, 1, 17, 30), c(20, 30, 40, 15, 25, 45)),
  meta_case("with-zero", c(3, 5, 10, 0, 7), c(20, 30, 40, 15, 25)),
  meta_case("identical", c(5, 5, 5), c(20, 20, 20)),
  meta_case("near-96-percent", c(96, 180, 45, 290, 38), c(100, 200, 50, 300, 40)),
  meta_case("large-n", c(40123, 2100, 950000), c(100000, 5000, 2000000)),
  meta_case("all-zero", c(0, 0, 0), c(10, 20, 15)),
  meta_case("all-events", c(10, 20, 5), c(10, 20, 5)),
  meta_case("tiny-n", c(0, 1, 1, 0, 2), c(1, 1, 2, 3, 3)),
  meta_case("extreme-heterogeneity", c(1, 99, 50, 2, 97), c(100, 100, 100, 100, 100)),
  meta_case("homogeneous-k20", c(11, 9, 14, 10, 12, 8, 13, 10, 9, 12, 11, 10, 15, 9, 10, 12, 11, 8, 13, 10), rep(50, 20))
)

random_meta <- function(id) {
  k <- sample(c(2:10, 12, 15, 20, 30), 1)
  n <- round(exp(runif(k, log(5), log(3000))))
  mu <- runif(1, -3.5, 3.5)
  tau <- sample(c(0, 0.1, 0.3, 0.6, 1, 2), 1)
  events <- rbinom(k, n, plogis(rnorm(k, mu, tau)))
  meta_case(id, events, n)
}

transforms <- c(logit = "PLO", arcsine = "PAS", "freeman-tukey" = "PFT", raw = "PR")
backs <- list(logit = transf.ilogit, arcsine = transf.iarcsin, "freeman-tukey" = transf.ipft.hm, raw = NULL)
methods <- c("FE", "DL", "REML", "PM", "ML", "HS", "SJ", "EB")
tight <- list(threshold = 1e-12, tol = 1e-14, maxiter = 10000)
glmm_tight <- list(glmerCtrl = list(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5)))

pooled_fields <- function(res, transform, ni, glmm = FALSE) {
  back <- backs[[transform]]
  p <- predict(res)
  b <- if (is.null(back)) p else if (transform == "freeman-tukey") predict(res, transf = back, targs = list(ni = ni)) else predict(res, transf = back)
  out <- list(
    estimate = num(b$pred), lower = num(b$ci.lb), upper = num(b$ci.ub), predictionLower = num(b$pi.lb), predictionUpper = num(b$pi.ub),
    tau2 = num(res$tau2), I2 = num(res$I2), H2 = num(res$H2),
    Q = num(if (glmm) res$QE.Wld else res$QE), QpValue = num(if (glmm) res$QEp.Wld else res$QEp),
    transformed = list(estimate = num(p$pred), se = num(p$se), lower = num(p$ci.lb), upper = num(p$ci.ub), predictionLower = num(p$pi.lb), predictionUpper = num(p$pi.ub))
  )
  if (glmm) {
    out$QLikelihoodRatio <- num(res$QE.LRT)
    out$QLikelihoodRatioPValue <- num(res$QEp.LRT)
  }
  out
}

run_meta <- function(case) {
  out <- list(id = case$id, events = I(case$events), n = I(case$n), fits = list())
  if (!is.null(case$note)) out$note <- case$note
  for (transform in names(transforms)) {
    dat <- escalc(measure = transforms[[transform]], xi = case$events, ni = case$n)
    for (method in methods) for (test in c("z", "knha")) {
      r <- capture(rma(yi, vi, data = dat, method = method, test = test, control = tight))
      key <- paste(transform, method, test, sep = "/")
      out$fits[[key]] <- if (inherits(r$value, "failed")) list(error = r$value$message, warnings = r$warnings) else c(pooled_fields(r$value, transform, case$n), list(warnings = r$warnings))
    }
  }
  for (variant in c("tight", "default")) {
    r <- capture(rma.glmm(measure = "PLO", xi = case$events, ni = case$n, control = if (variant == "tight") glmm_tight else list()))
    key <- paste0("logit/GLMM/z", if (variant == "default") "/lme4-default" else "")
    out$fits[[key]] <- if (inherits(r$value, "failed")) list(error = r$value$message, warnings = r$warnings) else c(pooled_fields(r$value, "logit", case$n, glmm = TRUE), list(warnings = r$warnings))
  }
  # rma.glmm's Wald test of heterogeneity takes the last study as the reference level of the saturated
  # model. With 0 or n events there, that study's logit has a variance of ~1e9 and the statistic loses
  # ~5 digits to rounding; the statistic itself does not depend on the order of the studies. The same
  # test with the most informative study (largest x (n - x) / n) last is the well-conditioned value.
  k <- length(case$events)
  if (k >= 2) {
    info <- case$events * (case$n - case$events) / case$n
    last <- which.max(info)
    o <- c(setdiff(seq_len(k), last), last)
    r <- capture(rma.glmm(measure = "PLO", xi = case$events[o], ni = case$n[o], control = glmm_tight))
    out$waldReordered <- if (inherits(r$value, "failed")) list(error = r$value$message) else
      list(order = I(o), Q = num(r$value$QE.Wld), QpValue = num(r$value$QEp.Wld))
  }
  out
}

## ---------------------------------------------------------------------------------------------

args <- commandArgs(trailingOnly = TRUE)
seed <- if (length(args) >= 1) as.integer(args[1]) else 20240516L
out_dir <- if (length(args) >= 2) args[2] else "test/fixtures/reference"
held_out <- length(args) >= 4
n_strata <- if (held_out) as.integer(args[3]) else 160L
n_meta <- if (held_out) as.integer(args[4]) else 70L
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

set.seed(seed)
strata_cases <- list()
if (!held_out) {
  strata_cases <- fixed_strata
  sample_case <- sample_strata()
  if (!is.null(sample_case)) strata_cases <- c(strata_cases, list(stratified_case("sample-cohort-spastic-vs-athetoid-by-year", sample_case)))
}
strata_cases <- c(strata_cases, lapply(sprintf("random-%03d", seq_len(n_strata)), random_strata))
stratified <- lapply(strata_cases, run_stratified)

set.seed(seed + 1L)
meta_cases <- c(if (held_out) list() else fixed_meta, lapply(sprintf("random-%03d", seq_len(n_meta)), random_meta))
meta <- lapply(meta_cases, run_meta)

source_info <- function(what) list(
  generated_by = "scripts/reference/meta-reference.R",
  seed = seed,
  r = R.version.string,
  packages = list(metafor = as.character(packageVersion("metafor")), lme4 = as.character(packageVersion("lme4"))),
  what = what
)

write_json(list(source = source_info("rma.mh (OR at 95% and 90%, RR, RD) and mantelhaen.test (correct = TRUE / FALSE) per case; strata are [x1, n1, x2, n2]"),
                cases = stratified),
           file.path(out_dir, "stratified.json"), auto_unbox = TRUE, json_verbatim = TRUE, null = "null", na = "string", pretty = FALSE)
write_json(list(source = source_info(paste(
                  "escalc + rma(method, test, control = list(threshold = 1e-12, tol = 1e-14, maxiter = 10000)) + predict with transf.ilogit / transf.iarcsin / transf.ipft.hm (targs ni) / none;",
                  "rma.glmm(measure = 'PLO') with bobyqa rhoend = 1e-12 ('logit/GLMM/z') and with lme4's default optimiser ('logit/GLMM/z/lme4-default');",
                  "waldReordered: rma.glmm's Wald Q with the most informative study last (the reference level);",
                  "fits are keyed transform/method/test")),
                cases = meta),
           file.path(out_dir, "meta-proportion.json"), auto_unbox = TRUE, json_verbatim = TRUE, null = "null", na = "string", pretty = FALSE)
cat("wrote", length(stratified), "stratified and", length(meta), "meta-analysis cases\n")
