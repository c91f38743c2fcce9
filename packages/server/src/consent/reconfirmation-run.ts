import { createHash } from 'node:crypto';
import { MESSAGE_EVENTS, MESSAGES } from '@dalbit/core/channels/tables';
import type { ConsentChannel } from '@dalbit/core/compliance/consent-state';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { findReconfirmationsDue, type ReconfirmationDue } from '@dalbit/core/compliance/reconfirmation';
import {
  buildReconfirmationNotice,
  findLapses,
  missingNoticeSender,
  NOTICE_SENT_STATUSES,
  type NoticeSender,
  noticeChannel,
  RECONFIRMATION_STEP,
  reconfirmationKey,
  reconfirmationOccurrence,
} from '@dalbit/core/compliance/reconfirmation-notice';
import { CONSENT_NOTICES } from '@dalbit/core/compliance/tables';
import { signUnsubscribeToken } from '@dalbit/core/compliance/unsubscribe-token';
import { columnNames } from '@dalbit/core/schema/table';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import { loadRecipients } from '../campaigns/load-recipients.ts';
import type { Engine } from '../engines/engine.ts';
import { appendConsents } from './consent-store.ts';
import { loadAdConsents, loadNoticeRows, loadNoticeSender, type StoredNotice } from './reconfirmation-data.ts';

export interface ReconfirmationRun {
  /** Notices written to the outbox this pass (queued for the dispatcher). */
  readonly queued: number;
  /** Due customers with no address on the channel (row blocked `UNREACHABLE`; lapses at the deadline). */
  readonly unreachable: number;
  /** Consent channels that cannot be told at all: what is missing and how many wait. */
  readonly refused: readonly { channel: ConsentChannel; missing: readonly string[]; waiting: number }[];
  /** Notices newly recorded as sent (`consent_notices`). */
  readonly recorded: number;
  /** Consents that lapsed this pass (withdrawal events appended). */
  readonly lapsed: number;
}

const SENT = new Set<string>(NOTICE_SENT_STATUSES);

/** Records notices the gateway took (once each: `consent_notices` keyed by customer, channel, cycle). */
async function recordSent(engine: Engine, rows: readonly StoredNotice[]): Promise<number> {
  const sent = rows.filter((r) => SENT.has(r.status));
  if (sent.length === 0) return 0;
  const have = new Set(
    (await engine.query<{ k: string | null }>(`SELECT idempotency_key AS k FROM consent_notices`)).map((r) => r.k),
  );
  const fresh = sent.filter((r) => !have.has(r.key));
  await engine.insert(
    CONSENT_NOTICES.name,
    columnNames(CONSENT_NOTICES),
    fresh.map((r) => [r.customerId, r.channel, r.dueAt, r.acceptedAt ?? r.createdAt, r.key]),
  );
  return fresh.length;
}

type Planned = { due: ReconfirmationDue; status: 'queued' | 'blocked'; row: Record<string, unknown> };

function planRow(
  due: ReconfirmationDue,
  built: ReturnType<typeof buildReconfirmationNotice>,
  sender: NoticeSender,
  now: Date,
): Planned {
  const key = reconfirmationKey(due.customerId, due.channel, due.dueAt);
  const status = built.ok ? 'queued' : 'blocked';
  return {
    due,
    status,
    row: {
      idempotency_key: key,
      campaign_id: null,
      step_id: RECONFIRMATION_STEP,
      occurrence: reconfirmationOccurrence(due.channel, due.dueAt),
      customer_id: due.customerId,
      channel: built.ok ? built.message.channel : noticeChannel(due.channel, sender),
      purpose: 'info',
      priority: 0,
      recipient: built.ok ? built.recipient : null,
      status,
      reason: built.ok ? null : built.reason,
      content: JSON.stringify(built.ok ? built.message : {}),
      attempts: 0,
      due_at: now,
      created_at: now,
      updated_at: now,
    },
  };
}

