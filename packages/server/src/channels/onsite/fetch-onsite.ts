import { type Engine, sql } from '../../engines/engine.ts';

export interface OnsiteDelivery {
  readonly onsiteId: string;
  readonly title: string;
  readonly body: string;
  readonly url: string | null;
  /** The outbox message it came from (`messages.idempotency_key`) and its campaign. */
  readonly idempotencyKey: string;
  readonly campaignId: string | null;
}

/**
 * Messages waiting for this visitor (by anonymous id and/or customer id), oldest first, not
 * expired, never shown before, whose campaign is not paused, stopped or archived (a popup handed to
 * the on-site store before a pause is held back, as the dispatcher's re-check holds back a claimed
 * send); marks them shown so each appears once per user.
 *
 * @example
 * await fetchOnsite(engine, { anonymousId: 'anon-42', customerId: 'c1' }, { now: new Date() })
 */
export async function fetchOnsite(
  engine: Engine,
  who: { readonly anonymousId?: string | undefined; readonly customerId?: string | undefined },
  opts: { readonly now: Date; readonly limit?: number },
): Promise<OnsiteDelivery[]> {
  if (!who.anonymousId && !who.customerId) return [];
  const d = engine.dialect;
  const rows = await engine.query<{
    onsite_id: string;
    idempotency_key: string;
    campaign_id: string | null;
    title: string;
    body: string;
    url: string | null;
  }>(
    sql(
      `SELECT o.onsite_id AS onsite_id, o.idempotency_key AS idempotency_key, m.campaign_id AS campaign_id,
              o.title AS title, o.body AS body, o.url AS url
       FROM onsite_messages o
       LEFT JOIN messages m ON m.idempotency_key = o.idempotency_key
       LEFT JOIN (SELECT campaign_id, ${d.fn.argMax('status', 'revision')} AS status FROM campaigns GROUP BY campaign_id) c
         ON c.campaign_id = m.campaign_id
       WHERE (o.customer_id = ${d.placeholder(1, 'string')} OR o.anonymous_id = ${d.placeholder(2, 'string')})
         AND (o.expires_at IS NULL OR o.expires_at > ${d.placeholder(3, 'timestamp')})
         AND o.onsite_id NOT IN (SELECT onsite_id FROM onsite_impressions)
         AND (m.status IS NULL OR m.status NOT IN ('cancelled', 'blocked'))
         AND (c.status IS NULL OR c.status NOT IN ('paused', 'stopped', 'archived'))
       ORDER BY o.created_at, o.onsite_id
       LIMIT ${Math.max(1, Math.min(opts.limit ?? 5, 50))}`,
      [who.customerId ?? '\u0000', who.anonymousId ?? '\u0000', opts.now],
      ['string', 'string', 'timestamp'],
    ),
  );
  if (rows.length > 0)
    await engine.insert(
      'onsite_impressions',
      ['onsite_id', 'shown_at', 'anonymous_id', 'customer_id'],
      rows.map((r) => [r.onsite_id, opts.now, who.anonymousId ?? null, who.customerId ?? null]),
    );
  return rows.map((r) => ({
    onsiteId: r.onsite_id,
    title: r.title,
    body: r.body,
    url: r.url,
    idempotencyKey: r.idempotency_key,
    campaignId: r.campaign_id,
  }));
}
