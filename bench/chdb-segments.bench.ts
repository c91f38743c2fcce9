// `npm run bench -- chdb-segments`: the segments bench's synthetic brand built in chDB (ClickHouse
// in-process, ReplacingMergeTree tables read with FINAL) with ClickHouse SQL, then the feature
// refresh, live counts (p50/p95) and `stats`. Scale: DALBIT_BENCH_CHDB_CUSTOMERS (default 1M),
// DALBIT_BENCH_CHDB_ORDERS_PER_CUSTOMER (default 3), DALBIT_BENCH_CHDB_EVENTS_PER_CUSTOMER (default 10).
import { loadavg } from 'node:os';
import type { Engine } from '../packages/server/src/engines/engine.ts';
import { openMemoryWarehouse } from '../packages/server/src/engines/open-engine.ts';
import { readStats } from '../packages/server/src/identity/read-stats.ts';
import { refreshFeatures } from '../packages/server/src/segments/refresh-features.ts';
import { EVENT_CONDITIONS, FEATURE_CONDITIONS, TABLE_CONDITIONS, timeConditions } from './segments.bench.ts';

const AS_OF = new Date('2025-06-15T03:00:00.000Z');
const RUNS = 7;
const asOf = "toDateTime64('2025-06-15 03:00:00', 3, 'UTC')";
const ids = (n: number) => `(SELECT number + 1 AS i FROM numbers(${n}))`;
const c = (i: string) => `concat('c', toString(${i}))`;

/** The same brand as segments.bench.ts `build`, in ClickHouse SQL. */
export async function buildClickHouse(
  engine: Engine,
  customers: number,
  orders: number,
  events: number,
): Promise<void> {
  await engine.exec(`INSERT INTO customers (customer_id, name, phone, email, birthday_md, birth_year, birthday_lunar, gender, grade, attributes, created_at, updated_at)
    SELECT ${c('i')}, concat('고객', toString(i)),
      if(i % 4 <> 0, concat('+8210', leftPad(toString(i), 8, '0')), NULL),
      if(i % 2 = 0, concat('u', toString(i), '@example.com'), NULL),
      concat(leftPad(toString(1 + i % 12), 2, '0'), '-', leftPad(toString(1 + intDiv(i, 12) % 28), 2, '0')),
      1960 + i % 45, i % 9 = 0, if(i % 5 < 3, 'F', 'M'),
      multiIf(i % 20 = 0, 'VIP', i % 20 IN (1, 2), 'GOLD', 'BASIC'),
      if(i % 3 = 0, '{"skin":"dry"}', '{"skin":"oily"}'),
      ${asOf} - toIntervalDay(i % 1500), ${asOf}
    FROM ${ids(customers)}`);
  await engine.exec(`INSERT INTO customer_channels (customer_id, origin_customer_id, channel, member_id, joined_at, first_seen_at)
    SELECT ${c('i')}, ${c('i')}, ch, if(ch <> 'smartstore', concat(ch, ':', toString(i)), NULL),
      if(ch <> 'smartstore', ${asOf} - toIntervalDay((i * 7) % 1400), NULL), ${asOf} - toIntervalDay((i * 7) % 1400)
    FROM ${ids(customers)} ARRAY JOIN ['cafe24', 'smartstore', 'kakao'] AS ch
    WHERE (ch = 'cafe24' AND i % 2 = 0) OR (ch = 'smartstore' AND i % 3 = 0) OR (ch = 'kakao' AND i % 7 = 0)`);
  await engine.exec(`INSERT INTO consents (consent_id, customer_id, origin_customer_id, channel, purpose, granted, \`at\`, source)
    SELECT concat('k', toString(i), ch), ${c('i')}, ${c('i')}, ch, 'ad', i % 5 <> 1, ${asOf} - toIntervalDay(i % 700), 'bench'
    FROM ${ids(customers)} ARRAY JOIN ['sms', 'kakao', 'email'] AS ch WHERE i % 2 = 0`);
  const step = Math.floor((730 * 86_400_000) / orders);
  await engine.exec(`INSERT INTO orders (order_id, channel, store, customer_id, origin_customer_id, ordered_at, status, gross_amount, discount_amount, paid_amount, coupon_code, source)
    SELECT concat('o', toString(i)), ch, if(ch = 'offline', concat('store', toString(i % 20)), NULL), cid, cid,
      ${asOf} - toIntervalDay(730) + toIntervalMillisecond(i * ${step}),
      multiIf(i % 17 = 0, 'cancelled', i % 23 = 0, 'returned', 'paid'), g, d, g - d,
      if(i % 6 = 0, concat('CPN', toString(i % 50)), NULL), 'bench'
    FROM (SELECT i, ${c(`1 + cityHash64(i) % ${customers}`)} AS cid,
            multiIf(i % 10 = 0, 'offline', i % 10 = 1, 'coupang', i % 10 IN (2, 3), 'smartstore', 'cafe24') AS ch,
            10000 + (i % 20) * 5000 AS g, if(i % 4 = 0, (i % 5) * 2000, 0) AS d
          FROM ${ids(orders)})`);
  await engine.exec(`INSERT INTO order_items (line_id, order_id, customer_id, origin_customer_id, channel, ordered_at, status, product_id, category, quantity, line_amount, discount_amount)
    SELECT concat(order_id, '-1'), order_id, customer_id, customer_id, channel, ordered_at, status,
      concat('P', toString(cityHash64(order_id) % 500)), concat('cat', toString(cityHash64(order_id) % 12)), 1, paid_amount, discount_amount FROM orders`);
  const eventStep = Math.floor((180 * 86_400_000) / events);
  await engine.exec(`INSERT INTO events (event_id, customer_id, origin_customer_id, type, occurred_at, product_id, properties, source)
    SELECT concat('e', toString(i)), cid, cid, ty, ${asOf} - toIntervalDay(180) + toIntervalMillisecond(i * ${eventStep}),
      if(ty IN ('product_view', 'add_to_cart'), concat('P', toString(h % 500)), NULL),
      if(ty = 'search', concat('{"query":"', if(h % 7 = 0, '선크림', '토너'), '"}'), NULL), 'bench'
    FROM (SELECT i, cityHash64(i * 31) AS h, ${c(`1 + cityHash64(i) % ${customers}`)} AS cid,
            multiIf(i % 20 < 12, 'product_view', i % 20 < 16, 'page_view', i % 20 < 18, 'add_to_cart', 'search') AS ty
          FROM ${ids(events)})`);
  await engine.exec(`INSERT INTO rfm_scores (customer_id, as_of, recency_days, frequency, monetary, r_score, f_score, m_score, segment)
    SELECT ${c('i')}, ${asOf}, i % 365, 1 + i % 10, 10000 * (i % 50), 1 + i % 5, 1 + intDiv(i, 5) % 5, 1 + intDiv(i, 25) % 5,
      ['champions', 'loyal', 'at_risk', 'hibernating', 'lost'][1 + i % 5] FROM ${ids(customers)}`);
  await engine.exec(`INSERT INTO related_products (customer_id, as_of, rank, product_id, score)
    SELECT ${c('i')}, ${asOf}, 1, concat('P', toString(i % 500)), 1.5 FROM ${ids(customers)} WHERE i % 4 = 0`);
  await engine.exec(`INSERT INTO customer_traits (customer_id, as_of, migrated_at)
    SELECT ${c('i')}, ${asOf}, if(i % 6 = 0, ${asOf} - toIntervalDay(30), NULL) FROM ${ids(customers)}`);
  await engine.exec(`INSERT INTO warranties (registration_id, customer_id, origin_customer_id, product_id, serial, channel, registered_at)
    SELECT concat('w', toString(i)), ${c('i')}, ${c('i')}, 'P9', NULL, 'cafe24', ${asOf} - toIntervalDay(intDiv(i, 10) % 1100)
    FROM ${ids(customers)} WHERE i % 10 = 0`);
}

