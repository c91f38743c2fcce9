import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../src/engines/open-engine.ts';
import { startServer } from '../../../src/http/start-server.ts';
import { authHeaders } from '../../support/auth.ts';
import { runCli } from '../../support/run-cli.ts';

// One revenue definition (net of cancelled and returned lines): the demo summary, `dalbit stats`
// (the home page's /api/stats) and `report base` must print the same total on one warehouse.
let dir = '';
let demo: { channels: { channel: string; orders: number; revenue: number }[] };
const run = (args: string[]) => runCli(['--data-dir', dir, ...args], { DALBIT_LANG: 'ko' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-revenue-'));
  const r = await run(['demo', '--customers', '800', '--events-per-customer', '0', '--json']);
  expect(r.code, r.stderr).toBe(0);
  demo = JSON.parse(r.stdout);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one revenue definition everywhere', () => {
  it('demo summary, stats (home page) and report base agree on total and per-channel revenue and orders', async () => {
    const stats = await run(['stats', '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    const s = JSON.parse(stats.stdout) as { revenueByChannel: { channel: string; orders: number; revenue: number }[] };
    const report = await run(['report', 'base', '--json']);
    expect(report.code, report.stderr).toBe(0);
    const rep = (
      JSON.parse(report.stdout) as {
        reports: { revenue: number; channels: { channel: string; orders: number; revenue: number }[] }[];
      }
    ).reports[0] as { revenue: number; channels: { channel: string; orders: number; revenue: number }[] };
    const total = (xs: { revenue: number }[]) => xs.reduce((a, x) => a + x.revenue, 0);
    const byChannel = (xs: { channel: string; orders: number; revenue: number }[]) =>
      Object.fromEntries(xs.map((x) => [x.channel, [x.orders, x.revenue]]));
    expect(total(demo.channels)).toBeGreaterThan(0);
    expect(total(s.revenueByChannel)).toBe(total(demo.channels));
    expect(rep.revenue).toBe(total(demo.channels));
    expect(byChannel(s.revenueByChannel)).toEqual(byChannel(demo.channels));
    expect(byChannel(rep.channels)).toEqual(byChannel(demo.channels));
  }, 120_000);

  it('reachability agrees: report base (CLI, default as-of), the segment condition and the dashboard’s /api/reports/base today', async () => {
    const report = await run(['report', 'base', '--json']);
    expect(report.code, report.stderr).toBe(0);
    type Reach = { channel: string; reachable: number };
    const cli = (JSON.parse(report.stdout) as { reports: { reach: Reach[] }[] }).reports[0]?.reach ?? [];
    const sms = cli.find((r) => r.channel === 'sms')?.reachable ?? 0;
    expect(sms).toBeGreaterThan(0);
    const def = join(dir, 'reach.json');
    writeFileSync(def, JSON.stringify({ version: 1, root: { kind: 'reachable', channel: 'sms', purpose: 'ad' } }));
    const seg = await run(['segment', 'count', def, '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    expect((JSON.parse(seg.stdout) as { count: number }).count).toBe(sms);
    // The dashboard, served today (weeks after the demo's data ends), shows the same figures.
    const engine = await openWarehouse({ dataDir: dir });
    const server = await startServer({ engine, host: '127.0.0.1', port: 0, now: () => new Date(), log: () => {} });
    try {
      const res = await fetch(`${server.url}/api/reports/base`, { headers: await authHeaders(engine, 'analyst') });
      expect(res.status).toBe(200);
      const api = (await res.json()) as { reach: Reach[] };
      const pick = (xs: Reach[]) => Object.fromEntries(xs.map((r) => [r.channel, r.reachable]));
      expect(pick(api.reach)).toEqual(pick(cli));
    } finally {
      await server.close();
      await engine.close();
    }
  }, 120_000);
});
