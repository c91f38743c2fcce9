import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
