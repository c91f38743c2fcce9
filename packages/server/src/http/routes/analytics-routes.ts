import { sortRules, toRuleRecords } from '@dalbit/core/analytics/basket/format-rules';
import { ClvError } from '@dalbit/core/analytics/clv/clv-error';
import { buildRfmGrid } from '@dalbit/core/analytics/rfm/rfm-grid';
import { summarizeSegments } from '@dalbit/core/analytics/rfm/segment-summary';
import { RFM_SEGMENT_LABELS } from '@dalbit/core/analytics/rfm/segments';
import { translate } from '@dalbit/core/i18n/catalog';
import { isoDateToKstDay, kstDayToIso, toKstDay } from '@dalbit/core/time/kst';
import { z } from 'zod';
import { latestRelatedProductsRun, mineWarehouseRules } from '../../analytics/basket/warehouse-rules.ts';
import { clvDistribution } from '../../analytics/clv/clv-distribution.ts';
import { computeWarehouseClv } from '../../analytics/clv/warehouse-clv.ts';
import { derivedResults } from '../../analytics/derived-results.ts';
import { computeWarehouseRfm } from '../../analytics/rfm/warehouse-rfm.ts';
import { type Engine, sql } from '../../engines/engine.ts';
import { productNames } from '../../segments/definition-names.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { maskName } from '../mask.ts';
import { sendJson } from '../send-json.ts';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => isoDateToKstDay(s) !== undefined, 'not a calendar date')
  .optional()
  .describe('KST analysis day; purchases before 00:00 KST of it count (default: today)');
/** Lowest minimum support the API mines with (the Groceries benchmark's 0.001 is the common floor). */
export const MIN_RULE_SUPPORT = 0.001;
/** Longest rule (items on both sides) the API mines. */
export const MAX_RULE_LENGTH = 5;

const Label = z.object({ ko: z.string(), en: z.string() });

/** When the answer was computed (kept until the warehouse changes: an import, a sync or a refresh). */
export const ComputedAt = z.iso.datetime().describe('when this answer was computed from the warehouse');

const dayOf = (deps: ApiDeps, s: string | undefined): number =>
  s === undefined ? toKstDay(deps.now()) : (isoDateToKstDay(s) as number);

const RulesQuery = z.object({
  asOf: Day,
  // Cost bound (decision 0014): mining runs in this process, so support has a floor and
  // rules at most MAX_RULE_LENGTH items; the answer holds at most `limit` rules.
  support: z.coerce
    .number()
    .max(1)
    .default(0.002)
    .superRefine((v, ctx) => {
      if (v < MIN_RULE_SUPPORT)
        ctx.addIssue({
          code: 'custom',
          message: translate('ko', 'limits.supportTooLow', { support: v, floor: MIN_RULE_SUPPORT }),
        });
    })
    .describe(`relative minimum support, at least ${MIN_RULE_SUPPORT}`),
  confidence: z.coerce.number().min(0).max(1).default(0.1),
  lift: z.coerce.number().min(0).default(1),
  level: z.enum(['order', 'customer']).default('order'),
  itemLevel: z.enum(['product', 'category']).default('product'),
  minlen: z.coerce.number().int().min(1).max(MAX_RULE_LENGTH).default(2),
  maxlen: z.coerce.number().int().min(1).max(MAX_RULE_LENGTH).default(3),
  limit: z.coerce.number().int().min(1).max(500).default(30),
});

/** Mines the rules for one query and day and names their products. */
async function rulesAnswer(engine: Engine, query: z.output<typeof RulesQuery>, asOfDay: number) {
  const { set } = await mineWarehouseRules(engine, {
    asOfDay,
    level: query.level,
    itemLevel: query.itemLevel,
    rules: {
      support: query.support,
      confidence: query.confidence,
      lift: query.lift,
      minlen: query.minlen,
      maxlen: query.maxlen,
    },
  });
  const top = toRuleRecords(set, sortRules(set).slice(0, query.limit));
  const names =
    query.itemLevel === 'product'
      ? await productNames(engine, [...new Set(top.flatMap((r) => [...r.lhs, r.rhs]))])
      : new Map<string, string>();
  const item = (id: string) => ({ id, name: names.get(id) ?? id });
  return {
    asOf: kstDayToIso(asOfDay),
    transactions: set.n,
    total: set.rules.length,
    rules: top.map((r) => ({
      lhs: r.lhs.map(item),
      rhs: item(r.rhs),
      support: r.support,
      confidence: r.confidence,
      lift: r.lift,
      count: r.count,
    })),
  };
}

