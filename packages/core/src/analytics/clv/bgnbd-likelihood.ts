import { digamma } from '../../math/special/digamma.ts';
import { lgamma } from '../../math/special/log-gamma.ts';
import type { CbsRow } from './cbs.ts';
import type { CbsGroups } from './cbs-groups.ts';

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, α); dropout probability p ~ Beta(a, b). */
export interface BgnbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * ln L of one customer under BG/NBD (Fader, Hardie & Lee 2005, Marketing Science 24(2), eq. 6):
 * L = Γ(r+x)αʳ/Γ(r) · B(a, b+x)/B(a, b) · [(α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+tₓ)^−(r+x)].
 */
export function bgnbdLogLikelihood(p: BgnbdParams, c: Pick<CbsRow, 'x' | 'tx' | 'tCal'>): number {
  const { r, alpha, a, b } = p;
  const { x, tx, tCal } = c;
  const head =
    lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const u3 = -(r + x) * Math.log(alpha + tCal);
  if (x === 0) return head + u3;
  const u4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return head + logAddExp(u3, u4);
}

/** Σ ln L over a CBS table. */
export function bgnbdTotalLogLikelihood(p: BgnbdParams, rows: readonly Pick<CbsRow, 'x' | 'tx' | 'tCal'>[]): number {
  return rows.reduce((s, c) => s + bgnbdLogLikelihood(p, c), 0);
}

/**
 * −Σ ln L and its gradient with respect to θ = (ln r, ln α, ln a, ln b), over grouped customers.
 * The gradient is analytic: ∂/∂r = ψ(r+x) − ψ(r) + ln α − w₃ ln(α+T) − w₄ ln(α+tₓ), and so on,
 * where w₃, w₄ are the shares of the two bracketed terms.
 */
export function bgnbdNegLogLikelihood(theta: readonly number[], g: CbsGroups): { value: number; gradient: number[] } {
  const [lr = 0, la = 0, lA = 0, lb = 0] = theta;
  const r = Math.exp(lr);
  const alpha = Math.exp(la);
  const a = Math.exp(lA);
  const b = Math.exp(lb);
  const nx = g.distinctX.length;
  const headX = new Float64Array(nx);
  const dRx = new Float64Array(nx);
  const dAx = new Float64Array(nx);
  const dBx = new Float64Array(nx);
  const logBx1 = new Float64Array(nx);
  const lgR = lgamma(r);
  const lgB = lgamma(b);
  const lgAB = lgamma(a + b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  for (let i = 0; i < nx; i++) {
    const x = g.distinctX[i] ?? 0;
    headX[i] = lgamma(r + x) - lgR + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x);
    const psiABX = digamma(a + b + x);
    dRx[i] = digamma(r + x) - psiR;
    dAx[i] = psiAB - psiABX;
    dBx[i] = psiAB + digamma(b + x) - psiB - psiABX;
    logBx1[i] = x > 0 ? Math.log(b + x - 1) : 0;
  }
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  let ll = 0;
  let gr = 0;
  let ga = 0;
  let gA = 0;
  let gb = 0;
  for (let k = 0; k < g.x.length; k++) {
    const w = g.weight[k] ?? 0;
    const x = g.x[k] ?? 0;
    const j = g.xIndex[k] ?? 0;
    const lT = Math.log(alpha + (g.tCal[k] ?? 0));
    const u3 = -(r + x) * lT;
    let bracket = u3;
    let w3 = 1;
    let w4 = 0;
    let lX = 0;
    if (x > 0) {
      lX = Math.log(alpha + (g.tx[k] ?? 0));
      const u4 = logA - (logBx1[j] ?? 0) - (r + x) * lX;
      bracket = logAddExp(u3, u4);
      w4 = Math.exp(u4 - bracket);
      w3 = 1 - w4;
    }
    ll += w * ((headX[j] ?? 0) + r * logAlpha + bracket);
    gr += w * ((dRx[j] ?? 0) + logAlpha - w3 * lT - w4 * lX);
    ga += w * (r / alpha - (r + x) * (w3 / (alpha + (g.tCal[k] ?? 0)) + (x > 0 ? w4 / (alpha + (g.tx[k] ?? 0)) : 0)));
    gA += w * ((dAx[j] ?? 0) + w4 / a);
    gb += w * ((dBx[j] ?? 0) - (x > 0 ? w4 / (b + x - 1) : 0));
  }
  return { value: -ll, gradient: [-gr * r, -ga * alpha, -gA * a, -gb * b] };
}

export function logAddExp(u: number, v: number): number {
  const m = Math.max(u, v);
  if (m === Number.NEGATIVE_INFINITY) return m;
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}
