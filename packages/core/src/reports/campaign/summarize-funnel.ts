import type { CustomerOutcome } from '../../attribution/measure-campaign-outcomes.ts';
import type { EngagementFact, MessageFact } from './campaign-report-facts.ts';

/** Funnel of one arm, in customers (a customer counts once, at the furthest stage any of their messages reached). */
export interface ArmFunnel {
  readonly arm: string;
  readonly targeted: number;
  /** Kept out on purpose (holdout arm): no message, exposure recorded. */
  readonly heldOut: number;
  readonly blocked: number;
  readonly blockedBy: Readonly<Record<string, number>>;
  /** Planned, deferred (e.g. night-time) or queued, not yet handed to a provider. */
  readonly pending: number;
  /** Accepted by the provider (includes delivered). */
  readonly sent: number;
  readonly delivered: number;
  readonly failed: number;
  readonly opened: number;
  readonly clicked: number;
  readonly converted: number;
}

type Stage = 'none' | 'blocked' | 'pending' | 'failed' | 'sent' | 'delivered';

const STAGE_OF: Readonly<Record<string, Stage>> = {
  blocked: 'blocked',
  cancelled: 'blocked',
  planned: 'pending',
  deferred: 'pending',
  queued: 'pending',
  sending: 'pending',
  failed: 'failed',
  accepted: 'sent',
  at_carrier: 'sent',
  delivered: 'delivered',
};
const RANK: Readonly<Record<Stage, number>> = { none: 0, blocked: 1, pending: 2, failed: 3, sent: 4, delivered: 5 };

export const HOLDOUT_ARM = 'holdout';

/** The funnel's counts in the order reports show them. */
export const FUNNEL_COUNT_KEYS = [
  'targeted',
  'heldOut',
  'blocked',
  'pending',
  'sent',
  'delivered',
  'failed',
  'opened',
  'clicked',
  'converted',
] as const satisfies readonly (keyof ArmFunnel)[];

/** Per-arm funnel: targeted → held out / blocked (by reason) → pending → sent → delivered → opened/clicked → converted. */
export function summarizeFunnel(input: {
  arms: readonly string[];
  outcomes: readonly CustomerOutcome[];
  messages: readonly MessageFact[];
  engagement: readonly EngagementFact[];
}): ArmFunnel[] {
  const best = new Map<string, { stage: Stage; reason: string | null }>();
  for (const m of input.messages) {
    const stage = m.deliveredAt !== null ? 'delivered' : (STAGE_OF[m.status] ?? 'pending');
    const now = best.get(m.customerId);
    if (now === undefined || RANK[stage] > RANK[now.stage]) best.set(m.customerId, { stage, reason: m.reason });
  }
  const engaged = { opened: new Set<string>(), clicked: new Set<string>() };
  for (const e of input.engagement) engaged[e.kind].add(e.customerId);
  return input.arms.map((arm) => {
    const mine = input.outcomes.filter((o) => o.arm === arm);
    const blockedBy: Record<string, number> = {};
    const count = { blocked: 0, pending: 0, sent: 0, delivered: 0, failed: 0 };
    for (const o of mine) {
      const b = best.get(o.customerId);
      if (b === undefined || b.stage === 'none') continue;
      if (b.stage === 'blocked') {
        const reason = b.reason ?? 'UNKNOWN';
        blockedBy[reason] = (blockedBy[reason] ?? 0) + 1;
      }
      if (b.stage === 'delivered') count.sent++;
      count[b.stage]++;
    }
    return {
      arm,
      targeted: mine.length,
      heldOut: arm === HOLDOUT_ARM ? mine.length : 0,
      ...count,
      blockedBy,
      opened: mine.filter((o) => engaged.opened.has(o.customerId)).length,
      clicked: mine.filter((o) => engaged.clicked.has(o.customerId)).length,
      converted: mine.filter((o) => o.orders > 0).length,
    };
  });
}
