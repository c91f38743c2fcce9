import { NOTICE_STATES } from '@dalbit/core/compliance/reconfirmation-view';
import { z } from 'zod';
import { loadEffectivePolicy } from '../../campaigns/load-effective-policy.ts';
import { reconfirmationOverview } from '../../consent/reconfirmation-overview.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Query = z.object({
  state: z.enum(NOTICE_STATES).optional().describe('only this state in the list (counts cover all)'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  lang: z.enum(['ko', 'en']).default('ko'),
});

const Count = z.number().int();
const Overview = z.object({
  asOf: z.iso.datetime(),
  leadDays: Count,
  counts: z.object({ upcoming: Count, pending: Count, sent: Count, undelivered: Count, lapsed: Count }),
  refusals: z.array(z.object({ channel: z.string(), waiting: Count, message: z.string() })),
  items: z.array(
    z.object({
      customerId: z.string(),
      name: z.string().nullable(),
      contact: z.string().nullable(),
      channel: z.string(),
      consentedAt: z.string().nullable(),
      dueAt: z.string(),
      state: z.enum(NOTICE_STATES),
      reason: z.string().nullable(),
    }),
  ),
  total: Count,
});

/** The two-year consent re-confirmation for the dashboard (read-only; the runtime sends). */
export function reconfirmationRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/consent/reconfirmations',
      tag: 'consent',
      access: 'read',
      summary:
        'Two-year consent re-confirmation: counts upcoming (30 days) / waiting / sent / not delivered / lapsed, channels refused for a missing sender, and customers (name and contact masked)',
      query: Query,
      responses: { 200: { description: 'ReconfirmationOverview', schema: Overview } },
      handle: async ({ query, c }) => {
        const { policy } = await loadEffectivePolicy(deps.engine);
        return sendJson(
          c,
          await reconfirmationOverview(deps.engine, {
            now: deps.now(),
            policy,
            lang: query.lang,
            state: query.state,
            limit: query.limit,
          }),
        );
      },
    }),
  ];
}
