import type { ConsentEvent } from '@dalbit/core/compliance/consent-state';
import {
  type NoticeRow,
  type NoticeSender,
  parseReconfirmationOccurrence,
  RECONFIRMATION_STEP,
} from '@dalbit/core/compliance/reconfirmation-notice';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import { listCampaigns } from '../campaigns/campaign-store.ts';
import type { Engine } from '../engines/engine.ts';

/** Every advertising consent event at or before `at` (the re-confirmation clock runs on these); one customer's when given. */
export async function loadAdConsents(engine: Engine, at: Date, customerId?: string): Promise<ConsentEvent[]> {
  const d = engine.dialect;
  const rows = await engine.query<{
    customer_id: string;
    channel: string;
    granted: boolean;
    at: Date;
    source: string;
  }>(
    compileBound(
      d,
      (b) =>
        `SELECT customer_id, channel, granted, ${d.quoteIdent('at')} AS at, source FROM consents
         WHERE purpose = 'ad' AND channel IN ('sms', 'kakao', 'email', 'push') AND ${d.quoteIdent('at')} <= ${b.p(at, 'timestamp')}
         ${customerId === undefined ? '' : `AND customer_id = ${b.p(customerId, 'string')}`}`,
    ),
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    channel: r.channel as ConsentEvent['channel'],
    purpose: 'ad',
    granted: r.granted === true,
    at: r.at,
    source: r.source,
  }));
}

export interface StoredNotice extends NoticeRow {
  readonly key: string;
  readonly messageChannel: string;
  readonly reason: string | null;
  readonly acceptedAt: Date | null;
  readonly recipient: string | null;
}

/** Every re-confirmation notice in the outbox, whatever its status (one customer's when given). */
export async function loadNoticeRows(engine: Engine, customerId?: string): Promise<StoredNotice[]> {
  const rows = await engine.query<{
    idempotency_key: string;
    customer_id: string;
    occurrence: string;
    channel: string;
    status: string;
    reason: string | null;
    recipient: string | null;
    created_at: Date;
    accepted_at: Date | null;
  }>(
    compileBound(
      engine.dialect,
      (
        b,
      ) => `SELECT idempotency_key, customer_id, occurrence, channel, status, reason, recipient, created_at, accepted_at
     FROM messages WHERE step_id = '${RECONFIRMATION_STEP}' AND campaign_id IS NULL
     ${customerId === undefined ? '' : `AND customer_id = ${b.p(customerId, 'string')}`}`,
    ),
  );
  return rows.flatMap((r) => {
    const o = parseReconfirmationOccurrence(r.occurrence);
    return o
      ? [
          {
            key: r.idempotency_key,
            customerId: r.customer_id,
            channel: o.channel,
            dueAt: o.dueAt,
            status: r.status,
            createdAt: r.created_at,
            messageChannel: r.channel,
            reason: r.reason,
            acceptedAt: r.accepted_at,
            recipient: r.recipient,
          },
        ]
      : [];
  });
}

/**
 * Where notices go from: the registered SMS number, Kakao sender key and email sender of the
 * brand's campaigns, newest saved campaign first for each (the sender settings hold the name and
 * the 080 line; campaigns hold the registered addresses).
 */
export async function loadNoticeSender(
  engine: Engine,
): Promise<NoticeSender & { readonly unsubscribeUrl?: string | undefined }> {
  const campaigns = (await listCampaigns(engine)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const first = <T>(pick: (s: (typeof campaigns)[number]['campaign']['sender']) => T | undefined): T | undefined => {
    for (const c of campaigns) {
      const v = pick(c.campaign.sender);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  return {
    smsFrom: first((s) => s.smsFrom),
    kakaoSenderKey: first((s) => s.kakaoSenderKey),
    email: first((s) => s.email),
    unsubscribeUrl: first((s) => (s.email ? s.unsubscribeUrl : undefined)),
  };
}
