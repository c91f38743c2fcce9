import { gaussLegendre } from '../../math/quadrature/gauss-legendre.ts';
import { digamma } from '../../math/special/digamma.ts';
import { lgamma } from '../../math/special/log-gamma.ts';
import { logAddExp } from './bgnbd-likelihood.ts';
import type { CbsRow } from './cbs.ts';
import type { CbsGroups } from './cbs-groups.ts';

/** Pareto/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout rate μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

// Schmittlein, Morrison & Colombo (1987); in Fader, Hardie & Lee's note "A Note on Deriving the
// Pareto/NBD Model and Related Expressions" (2005) the likelihood is
//   L = Γ(r+x)αʳβˢ/Γ(r) · [(α+T)^−(r+x) (β+T)^−s + s ∫_{tₓ}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ],
// the integral being what their ₂F₁ expressions (A₀) evaluate in closed form. Here it is computed by
// Gauss–Legendre quadrature in u = ln(κ + τ), κ = min(α, β), where the integrand is smooth and
// nearly exponential; differentiating under the integral gives an exact-to-quadrature gradient.
const NODES = 20;
const PANEL_SLOPE = 12;
const MAX_PANELS = 32;

export interface ParetoNbdTerms {
  /** ln of the "alive throughout" term (α+T)^−(r+x) (β+T)^−s. */
  readonly logAlive: number;
  /** ln of s ∫ … dτ, the "died after tₓ" term (−∞ when tₓ = T). */
  readonly logDied: number;
  /** Derivatives of logDied with respect to r, α, s, β. */
  readonly dDied: readonly [number, number, number, number];
}

/** The two terms in the bracket of the likelihood, in log form, with derivatives of the second. */
export function paretoNbdTerms(p: ParetoNbdParams, c: Pick<CbsRow, 'x' | 'tx' | 'tCal'>): ParetoNbdTerms {
  const { r, alpha, s, beta } = p;
  const { x, tx, tCal } = c;
  const k = r + x;
  const logAlive = -k * Math.log(alpha + tCal) - s * Math.log(beta + tCal);
  if (!(tCal > tx)) return { logAlive, logDied: Number.NEGATIVE_INFINITY, dDied: [0, 0, 0, 0] };
  const kappa = Math.min(alpha, beta);
  const u0 = Math.log(kappa + tx);
  const u1 = Math.log(kappa + tCal);
  const panels = Math.min(MAX_PANELS, Math.max(1, Math.ceil(((k + s + 1) * (u1 - u0)) / PANEL_SLOPE)));
  const { nodes, weights } = gaussLegendre(NODES);
  const half = (u1 - u0) / (2 * panels);
  // Log-sum-exp over all nodes, with running weighted sums for the derivatives.
  let maxLog = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let sLogA = 0;
  let sInvA = 0;
  let sLogB = 0;
  let sInvB = 0;
  for (let panel = 0; panel < panels; panel++) {
    const mid = u0 + (2 * panel + 1) * half;
    for (let i = 0; i < NODES; i++) {
      const u = mid + half * (nodes[i] ?? 0);
      const tau = Math.exp(u) - kappa;
      const lA = Math.log(alpha + tau);
      const lB = Math.log(beta + tau);
      const lv = Math.log(half * (weights[i] ?? 0)) + u - k * lA - (s + 1) * lB;
      if (lv > maxLog) {
        const scale = Math.exp(maxLog - lv);
        sum *= scale;
        sLogA *= scale;
        sInvA *= scale;
        sLogB *= scale;
        sInvB *= scale;
        maxLog = lv;
      }
      const w = Math.exp(lv - maxLog);
      sum += w;
      sLogA += w * lA;
      sInvA += w / (alpha + tau);
      sLogB += w * lB;
      sInvB += w / (beta + tau);
    }
  }
  return {
    logAlive,
    logDied: Math.log(s) + maxLog + Math.log(sum),
    dDied: [-sLogA / sum, (-k * sInvA) / sum, 1 / s - sLogB / sum, (-(s + 1) * sInvB) / sum],
  };
}

/** ln L of one customer under Pareto/NBD. */
export function paretoNbdLogLikelihood(p: ParetoNbdParams, c: Pick<CbsRow, 'x' | 'tx' | 'tCal'>): number {
  const t = paretoNbdTerms(p, c);
  return (
    lgamma(p.r + c.x) -
    lgamma(p.r) +
    p.r * Math.log(p.alpha) +
    p.s * Math.log(p.beta) +
    logAddExp(t.logAlive, t.logDied)
  );
}

export function paretoNbdTotalLogLikelihood(
  p: ParetoNbdParams,
  rows: readonly Pick<CbsRow, 'x' | 'tx' | 'tCal'>[],
): number {
  return rows.reduce((sum, c) => sum + paretoNbdLogLikelihood(p, c), 0);
}

/** −Σ ln L and its gradient with respect to θ = (ln r, ln α, ln s, ln β), over grouped customers. */
export function paretoNbdNegLogLikelihood(
  theta: readonly number[],
  g: CbsGroups,
): { value: number; gradient: number[] } {
  const [lr = 0, la = 0, ls = 0, lb = 0] = theta;
  const p = { r: Math.exp(lr), alpha: Math.exp(la), s: Math.exp(ls), beta: Math.exp(lb) };
  const { r, alpha, s, beta } = p;
  const lgR = lgamma(r);
  const psiR = digamma(r);
  const headX = Array.from(g.distinctX, (x) => lgamma(r + x) - lgR);
  const dRx = Array.from(g.distinctX, (x) => digamma(r + x) - psiR);
  let ll = 0;
  const grad = [0, 0, 0, 0];
  for (let k = 0; k < g.x.length; k++) {
    const w = g.weight[k] ?? 0;
    const c = { x: g.x[k] ?? 0, tx: g.tx[k] ?? 0, tCal: g.tCal[k] ?? 0 };
    const j = g.xIndex[k] ?? 0;
    const t = paretoNbdTerms(p, c);
    const bracket = logAddExp(t.logAlive, t.logDied);
    const wAlive = Math.exp(t.logAlive - bracket);
    const wDied = 1 - wAlive;
    const kk = r + c.x;
    ll += w * ((headX[j] ?? 0) + r * la + s * lb + bracket);
    grad[0] = (grad[0] ?? 0) + w * ((dRx[j] ?? 0) + la - wAlive * Math.log(alpha + c.tCal) + wDied * t.dDied[0]);
    grad[1] = (grad[1] ?? 0) + w * (r / alpha - (wAlive * kk) / (alpha + c.tCal) + wDied * t.dDied[1]);
    grad[2] = (grad[2] ?? 0) + w * (lb - wAlive * Math.log(beta + c.tCal) + wDied * t.dDied[2]);
    grad[3] = (grad[3] ?? 0) + w * (s / beta - (wAlive * s) / (beta + c.tCal) + wDied * t.dDied[3]);
  }
  const scale = [r, alpha, s, beta];
  return { value: -ll, gradient: grad.map((d, i) => -d * (scale[i] ?? 0)) };
}
