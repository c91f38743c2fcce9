# Generates the committed experiment fixture datasets deterministically.
# Run from the repository root: Rscript scripts/r/generate-fixtures.R [output-dir]
# Output: packages/core/test/experiments/fixtures/ab-test.csv
#   one row per customer: arm,converted,revenue,pre_revenue,segment (revenue in KRW, integers).
# Planned split control 10 %, A 45 %, B 45 %; true conversion uplift A ×1.10, B ×1.35.
RNGversion("4.0.0")
set.seed(20240601)
args <- commandArgs(trailingOnly = TRUE)
out_dir <- if (length(args) >= 1) args[1] else "packages/core/test/experiments/fixtures"

n <- 6000
arm <- sample(c("control", "A", "B"), n, replace = TRUE, prob = c(0.10, 0.45, 0.45))
segment <- sample(c("vip", "regular", "new"), n, replace = TRUE, prob = c(0.15, 0.50, 0.35))
pre_buyer <- runif(n) < ifelse(segment == "vip", 0.60, ifelse(segment == "regular", 0.25, 0.05))
pre_revenue <- ifelse(pre_buyer, round(exp(rnorm(n, log(45000), 0.6)) / 100) * 100, 0)
base_rate <- 0.04 + 0.08 * (segment == "vip") + ifelse(pre_buyer, 0.03, 0)
uplift <- ifelse(arm == "A", 1.10, ifelse(arm == "B", 1.35, 1.00))
converted <- runif(n) < base_rate * uplift
basket <- round((30000 + 0.4 * pre_revenue + exp(rnorm(n, log(20000), 0.7))) / 100) * 100
revenue <- ifelse(converted, basket, 0)

ab <- data.frame(arm = arm, converted = as.integer(converted), revenue = revenue,
                 pre_revenue = pre_revenue, segment = segment)
write.csv(ab, file.path(out_dir, "ab-test.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(ab), "rows\n")
