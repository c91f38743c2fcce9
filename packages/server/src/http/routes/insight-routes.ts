import { CLUSTER_FEATURES } from '@dalbit/core/analytics/clusters/cluster-features';
import { COSTLY_MIN_ORDERS, COSTLY_MIN_RATE, costlyRate, isCostly } from '@dalbit/core/analytics/traits/costly';
import { summarizeTraits } from '@dalbit/core/analytics/traits/summarize-traits';
import { isoDateToKstDay, kstDayStart, toKstDay } from '@dalbit/core/time/kst';
import { z } from 'zod';
import { saveClusterAsSegment } from '../../analytics/clusters/save-cluster-segment.ts';
import { findClusterRun, runWarehouseClusters } from '../../analytics/clusters/warehouse-clusters.ts';
import { derivedResults } from '../../analytics/derived-results.ts';
import { computeWarehouseTraits } from '../../analytics/traits/warehouse-traits.ts';
import type { Engine } from '../../engines/engine.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { maskedNames } from '../masked-names.ts';
import { sendJson } from '../send-json.ts';
import { ComputedAt } from './analytics-routes.ts';

const Label = z.object({ ko: z.string(), en: z.string() });
const FEATURE_LABELS = new Map(CLUSTER_FEATURES.map((f) => [f.key, f.label]));

const ClusterRun = z.object({
  runId: z.string(),
  asOf: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  k: z.number().int(),
  silhouette: z.number(),
  customers: z.number().int(),
  clusters: z.array(
    z.object({
      cluster: z.number().int(),
      label: Label,
      size: z.number().int(),
      share: z.number(),
      revenue: z.number(),
      revenueShare: z.number(),
      contrasts: z.array(
        z.object({ feature: z.string(), label: Label, d: z.number(), mean: z.number(), restMean: z.number() }),
      ),
    }),
  ),
});

async function latestRun(engine: Engine, runId?: string): Promise<z.infer<typeof ClusterRun> | null> {
  const run = await findClusterRun(engine, runId);
  if (!run) return null;
  const s = run.summary;
  return {
    runId: run.runId,
    asOf: new Date(run.asOf).toISOString(),
    createdAt: new Date(run.createdAt).toISOString(),
    k: s.k,
    silhouette: s.silhouette,
    customers: s.clusters.reduce((n, c) => n + c.size, 0),
    clusters: s.clusters.map((c) => ({
      cluster: c.cluster,
      label: c.label,
      size: c.size,
      share: c.share,
      revenue: c.revenue,
      revenueShare: c.revenueShare,
      contrasts: c.contrasts.slice(0, 4).map((x) => ({
        feature: x.feature,
        label: FEATURE_LABELS.get(x.feature) ?? { ko: x.feature, en: x.feature },
        d: x.d,
        mean: x.mean,
        restMean: x.restMean,
      })),
    })),
  };
}