/** RFM: named segments and the R × F grid. */
function rfmRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/rfm',
      tag: 'analytics',
      access: 'read',
      summary: 'RFM: the 11 named segments (count, share, revenue) and the R × F grid with mean monetary',
      query: z.object({ asOf: Day, windowDays: z.coerce.number().int().min(1).max(3650).optional() }),
      responses: {
        200: {
          description: 'RFM summary',
          schema: z.object({
            asOf: z.string(),
            computedAt: ComputedAt,
            customers: z.number().int(),
            segments: z.array(
              z.object({
                segment: z.string(),
                label: Label,
                customers: z.number().int(),
                share: z.number(),
                revenue: z.number(),
                revenueShare: z.number(),
              }),
            ),
            grid: z.array(
              z.object({
                r: z.number().int(),
                f: z.number().int(),
                count: z.number().int(),
                meanMonetary: z.number().nullable(),
              }),
            ),
          }),
        },
      },
      handle: async ({ query, c }) => {
        const asOfDay = dayOf(deps, query.asOf);
        const key = `${asOfDay}:${query.windowDays ?? ''}`;
        const out = await derivedResults(engine).get(`rfm:${key}`, deps.now, async () => {
          const scores = await computeWarehouseRfm(engine, {
            asOfDay,
            ...(query.windowDays !== undefined ? { windowDays: query.windowDays } : {}),
          });
          return {
            asOf: kstDayToIso(asOfDay),
            customers: scores.length,
            segments: summarizeSegments(scores).map((s) => ({ ...s, label: RFM_SEGMENT_LABELS[s.segment] })),
            grid: buildRfmGrid(scores),
          };
        });
        return sendJson(c, { ...out.value, computedAt: out.computedAt });
      },
    }),
  ];
}

const StoredRun = z.object({
  computedBy: z.enum(['refresh', 'cli']).describe("'refresh': the daily refresh; 'cli': `dalbit basket rules --store`"),
  runAt: z.iso.datetime(),
  asOf: z.string().describe('KST day the rules were mined as of'),
  params: z.record(z.string(), z.unknown()).describe('support, confidence, lift, level, itemLevel, top, …'),
  rules: z.number().int(),
  customers: z.number().int(),
  rows: z.number().int(),
});

/** Market-basket rules with product names. */
function basketRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/basket/rules',
      tag: 'analytics',
      access: 'read',
      summary:
        'Market-basket rules (arules apriori semantics) over paid order lines, highest lift first, with product names',
      query: RulesQuery,
      responses: {
        200: {
          description: 'rules',
          schema: z.object({
            asOf: z.string(),
            computedAt: ComputedAt,
            transactions: z.number().int(),
            total: z.number().int(),
            stored: StoredRun.nullable().describe(
              'the run behind the related products that audiences and messages use (null: none stored yet)',
            ),
            rules: z.array(
              z.object({
                lhs: z.array(z.object({ id: z.string(), name: z.string() })),
                rhs: z.object({ id: z.string(), name: z.string() }),
                support: z.number(),
                confidence: z.number(),
                lift: z.number(),
                count: z.number().int(),
              }),
            ),
          }),
        },
      },
      handle: async ({ query, c }) => {
        const asOfDay = dayOf(deps, query.asOf);
        const out = await derivedResults(engine).get(`rules:${JSON.stringify({ ...query, asOfDay })}`, deps.now, () =>
          rulesAnswer(engine, query, asOfDay),
        );
        // Read outside the cache: `basket rules --store` from the CLI writes without telling the server.
        const run = await latestRelatedProductsRun(engine);
        const stored = run && {
          ...run,
          runAt: run.runAt.toISOString(),
          asOf: kstDayToIso(toKstDay(run.asOf)),
        };
        return sendJson(c, { ...out.value, computedAt: out.computedAt, stored });
      },
    }),
  ];
}

