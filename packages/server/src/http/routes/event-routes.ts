import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { EventBatch, ingestEvents } from '../ingest-events.ts';
import { sendJson } from '../send-json.ts';

export function eventRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/events',
      tag: 'ingest',
      access: 'public',
      summary:
        'Ingest a batch of behavioural events (tracker): validated as a whole, identity resolved, idempotent by event_id',
      description:
        'Events with anonymous_id plus member_id or phone identify the visitor: the anonymous id joins that customer and the visitor’s earlier anonymous events follow. Any invalid item rejects the whole batch with per-item issues (body.events.N.field).',
      body: EventBatch,
      responses: {
        202: {
          description: 'stored',
          schema: z.object({
            accepted: z.number().int(),
            identified: z.number().int(),
            customersCreated: z.number().int(),
            customersMerged: z.number().int(),
          }),
        },
      },
      handle: async ({ body, c }) => {
        const r = await ingestEvents(deps.engine, body.events, { now: deps.now() });
        if (!r.ok) throw new ApiError('VALIDATION_FAILED', 'some events are invalid; nothing was stored', r.issues);
        const { ok: _ok, ...counts } = r;
        return sendJson(c, counts, 202);
      },
    }),
  ];
}
