import { createHash } from 'node:crypto';
import { translate } from '@dalbit/core/i18n/catalog';
import { z } from 'zod';
import { SIGNATURE_HEADER } from '../../channels/webhook/sign-webhook.ts';
import { verifyIdentifyCall } from '../../tracker/verify-identify.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute, readJson, validateBody } from '../define-route.ts';
import { ingestEvents, MAX_EVENTS_PER_BATCH, TrackedEvent } from '../ingest-events.ts';
import { sendJson } from '../send-json.ts';
import { checkBatchSize } from './event-routes.ts';

const Identity = z
  .strictObject({
    anonymous_id: TrackedEvent.shape.anonymous_id,
    member_id: TrackedEvent.shape.member_id,
    phone: TrackedEvent.shape.phone,
    occurred_at: TrackedEvent.shape.occurred_at,
    event_id: TrackedEvent.shape.event_id
      .optional()
      .describe('default: derived from the identity, so a re-sent call replaces'),
  })
  .refine((i) => i.member_id !== undefined || i.phone !== undefined, {
    message: translate('ko', 'tracker.identifyEmpty'),
  });
type Identity = z.infer<typeof Identity>;

export const IdentifyBatch = z.strictObject({ events: z.array(Identity).min(1).max(MAX_EVENTS_PER_BATCH) });

/** One `identify` event per identity; its id is derived from the identity unless the shop gives one. */
function toEvent(i: Identity): TrackedEvent {
  const { event_id, ...rest } = i;
  const id = event_id ?? `identify-${createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 32)}`;
  return { ...rest, event_id: id, type: 'identify' };
}

export function identifyRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/identify',
      tag: 'ingest',
      access: 'public',
      summary:
        'Identify visitors from the shop’s server (signed with the site’s secret key): may join and merge customers',
      description: `Server-to-server only. Signed like Dalbit's webhooks: \`${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256(secretKey, "<t>.<raw body>")>\`, timestamp within ±5 minutes (401 otherwise). Each identity links an anonymous id to a member id and/or phone and goes through the importer's identity resolution: it may create a customer, join one, or merge customers exactly as an import would. At most 500 per call (413). Idempotent by event_id.`,
      bodyDoc: IdentifyBatch,
      responses: {
        202: {
          description: 'identified',
          schema: z.object({
            accepted: z.number().int(),
            identified: z.number().int(),
            customersCreated: z.number().int(),
            customersMerged: z.number().int(),
          }),
        },
      },
      handle: async ({ c }) => {
        const now = deps.now();
        verifyIdentifyCall({
          header: c.req.header(SIGNATURE_HEADER),
          body: await c.req.text(),
          keys: deps.siteKeys,
          now,
        });
        const raw = await readJson(c);
        checkBatchSize(raw, MAX_EVENTS_PER_BATCH);
        const { events } = validateBody(IdentifyBatch, raw);
        const r = await ingestEvents(deps.engine, events.map(toEvent), { now });
        if (!r.ok) throw new ApiError('VALIDATION_FAILED', 'some identities are invalid; nothing was stored', r.issues);
        const { ok: _ok, ...counts } = r;
        return sendJson(c, counts, 202);
      },
    }),
  ];
}
