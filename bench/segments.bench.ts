// `npm run bench -- segments`: builds a synthetic brand in DuckDB with generate_series-style SQL
// (default 1M customers / 10M orders / 50M events; DALBIT_BENCH_SEGMENT_SCALE=0.1 for a tenth),
// then times the feature refresh, live counts (p50/p95) and a refresh of every recipe.
import { buildRecipe, RECIPES } from '@dalbit/core/segments/recipes/index';
import type { Engine } from '../packages/server/src/engines/engine.ts';
import { openMemoryWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { countSegment } from '../packages/server/src/segments/count-segment.ts';
import { refreshFeatures } from '../packages/server/src/segments/refresh-features.ts';
import { refreshSegments } from '../packages/server/src/segments/refresh-segments.ts';
import { createSegment } from '../packages/server/src/segments/segment-store.ts';

const AS_OF = new Date('2025-06-15T03:00:00.000Z');
const RUNS = 9;

export const FEATURE_CONDITIONS: Record<string, unknown> = {
  gender: { kind: 'profile', field: 'gender', op: 'eq', value: 'F' },
  age_band_and_grade: {
    kind: 'and',
    items: [
      { kind: 'profile', field: 'age', op: 'between', value: [30, 39] },
      { kind: 'profile', field: 'grade', op: 'in', value: ['VIP', 'GOLD'] },
    ],
  },
  last_purchase_90_120_one_order: {
    kind: 'and',
    items: [
      { kind: 'orders', measure: 'days_since_last', op: 'between', value: [90, 120] },
      { kind: 'orders', measure: 'count', op: 'eq', value: 1 },
    ],
  },
  discount_sensitive: { kind: 'orders', measure: 'avg_discount_rate', op: 'gte', value: 0.2 },
  vip_top_10: { kind: 'profile', field: 'spend_percentile', op: 'gte', value: 0.9 },
  reachable_kakao_ad: { kind: 'reachable', channel: 'kakao', purpose: 'ad' },
  birthday_7_days: { kind: 'anniversary', date: 'birthday', toDays: 7 },
  custom_attribute: { kind: 'profile', field: 'attributes.skin', op: 'eq', value: 'dry' },
};
export const TABLE_CONDITIONS: Record<string, unknown> = {
  channel_member: { kind: 'channel', channels: ['cafe24'] },
  orders_windowed_smartstore: {
    kind: 'orders',
    filter: { channels: ['smartstore'], window: { kind: 'last_days', days: 90 } },
    measure: 'count',
    op: 'gte',
    value: 2,
  },
  orders_product: { kind: 'orders', filter: { products: ['P7'] }, measure: 'count', op: 'gte', value: 1 },
  rfm_champions: { kind: 'analytics', field: 'rfm.segment', op: 'eq', value: 'champions' },
};
export const EVENT_CONDITIONS: Record<string, unknown> = {
  cart_last_7_days: { kind: 'events', type: 'add_to_cart', window: { kind: 'last_days', days: 7 } },
  viewed_p1_3_to_5_in_7_days: {
    kind: 'events',
    type: 'product_view',
    product: 'P1',
    window: { kind: 'last_days', days: 7 },
    count: { min: 3, max: 5 },
  },
  search_property: {
    kind: 'events',
    type: 'search',
    window: { kind: 'last_days', days: 30 },
    properties: [{ key: 'query', op: 'eq', value: '선크림' }],
  },
  cart_abandonment_72h: {
    kind: 'sequence',
    did: { type: 'add_to_cart', window: { kind: 'last_days', days: 14 } },
    thenNot: { source: 'order' },
    withinHours: 72,
  },
  viewed_not_bought_same_product: {
    kind: 'sequence',
    did: { type: 'product_view', window: { kind: 'last_days', days: 7 }, count: { min: 3, max: 5 } },
    thenNot: { source: 'order' },
    sameProduct: true,
  },
};

export async function build(engine: Engine, customers: number, orders: number, events: number): Promise<void> {
  const days = (n: string) => `to_days(CAST(${n} AS INTEGER))`;
  const asOf = `TIMESTAMP '2025-06-15 03:00:00'`;
  await engine.exec(`INSERT INTO customers (customer_id, name, phone, email, birthday_md, birth_year, birthday_lunar, gender, grade, attributes, created_at, updated_at)
    SELECT 'c' || i, '고객' || i,
      CASE WHEN i % 4 <> 0 THEN '+8210' || lpad(CAST(i AS VARCHAR), 8, '0') END,
      CASE WHEN i % 2 = 0 THEN 'u' || i || '@example.com' END,
      lpad(CAST(1 + i % 12 AS VARCHAR), 2, '0') || '-' || lpad(CAST(1 + (i // 12) % 28 AS VARCHAR), 2, '0'),
      1960 + i % 45, i % 9 = 0, CASE WHEN i % 5 < 3 THEN 'F' ELSE 'M' END,
      CASE i % 20 WHEN 0 THEN 'VIP' WHEN 1 THEN 'GOLD' WHEN 2 THEN 'GOLD' ELSE 'BASIC' END,
      CASE WHEN i % 3 = 0 THEN '{"skin":"dry"}' ELSE '{"skin":"oily"}' END,
      ${asOf} - ${days('i % 1500')}, ${asOf}
    FROM range(1, ${customers + 1}) t(i)`);
  await engine.exec(`INSERT INTO customer_channels (customer_id, origin_customer_id, channel, member_id, joined_at, first_seen_at)
    SELECT 'c' || i, 'c' || i, ch, CASE WHEN ch <> 'smartstore' THEN ch || ':' || i END,
      CASE WHEN ch <> 'smartstore' THEN ${asOf} - ${days('(i * 7) % 1400')} END, ${asOf} - ${days('(i * 7) % 1400')}
    FROM range(1, ${customers + 1}) t(i), (VALUES ('cafe24'), ('smartstore'), ('kakao')) c(ch)
    WHERE (ch = 'cafe24' AND i % 2 = 0) OR (ch = 'smartstore' AND i % 3 = 0) OR (ch = 'kakao' AND i % 7 = 0)`);
  await engine.exec(`INSERT INTO consents (consent_id, customer_id, origin_customer_id, channel, purpose, granted, "at", source)
    SELECT 'k' || i || ch, 'c' || i, 'c' || i, ch, 'ad', i % 5 <> 1, ${asOf} - ${days('i % 700')}, 'bench'
    FROM range(1, ${customers + 1}) t(i), (VALUES ('sms'), ('kakao'), ('email')) c(ch) WHERE i % 2 = 0`);
  // Orders: customer drawn by hash, spread over two years, time-ordered like real appends.
  await engine.exec(`INSERT INTO orders (order_id, channel, store, customer_id, origin_customer_id, ordered_at, status, gross_amount, discount_amount, paid_amount, coupon_code, source)
    SELECT 'o' || i, ch, CASE WHEN ch = 'offline' THEN 'store' || (i % 20) END, cid, cid,
      ${asOf} - INTERVAL 730 DAY + to_milliseconds(CAST(i * (CAST(730 AS BIGINT) * 86400000 // ${orders}) AS BIGINT)),
      CASE WHEN i % 17 = 0 THEN 'cancelled' WHEN i % 23 = 0 THEN 'returned' ELSE 'paid' END,
      g, d, g - d, CASE WHEN i % 6 = 0 THEN 'CPN' || (i % 50) END, 'bench'
    FROM (SELECT i, 'c' || (1 + hash(i) % ${customers}) AS cid,
            CASE i % 10 WHEN 0 THEN 'offline' WHEN 1 THEN 'coupang' WHEN 2 THEN 'smartstore' WHEN 3 THEN 'smartstore' ELSE 'cafe24' END AS ch,
            10000 + (i % 20) * 5000 AS g, CASE WHEN i % 4 = 0 THEN (i % 5) * 2000 ELSE 0 END AS d
          FROM range(1, ${orders + 1}) t(i))`);
  await engine.exec(`INSERT INTO order_items (line_id, order_id, customer_id, origin_customer_id, channel, ordered_at, status, product_id, category, quantity, line_amount, discount_amount)
    SELECT order_id || '-1', order_id, customer_id, customer_id, channel, ordered_at, status, 'P' || (hash(order_id) % 500), 'cat' || (hash(order_id) % 12), 1, paid_amount, discount_amount FROM orders`);
  // Events: 180 days, time-ordered; product views dominate.
  await engine.exec(`INSERT INTO events (event_id, customer_id, origin_customer_id, type, occurred_at, product_id, properties, source)
    SELECT 'e' || i, cid, cid, ty, ${asOf} - INTERVAL 180 DAY + to_milliseconds(CAST(i * (CAST(180 AS BIGINT) * 86400000 // ${events}) AS BIGINT)),
      CASE WHEN ty IN ('product_view', 'add_to_cart') THEN 'P' || (h % 500) END,
      CASE WHEN ty = 'search' THEN '{"query":"' || CASE WHEN h % 7 = 0 THEN '선크림' ELSE '토너' END || '"}' END, 'bench'
    FROM (SELECT i, hash(i * 31) AS h, 'c' || (1 + hash(i) % ${customers}) AS cid,
            CASE WHEN i % 20 < 12 THEN 'product_view' WHEN i % 20 < 16 THEN 'page_view' WHEN i % 20 < 18 THEN 'add_to_cart' ELSE 'search' END AS ty
          FROM range(1, ${events + 1}) t(i))`);
  await engine.exec(`INSERT INTO rfm_scores SELECT 'c' || i, ${asOf}, i % 365, 1 + i % 10, 10000 * (i % 50), 1 + i % 5, 1 + (i // 5) % 5, 1 + (i // 25) % 5,
      CASE i % 5 WHEN 0 THEN 'champions' WHEN 1 THEN 'loyal' WHEN 2 THEN 'at_risk' WHEN 3 THEN 'hibernating' ELSE 'lost' END FROM range(1, ${customers + 1}) t(i)`);
  await engine.exec(
    `INSERT INTO related_products SELECT 'c' || i, ${asOf}, 1, 'P' || (i % 500), 1.5 FROM range(1, ${customers + 1}) t(i) WHERE i % 4 = 0`,
  );
  await engine.exec(
    `INSERT INTO customer_traits (customer_id, as_of, migrated_at) SELECT 'c' || i, ${asOf}, CASE WHEN i % 6 = 0 THEN ${asOf} - INTERVAL 30 DAY END FROM range(1, ${customers + 1}) t(i)`,
  );
  await engine.exec(
    `INSERT INTO warranties SELECT 'w' || i, 'c' || i, 'c' || i, 'P9', NULL, 'cafe24', ${asOf} - ${days('(i // 10) % 1100')} FROM range(1, ${customers + 1}) t(i) WHERE i % 10 = 0`,
  );
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10;
};

/** Each condition counted `runs` times (the first only warms caches): count, p50 and p95 per condition and overall. */
export async function timeConditions(engine: Engine, conditions: Record<string, unknown>, runs = RUNS) {
  const out: Record<string, { count: number; p50_ms: number; p95_ms: number }> = {};
  const all: number[] = [];
  for (const [name, root] of Object.entries(conditions)) {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < runs; i++) {
      const r = await countSegment(engine, { version: 1, root }, { asOf: AS_OF });
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.issues)}`);
      if (i > 0) times.push(r.tookMs); // first run warms caches
      count = r.count;
    }
    all.push(...times);
    out[name] = { count, p50_ms: percentile(times, 0.5), p95_ms: percentile(times, 0.95) };
  }
  return { p50_ms: percentile(all, 0.5), p95_ms: percentile(all, 0.95), conditions: out };
}

export async function run(): Promise<Record<string, unknown>> {
  const scale = Number(process.env.DALBIT_BENCH_SEGMENT_SCALE ?? '1');
  const customers = Math.round(1_000_000 * scale);
  const orders = Math.round(10_000_000 * scale);
  const events = Math.round(50_000_000 * scale);
  const engine = await openMemoryWarehouse('duckdb');
  try {
    let t = performance.now();
    await build(engine, customers, orders, events);
    const buildMs = Math.round(performance.now() - t);
    const features = await refreshFeatures(engine, { asOf: AS_OF });
    const featureConditions = await timeConditions(engine, FEATURE_CONDITIONS);
    const tableConditions = await timeConditions(engine, TABLE_CONDITIONS);
    const eventConditions = await timeConditions(engine, EVENT_CONDITIONS);
    const recipeParams: Record<string, Record<string, string>> = {
      'store-buyers': { store: 'store10' },
      'product-interest': { product: 'P1' },
    };
    for (const r of RECIPES) {
      const built = buildRecipe(r.name, recipeParams[r.name] ?? {});
      if (!built.ok) throw new Error(`${r.name}: ${JSON.stringify(built.issues)}`);
      await createSegment(engine, {
        segmentId: r.name,
        name: r.title.ko,
        definition: built.definition,
        recipe: r.name,
        now: AS_OF,
      });
    }
    t = performance.now();
    const first = await refreshSegments(engine, { asOf: AS_OF });
    const firstMs = Math.round(performance.now() - t);
    t = performance.now();
    const next = await refreshSegments(engine, { asOf: new Date(AS_OF.getTime() + 86_400_000) });
    const nextMs = Math.round(performance.now() - t);
    return {
      engine: 'duckdb (in-memory)',
      scale: { customers, orders, order_items: orders, events },
      build_ms: buildMs,
      features_refresh_ms: features.tookMs,
      feature_conditions: featureConditions,
      table_conditions: tableConditions,
      event_and_sequence_conditions: eventConditions,
      recipes_refresh: {
        recipes: first.refreshed.length,
        first_refresh_ms: firstMs,
        next_day_refresh_ms: nextMs,
        sizes: Object.fromEntries(
          next.refreshed.map((r) => [
            r.segmentId,
            { size: r.size, entered: r.entered, exited: r.exited, ms: r.tookMs },
          ]),
        ),
      },
      targets: { feature_p50_ms: 50, event_p50_ms: 500, all_recipes_refresh_ms: 10_000 },
    };
  } finally {
    await engine.close();
  }
}
