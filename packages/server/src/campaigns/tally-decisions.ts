import type { TouchDecision } from './decision.ts';

/** How a batch of touch decisions came out: counts per outcome and blocked touches per reason. */
export interface DecisionTally {
  readonly touches: number;
  readonly queued: number;
  readonly deferred: number;
  readonly blocked: number;
  readonly holdout: number;
  readonly blockedBy: Readonly<Record<string, number>>;
}

export function tallyDecisions(decisions: readonly TouchDecision[]): DecisionTally {
  const count = (o: TouchDecision['outcome']) => decisions.filter((d) => d.outcome === o).length;
  const blockedBy: Record<string, number> = {};
  for (const d of decisions)
    if (d.outcome === 'blocked' && d.reason) blockedBy[d.reason] = (blockedBy[d.reason] ?? 0) + 1;
  return {
    touches: decisions.length,
    queued: count('queued'),
    deferred: count('deferred'),
    blocked: count('blocked'),
    holdout: count('holdout'),
    blockedBy,
  };
}
