import { MESSAGES } from '@dalbit/core/channels/tables';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { fetchOnsite, type OnsiteDelivery } from '../../channels/onsite/fetch-onsite.ts';
import { appendEvents } from '../../dispatch/record-outcomes.ts';
import type { Engine } from '../../engines/engine.ts';
import { createTrackerGate } from '../../tracker/tracker-gate.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute, readJson, validateBody } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

/** The path the tracker polls (also in CROSS_ORIGIN_PATHS). */
export const ONSITE_PENDING_PATH = '/api/onsite/pending';

const Pending = z.strictObject({
  anonymous_id: z.string().trim().min(1).max(200).describe('the tracker visitor id (dalbit.anonymousId())'),
});

const Popup = z.object({
  id: z.string().describe('on-site message id (send it back in message_opened/clicked/closed events)'),
  campaign_id: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable().describe('where the popup’s button leads (http/https only)'),
});

/** The customer a visitor was linked to by the shop's signed identify (identities kind `anon`). */
async function customerOfVisitor(engine: Engine, anonymousId: string): Promise<string | undefined> {
  const [row] = await engine.query<{ customer_id: string }>(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT customer_id FROM identities WHERE kind = 'anon' AND value = ${b.p(anonymousId, 'string')} ORDER BY customer_id LIMIT 1`,
    ),
  );
  return row?.customer_id;
}

/**
 * Handing a popup to the browser is its delivery: the outbox row becomes `delivered` (the report's
 * delivered stage) with a `message_events` row. Whether it was seen and clicked comes back as
 * tracker events (message_opened / message_clicked with the campaign id).
 */
async function markHandedOut(engine: Engine, shown: readonly OnsiteDelivery[], now: Date): Promise<void> {
  if (shown.length === 0) return;
  const keys = shown.map((m) => m.idempotencyKey);
  await engine.query(
    compileBound(engine.dialect, (b) =>
      engine.dialect.write.updateWhere({
        table: MESSAGES,
        alias: 'm',
        set: { status: "'delivered'", delivered_at: b.p(now, 'timestamp'), updated_at: b.p(now, 'timestamp') },
        where: `m.idempotency_key IN ${b.in(keys)} AND m.delivered_at IS NULL`,
      }),
    ),
  );
  await appendEvents(
    engine,
    keys.map((key) => ({
      key,
      status: 'delivered',
      code: null,
      detail: 'onsite: shown to the visitor',
      source: 'receipt',
      at: now,
    })),
  );
}

/** On-site popups for the tracker (public write key, CORS open like the events endpoint). */
export function onsiteRoutes(deps: ApiDeps): AnyRoute[] {
  const gate = createTrackerGate({
    siteKeys: deps.siteKeys,
    now: deps.now,
    trustedProxy: (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy,
    limits: deps.trackerLimits,
  });
  return [
    defineRoute({
      method: 'post',
      path: ONSITE_PENDING_PATH,
      tag: 'ingest',
      access: 'public',
      summary:
        'On-site popups waiting for a visitor (tracker write key): each is handed out once, then recorded as delivered',
      description:
        'The tracker calls this on page load (text/plain JSON, no preflight). Messages addressed to the visitor’s anonymous id or to the customer the shop linked it to (signed /api/identify) are returned at most once each, oldest first, at most one per call; expired and cancelled ones never. The write key only reads the visitor’s own popups: it cannot list others or change anything but the popup’s own shown state.',
      query: z.object({ key: z.string().max(200).optional().describe('the site’s write key (dwk_…)') }),
      bodyDoc: Pending,
      responses: { 200: { description: 'popups to show now', schema: z.object({ messages: z.array(Popup) }) } },
      handle: async ({ c }) => {
        gate.admit(c);
        const body = validateBody(Pending, await readJson(c));
        const now = deps.now();
        const customerId = await customerOfVisitor(deps.engine, body.anonymous_id);
        const shown = await fetchOnsite(
          deps.engine,
          { anonymousId: body.anonymous_id, ...(customerId ? { customerId } : {}) },
          { now, limit: 1 },
        );
        await markHandedOut(deps.engine, shown, now);
        const messages = shown.map((m) => ({
          id: m.onsiteId,
          campaign_id: m.campaignId,
          title: m.title,
          body: m.body,
          url: m.url !== null && /^https?:\/\//i.test(m.url) ? m.url : null,
        }));
        return sendJson(c, { messages }, 200);
      },
    }),
  ];
}
