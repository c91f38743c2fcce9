import { kstDayStart } from '@dalbit/core/time/kst';
import { z } from 'zod';
import { resolveAsOfDay } from '../../analytics/as-of.ts';
import { buildAudienceReport, loadBaseFacts } from '../../analytics/report/build-audience-report.ts';
import { resolveAudience } from '../../analytics/report/resolve-audience.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Report = z
  .object({
    name: z.string(),
    asOf: z.iso.datetime(),
    size: z.number().int(),
    share: z.number(),
    buyers: z.number().int(),
    revenue: z.number(),
    aov: z.number().nullable(),
    frequency: z.number().nullable(),
    recency: z.array(z.object({ bucket: z.string(), customers: z.number().int(), share: z.number() })),
    topCategories: z.array(z.record(z.string(), z.unknown())),
    topProducts: z.array(z.record(z.string(), z.unknown())),
    channels: z.array(z.record(z.string(), z.unknown())),
    reach: z.array(z.record(z.string(), z.unknown())),
    visits: z.record(z.string(), z.unknown()),
    trend: z.array(z.record(z.string(), z.unknown())),
  })
  .loose()
  .describe('AudienceReport (packages/core/src/analytics/report/audience-report.ts)');

const Query = z.object({
  lang: z.enum(['ko', 'en']).default('ko'),
  top: z.coerce.number().int().min(1).max(50).default(5),
  asOf: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('default: the one as-of rule (today, or the day after the data ends when that is earlier), as the CLI'),
});

export function reportRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const build = async (id: string, q: z.output<typeof Query>) => {
    const asOf =
      q.asOf === undefined
        ? kstDayStart((await resolveAsOfDay(engine, undefined, { now: deps.now() })).day)
        : new Date(q.asOf);
    // An unknown segment or cluster is a DalbitError (not_found → 404); the error renderer answers it.
    const audience = await resolveAudience(engine, id, { asOf, lang: q.lang });
    const base = await loadBaseFacts(engine, asOf);
    return await buildAudienceReport(engine, audience.members, { name: audience.name, asOf, top: q.top, base });
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/reports/base',
      tag: 'analytics',
      access: 'read',
      summary:
        'Audience report of the whole base: size, revenue, AOV, frequency, recency, top categories/products, channel mix, reachability, visits, trend',
      query: Query,
      responses: { 200: { description: 'the report', schema: Report } },
      handle: async ({ query, c }) => sendJson(c, await build('base', query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/segment/{id}',
      tag: 'analytics',
      access: 'read',
      summary:
        'Audience report of a saved segment (or `cluster:<run>:<n>`), with indexes against the whole base; optionally side by side with another (vs)',
      params: z.object({ id: z.string().min(1).max(200) }),
      query: Query.extend({
        vs: z.string().min(1).max(200).optional().describe('a second segment id to compare with'),
      }),
      responses: {
        200: {
          description: 'the report (and the comparison)',
          schema: z.object({ report: Report, vs: Report.optional() }),
        },
        404: { description: 'no such segment' },
      },
      handle: async ({ params, query, c }) => {
        const report = await build(params.id, query);
        const vs = query.vs === undefined ? undefined : await build(query.vs, query);
        return sendJson(c, { report, ...(vs ? { vs } : {}) });
      },
    }),
  ];
}
