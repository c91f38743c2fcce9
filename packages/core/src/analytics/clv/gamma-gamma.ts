import { digamma } from '../../math/special/digamma.ts';
import { lgamma } from '../../math/special/log-gamma.ts';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, JMR 42(4) "RFM and CLV"; Hardie's note
 * "The Gamma-Gamma Model of Monetary Value", 2013): each transaction's value ~ Gamma(p, ν),
 * ν ~ Gamma(q, γ) across customers; assumes spend is independent of the purchase process.
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** A customer's number of transactions `x` (≥ 1) and their mean value `mx` (> 0). */
export interface SpendSummary {
  readonly x: number;
  readonly mx: number;
}

/**
 * ln f(m̄ | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + x m̄).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, s: SpendSummary): number {
  const { p, q, gamma } = params;
  const px = p * s.x;
  return (
    lgamma(px + q) -
    lgamma(px) -
    lgamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(s.mx) +
    px * Math.log(s.x) -
    (px + q) * Math.log(gamma + s.x * s.mx)
  );
}

/** −Σ ln f and its analytic gradient with respect to θ = (ln p, ln q, ln γ). */
export function gammaGammaNegLogLikelihood(
  theta: readonly number[],
  data: readonly SpendSummary[],
): { value: number; gradient: number[] } {
  const [lp = 0, lq = 0, lg = 0] = theta;
  const p = Math.exp(lp);
  const q = Math.exp(lq);
  const gamma = Math.exp(lg);
  const params = { p, q, gamma };
  const psiQ = digamma(q);
  const logGamma = Math.log(gamma);
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dg = 0;
  for (const s of data) {
    const px = p * s.x;
    const psiPxQ = digamma(px + q);
    const logDen = Math.log(gamma + s.x * s.mx);
    ll += gammaGammaLogLikelihood(params, s);
    dp += s.x * (psiPxQ - digamma(px) + Math.log(s.mx) + Math.log(s.x) - logDen);
    dq += psiPxQ - psiQ + logGamma - logDen;
    dg += q / gamma - (px + q) / (gamma + s.x * s.mx);
  }
  return { value: -ll, gradient: [-dp * p, -dq * q, -dg * gamma] };
}

/**
 * E[M | x, m̄] = (γ + x m̄) p / (px + q − 1): a weighted mean of the population mean pγ/(q − 1) and
 * the customer's own mean. With x = 0 it is the population mean. Needs q > 1.
 */
export function conditionalExpectedSpend(params: GammaGammaParams, s: { x: number; mx?: number }): number {
  const { p, q, gamma } = params;
  const x = s.x > 0 && (s.mx ?? 0) > 0 ? s.x : 0;
  return (p * (gamma + x * (x > 0 ? (s.mx ?? 0) : 0))) / (p * x + q - 1);
}
