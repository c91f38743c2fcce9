import { z } from 'zod';
import { findCustomer } from '../../identity/find-customer.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { readCustomerInsight } from '../customer-insight.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Rows = z.array(z.record(z.string(), z.unknown()));
const Insight = z.object({
  customerId: z.string(),
  rfm: z.record(z.string(), z.unknown()).nullable(),
  clv: z.record(z.string(), z.unknown()).nullable(),
  traits: z.record(z.string(), z.unknown()).nullable(),
  touch: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('first and last UTM touch (source, medium, campaign, time) from the customer features'),
  segments: z.array(z.object({ segmentId: z.string(), name: z.string(), enteredAt: z.iso.datetime().nullable() })),
  campaigns: Rows,
  consents: Rows,
  timeline: Rows,
});

/** The customer page's scores, traits, audiences, messages, consent history and timeline (no personal data). */
export function customerInsightRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/customers/{id}/insight',
      tag: 'customers',
      access: 'read',
      summary:
        'RFM segment, purchase probability and expected value, traits, current audiences, campaigns received, consent history with proof, and an order + event timeline',
      params: z.object({ id: z.string().min(1).max(200).describe('customer id, phone, email or member key') }),
      query: z.object({ timeline: z.coerce.number().int().min(1).max(500).default(100) }),
      responses: {
        200: { description: 'the customer insight', schema: Insight },
        404: { description: 'no such customer' },
      },
      handle: async ({ params, query, c }) => {
        const found = await findCustomer(deps.engine, params.id);
        if (!found.found) throw new ApiError('NOT_FOUND', found.reason);
        const insight = await readCustomerInsight(deps.engine, found.customerId, { timeline: query.timeline });
        return sendJson(c, { customerId: found.customerId, ...insight });
      },
    }),
  ];
}
