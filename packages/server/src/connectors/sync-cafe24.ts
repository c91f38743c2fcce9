import {
  Cafe24Category,
  Cafe24Customer,
  Cafe24CustomerGroup,
  Cafe24Order,
  Cafe24Product,
  cafe24CustomerRow,
  cafe24OrderRows,
  cafe24ProductRow,
} from '@dalbit/core/connectors/cafe24-payloads';
import type { ApiRow } from '@dalbit/core/ingest/api-rows';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { z } from 'zod';
import { commitPage } from './commit-page.ts';
import { readCursors } from './connection-store.ts';
import { connectorError } from './connector-error.ts';
import { syncCafe24Coupons } from './sync-cafe24-coupons.ts';
import type { SyncRun } from './sync-run.ts';

const PAGE = 100;
/** Where a first sync starts when no `--since` is given. */
export const EPOCH = '2000-01-01T00:00:00+09:00';

interface Cafe24Resource {
  readonly resource: 'products' | 'customers' | 'orders';
  readonly kind: Exclude<SourceKind, 'events'>;
  readonly params: Record<string, string>;
  readonly id: (r: Record<string, unknown>) => string;
  readonly rows: (r: Record<string, unknown>, line: number, names: Names) => ApiRow[];
}

/** Names the records refer to by number: product categories and member grades. */
interface Names {
  readonly categories: ReadonlyMap<string, string>;
  readonly groups: ReadonlyMap<string, string>;
}

const RESOURCES: readonly Cafe24Resource[] = [
  {
    resource: 'products',
    kind: 'products',
    params: { date_type: 'updated_date' },
    id: (r) => String(r.product_no),
    rows: (r, line, names) => [cafe24ProductRow(Cafe24Product.parse(r), names.categories, line)],
  },
  {
    resource: 'customers',
    kind: 'cafe24_customers',
    params: { date_type: 'updated_date' },
    id: (r) => String(r.member_id),
    rows: (r, line, names) => [cafe24CustomerRow(Cafe24Customer.parse(r), names.groups, line)],
  },
  {
    resource: 'orders',
    kind: 'cafe24_orders',
    params: { date_type: 'update_date', embed: 'items,buyer' },
    id: (r) => String(r.order_id),
    rows: (r, line) => cafe24OrderRows(Cafe24Order.parse(r), line),
  },
];

const Stamped = z.object({ updated_date: z.string().min(1) }).passthrough();

/**
 * Cafe24: categories and member grades (names for products and members), then products, members
 * and orders changed since each cursor, then coupons and their issues.
 */
export async function syncCafe24(run: SyncRun): Promise<void> {
  const names: Names = {
    categories: await fetchNames(run, 'categories', Cafe24Category, (c) => [c.category_no, c.category_name]),
    groups: await fetchNames(run, 'customergroups', Cafe24CustomerGroup, (g) => [g.group_no, g.group_name]),
  };
  const cursors = await readCursors(run.deps.engine, run.conn.connectionId);
  for (const r of RESOURCES) {
    const saved = cursors.get(r.resource)?.cursor as { since?: string; seen?: string[] } | undefined;
    const start = run.since ?? saved?.since ?? EPOCH;
    const seen = run.since === undefined ? (saved?.seen ?? []) : [];
    await syncResource(run, r, { since: start, seen }, names);
  }
  // After members: an issue names its member, resolved to the customer they became.
  await syncCafe24Coupons(run);
}

/** A whole small list (categories, member groups) as number → name. */
async function fetchNames<T>(
  run: SyncRun,
  resource: 'categories' | 'customergroups',
  schema: z.ZodType<T>,
  pair: (x: T) => [string, string],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let offset = 0; ; offset += PAGE) {
    const body = await run.session.json(`/api/v2/admin/${resource}?limit=${PAGE}&offset=${offset}`);
    const list = z.object({ [resource]: z.array(schema) }).safeParse(body);
    if (!list.success) throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: resource });
    const page = list.data[resource] as T[];
    for (const x of page) out.set(...pair(x));
    if (page.length < PAGE) return out;
  }
}

/**
 * Keyset paging over `updated_date`: each page starts at the last committed instant and skips the
 * records already written at exactly that instant (`seen`), so a record updated during the sync
 * never shifts an offset past an unseen one. The cursor moves with each committed page.
 */
async function syncResource(
  run: SyncRun,
  r: Cafe24Resource,
  cursor: { since: string; seen: string[] },
  names: Names,
): Promise<void> {
  const until = run.startedAt.toISOString();
  let { since, seen } = cursor;
  let skip = 0;
  for (;;) {
    const q = new URLSearchParams({
      ...r.params,
      start_date: since,
      end_date: until,
      limit: String(PAGE),
      offset: String(skip),
    });
    const body = await run.session.json(`/api/v2/admin/${r.resource}?${q}`);
    const list = z.object({ [r.resource]: z.array(Stamped) }).safeParse(body);
    if (!list.success) throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: r.resource });
    const page = list.data[r.resource] as z.infer<typeof Stamped>[];
    const sinceMs = Date.parse(since);
    const fresh = page.filter((x) => !(Date.parse(x.updated_date) === sinceMs && seen.includes(r.id(x))));
    if (fresh.length > 0) {
      const last = fresh[fresh.length - 1]?.updated_date ?? since;
      const lastMs = Date.parse(last);
      const atLast = fresh.filter((x) => Date.parse(x.updated_date) === lastMs).map(r.id);
      const nextSeen = lastMs === sinceMs ? [...seen, ...atLast] : atLast;
      const base = run.rows[r.resource] ?? 0;
      const rows: ApiRow[] = [];
      for (const [i, x] of fresh.entries()) {
        try {
          rows.push(...r.rows(x, base + i + 1, names));
        } catch (e) {
          throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: `${r.resource} ${r.id(x)}` }, e);
        }
      }
      await run.commit(r.resource, () =>
        commitPage(run.deps.engine, {
          kind: r.kind,
          rows,
          file: `cafe24 API ${r.resource}`,
          now: run.startedAt,
          connectionId: run.conn.connectionId,
          resource: r.resource,
          cursor: { since: last, seen: nextSeen },
        }),
      );
      skip = lastMs === sinceMs ? skip + page.length : 0;
      since = last;
      seen = nextSeen;
    } else skip += page.length;
    if (page.length < PAGE) return;
  }
}
