import { logHyp2f1 } from '../../math/special/hyp2f1.ts';
import { lbeta, lgamma } from '../../math/special/log-gamma.ts';
import type { BgnbdParams } from './bgnbd-likelihood.ts';
import type { CbsRow } from './cbs.ts';

// Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
// and Hardie's technical notes on computing BG/NBD quantities (eqs. 7, 8, 10, 13 and the P(alive) note).
type History = Pick<CbsRow, 'x' | 'tx' | 'tCal'>;

/** P(alive | x, tₓ, T) = 1 / (1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)). */
export function bgnbdProbabilityAlive(p: BgnbdParams, c: History): number {
  if (c.x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logOdds = Math.log(a / (b + c.x - 1)) + (r + c.x) * Math.log((alpha + c.tCal) / (alpha + c.tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, tₓ, T]: expected purchases in the next t periods of a customer with that history (eq. 10)
 * = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / [1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)].
 * For a = 1 (a pole of the closed form) a is nudged by 1e-9.
 */
export function bgnbdConditionalExpectedPurchases(p: BgnbdParams, c: History, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = p;
  const a = Math.abs(p.a - 1) < 1e-9 ? 1 + 1e-9 : p.a;
  const { x, tCal } = c;
  const logPower = (r + x) * Math.log((alpha + tCal) / (alpha + tCal + t));
  const logF = logHyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + tCal + t));
  const bracket = -Math.expm1(logPower + logF);
  return ((a + b + x - 1) / (a - 1)) * bracket * bgnbdProbabilityAlive({ ...p, a }, c);
}

/** E[X(t)] for a customer just acquired (eq. 7): (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]. */
export function bgnbdExpectedPurchases(p: BgnbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = p;
  const a = Math.abs(p.a - 1) < 1e-9 ? 1 + 1e-9 : p.a;
  const logPower = r * Math.log(alpha / (alpha + t));
  const logF = logHyp2f1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * -Math.expm1(logPower + logF);
}

/**
 * P(X(t) = n) for a customer just acquired (eq. 8):
 * B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n
 * + 1{n>0} B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
 */
export function bgnbdProbabilityOfPurchases(p: BgnbdParams, t: number, n: number): number {
  if (t <= 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const lb = lbeta(a, b);
  const logShare = Math.log(alpha / (alpha + t));
  const logRatio = Math.log(t / (alpha + t));
  const nbTerm = (j: number): number =>
    Math.exp(lgamma(r + j) - lgamma(r) - lgamma(j + 1) + r * logShare + j * logRatio);
  const first = Math.exp(lbeta(a, b + n) - lb) * nbTerm(n);
  if (n === 0) return first;
  let cumulative = 0;
  for (let j = 0; j < n; j++) cumulative += nbTerm(j);
  return first + Math.exp(lbeta(a + 1, b + n - 1) - lb) * (1 - cumulative);
}
