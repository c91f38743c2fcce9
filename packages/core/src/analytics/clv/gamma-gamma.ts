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

/**
 * Spend summaries prepared for fitting: per customer x, ln m̄ and x·m̄; the Γ and ψ terms depend on
 * x alone, so they are evaluated once per distinct x (a handful) instead of once per customer.
 */
export interface SpendTable {
  readonly x: Float64Array;
  readonly logMx: Float64Array;
  readonly xMx: Float64Array;
  readonly distinctX: Float64Array;
  readonly xIndex: Int32Array;
}

export function spendTable(data: readonly SpendSummary[]): SpendTable {
  const distinct = [...new Set(data.map((d) => d.x))].sort((a, b) => a - b);
  const position = new Map(distinct.map((x, i) => [x, i]));
  return {
    x: Float64Array.from(data, (d) => d.x),
    logMx: Float64Array.from(data, (d) => Math.log(d.mx)),
    xMx: Float64Array.from(data, (d) => d.x * d.mx),
    distinctX: Float64Array.from(distinct),
    xIndex: Int32Array.from(data, (d) => position.get(d.x) ?? 0),
  };
}

/** −Σ ln f and its analytic gradient with respect to θ = (ln p, ln q, ln γ). */
export function gammaGammaNegLogLikelihood(
  theta: readonly number[],
  data: readonly SpendSummary[] | SpendTable,
): { value: number; gradient: number[] } {
  const t = 'logMx' in data ? data : spendTable(data);
  const [lp = 0, lq = 0, lg = 0] = theta;
  const p = Math.exp(lp);
  const q = Math.exp(lq);
  const gamma = Math.exp(lg);
  const psiQ = digamma(q);
  const logGamma = Math.log(gamma);
  const lgQ = lgamma(q);
  const nx = t.distinctX.length;
  const lgTerm = new Float64Array(nx);
  const psiTerm = new Float64Array(nx);
  const psiPxQ = new Float64Array(nx);
  for (let i = 0; i < nx; i++) {
    const px = p * (t.distinctX[i] ?? 0);
    lgTerm[i] = lgamma(px + q) - lgamma(px);
    const psi = digamma(px + q);
    psiPxQ[i] = psi;
    psiTerm[i] = psi - digamma(px);
  }
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dg = 0;
  for (let k = 0; k < t.x.length; k++) {
    const x = t.x[k] ?? 0;
    const j = t.xIndex[k] ?? 0;
    const px = p * x;
    const den = gamma + (t.xMx[k] ?? 0);
    const logDen = Math.log(den);
    const logMx = t.logMx[k] ?? 0;
    const logX = Math.log(x);
    ll += (lgTerm[j] ?? 0) - lgQ + q * logGamma + (px - 1) * logMx + px * logX - (px + q) * logDen;
    dp += x * ((psiTerm[j] ?? 0) + logMx + logX - logDen);
    dq += (psiPxQ[j] ?? 0) - psiQ + logGamma - logDen;
    dg += q / gamma - (px + q) / den;
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