/** Builds and writes one channel's notices in one transaction (keys already present are skipped). */
async function writeNotices(engine: Engine, planned: readonly Planned[], now: Date): Promise<void> {
  await engine.transaction(async (tx) => {
    const keys = planned.map((p) => String(p.row.idempotency_key));
    const present = new Set<string>();
    for (const batch of chunks(keys))
      for (const r of await tx.query<{ k: string }>(
        compileBound(
          tx.dialect,
          (b) => `SELECT idempotency_key AS k FROM messages WHERE idempotency_key IN ${b.in(batch)}`,
        ),
      ))
        present.add(r.k);
    const fresh = planned.filter((p) => !present.has(String(p.row.idempotency_key)));
    await tx.insert(
      MESSAGES.name,
      columnNames(MESSAGES),
      fresh.map((p) => columnNames(MESSAGES).map((c) => p.row[c] ?? null)),
    );
    await tx.insert(
      MESSAGE_EVENTS.name,
      columnNames(MESSAGE_EVENTS),
      fresh.map((p) => {
        const key = String(p.row.idempotency_key);
        const id = createHash('sha256').update(`${key}\u0000${p.status}\u0000${now.toISOString()}`).digest('hex');
        return [id.slice(0, 32), key, now, p.status, p.row.reason ?? null, null, 'reconfirmation'];
      }),
    );
  });
}

/** The notices of one consent channel: refused as a whole when the sender lacks something, else built per customer. */
async function planChannel(
  engine: Engine,
  dues: readonly ReconfirmationDue[],
  ctx: {
    policy: CompliancePolicy;
    sender: NoticeSender & { unsubscribeUrl?: string | undefined };
    now: Date;
    secret?: string | undefined;
  },
): Promise<Planned[]> {
  const facts = await loadRecipients(
    engine,
    dues.map((d) => d.customerId),
    ctx.now,
    ctx.policy,
  );
  return dues.map((due) => {
    const r = facts.get(due.customerId)?.recipient;
    const token =
      due.channel === 'email' && ctx.secret
        ? signUnsubscribeToken({ secret: ctx.secret, customerId: due.customerId, channel: 'email', sentAt: ctx.now })
        : undefined;
    const unsubscribeUrl =
      due.channel === 'email' && ctx.sender.unsubscribeUrl
        ? ctx.sender.unsubscribeUrl
            .replaceAll('{customer_id}', encodeURIComponent(due.customerId))
            .replaceAll('{unsubscribe_token}', token ?? '')
        : undefined;
    const built = buildReconfirmationNotice({
      due,
      recipient: r ?? {},
      policy: ctx.policy,
      sender: ctx.sender,
      unsubscribeUrl,
    });
    return planRow(due, built, ctx.sender, ctx.now);
  });
}

/**
 * One re-confirmation pass (정보통신망법 §50 ⑧, every `intervalYears` from the consent date):
 * records notices the gateway took, lapses consents whose notice never left by its deadline,
 * then plans the notices whose window (`leadDays` before the anniversary) is open — exactly once
 * per customer, channel and cycle — into the outbox for the dispatcher. Safe to repeat.
 */
export async function runReconfirmation(
  engine: Engine,
  input: { now: Date; policy: CompliancePolicy; secret?: string | undefined },
): Promise<ReconfirmationRun> {
  const { now, policy } = input;
  const { intervalYears, leadDays } = policy.reconfirmation;
  const rows = await loadNoticeRows(engine);
  const recorded = await recordSent(engine, rows);
  const consents = await loadAdConsents(engine, now);
  const lapses = findLapses({ rows, consents, now, leadDays, intervalYears });
  const lapsed = await appendConsents(engine, lapses);
  const due = findReconfirmationsDue({ consents: [...consents, ...lapses], notified: rows, now, policy });
  const sender = await loadNoticeSender(engine);
  let queued = 0;
  let unreachable = 0;
  const refused: { channel: ConsentChannel; missing: string[]; waiting: number }[] = [];
  for (const channel of ['sms', 'kakao', 'email', 'push'] as const) {
    const dues = due.filter((d) => d.channel === channel);
    if (dues.length === 0) continue;
    const missing = missingNoticeSender(channel, policy, sender);
    if (missing.length > 0) {
      refused.push({ channel, missing, waiting: dues.length });
      continue;
    }
    const planned = await planChannel(engine, dues, { policy, sender, now, secret: input.secret });
    await writeNotices(engine, planned, now);
    queued += planned.filter((p) => p.status === 'queued').length;
    unreachable += planned.filter((p) => p.status === 'blocked').length;
  }
  return { queued, unreachable, refused, recorded, lapsed };
}
