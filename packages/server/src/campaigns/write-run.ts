import { createHash } from 'node:crypto';
import { CAMPAIGN_EXPOSURES, CAMPAIGN_JOURNEYS, COUPONS, EXPOSURE_REVISION } from '@dalbit/core/campaigns/tables';
import { MESSAGE_EVENTS, MESSAGES } from '@dalbit/core/channels/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { applyCouponRules } from './coupon-rules.ts';
import type { TouchDecision } from './decision.ts';
import type { RunPlan } from './plan-run.ts';
import { warehouseState } from './run-state.ts';

const eventId = (key: string, status: string, at: Date): string =>
  createHash('sha256').update(`${key}\u0000${status}\u0000${at.toISOString()}`).digest('hex').slice(0, 32);

function messageRow(d: TouchDecision, now: Date): unknown[] {
  const row: Record<string, unknown> = {
    idempotency_key: d.key,
    campaign_id: d.campaignId,
    step_id: d.stepId,
    occurrence: d.occurrence,
    customer_id: d.customerId,
    channel: d.channel,
    purpose: d.purpose,
    priority: d.priority,
    recipient: d.recipient,
    status: d.outcome,
    reason: d.reason ?? null,
    content: JSON.stringify(d.message ?? {}),
    attempts: 0,
    due_at: d.dueAt,
    created_at: now,
    updated_at: now,
  };
  return columnNames(MESSAGES).map((c) => row[c] ?? null);
}

async function existingMessageKeys(engine: Engine, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunks(keys))
    for (const r of await engine.query<{ k: string }>(
      compileBound(
        engine.dialect,
        (b) => `SELECT idempotency_key AS k FROM messages WHERE idempotency_key IN ${b.in(batch)}`,
      ),
    ))
      found.add(r.k);
  return found;
}

async function nextSeqs(engine: Engine, plan: RunPlan): Promise<Map<string, number>> {
  const seqs = new Map<string, number>();
  for (const campaignId of new Set(plan.journeys.map((j) => j.campaignId)))
    for (const r of await engine.query<{ customer_id: string; occurrence: string; s: number }>(
      compileBound(
        engine.dialect,
        (b) =>
          `SELECT customer_id, occurrence, max(seq) AS s FROM campaign_journeys WHERE campaign_id = ${b.p(campaignId, 'string')} GROUP BY customer_id, occurrence`,
      ),
    ))
      seqs.set(`${campaignId}\u0000${r.customer_id}\u0000${r.occurrence}`, Number(r.s));
  return seqs;
}

/**
 * Writes a plan in one transaction: messages (only keys not yet present), their first status event,
 * exposures (holdout included, no key), coupons and journey states. Coupon limits are checked again
 * against the warehouse inside the transaction, so a run planned beside another issues exactly once.
 */
export async function writeRun(
  engine: Engine,
  plan: RunPlan,
  now: Date,
  /** The stored revision each campaign was planned under (recorded with its exposures). */
  revisions: ReadonlyMap<string, number> = new Map(),
): Promise<{ written: number; skipped: number }> {
  return engine.transaction(async (tx) => {
    const sendable = plan.decisions.filter((d) => d.outcome !== 'holdout');
    const present = await existingMessageKeys(
      tx,
      sendable.map((d) => d.key),
    );
    const fresh = await applyCouponRules(
      sendable.filter((d) => !present.has(d.key)),
      warehouseState(tx),
      now,
    );
    await tx.insert(
      MESSAGES.name,
      columnNames(MESSAGES),
      fresh.map((d) => messageRow(d, now)),
    );
    await tx.insert(
      MESSAGE_EVENTS.name,
      columnNames(MESSAGE_EVENTS),
      fresh.map((d) => {
        const row: Record<string, unknown> = {
          event_id: eventId(d.key, d.outcome, now),
          idempotency_key: d.key,
          at: now,
          status: d.outcome,
          code: d.reason ?? null,
          detail: d.detail ?? (d.notes && d.notes.length > 0 ? d.notes.join(',') : null),
          source: 'scheduler',
        };
        return columnNames(MESSAGE_EVENTS).map((c) => row[c] ?? null);
      }),
    );
    const exposures = [...plan.decisions.filter((d) => d.outcome === 'holdout'), ...fresh];
    await tx.insert(
      CAMPAIGN_EXPOSURES.name,
      [...columnNames(CAMPAIGN_EXPOSURES), EXPOSURE_REVISION.name],
      exposures.map((d) => [
        d.key,
        d.campaignId,
        d.stepId,
        d.customerId,
        d.occurrence,
        d.arm,
        d.dueAt,
        d.outcome === 'holdout' ? null : d.key,
        now,
        revisions.get(d.campaignId) ?? null,
      ]),
    );
    await tx.insert(
      COUPONS.name,
      columnNames(COUPONS),
      fresh.flatMap((d) =>
        d.coupon && (d.outcome === 'queued' || d.outcome === 'deferred')
          ? [
              [
                d.coupon.code,
                d.campaignId,
                d.customerId,
                d.occurrence,
                d.coupon.kind,
                d.coupon.value,
                d.coupon.productId,
                d.coupon.secret,
                now,
                d.coupon.expiresAt,
                d.key,
              ],
            ]
          : [],
      ),
    );
    const seqs = await nextSeqs(tx, plan);
    await tx.insert(
      CAMPAIGN_JOURNEYS.name,
      columnNames(CAMPAIGN_JOURNEYS),
      plan.journeys.map(({ campaignId, state: s }) => {
        const k = `${campaignId}\u0000${s.customerId}\u0000${s.occurrence}`;
        const seq = (seqs.get(k) ?? 0) + 1;
        seqs.set(k, seq);
        return [campaignId, s.customerId, s.occurrence, seq, s.stepId ?? null, s.since, s.enteredAt, now];
      }),
    );
    return { written: fresh.length, skipped: sendable.length - fresh.length };
  });
}
