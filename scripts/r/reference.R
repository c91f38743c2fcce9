# Reference values for Dalbit's experiment statistics, computed with base R only.
# Run from the repository root: Rscript scripts/r/reference.R [output.json]
# Reads  packages/core/test/experiments/fixtures/ab-test.csv (from generate-fixtures.R)
# Writes packages/core/test/experiments/fixtures/r-reference.json, which the TypeScript tests
# compare against (CI has no R; the JSON is committed).
fixtures <- "packages/core/test/experiments/fixtures"
ab <- read.csv(file.path(fixtures, "ab-test.csv"), stringsAsFactors = FALSE)
LEVEL <- 0.95

# ---- minimal JSON writer (base R has none) ----
num <- function(x) if (is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", x)
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    items <- vapply(x, to_json, "")
    if (!is.null(names(x))) return(paste0("{", paste0('"', names(x), '":', items, collapse = ","), "}"))
    return(paste0("[", paste(items, collapse = ","), "]"))
  }
  if (is.character(x)) { s <- paste0('"', x, '"'); return(if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]")) }
  if (is.logical(x) && length(x) == 1) return(if (is.na(x)) "null" else tolower(as.character(x)))
  s <- vapply(as.numeric(x), num, "")
  if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}

# ---- distributions ----
pnorm_x <- c(-37, -20, -8, -5, -3, -1.959963984540054, -1, -0.1, 0, 0.5, 1.6448536269514722, 3, 6)
qnorm_p <- c(1e-300, 1e-12, 1e-6, 0.001, 0.02425, 0.025, 0.05, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-9)
pt_cases <- list(c(2.1, 3), c(-1.3, 7.5), c(0.01, 1), c(4.2, 2.5), c(-12, 30), c(1.96, 1234.56), c(0.3, 80000), c(-50, 5))
qt_cases <- list(c(0.975, 1), c(0.975, 10), c(0.975, 37.25), c(0.995, 4), c(0.025, 2.2), c(1e-8, 3), c(0.975, 5000), c(0.6, 12))
pchisq_cases <- list(c(3.84, 1), c(0.5, 2), c(25, 2), c(12.3, 5), c(80, 40), c(1e-4, 3), c(200, 100))
pbeta_cases <- list(c(0.3, 2, 5), c(0.999, 0.5, 50), c(0.01, 30, 4), c(0.5, 1000, 1000), c(0.7, 0.5, 0.5))
pnt_cases <- list(c(1.97, 18, 2.5), c(2.0, 200, 2.8), c(-0.5, 10, 1), c(3, 5, -1), c(1.96, 3998, 2.8))
distributions <- list(
  pnorm = lapply(pnorm_x, function(x) list(x = x, p = pnorm(x))),
  qnorm = lapply(qnorm_p, function(p) list(p = p, q = qnorm(p))),
  pt = lapply(pt_cases, function(c) list(t = c[1], df = c[2], p = pt(c[1], c[2]))),
  qt = lapply(qt_cases, function(c) list(p = c[1], df = c[2], q = qt(c[1], c[2]))),
  pchisq_upper = lapply(pchisq_cases, function(c) list(x = c[1], df = c[2], p = pchisq(c[1], c[2], lower.tail = FALSE))),
  pbeta = lapply(pbeta_cases, function(c) list(x = c[1], a = c[2], b = c[3], p = pbeta(c[1], c[2], c[3]))),
  pt_noncentral = lapply(pnt_cases, function(c) list(t = c[1], df = c[2], ncp = c[3], p = pt(c[1], c[2], ncp = c[3]))),
  lgamma = lapply(c(0.1, 0.5, 1, 1.5, 7.25, 30, 1234.5, 1e6), function(x) list(x = x, value = lgamma(x)))
)

# ---- two proportions: prop.test without continuity correction (treatment first) ----
katz <- function(xt, nt, xc, nc) {
  pt_ <- xt / nt; pc <- xc / nc
  if (xt == 0 || xc == 0) return(list(estimate = NULL, lower = NULL, upper = NULL))
  se <- sqrt((1 - pt_) / xt + (1 - pc) / xc)
  z <- qnorm((1 + LEVEL) / 2)
  list(estimate = pt_ / pc - 1, lower = exp(log(pt_ / pc) - z * se) - 1, upper = exp(log(pt_ / pc) + z * se) - 1)
}
prop_case <- function(xt, nt, xc, nc) {
  r <- suppressWarnings(prop.test(c(xt, xc), c(nt, nc), correct = FALSE, conf.level = LEVEL))
  list(treatment = list(conversions = xt, n = nt), control = list(conversions = xc, n = nc),
       p_value = r$p.value, chi_square = unname(r$statistic),
       lower = r$conf.int[1], upper = r$conf.int[2], relative = katz(xt, nt, xc, nc))
}
prop_cases <- list(c(120, 2400, 100, 2400), c(30, 500, 12, 480), c(5, 100, 1, 100), c(1523, 30211, 1402, 30190),
                   c(3, 10, 7, 12), c(999, 1000, 990, 1000), c(45, 5000, 38, 5000))
