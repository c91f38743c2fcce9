import {
  SmartstoreChangedStatus,
  SmartstoreProductOrderDetail,
  smartstoreOrderRow,
} from '@dalbit/core/connectors/smartstore-payloads';
import type { ApiRow } from '@dalbit/core/ingest/api-rows';
import { z } from 'zod';
import { boundInList } from '../importers/replace-rows.ts';
import { commitPage } from './commit-page.ts';
import { readCursors } from './connection-store.ts';
import { connectorError } from './connector-error.ts';
import type { SyncRun } from './sync-run.ts';

const RESOURCE = 'product_orders';
const DAY_MS = 86_400_000;
/** `product-orders/query` takes at most 300 ids. */
const BATCH = 300;
const BASE = '/external/v1/pay-order/seller/product-orders';
/** A first sync without `--since` looks this far back (changed-order queries go by 24-hour windows). */
export const FIRST_SYNC_DAYS = 30;

const Changed = z.object({
  data: z.object({
    lastChangeStatuses: z.array(SmartstoreChangedStatus).default([]),
    more: z.object({ moreFrom: z.string(), moreSequence: z.string() }).nullish(),
  }),
});
const Details = z.object({ data: z.array(SmartstoreProductOrderDetail) });

/**
 * SmartStore: changed product orders by 24-hour windows of `lastChangedFrom`/`lastChangedTo`
 * (Naver's limit), `moreSequence` within a window; details fetched in batches of 300 with every
 * known sibling line of the same order (so a partial change never drops the order's other lines).
 */
export async function syncSmartstore(run: SyncRun): Promise<void> {
  const saved = (await readCursors(run.deps.engine, run.conn.connectionId)).get(RESOURCE)?.cursor as
    | { from?: string; moreSequence?: string }
    | undefined;
  const end = run.startedAt.getTime();
  let from = run.since ?? saved?.from ?? new Date(end - FIRST_SYNC_DAYS * DAY_MS).toISOString();
  let more = run.since === undefined ? saved?.moreSequence : undefined;
  while (Date.parse(from) < end) {
    const to = new Date(Math.min(Date.parse(from) + DAY_MS, end)).toISOString();
    const q = new URLSearchParams({
      lastChangedFrom: from,
      lastChangedTo: to,
      ...(more ? { moreSequence: more } : {}),
    });
    const parsed = Changed.safeParse(await run.session.json(`${BASE}/last-changed-statuses?${q}`));
    if (!parsed.success) throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: 'last-changed-statuses' });
    const { lastChangeStatuses: changes, more: next } = parsed.data.data;
    const rows = await detailRows(run, changes);
    const cursor = next ? { from, moreSequence: next.moreSequence } : { from: to };
    // Empty windows are walked in memory; the cursor is written with data, or at the end.
    if (changes.length > 0 || next || Date.parse(to) >= end) {
      await run.commit(RESOURCE, () =>
        commitPage(run.deps.engine, {
          kind: 'smartstore_orders',
          rows,
          file: 'smartstore API product-orders',
          now: run.startedAt,
          connectionId: run.conn.connectionId,
          resource: RESOURCE,
          cursor,
        }),
      );
    }
    more = next?.moreSequence;
    if (!next) from = to;
  }
}

async function detailRows(run: SyncRun, changes: readonly SmartstoreChangedStatus[]): Promise<ApiRow[]> {
  if (changes.length === 0) return [];
  const ids = new Set(changes.map((c) => c.productOrderId));
  for (const id of await knownSiblings(run, [...new Set(changes.map((c) => c.orderId))])) ids.add(id);
  const all = [...ids];
  const rows: ApiRow[] = [];
  for (let i = 0; i < all.length; i += BATCH) {
    const body = await run.session.json(`${BASE}/query`, {
      method: 'POST',
      body: { productOrderIds: all.slice(i, i + BATCH) },
    });
    const parsed = Details.safeParse(body);
    if (!parsed.success) throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: 'product-orders/query' });
    const base = (run.rows[RESOURCE] ?? 0) + rows.length;
    for (const [j, d] of parsed.data.data.entries()) rows.push(smartstoreOrderRow(d, base + j + 1));
  }
  return rows;
}

/** Product-order numbers already in the warehouse for these orders (an export or an earlier sync). */
async function knownSiblings(run: SyncRun, orderIds: readonly string[]): Promise<string[]> {
  const only = boundInList(
    run.deps.engine.dialect,
    'order_id',
    orderIds.map((o) => `smartstore:${o}`),
  );
  const rows = await run.deps.engine.query<{ line_id: string }>({
    ...only,
    sql: `SELECT line_id FROM order_items WHERE ${only.sql}`,
  });
  return rows.map((r) => r.line_id.replace(/^smartstore:/, ''));
}
