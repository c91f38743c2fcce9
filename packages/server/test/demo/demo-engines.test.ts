import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type EngineKind, openWarehouse } from '../../src/engines/open-engine.ts';
import { runCli } from '../support/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ARGS = ['demo', '--customers', '120', '--seed', '11', '--events-per-customer', '2', '--json'];

/** Runs the demo on one engine and reads back the figures a person sees. */
async function demoFigures(kind: EngineKind) {
  const dir = mkdtempSync(join(tmpdir(), `dalbit-demo-${kind}-`));
  dirs.push(dir);
  const env = { DALBIT_LANG: 'ko', DALBIT_ENGINE: kind };
  const r = await runCli(['--data-dir', dir, ...ARGS], env);
  expect(r.code, r.stderr).toBe(0);
  const s = JSON.parse(r.stdout) as {
    customers: number;
    merges: number;
    rowsWritten: number;
    channels: { channel: string; orders: number; revenue: number }[];
    campaigns: { id: string; touches: number; plantedOrders: number }[];
    refresh: { step: string; ok: boolean; detail: string }[];
  };
  const report = await runCli(['--data-dir', dir, 'campaign', 'report', 'vip-winter-sale', '--json'], env);
  expect(report.code, report.stderr).toBe(0);
  const engine = await openWarehouse({ dataDir: dir, engine: kind });
  try {
    const one = async (sql: string) => (await engine.query(sql))[0];
    return {
      summary: {
        customers: s.customers,
        merges: s.merges,
        rowsWritten: s.rowsWritten,
        channels: s.channels,
        campaigns: s.campaigns,
        refresh: s.refresh.map((x) => [x.step, x.ok, x.detail]),
      },
      warehouse: await one(
        `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM orders) AS orders,
           (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM consents) AS consents,
           (SELECT sum(line_amount) FROM order_items WHERE status NOT IN ('cancelled', 'returned')) AS net_revenue`,
      ),
      // Segment ids are random per run: compare by name.
      segments: await engine.query(
        `SELECT s.name AS name, max(r.size) AS size FROM segment_refreshes r
         JOIN (SELECT segment_id, max(name) AS name FROM segments GROUP BY segment_id) s ON s.segment_id = r.segment_id
         GROUP BY s.name ORDER BY s.name`,
      ),
      messages: await engine.query(
        'SELECT campaign_id, status, count(*) AS n FROM messages GROUP BY campaign_id, status ORDER BY campaign_id, status',
      ),
      report: JSON.parse(report.stdout) as unknown,
    };
  } finally {
    await engine.close();
  }
}

// Decision 0019: the same demo (import → identities → refresh → segments → campaigns → report) on
// ClickHouse through chDB gives the same figures as on DuckDB, on the same seed.
describe('the demo on DuckDB and on ClickHouse (chDB)', () => {
  it('gives the same customers, orders, revenue, segments, sends and report', async () => {
    const duck = await demoFigures('duckdb');
    const ch = await demoFigures('chdb');
    expect(duck.summary.customers).toBeGreaterThan(100);
    expect(duck.segments.length).toBeGreaterThan(5);
    expect(duck.messages.length).toBeGreaterThan(0);
    expect(ch.summary).toEqual(duck.summary);
    expect(ch.warehouse).toEqual(duck.warehouse);
    expect(ch.segments).toEqual(duck.segments);
    expect(ch.messages).toEqual(duck.messages);
    expect(ch.report).toEqual(duck.report);
  }, 600_000);
});
