import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { withQueryScope } from '../../engines/query-scope.ts';
import { createTrackerGate, ingestBusy } from '../../tracker/tracker-gate.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute, readJson, validateBody } from '../define-route.ts';
import { createGroupCommit } from '../group-commit.ts';
import { EventBatch, prepareTrackerBatch, type TrackerWrite, writeTrackerBatches } from '../ingest-events.ts';
import { sendJson } from '../send-json.ts';

/** 413 when a body carries more events than one request may (before any is validated). */
export function checkBatchSize(body: unknown, max: number): void {
  const events = (body as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.length > max)
    throw new DalbitError({
      code: 'TOO_MANY_EVENTS',
      kind: 'too_large',
      message: translate('ko', 'tracker.tooManyEvents', { max, count: events.length }),
      issues: [{ path: ['body', 'events'], message: `at most ${max} events`, code: 'too_big' }],
    });
}

const GROUP_TIMEOUT_MS = 30_000;

export function eventRoutes(deps: ApiDeps): AnyRoute[] {
  const gate = createTrackerGate({
    siteKeys: deps.siteKeys,
    now: deps.now,
    trustedProxy: (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy,
    limits: deps.trackerLimits,
  });
  // Batches that arrive while one is being written are written together (group commit). A group
  // has its own statement budget: it must not stop because the request that started it went away.
  // The queue is bounded by events waiting: past it a batch is refused (503) instead of queued.
  const submit = createGroupCommit(
    (writes: readonly TrackerWrite[]) =>
      withQueryScope({ timeoutMs: GROUP_TIMEOUT_MS }, () => writeTrackerBatches(deps.engine, writes)),
    {
      maxItems: 500,
      maxPending: gate.limits.maxQueuedEvents,
      sizeOf: (w) => w.eventIds.length,
      onFull: ingestBusy,
    },
  );
  return [
    defineRoute({
      method: 'post',
      path: '/api/events',
      tag: 'ingest',
      access: 'public',
      summary:
        'Ingest a batch of behavioural events from the tracker (write key): appends events and anonymous ids only',
      description:
        'Authenticated by the site’s public write key (`?key=dwk_…`), rate-limited per key and per client address (429 with Retry-After). Phone numbers and member ids in the batch are stored as unverified claims: they never create or merge customers and never touch consent — identity comes from the shop through the signed POST /api/identify. Any invalid item rejects the whole batch with per-item issues (body.events.N.field); at most 500 events per request (413). Batches are written together (group commit); when more events than the queue bound (20,000) wait to be written, the batch is refused with 503 `INGEST_BUSY` and Retry-After, nothing stored.',
      query: z.object({ key: z.string().max(200).optional().describe('the site’s write key (dwk_…)') }),
      bodyDoc: EventBatch,
      responses: {
        202: {
          description: 'stored',
          schema: z.object({ accepted: z.number().int(), claims: z.number().int() }),
        },
      },
      handle: async ({ c }) => {
        const { site } = gate.admit(c);
        const raw = await readJson(c);
        checkBatchSize(raw, gate.limits.maxEvents);
        const { events } = validateBody(EventBatch, raw);
        const p = prepareTrackerBatch(events, { now: deps.now(), site });
        if (!p.ok) throw new ApiError('VALIDATION_FAILED', 'some events are invalid; nothing was stored', p.issues);
        const accepted = await submit(p.write);
        return sendJson(c, { accepted, claims: p.write.claims.length }, 202);
      },
    }),
  ];
}