/** A line on stderr per finished step (a 10M run takes an hour): step, milliseconds, load average. */
function progress(step: string, ms: number): void {
  process.stderr.write(
    `[chdb-segments] ${new Date().toISOString()} ${step}: ${ms} ms, load ${loadavg()[0]?.toFixed(1)}\n`,
  );
}

export async function run(): Promise<Record<string, unknown>> {
  const customers = Number(process.env.DALBIT_BENCH_CHDB_CUSTOMERS ?? '1000000');
  const orders = customers * Number(process.env.DALBIT_BENCH_CHDB_ORDERS_PER_CUSTOMER ?? '3');
  const events = customers * Number(process.env.DALBIT_BENCH_CHDB_EVENTS_PER_CUSTOMER ?? '10');
  const load = { before: loadavg().map((x) => Math.round(x * 100) / 100) };
  const engine = await openMemoryWarehouse('chdb');
  try {
    let t = performance.now();
    await buildClickHouse(engine, customers, orders, events);
    const buildMs = Math.round(performance.now() - t);
    progress('build', buildMs);
    const features = await refreshFeatures(engine, { asOf: AS_OF });
    progress('feature refresh', features.tookMs);
    t = performance.now();
    const stats = await readStats(engine);
    const statsMs = Math.round(performance.now() - t);
    progress('stats', statsMs);
    const featureConditions = await timeConditions(engine, FEATURE_CONDITIONS, RUNS);
    progress('feature conditions', featureConditions.p50_ms);
    const tableConditions = await timeConditions(engine, TABLE_CONDITIONS, RUNS);
    progress('table conditions', tableConditions.p50_ms);
    const eventConditions = await timeConditions(engine, EVENT_CONDITIONS, RUNS);
    return {
      engine: 'chdb (in-memory session, ReplacingMergeTree read with FINAL)',
      scale: { customers, orders, order_items: orders, events },
      build_ms: buildMs,
      features_refresh_ms: features.tookMs,
      stats_ms: statsMs,
      stats_figures: { customers: stats.customers, orders: stats.orders, events: stats.events },
      feature_conditions: featureConditions,
      table_conditions: tableConditions,
      event_and_sequence_conditions: eventConditions,
      load_average: { ...load, after: loadavg().map((x) => Math.round(x * 100) / 100) },
    };
  } finally {
    await engine.close();
  }
}
