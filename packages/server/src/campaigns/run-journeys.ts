import type { Touch } from '@dalbit/core/campaigns/plan-touches';
import { advanceJourney, type JourneyFacts, type JourneyState, startJourney } from '@dalbit/core/campaigns/scenario';
import type { CampaignDefinition, Step } from '@dalbit/core/campaigns/schema';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { journeyKey, type RunState } from './run-state.ts';

export interface JourneyRun {
  /** Message steps reached in this run (arm from the entry touch, or re-derived for old journeys). */
  readonly messages: readonly {
    readonly customerId: string;
    readonly occurrence: string;
    readonly stepId: string;
    readonly plannedAt: Date;
  }[];
  /** New or moved journey states to record. */
  readonly updates: readonly JourneyState[];
}

async function loadJourneyFacts(
  engine: Engine,
  steps: readonly Step[],
  journeys: readonly JourneyState[],
  asOf: Date,
): Promise<JourneyFacts> {
  const ids = [...new Set(journeys.map((j) => j.customerId))];
  const since = new Date(Math.min(...journeys.map((j) => j.enteredAt.getTime()), asOf.getTime()));
  const types = [...new Set(steps.flatMap((s) => (s.kind === 'branch' && s.if.kind === 'event' ? [s.if.type] : [])))];
  const orders = new Map<string, number[]>();
  const events = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, t: Date) => m.set(k, [...(m.get(k) ?? []), t.getTime()]);
  for (const batch of chunks(ids)) {
    for (const r of await engine.query<{ customer_id: string; ordered_at: Date }>(
      compileBound(
        engine.dialect,
        (b) =>
          `SELECT customer_id, ordered_at FROM orders WHERE status = 'paid' AND customer_id IN ${b.in(batch)} AND ordered_at > ${b.p(since, 'timestamp')} AND ordered_at <= ${b.p(asOf, 'timestamp')}`,
      ),
    ))
      add(orders, r.customer_id, r.ordered_at);
    if (types.length > 0)
      for (const r of await engine.query<{ customer_id: string; type: string; occurred_at: Date }>(
        compileBound(
          engine.dialect,
          (b) =>
            `SELECT customer_id, type, occurred_at FROM events WHERE customer_id IN ${b.in(batch)} AND type IN ${b.in(types)} AND occurred_at > ${b.p(since, 'timestamp')} AND occurred_at <= ${b.p(asOf, 'timestamp')}`,
        ),
      ))
        add(events, `${r.customer_id}\u0000${r.type}`, r.occurred_at);
  }
  const between = (xs: readonly number[] | undefined, from: Date, to: Date) =>
    (xs ?? []).some((t) => t > from.getTime() && t <= to.getTime());
  return {
    purchasedBetween: (c, from, to) => between(orders.get(c), from, to),
    eventBetween: (c, type, from, to) => between(events.get(`${c}\u0000${type}`), from, to),
  };
}

/**
 * Starts journeys for entry touches not seen before and moves every open journey as far as `now`
 * allows; message steps reached become touches of their own (step id in the idempotency key).
 */
export async function runJourneys(
  engine: Engine,
  input: { campaign: CampaignDefinition; entries: readonly Touch[]; now: Date; state: RunState },
): Promise<JourneyRun> {
  const steps = input.campaign.scenario?.steps ?? [];
  const started = await input.state.startedJourneys(input.campaign.id);
  const fresh = input.entries
    .filter((t) => !started.has(journeyKey(t.customerId, t.occurrence)))
    .map((t) => startJourney({ steps, customerId: t.customerId, occurrence: t.occurrence, enteredAt: t.plannedAt }));
  const all = [...(await input.state.journeys(input.campaign.id)), ...fresh];
  if (all.length === 0) return { messages: [], updates: [] };
  const facts = await loadJourneyFacts(engine, steps, all, input.now);
  const messages: JourneyRun['messages'][number][] = [];
  const updates: JourneyState[] = [];
  const freshSet = new Set(fresh);
  for (const j of all) {
    const r = advanceJourney({ steps, state: j, now: input.now, facts });
    for (const m of r.messages)
      messages.push({ customerId: j.customerId, occurrence: j.occurrence, stepId: m.stepId, plannedAt: m.plannedAt });
    if (r.changed || freshSet.has(j)) updates.push(r.state);
  }
  return { messages, updates };
}
