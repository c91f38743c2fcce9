import { type Binder, compileBound as compile } from '../sql/bind-sql.ts';
import type { CompiledQuery, SqlDialect } from '../sql/dialect.ts';
import { COUNTED_ORDER_STATUSES } from './attribution-facts.ts';

const statuses = (b: Binder): string => COUNTED_ORDER_STATUSES.map((s) => b.p(s, 'string')).join(', ');

/**
 * Aliases are unique across the statement on purpose: ClickHouse lets aliases leak into WHERE,
 * so an alias equal to a column name can silently change what a condition reads.
 */
function countedOrders(d: SqlDialect, b: Binder, customerFilter: string): string {
  const ms = d.fn.epochMs;
  return `SELECT order_id AS o_id, customer_id AS o_cid, channel AS o_channel, ${ms('ordered_at')} AS o_t, paid_amount AS o_amount
  FROM orders WHERE status IN (${statuses(b)}) AND customer_id IS NOT NULL${customerFilter}`;
}

/** Every (order, exposure) pair inside the window, ranked: rank 1 is the last touch (see `compareTouches`). */
function rankedTouches(d: SqlDialect, b: Binder, windowMs: number, exposureFilter: string): string {
  return `SELECT o_id AS t_oid, o_cid AS t_cid, o_t AS t_ot, o_amount AS t_amount, e_campaign AS t_campaign, e_key AS t_key, e_arm AS t_arm,
    row_number() OVER (PARTITION BY o_id ORDER BY e_t DESC, e_campaign ASC, e_key ASC) AS t_rank
  FROM ord INNER JOIN (
    SELECT campaign_id AS e_campaign, exposure_key AS e_key, customer_id AS e_cid, arm AS e_arm, ${d.fn.epochMs('planned_at')} AS e_t
    FROM campaign_exposures${exposureFilter}
  ) AS ex ON o_cid = e_cid
  WHERE o_t >= e_t AND o_t < e_t + ${b.p(windowMs, 'int')}`;
}

/**
 * Last-touch credit of every counted order (same rule as `attributeOrders`): columns order_id,
 * customer_id, ordered_ms, paid_amount, campaign_id, exposure_key, arm; sorted by order id.
 */
export function orderCreditsSql(dialect: SqlDialect, opts: { windowMs: number }): CompiledQuery {
  return compile(dialect, (b) => {
    const ord = countedOrders(dialect, b, '');
    const touches = rankedTouches(dialect, b, opts.windowMs, '');
    return `WITH ord AS (${ord}),
touches AS (${touches})
SELECT t_oid AS order_id, t_cid AS customer_id, t_ot AS ordered_ms, t_amount AS paid_amount, t_campaign AS campaign_id, t_key AS exposure_key, t_arm AS arm
FROM touches WHERE t_rank = 1 ORDER BY t_oid`;
  });
}

/** The customers of one campaign and the exposures and counted orders that concern them. */
function campaignScope(d: SqlDialect, b: Binder, campaignId: string): string {
  return `mine AS (
  SELECT customer_id AS m_cid, arm AS m_arm, ${d.fn.epochMs('planned_at')} AS m_t FROM campaign_exposures WHERE campaign_id = ${b.p(campaignId, 'string')}
),
units AS (
  SELECT m_cid AS u_cid, min(m_arm) AS u_arm, count(DISTINCT m_arm) AS u_arms, count(*) AS u_exposures, min(m_t) AS u_first FROM mine GROUP BY m_cid
),
ord AS (${countedOrders(d, b, ' AND customer_id IN (SELECT u_cid FROM units)')})`;
}

/**
 * Per-customer outcomes of one campaign (same as `measureCampaignOutcomes`): customer_id, arm,
 * arms, exposures, first_exposed_ms, orders, revenue, pre_revenue, attributed_orders,
 * attributed_revenue; sorted by customer id.
 */
export function campaignOutcomesSql(
  dialect: SqlDialect,
  opts: { campaignId: string; windowMs: number },
): CompiledQuery {
  return compile(dialect, (b) => {
    const scope = campaignScope(dialect, b, opts.campaignId);
    const w1 = b.p(opts.windowMs, 'int');
    const w2 = b.p(opts.windowMs, 'int');
    const touches = rankedTouches(dialect, b, opts.windowMs, ' WHERE customer_id IN (SELECT u_cid FROM units)');
    const campaign = b.p(opts.campaignId, 'string');
    return `WITH ${scope},
win AS (
  SELECT DISTINCT o_id AS w_id, o_cid AS w_cid, o_amount AS w_amount FROM ord INNER JOIN mine ON o_cid = m_cid
  WHERE o_t >= m_t AND o_t < m_t + ${w1}
),
win_agg AS (SELECT w_cid AS wa_cid, count(*) AS wa_orders, sum(w_amount) AS wa_revenue FROM win GROUP BY w_cid),
pre_agg AS (
  SELECT o_cid AS pa_cid, sum(o_amount) AS pa_revenue FROM ord INNER JOIN units ON o_cid = u_cid
  WHERE o_t >= u_first - ${w2} AND o_t < u_first GROUP BY o_cid
),
touches AS (${touches}),
attr_agg AS (
  SELECT t_cid AS aa_cid, count(*) AS aa_orders, sum(t_amount) AS aa_revenue FROM touches
  WHERE t_rank = 1 AND t_campaign = ${campaign} GROUP BY t_cid
)
SELECT u_cid AS customer_id, u_arm AS arm, u_arms AS arms, u_exposures AS exposures, u_first AS first_exposed_ms,
  coalesce(wa_orders, 0) AS orders, coalesce(wa_revenue, 0) AS revenue, coalesce(pa_revenue, 0) AS pre_revenue,
  coalesce(aa_orders, 0) AS attributed_orders, coalesce(aa_revenue, 0) AS attributed_revenue
FROM units
LEFT JOIN win_agg ON u_cid = wa_cid
LEFT JOIN pre_agg ON u_cid = pa_cid
LEFT JOIN attr_agg ON u_cid = aa_cid
ORDER BY u_cid`;
  });
}

/**
 * The counted orders inside one campaign's windows, one row per order (for the daily trend and
 * the channel split): order_id, customer_id, arm, channel, ordered_ms, paid_amount; by time.
 */
export function campaignWindowOrdersSql(
  dialect: SqlDialect,
  opts: { campaignId: string; windowMs: number },
): CompiledQuery {
  return compile(dialect, (b) => {
    const scope = campaignScope(dialect, b, opts.campaignId);
    return `WITH ${scope}
SELECT DISTINCT o_id AS order_id, o_cid AS customer_id, u_arm AS arm, o_channel AS channel, o_t AS ordered_ms, o_amount AS paid_amount
FROM ord INNER JOIN mine ON o_cid = m_cid INNER JOIN units ON o_cid = u_cid
WHERE o_t >= m_t AND o_t < m_t + ${b.p(opts.windowMs, 'int')}
ORDER BY ordered_ms, order_id`;
  });
}