two_proportions <- lapply(prop_cases, function(c) prop_case(c[1], c[2], c[3], c[4]))

# ---- Welch t-test on small vectors (t.test default) ----
welch_vectors <- list(
  list(treatment = c(19.1, 22.4, 18.7, 25.3, 21.0, 23.8), control = c(17.2, 18.9, 16.4, 20.1, 19.5)),
  list(treatment = c(0, 0, 0, 35000, 0, 52000, 0, 0, 41000, 0), control = c(0, 28000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
)
welch_case <- function(t, c) {
  r <- t.test(t, c, conf.level = LEVEL)
  list(treatment = t, control = c, t = unname(r$statistic), df = unname(r$parameter), p_value = r$p.value,
       estimate = mean(t) - mean(c), lower = r$conf.int[1], upper = r$conf.int[2])
}
welch <- lapply(welch_vectors, function(v) welch_case(v$treatment, v$control))

# ---- SRM: chisq.test goodness of fit ----
srm_case <- function(counts, weights) {
  r <- chisq.test(counts, p = weights, rescale.p = TRUE)
  list(observed = counts, weights = weights, chi_square = unname(r$statistic), df = unname(r$parameter), p_value = r$p.value)
}
srm <- list(srm_case(c(1000, 4300, 4700), c(0.1, 0.45, 0.45)), srm_case(c(5000, 5200), c(0.5, 0.5)),
            srm_case(c(980, 4522, 4498), c(0.1, 0.45, 0.45)), srm_case(c(2100, 2000, 1900, 4000), c(1, 1, 1, 2)))

# ---- power.prop.test / power.t.test (tolerance of uniroot tightened) ----
TOL <- 1e-12
power_prop <- list(
  sample_size = lapply(list(c(0.05, 0.06, 0.8, 0.05), c(0.10, 0.12, 0.9, 0.05), c(0.02, 0.025, 0.8, 0.01), c(0.3, 0.35, 0.8, 0.05)),
    function(c) list(p1 = c[1], p2 = c[2], power = c[3], alpha = c[4], n = power.prop.test(p1 = c[1], p2 = c[2], power = c[3], sig.level = c[4], tol = TOL)$n)),
  mde = lapply(list(c(5000, 0.05, 0.8, 0.05), c(20000, 0.02, 0.9, 0.05), c(800, 0.1, 0.8, 0.05)),
    function(c) list(n = c[1], p1 = c[2], power = c[3], alpha = c[4], p2 = power.prop.test(n = c[1], p1 = c[2], power = c[3], sig.level = c[4], tol = TOL)$p2)),
  power = lapply(list(c(3000, 0.05, 0.06, 0.05), c(250, 0.2, 0.3, 0.01)),
    function(c) list(n = c[1], p1 = c[2], p2 = c[3], alpha = c[4], power = power.prop.test(n = c[1], p1 = c[2], p2 = c[3], sig.level = c[4])$power))
)
power_t <- list(
  sample_size = lapply(list(c(1000, 15000, 0.8, 0.05), c(0.5, 1, 0.9, 0.05), c(2, 10, 0.8, 0.01)),
    function(c) list(delta = c[1], sd = c[2], power = c[3], alpha = c[4], n = power.t.test(delta = c[1], sd = c[2], power = c[3], sig.level = c[4], tol = TOL)$n)),
  mde = lapply(list(c(5000, 15000, 0.8, 0.05), c(20, 1, 0.8, 0.05)),
    function(c) list(n = c[1], sd = c[2], power = c[3], alpha = c[4], delta = power.t.test(n = c[1], sd = c[2], power = c[3], sig.level = c[4], tol = TOL)$delta)),
  power = lapply(list(c(100, 0.4, 1, 0.05), c(30, 5, 8, 0.05)),
    function(c) list(n = c[1], delta = c[2], sd = c[3], alpha = c[4], power = power.t.test(n = c[1], delta = c[2], sd = c[3], sig.level = c[4])$power))
)

# ---- Bayesian P(p_T > p_C), Beta(1,1) priors: numeric integration, independent of the closed form ----
beat <- function(xt, nt, xc, nc) {
  f <- function(p) dbeta(p, 1 + xt, 1 + nt - xt) * pbeta(p, 1 + xc, 1 + nc - xc)
  list(treatment = list(conversions = xt, n = nt), control = list(conversions = xc, n = nc),
       probability = integrate(f, 0, 1, rel.tol = 1e-13, abs.tol = 0, subdivisions = 10000L)$value)
}
beat_cases <- list(c(120, 2400, 100, 2400), c(5, 100, 1, 100), c(30, 500, 12, 480), c(0, 50, 0, 50), c(45, 5000, 38, 5000), c(3, 10, 7, 12))
probability_to_beat <- lapply(beat_cases, function(c) beat(c[1], c[2], c[3], c[4]))

# ---- mSPRT normal-mixture likelihood ratio by numeric integration over the mixing density ----
mixture_lr <- function(d, v, tau2) {
  f <- function(theta) exp(dnorm(d, theta, sqrt(v), log = TRUE) - dnorm(d, 0, sqrt(v), log = TRUE)) * dnorm(theta, 0, sqrt(tau2))
  integrate(f, -Inf, Inf, rel.tol = 1e-12)$value
}
msprt <- lapply(list(c(0.004, 1e-5, 1e-4), c(-0.01, 2e-5, 4e-4), c(0.02, 1e-4, 1e-4), c(150, 2500, 40000)),
  function(c) list(difference = c[1], variance = c[2], mixture_variance = c[3], likelihood_ratio = mixture_lr(c[1], c[2], c[3])))

# ---- the A/B fixture: per-arm summary, each arm vs control, CUPED, per segment ----
arm_summary <- function(d, a) {
  s <- d[d$arm == a, ]
  list(arm = a, n = nrow(s), conversions = sum(s$converted), revenue = sum(s$revenue),
       revenue_per_recipient = mean(s$revenue), aov = if (sum(s$converted) > 0) sum(s$revenue) / sum(s$converted) else NULL)
}
delta_log <- function(t, c) {
  mt <- mean(t); mc <- mean(c); se <- sqrt(var(t) / length(t) / mt^2 + var(c) / length(c) / mc^2)
  z <- qnorm((1 + LEVEL) / 2)
  list(estimate = mt / mc - 1, lower = exp(log(mt / mc) - z * se) - 1, upper = exp(log(mt / mc) + z * se) - 1)
}
compare <- function(d, a, ctrl, with_cuped) {
  t <- d[d$arm == a, ]; c <- d[d$arm == ctrl, ]
  conv <- prop_case(sum(t$converted), nrow(t), sum(c$converted), nrow(c))
  w <- t.test(t$revenue, c$revenue, conf.level = LEVEL)
  out <- list(arm = a,
    conversion = list(estimate = mean(t$converted) - mean(c$converted), lower = conv$lower, upper = conv$upper,
                      p_value = conv$p_value, relative = conv$relative,
                      probability_to_beat = beat(sum(t$converted), nrow(t), sum(c$converted), nrow(c))$probability),
    revenue = list(estimate = mean(t$revenue) - mean(c$revenue), lower = w$conf.int[1], upper = w$conf.int[2],
                   t = unname(w$statistic), df = unname(w$parameter), p_value = w$p.value,
                   relative = delta_log(t$revenue, c$revenue)))
  if (with_cuped) {
    ta <- d$adj[d$arm == a]; ca <- d$adj[d$arm == ctrl]
    cw <- t.test(ta, ca, conf.level = LEVEL)
    out$cuped <- list(estimate = mean(ta) - mean(ca), lower = cw$conf.int[1], upper = cw$conf.int[2], p_value = cw$p.value,
                      relative = delta_log(ta, ca))
  }
  out
}
# CUPED: θ is the OLS slope of revenue on pre-period revenue over all rows (= cov/var, Deng et al. 2013).
fit <- lm(revenue ~ pre_revenue, data = ab)
theta <- unname(coef(fit)[2])
ab$adj <- ab$revenue - theta * (ab$pre_revenue - mean(ab$pre_revenue))
arms <- c("control", "A", "B")
ab_result <- list(
  control = "control",
  arms = lapply(arms, function(a) arm_summary(ab, a)),
  comparisons = lapply(c("A", "B"), function(a) compare(ab, a, "control", TRUE)),
  cuped = list(theta = theta, theta_cov_var = cov(ab$revenue, ab$pre_revenue) / var(ab$pre_revenue),
               variance_reduction = 1 - var(ab$adj) / var(ab$revenue),
               ancova_B_vs_control = unname(coef(lm(revenue ~ factor(arm, levels = arms) + pre_revenue, data = ab))[3])),
  srm = srm_case(as.numeric(table(factor(ab$arm, levels = arms))), c(0.1, 0.45, 0.45)),
  segments = lapply(sort(unique(ab$segment)), function(s) {
    d <- ab[ab$segment == s, ]
    list(segment = s, comparisons = lapply(c("A", "B"), function(a) compare(d, a, "control", FALSE)))
  })
)

result <- list(
  generated_by = "scripts/r/reference.R",
  r_version = R.version.string,
  level = LEVEL,
  distributions = distributions,
  two_proportions = two_proportions,
  welch = welch,
  srm = srm,
  power_prop = power_prop,
  power_t = power_t,
  probability_to_beat = probability_to_beat,
  msprt = msprt,
  ab_test = ab_result
)
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else file.path(fixtures, "r-reference.json")
writeLines(to_json(result), out)
cat("wrote", out, "\n")
