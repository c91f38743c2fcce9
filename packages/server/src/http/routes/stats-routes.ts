import { z } from 'zod';
import { readStats } from '../../identity/read-stats.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';

const Stats = z.object({
  customers: z.number().int(),
  customersOnTwoOrMoreChannels: z.number().int(),
  orders: z.number().int(),
  orderLines: z.number().int(),
  events: z.number().int(),
  consents: z.number().int(),
  merges: z.object({ active: z.number().int(), undone: z.number().int() }),
  summaryRefreshing: z
    .boolean()
    .describe(
      'true: orders per status, revenue per channel and cross-channel customers are from before the last write, being recomputed (row counts are live)',
    ),
  ordersByStatus: z.array(z.object({ status: z.string(), orders: z.number().int() })),
  revenueByChannel: z.array(
    z.object({ channel: z.string(), orders: z.number().int(), revenue: z.number().int(), customers: z.number().int() }),
  ),
});

export function statsRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/stats',
      tag: 'stats',
      access: 'read',
      summary:
        'Headline counts: customers, cross-channel customers, orders, paid revenue by channel, events, consents, merges',
      responses: { 200: { description: 'warehouse statistics', schema: Stats } },
      handle: async ({ c }) => c.json(await readStats(deps.engine)),
    }),
  ];
}