/** Top customers by expected 1-year value (names masked). */
function clvRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/clv/top',
      tag: 'analytics',
      access: 'read',
      summary:
        'Customers with the highest expected 1-year value (BG/NBD + Gamma-Gamma fitted on the warehouse); names masked',
      query: z.object({ asOf: Day, limit: z.coerce.number().int().min(1).max(200).default(20) }),
      responses: {
        200: {
          description: 'top customers by CLV',
          schema: z.object({
            asOf: z.string(),
            computedAt: ComputedAt,
            customers: z.number().int(),
            top: z.array(
              z.object({
                customerId: z.string(),
                name: z.string().nullable(),
                pAlive: z.number(),
                expected90d: z.number(),
                clv1y: z.number(),
              }),
            ),
          }),
        },
      },
      handle: async ({ query, c }) => {
        const asOfDay = dayOf(deps, query.asOf);
        const derived = await derivedResults(engine).get(`clv:${asOfDay}`, deps.now, async () => {
          const r = await computeWarehouseClv(engine, asOfDay).catch((e: unknown) => {
            // A model that cannot be fitted or scored on this data is a property of the data (a ClvError, 422),
            // not a server fault; the numeric code's RangeError says the same.
            if (e instanceof RangeError) throw new ClvError('FIT_FAILED', e.message, { cause: e });
            throw e;
          });
          const top = r.scores
            .map((s) => {
              const spend = s.expectedSpend ?? r.meanOrderValue;
              return {
                customerId: s.customerId,
                pAlive: s.pAlive,
                expected90d: s.expectedPurchases[1] ?? 0,
                clv1y: (s.expectedPurchases[2] ?? 0) * spend,
              };
            })
            .sort((a, b) => b.clv1y - a.clv1y || (a.customerId < b.customerId ? -1 : 1))
            .slice(0, 200);
          return { asOf: kstDayToIso(asOfDay), customers: r.scores.length, top };
        });
        const run = derived.value;
        const top = run.top.slice(0, query.limit);
        const d = engine.dialect;
        const ids = top.map((t) => t.customerId);
        const names = ids.length
          ? await engine.query<{ customer_id: string; name: string | null }>(
              sql(
                `SELECT customer_id, name FROM customers WHERE customer_id IN (${ids.map((_, i) => d.placeholder(i + 1, 'string')).join(', ')})`,
                ids,
                ids.map(() => 'string' as const),
              ),
            )
          : [];
        const nameOf = new Map(names.map((n) => [n.customer_id, n.name]));
        return sendJson(c, {
          asOf: run.asOf,
          computedAt: derived.computedAt,
          customers: run.customers,
          top: top.map((t) => ({ ...t, name: maskName(nameOf.get(t.customerId) ?? null) })),
        });
      },
    }),
  ];
}

const Bins = z.array(
  z.object({
    from: z.number(),
    to: z.number().nullable().describe('exclusive upper bound; null for the open last bin'),
    count: z.number().int(),
  }),
);

/** Purchase-probability and expected 1-year value histograms of the stored CLV scores. */
function clvDistributionRoute(deps: ApiDeps): AnyRoute {
  return defineRoute({
    method: 'get',
    path: '/api/clv/distribution',
    tag: 'analytics',
    access: 'read',
    summary:
      "Histograms of the last refresh's CLV scores: P(alive) in 10 bins of 10 %, expected 1-year value in KRW bins (0, 1만, 3만, 5만, 10만, 30만, 50만, 100만원+)",
    responses: {
      200: {
        description: 'customers per bin',
        schema: z.object({
          asOf: z.iso.datetime().nullable().describe('as-of time of the stored scores; null before the first refresh'),
          customers: z.number().int().describe('customers with a stored CLV score'),
          pAlive: Bins,
          clv1y: Bins,
        }),
      },
    },
    handle: async ({ c }) => {
      const d = await clvDistribution(deps.engine);
      return sendJson(c, { ...d, asOf: d.customers > 0 && d.asOf ? new Date(d.asOf).toISOString() : null });
    },
  });
}

export function analyticsRoutes(deps: ApiDeps): AnyRoute[] {
  return [...rfmRoutes(deps), ...basketRoutes(deps), ...clvRoutes(deps), clvDistributionRoute(deps)];
}
