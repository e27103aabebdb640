# Reference p-values of Fisher's exact test on r×c tables from R's fisher.test (FEXACT, the
# network algorithm of Mehta and Patel), base R only.
#
#   Rscript scripts/reference/fisher-rxc.R > test/fixtures/reference/fisher-rxc.json
#
# FEXACT keys past probabilities in a hash table and merges those within a relative tolerance, so its
# value can move in the sixth digit on large tables; each large table is therefore also given with its
# columns in reverse order ("reversed"): the spread between the two shows R's own precision.
set.seed(20240621)
num <- function(v) sprintf("%.17g", v)
tables <- list(
  matrix(c(44, 40, 46, 36, 37, 43, 39, 35, 53, 44, 52, 31), 3, byrow = TRUE),
  matrix(c(38, 32, 39, 48, 36, 52, 35, 37, 36, 48, 47, 52), 3, byrow = TRUE),
  matrix(c(35, 47, 43, 37, 42, 47, 44, 40, 47, 45, 31, 42), 3, byrow = TRUE),
  matrix(c(2, 3, 1, 0, 1, 0, 4, 2, 3, 2, 0, 1), 3, byrow = TRUE),
  matrix(c(1, 2, 3, 4, 2, 4, 3, 2, 1, 0), 2, byrow = TRUE)
)
# 3×4 tables of n = 500 with unequal margins and some association
for (i in 1:3) {
  p <- outer(c(0.2, 0.3, 0.5), c(0.1, 0.2, 0.3, 0.4)) * exp(matrix(rnorm(12, 0, 0.15 * i), 3))
  tables[[length(tables) + 1]] <- matrix(rmultinom(1, 500, p), 3)
}
# 2×10 tables of n = 2000: near independence, and with a trend across the columns
for (shift in c(0, 0.01)) {
  cs <- as.vector(rmultinom(1, 2000, rep(0.1, 10)))
  x1 <- rbinom(10, cs, 0.5 + shift * seq(-1, 1, length.out = 10))
  tables[[length(tables) + 1]] <- rbind(x1, cs - x1)
}
out <- character(0)
for (t in tables) {
  p <- fisher.test(t, workspace = 2e9)$p.value
  rev <- if (sum(t) >= 500) fisher.test(t[, ncol(t):1], workspace = 2e9)$p.value else p
  rows <- paste0("[", apply(t, 1, function(r) paste(r, collapse = ",")), "]", collapse = ",")
  out <- c(out, sprintf("{\"table\":[%s],\"p\":%s,\"reversed\":%s}", rows, num(p), num(rev)))
}
cat("{\"source\":\"scripts/reference/fisher-rxc.R (", R.version.string, "): fisher.test(table, workspace = 2e9)$p.value\",\n\"tables\":[\n", paste(out, collapse = ",\n"), "]}\n", sep = "")
