/**
 * An association rule `lhs => {rhs}` with arules' quality measures. Item indices refer to the
 * item order of the transactions the rule was mined from; `lhs` is ascending.
 */
export interface Rule {
  readonly lhs: readonly number[];
  readonly rhs: number;
  /** Transactions containing lhs ∪ {rhs}. */
  readonly count: number;
  readonly lhsCount: number;
  readonly rhsCount: number;
  /** count / N. */
  readonly support: number;
  /** count / lhsCount. */
  readonly confidence: number;
  /** supp(lhs) = support / confidence; 1 for the empty lhs. */
  readonly coverage: number;
  /** confidence / supp(rhs). */
  readonly lift: number;
  /** support − coverage × supp(rhs). */
  readonly leverage: number;
  /** (1 − supp(rhs)) / (1 − confidence); `Infinity` when confidence is 1. */
  readonly conviction: number;
}

export interface RuleSet {
  readonly items: readonly string[];
  /** Number of transactions. */
  readonly n: number;
  readonly minCount: number;
  readonly rules: readonly Rule[];
}

/** Measures as arules reports them: confidence from the integer counts, lift = confidence / supp(rhs). */
export function measureRule(input: {
  lhs: readonly number[];
  rhs: number;
  count: number;
  lhsCount: number;
  rhsCount: number;
  n: number;
}): Rule {
  const { count, lhsCount, rhsCount, n } = input;
  const support = count / n;
  const rhsSupport = rhsCount / n;
  const confidence = count / lhsCount;
  // arules derives coverage from the other two measures (support / confidence).
  const coverage = support / confidence;
  const lift = confidence / rhsSupport;
  return {
    lhs: input.lhs,
    rhs: input.rhs,
    count,
    lhsCount,
    rhsCount,
    support,
    confidence,
    coverage,
    lift,
    leverage: support - coverage * rhsSupport,
    conviction: confidence === 1 ? Number.POSITIVE_INFINITY : (1 - rhsSupport) / (1 - confidence),
  };
}