/** Automatically found groups: the latest run, a new run, and saving one group as an audience. */
function clusterRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/clusters',
      tag: 'analytics',
      access: 'read',
      summary: 'The latest automatically found groups (k-means on RFM + traits) with Korean descriptions and sizes',
      responses: {
        200: {
          description: 'the latest run, or null before the first',
          schema: z.object({ run: ClusterRun.nullable() }),
        },
      },
      handle: async ({ c }) => sendJson(c, { run: await latestRun(engine) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/clusters/run',
      tag: 'analytics',
      access: 'audience.write',
      summary: 'Finds the groups again on the current data and stores the run',
      body: z.object({
        k: z.number().int().min(2).max(20).optional(),
        seed: z.number().int().min(0).max(2_147_483_647).default(42),
      }),
      responses: { 200: { description: 'the new run', schema: z.object({ run: ClusterRun }) } },
      handle: async ({ body, c }) => {
        const now = deps.now();
        const run = await runWarehouseClusters(engine, {
          asOfDay: toKstDay(now),
          seed: body.seed,
          now,
          ...(body.k === undefined ? {} : { k: body.k }),
        });
        return sendJson(c, { run: await latestRun(engine, run.runId) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/clusters/{runId}/{cluster}/save',
      tag: 'analytics',
      access: 'audience.write',
      summary: 'Saves one group of a run as an audience (a snapshot of its members)',
      params: z.object({ runId: z.string().min(1).max(100), cluster: z.coerce.number().int().min(1).max(100) }),
      body: z.object({ name: z.string().trim().min(1).max(200).optional(), lang: z.enum(['ko', 'en']).default('ko') }),
      responses: {
        201: {
          description: 'the saved segment',
          schema: z.object({ segmentId: z.string(), name: z.string(), members: z.number().int() }),
        },
        404: { description: 'no such run or group' },
      },
      handle: async ({ params, body, c }) => {
        const r = await saveClusterAsSegment(engine, {
          runId: params.runId,
          cluster: params.cluster,
          lang: body.lang,
          now: deps.now(),
          ...(body.name === undefined ? {} : { name: body.name }),
        });
        return sendJson(c, { segmentId: r.segment.segmentId, name: r.segment.name, members: r.members }, 201);
      },
    }),
  ];
}

/** Share buckets of a ratio (0–100 %, by 10 points) over the customers that have it. */
function ratioBuckets(values: readonly (number | null)[]): number[] {
  const out = Array.from({ length: 10 }, () => 0);
  for (const v of values) {
    if (v === null) continue;
    const i = Math.max(0, Math.min(9, Math.floor(v * 10)));
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

const TraitsOverview = z.object({
  asOf: z.iso.datetime(),
  customers: z.number().int(),
  buyers: z.number().int(),
  discountSensitive: z.number().int(),
  cherryPickers: z.number().int(),
  migratedToOwnShop: z.number().int(),
  goldenTimeNext7Days: z.number().int(),
  medianOfMedianIntervals: z.number().nullable(),
  channelPaths: z.array(z.object({ from: z.string(), to: z.string(), customers: z.number().int() })),
  preferredCategories: z.array(z.object({ category: z.string(), customers: z.number().int() })),
  preferredHours: z.array(z.number().int()),
  discountShareBuckets: z.array(z.number().int()).describe('customers per 10-point bucket of discounted-order share'),
  costly: z.object({
    rate: z.number(),
    minOrders: z.number().int().describe('orders a customer needs before their rates count'),
    customers: z.number().int(),
    top: z.array(
      z.object({
        customerId: z.string(),
        name: z.string().nullable(),
        cancelRate: z.number().nullable(),
        returnRate: z.number().nullable(),
        cherryPickerScore: z.number().nullable(),
      }),
    ),
  }),
});

async function traitsOverview(engine: Engine, asOf: Date): Promise<z.infer<typeof TraitsOverview>> {
  const rows = await computeWarehouseTraits(engine, asOf);
  const costly = rows
    .filter(isCostly)
    .sort((a, b) => costlyRate(b) - costlyRate(a) || (a.customerId < b.customerId ? -1 : 1));
  const top = costly.slice(0, 10);
  const names = await maskedNames(
    engine,
    top.map((t) => t.customerId),
  );
  const summary = summarizeTraits(rows, asOf);
  return {
    asOf: asOf.toISOString(),
    ...summary,
    channelPaths: [...summary.channelPaths],
    preferredCategories: [...summary.preferredCategories],
    preferredHours: [...summary.preferredHours],
    discountShareBuckets: ratioBuckets(rows.map((r) => r.discountOrderShare)),
    costly: {
      rate: COSTLY_MIN_RATE,
      minOrders: COSTLY_MIN_ORDERS,
      customers: costly.length,
      top: top.map((t) => ({
        customerId: t.customerId,
        name: names.get(t.customerId) ?? null,
        cancelRate: t.cancelRate,
        returnRate: t.returnRate,
        cherryPickerScore: t.cherryPickerScore,
      })),
    },
  };
}

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => isoDateToKstDay(s) !== undefined, 'not a calendar date')
  .optional();

/** Traits overview: discount sensitivity, channel migration, costly customers, preferred categories and hours. */
function traitRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/traits/overview',
      tag: 'analytics',
      access: 'read',
      summary:
        'Customer traits over the base: discount sensitivity, cherry-pickers, channel migration paths, costly customers (names masked), preferred categories and hours',
      query: z.object({
        asOf: Day.describe('KST day; orders and events before 00:00 KST of it count (default: today)'),
      }),
      responses: {
        200: { description: 'the overview', schema: TraitsOverview.extend({ computedAt: ComputedAt }) },
      },
      handle: async ({ query, c }) => {
        const day = query.asOf === undefined ? toKstDay(deps.now()) : (isoDateToKstDay(query.asOf) as number);
        // Kept until the warehouse changes (an import or a refresh drops it).
        const out = await derivedResults(deps.engine).get(`traits:${day}`, deps.now, () =>
          traitsOverview(deps.engine, kstDayStart(day)),
        );
        return sendJson(c, { ...out.value, computedAt: out.computedAt });
      },
    }),
  ];
}

export function insightRoutes(deps: ApiDeps): AnyRoute[] {
  return [...clusterRoutes(deps), ...traitRoutes(deps)];
}
