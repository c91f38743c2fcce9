import type { CbsRow } from './cbs.ts';
import { type ParetoNbdParams, paretoNbdTerms } from './pareto-nbd-likelihood.ts';

type History = Pick<CbsRow, 'x' | 'tx' | 'tCal'>;

/** P(alive | x, tₓ, T): the share of the likelihood from "still alive at T" (Fader, Hardie & Lee 2005 note, eq. 18). */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, c: History): number {
  const t = paretoNbdTerms(p, c);
  if (t.logDied === Number.NEGATIVE_INFINITY) return 1;
  return 1 / (1 + Math.exp(t.logDied - t.logAlive));
}

/**
 * E[Y(t) | x, tₓ, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)
 * (Schmittlein, Morrison & Colombo 1987; the s → 1 limit uses (β+T) ln((β+T+t)/(β+T))).
 */
export function paretoNbdConditionalExpectedPurchases(p: ParetoNbdParams, c: History, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  const rate = (r + c.x) / (alpha + c.tCal);
  const base = beta + c.tCal;
  const span =
    Math.abs(s - 1) < 1e-9
      ? base * Math.log1p(t / base)
      : (base / (s - 1)) * -Math.expm1((s - 1) * -Math.log1p(t / base));
  return rate * span * paretoNbdProbabilityAlive(p, c);
}
