import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { runCli } from '../support/run-cli.ts';

let dir = '';
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(args, { DALBIT_LANG: 'ko' });

describe('dalbit demo', () => {
  it('generate writes the files and reports them as JSON', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-demo-cli-'));
    const r = await run([
      'demo',
      'generate',
      '--customers',
      '300',
      '--seed',
      '3',
      '--out',
      join(dir, 'files'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { files: { file: string; rows: number }[] };
    expect(body.files.length).toBeGreaterThanOrEqual(9);
    for (const f of body.files) expect(existsSync(join(dir, 'files', f.file))).toBe(true);
  });

  it('rejects a bad customer count with a clear error and exit code 64', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-demo-cli-'));
    const r = await run(['demo', 'generate', '--customers', 'many', '--out', dir]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--customers');
  });

  it('generates and imports into the data directory, printing the summary', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dalbit-demo-cli-'));
    const r = await run(['--data-dir', dir, 'demo', '--customers', '300', '--events-per-customer', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as {
      customers: number;
      rowsRejected: number;
      channels: { channel: string; orders: number; revenue: number }[];
      expected: { channels: Record<string, { keptOrders: number; netRevenue: number }> };
      campaigns: { id: string; touches: number }[];
    };
    expect(s.rowsRejected).toBe(0);
    expect(s.customers).toBeGreaterThan(200);
    // Orders with a kept line and net revenue (docs/metrics.md), as generated.
    expect(s.channels.find((c) => c.channel === 'cafe24')?.orders).toBe(s.expected.channels.cafe24?.keptOrders);
    expect(s.channels.find((c) => c.channel === 'cafe24')?.revenue).toBe(s.expected.channels.cafe24?.netRevenue);
    expect(existsSync(join(dir, 'demo-files', 'manifest.json'))).toBe(true);
    // The README's tour campaigns exist and have run, with sender settings filled.
    expect(s.campaigns.map((c) => c.id)).toEqual(['vip-winter-sale', 'cart-reminder-ab', 'birthday-coupon']);
    expect(s.campaigns.find((c) => c.id === 'vip-winter-sale')?.touches).toBeGreaterThan(0);
    const report = await run(['--data-dir', dir, 'campaign', 'report', 'vip-winter-sale']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('결론:');
    // The refresh runs after the campaigns planted their result orders: RFM sees every one of them
    // (a planted buyer's recency is at most the days since the planted order).
    const engine = await openWarehouse({ dataDir: dir });
    try {
      const [planted] = await engine.query<{ n: number; missed: number }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE r.customer_id IS NULL OR r.recency_days > date_diff('day', o.ordered_at, r.as_of) + 1) AS missed
         FROM orders o LEFT JOIN rfm_scores r ON r.customer_id = o.customer_id
         WHERE o.order_id LIKE '%PLANT%' AND o.status = 'paid' AND o.ordered_at < (SELECT max(as_of) FROM rfm_scores)`,
      );
      expect(Number(planted?.n)).toBeGreaterThan(0);
      expect(Number(planted?.missed)).toBe(0);
    } finally {
      await engine.close();
    }
  });
});
