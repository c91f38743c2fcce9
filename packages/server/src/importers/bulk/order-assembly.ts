import type { IdentityKey, PersonRecord } from '@dalbit/core/ingest/records';
import { type Engine, eachChunk } from '../../engines/engine.ts';
import { MAPPED, MAPPED_COLUMNS } from './order-fields-sql.ts';

export const LINES = 'bulk_lines';
export const ORDERS = 'bulk_orders';
export const OWNERS = 'bulk_owners';

/**
 * `LINES`: each accepted line with its order id, line id (`channel:line number`, or
 * `order:product[:option]` numbered `#2`, `#3`… in file order) and buyer record id — the ids the
 * old path's order mapper gives.
 */
export async function buildLines(tx: Engine, memberIsKey: boolean): Promise<void> {
  await tx.exec(`CREATE OR REPLACE TEMP TABLE ${LINES} AS
WITH m AS (
  SELECT ${MAPPED_COLUMNS.join(', ')}, channel || ':' || order_no AS order_id,
    channel || ':' || order_no || ':' || product_id || coalesce(':' || option, '') AS base,
    CASE WHEN member_text IS NOT NULL AND ${memberIsKey} AND NOT contains(member_text, '*') THEN member_text END AS member,
    CASE WHEN phone_kind = 'mobile' THEN phone_e164 END AS mobile
  FROM ${MAPPED}
), n AS (
  SELECT *, row_number() OVER (PARTITION BY line_no IS NULL, base ORDER BY line) AS nth FROM m
)
SELECT *,
  CASE WHEN line_no IS NOT NULL THEN channel || ':' || line_no
       WHEN nth = 1 THEN base ELSE base || '#' || nth END AS line_id,
  CASE WHEN phone_kind IS NOT NULL OR email IS NOT NULL OR member IS NOT NULL THEN
    CASE WHEN member IS NOT NULL THEN channel || ':member:' || member
         ELSE channel || ':buyer:' || coalesce(mobile, email, 'order:' || order_no) END
  END AS buyer
FROM n`);
}

/**
 * The buyers of the file as the old path's batch builder makes them: the fields of the buyer's
 * first line, the earliest order time, and every key in order of first appearance.
 */
export async function readPersons(tx: Engine): Promise<PersonRecord[]> {
  const persons = new Map<string, PersonRecord & { keys: IdentityKey[] }>();
  const sql = `SELECT buyer, channel, name, mobile, email, member, member_text, seen_at FROM (
    SELECT buyer, channel, buyer_name AS name, mobile, email, member, member_text,
      min(ordered_at) OVER (PARTITION BY buyer) AS seen_at,
      row_number() OVER (PARTITION BY buyer ORDER BY line) AS k
    FROM ${LINES} WHERE buyer IS NOT NULL) WHERE k = 1 ORDER BY buyer`;
  await eachChunk<Record<string, unknown>>(tx, sql, (rows) => {
    for (const r of rows) {
      const p: Record<string, unknown> = {
        recordId: r.buyer,
        channel: r.channel,
        keys: [],
        seenAt: r.seen_at,
      };
      if (r.name !== null) p.name = r.name;
      if (r.mobile !== null) p.phone = r.mobile;
      if (r.email !== null) p.email = r.email;
      if (r.member !== null) p.memberId = r.member;
      if (r.member_text !== null && r.member === null) p.attributes = { maskedBuyerId: r.member_text };
      persons.set(r.buyer as string, p as unknown as PersonRecord & { keys: IdentityKey[] });
    }
  });
  const keys = `SELECT buyer, kind, value, mergeable FROM (
    SELECT buyer, kind, value, mergeable, min(line * 4 + pos) AS first FROM (
      SELECT buyer, line, 0 AS pos, 'phone' AS kind, phone_e164 AS value, phone_kind = 'mobile' AS mergeable
        FROM ${LINES} WHERE buyer IS NOT NULL AND phone_kind IS NOT NULL
      UNION ALL SELECT buyer, line, 1, 'email', email, true FROM ${LINES} WHERE buyer IS NOT NULL AND email IS NOT NULL
      UNION ALL SELECT buyer, line, 2, 'member', channel || ':' || member, true FROM ${LINES} WHERE member IS NOT NULL
    ) GROUP BY buyer, kind, value, mergeable) ORDER BY buyer, first`;
  await eachChunk<{ buyer: string; kind: IdentityKey['kind']; value: string; mergeable: boolean }>(tx, keys, (rows) => {
    for (const k of rows) persons.get(k.buyer)?.keys.push({ kind: k.kind, value: k.value, mergeable: k.mergeable });
  });
  return [...persons.values()];
}

/**
 * `ORDERS`: one row per order from its first line (channel, store, buyer, time), its status
 * (paid while any line is, else the first line's), the first coupon code and its totals.
 */
export async function buildOrders(tx: Engine): Promise<void> {
  await tx.exec(`CREATE OR REPLACE TEMP TABLE ${ORDERS} AS
WITH f AS (
  SELECT order_id, channel, store, buyer, ordered_at, status FROM (
    SELECT *, row_number() OVER (PARTITION BY order_id ORDER BY line) AS k FROM ${LINES}) WHERE k = 1
), a AS (
  SELECT order_id, bool_or(status = 'paid') AS any_paid, sum(amount) AS paid, sum(discount) AS discount,
    arg_min(coupon, line) FILTER (WHERE coupon IS NOT NULL) AS coupon
  FROM ${LINES} GROUP BY order_id
)
SELECT f.order_id, f.channel, f.store, f.buyer, f.ordered_at,
  CASE WHEN a.any_paid THEN 'paid' ELSE f.status END AS status,
  CAST(a.paid + a.discount AS BIGINT) AS gross_amount, CAST(a.discount AS BIGINT) AS discount_amount,
  CAST(a.paid AS BIGINT) AS paid_amount, a.coupon AS coupon_code
FROM f JOIN a USING (order_id)`);
}
