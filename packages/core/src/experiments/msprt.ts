/**
 * Mixture sequential probability ratio test (mSPRT) for a difference of two means or proportions,
 * with a normal mixing distribution N(θ0, τ²) over the effect (Johari, Koomen, Pekelis & Walsh,
 * "Peeking at A/B Tests", KDD 2017, and "Always Valid Inference", Operations Research 2022).
 *
 * At a look with estimated difference Δ̂ whose variance is V (σT²/nT + σC²/nC, plug-in), the mixture
 * likelihood ratio against H0: θ = θ0 is
 *   Λ = √(V / (V + τ²)) · exp(τ² (Δ̂ − θ0)² / (2 V (V + τ²))),
 * the always-valid p-value is the running minimum of min(1, 1/Λ), and the (1 − α) confidence
 * sequence is the running intersection of Δ̂ ± √(V (V + τ²) / τ² · (2 ln(1/α) + ln((V + τ²)/V))).
 * Stopping the first time p ≤ α keeps the false-positive rate ≤ α however often one looks.
 */
export interface SequentialLook {
  /** Estimated difference treatment − control at this look. */
  readonly difference: number;
  /** Variance of that estimate (sum of the two arms' variances of the mean). */
  readonly variance: number;
}

export interface SequentialState {
  readonly looks: number;
  /** Always-valid p-value after this look (non-increasing). */
  readonly pValue: number;
  /** Running intersection of the confidence sequence (may be empty only by chance ≤ α). */
  readonly lower: number;
  readonly upper: number;
  readonly logLikelihoodRatio: number;
}

/** ln Λ for one look; NaN when the variance is not positive (e.g. no conversions yet). */
export function computeMixtureLogLikelihoodRatio(input: {
  look: SequentialLook;
  mixtureVariance: number;
  nullValue?: number;
}): number {
  const v = input.look.variance;
  const tau2 = input.mixtureVariance;
  if (!(v > 0) || !(tau2 > 0)) return Number.NaN;
  const d = input.look.difference - (input.nullValue ?? 0);
  return 0.5 * Math.log(v / (v + tau2)) + (tau2 * d * d) / (2 * v * (v + tau2));
}

/** Half-width of the (1 − α) confidence-sequence interval at a single look. */
export function computeConfidenceSequenceHalfWidth(input: {
  variance: number;
  mixtureVariance: number;
  alpha: number;
}): number {
  const v = input.variance;
  const tau2 = input.mixtureVariance;
  return Math.sqrt(((v * (v + tau2)) / tau2) * (2 * Math.log(1 / input.alpha) + Math.log((v + tau2) / v)));
}

export const INITIAL_SEQUENTIAL_STATE: SequentialState = Object.freeze({
  looks: 0,
  pValue: 1,
  lower: Number.NEGATIVE_INFINITY,
  upper: Number.POSITIVE_INFINITY,
  logLikelihoodRatio: 0,
});

/**
 * Folds one more look into the running state. Looks with no variance yet are counted but
 * change nothing.
 * @example let s = INITIAL_SEQUENTIAL_STATE; for (const look of daily) s = updateSequentialTest({ state: s, look, mixtureVariance: 0.01 ** 2 });
 */
export function updateSequentialTest(input: {
  state: SequentialState;
  look: SequentialLook;
  mixtureVariance: number;
  alpha?: number;
  nullValue?: number;
}): SequentialState {
  const { state, look, mixtureVariance } = input;
  const alpha = input.alpha ?? 0.05;
  const logLr = computeMixtureLogLikelihoodRatio({ look, mixtureVariance, nullValue: input.nullValue ?? 0 });
  if (Number.isNaN(logLr)) return { ...state, looks: state.looks + 1 };
  const half = computeConfidenceSequenceHalfWidth({ variance: look.variance, mixtureVariance, alpha });
  return {
    looks: state.looks + 1,
    pValue: Math.min(state.pValue, Math.min(1, Math.exp(-logLr))),
    lower: Math.max(state.lower, look.difference - half),
    upper: Math.min(state.upper, look.difference + half),
    logLikelihoodRatio: logLr,
  };
}

/** The mSPRT at the current data only: 1/Λ is already an always-valid p-value (Ville's inequality). */
export interface SequentialSnapshot {
  readonly pValue: number;
  readonly lower: number;
  readonly upper: number;
  /** τ, the standard deviation of the normal mixture over the effect. */
  readonly mixtureSd: number;
}

/**
 * Default τ used by reports: 10 % of the control mean, i.e. tuned for relative effects of about
 * that size (Johari et al. recommend τ matched to the effects one expects to see).
 */
export const DEFAULT_MIXTURE_RELATIVE_SD = 0.1;

export function testSequentialSnapshot(input: {
  look: SequentialLook;
  mixtureSd: number;
  alpha: number;
}): SequentialSnapshot | undefined {
  if (!(input.look.variance > 0) || !(input.mixtureSd > 0)) return undefined;
  const s = updateSequentialTest({
    state: INITIAL_SEQUENTIAL_STATE,
    look: input.look,
    mixtureVariance: input.mixtureSd ** 2,
    alpha: input.alpha,
  });
  return { pValue: s.pValue, lower: s.lower, upper: s.upper, mixtureSd: input.mixtureSd };
}
