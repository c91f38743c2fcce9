import { TOUCH_FEATURE_COLUMNS } from '@dalbit/core/segments/tables';
import { type Engine, type Row, sql } from '../engines/engine.ts';
import { listSegments } from '../segments/segment-store.ts';

/** What the customer page shows beyond the profile: scores, traits, memberships, messages, timeline. */
export interface CustomerInsight {
  readonly rfm: Row | null;
  readonly clv: Row | null;
  readonly traits: Row | null;
  /** First and last UTM touch from the customer's features row (as of its last refresh). */
  readonly touch: Row | null;
  readonly segments: readonly { segmentId: string; name: string; enteredAt: Date | null }[];
  readonly campaigns: readonly Row[];
  readonly consents: readonly Row[];
  readonly timeline: readonly Row[];
}

const one = async (engine: Engine, text: string, id: string): Promise<Row | null> =>
  (await engine.query(sql(text, [id], ['string'])))[0] ?? null;

async function memberships(engine: Engine, id: string): Promise<CustomerInsight['segments']> {
  const p = engine.dialect.placeholder(1, 'string');
  const rows = await engine.query<{ segment_id: string; entered_at: Date | null }>(
    sql(
      `SELECT segment_id, max(entered_at) AS entered_at FROM segment_memberships
       WHERE customer_id = ${p} AND exited_at IS NULL GROUP BY segment_id`,
      [id],
      ['string'],
    ),
  );
  const names = new Map((await listSegments(engine)).map((s) => [s.segmentId, s]));
  return rows
    .filter((r) => names.get(r.segment_id)?.status !== 'archived')
    .map((r) => ({
      segmentId: r.segment_id,
      name: names.get(r.segment_id)?.name ?? r.segment_id,
      enteredAt: r.entered_at,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ko'));
}

async function campaignsReceived(engine: Engine, id: string): Promise<Row[]> {
  const p = engine.dialect.placeholder(1, 'string');
  const messages = await engine.query(
    sql(
      `SELECT idempotency_key, campaign_id, step_id, channel, purpose, status, reason, created_at, delivered_at FROM messages
       WHERE customer_id = ${p} ORDER BY created_at DESC LIMIT 50`,
      [id],
      ['string'],
    ),
  );
  if (messages.length === 0) return [];
  const heads = await engine.query<{ campaign_id: string; revision: number; name: string }>(
    'SELECT campaign_id, revision, name FROM campaigns',
  );
  const names = new Map<string, { revision: number; name: string }>();
  for (const h of heads) {
    const cur = names.get(h.campaign_id);
    if (!cur || Number(h.revision) > cur.revision)
      names.set(h.campaign_id, { revision: Number(h.revision), name: h.name });
  }
  return messages.map((m) => ({ ...m, campaign_name: names.get(String(m.campaign_id))?.name ?? null }));
}

/** Orders and behavioural events of one customer, newest first (event properties are left out). */
async function timeline(engine: Engine, id: string, limit: number): Promise<Row[]> {
  const p = engine.dialect.placeholder(1, 'string');
  return engine.query(
    sql(
      `SELECT * FROM (
         SELECT 'order' AS kind, ordered_at AS happened_at, order_id AS ref, channel, status AS detail, paid_amount AS amount,
                NULL AS product_id, NULL AS product_name, store, NULL AS utm_source, NULL AS utm_medium, NULL AS utm_campaign
         FROM orders WHERE customer_id = ${p}
         UNION ALL
         SELECT 'event' AS kind, e.occurred_at AS happened_at, e.event_id AS ref, e.source AS channel, e.type AS detail, NULL AS amount,
                e.product_id, pr.name AS product_name, NULL AS store, e.utm_source, e.utm_medium, e.utm_campaign
         FROM events e LEFT JOIN products pr ON pr.product_id = e.product_id WHERE e.customer_id = ${p}
       ) t ORDER BY happened_at DESC, ref LIMIT ${Math.max(1, Math.min(500, limit))}`,
      [id],
      ['string'],
    ),
  );
}

/** Everything the customer page needs besides the (maskable) profile, for one canonical customer. */
export async function readCustomerInsight(
  engine: Engine,
  id: string,
  opts: { timeline: number },
): Promise<CustomerInsight> {
  const p = engine.dialect.placeholder(1, 'string');
  const at = engine.dialect.quoteIdent('at');
  return {
    rfm: await one(
      engine,
      `SELECT as_of, recency_days, frequency, monetary, r_score, f_score, m_score, segment FROM rfm_scores WHERE customer_id = ${p}`,
      id,
    ),
    clv: await one(
      engine,
      `SELECT as_of, p_alive, expected_purchases_30d, expected_purchases_90d, expected_spend, clv_1y FROM clv_scores WHERE customer_id = ${p}`,
      id,
    ),
    traits: await one(engine, `SELECT * FROM customer_traits WHERE customer_id = ${p}`, id),
    touch: await one(
      engine,
      `SELECT refreshed_at, ${TOUCH_FEATURE_COLUMNS.map((c) => c.name).join(', ')} FROM customer_features WHERE customer_id = ${p}`,
      id,
    ),
    segments: await memberships(engine, id),
    campaigns: await campaignsReceived(engine, id),
    consents: await engine.query(
      sql(
        `SELECT consent_id, channel, purpose, granted, ${at}, source, proof FROM consents WHERE customer_id = ${p} ORDER BY ${at} DESC, consent_id DESC`,
        [id],
        ['string'],
      ),
    ),
    timeline: await timeline(engine, id, opts.timeline),
  };
}
