import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { runCli } from '../support/run-cli.ts';
import { at, emailKey, importPersons, memberKey, phoneKey } from './fixtures.ts';

const run = (argv: string[], env: Record<string, string> = {}) => runCli(['--data-dir', dir, ...argv], env);

let dir = '';
let hong = '';
let buyer = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-customers-'));
  const engine = await openWarehouse({ dataDir: dir });
  try {
    const r1 = await importPersons(
      engine,
      [
        {
          recordId: 'cafe24:member:hong',
          channel: 'cafe24',
          keys: [memberKey('cafe24', 'hong'), emailKey('Hong@Example.com')],
          seenAt: at('2024-01-01T00:00:00Z'),
          name: '홍길동',
        },
      ],
      {
        now: at('2024-01-02T00:00:00Z'),
        orders: [{ orderId: 'cafe24:1', buyer: 'cafe24:member:hong', channel: 'cafe24', paid: 50000 }],
      },
    );
    hong = r1.customerOf.get('cafe24:member:hong') as string;
    const r2 = await importPersons(
      engine,
      [
        {
          recordId: 'ss:9',
          channel: 'smartstore',
          keys: [phoneKey('010-9876-5432')],
          seenAt: at('2024-01-03T00:00:00Z'),
        },
      ],
      {
        now: at('2024-01-04T00:00:00Z'),
        orders: [{ orderId: 'smartstore:9', buyer: 'ss:9', channel: 'smartstore', paid: 30000 }],
      },
    );
    buyer = r2.customerOf.get('ss:9') as string;
    await importPersons(
      engine,
      [
        {
          recordId: 'pos:1',
          channel: 'offline',
          keys: [phoneKey('01098765432'), emailKey('hong@example.com')],
          seenAt: at('2024-01-05T00:00:00Z'),
        },
      ],
      {
        now: at('2024-01-06T00:00:00Z'),
      },
    );
    await engine.insert(
      'consents',
      ['consent_id', 'customer_id', 'origin_customer_id', 'channel', 'purpose', 'granted', 'at', 'source'],
      [
        ['k1', hong, hong, 'sms', 'ad', true, at('2024-01-01T00:00:00Z'), 'cafe24'],
        ['k2', hong, hong, 'sms', 'ad', false, at('2024-01-09T00:00:00Z'), 'cafe24'],
      ],
    );
  } finally {
    await engine.close();
  }
});

describe('dalbit customers / stats', () => {
  it('shows the merged customer found by a phone written any way, with orders, consents and the merge', async () => {
    const r = await run(['customers', 'show', '+82 10-9876-5432', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.via).toBe('phone:+821098765432');
    expect(v.profile.customer_id).toBe(hong);
    expect(v.orders.summary).toMatchObject({ orders: 2, paid_orders: 2, revenue: 80000 });
    expect(v.channels.map((c: { channel: string }) => c.channel)).toEqual(['cafe24', 'offline', 'smartstore']);
    expect(v.consents).toEqual([
      { channel: 'sms', purpose: 'ad', granted: false, at: '2024-01-09T00:00:00.000Z', source: 'cafe24', proof: null },
    ]);
    expect(v.merges).toHaveLength(1);
    const byOldId = await run(['customers', 'show', buyer]);
    expect(byOldId.stdout).toContain(`${hong} (${buyer} 병합됨)`);
    expect(byOldId.stdout).toContain('매출 80,000원');
  });

  it('lists merges, unmerges by customer id, and reports clear errors', async () => {
    const list = JSON.parse((await run(['customers', 'merges', '--json'])).stdout);
    expect(list).toMatchObject([{ winner_id: hong, loser_id: buyer, reason_kind: 'phone', undone_at: null }]);
    const un = await run(['customers', 'unmerge', buyer], { DALBIT_LANG: 'en' });
    expect(un.stdout).toContain(`unmerged ${buyer} from ${hong}`);
    expect(un.stdout).toContain('orders 1');
    const again = await run(['customers', 'unmerge', list[0].merge_id]);
    expect(again.code).toBe(65);
    expect(again.stderr).toContain('오류: 이미 취소된 병합입니다 / merge');
    const unknown = await run(['customers', 'unmerge', 'c_0000']);
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toBe('오류: 취소할 병합이 없습니다 / customer c_0000 has no active merge\n');
    const missing = await run(['customers', 'show', 'nobody@example.com']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('고객을 찾을 수 없습니다');
  });

  it('prints stats in Korean by default and as JSON', async () => {
    const s = JSON.parse((await run(['stats', '--json'])).stdout);
    expect(s).toMatchObject({ customers: 2, orders: 2, merges: { active: 0, undone: 1 }, consents: 2 });
    expect(s.revenueByChannel).toEqual([
      { channel: 'cafe24', orders: 1, revenue: 50000, customers: 1 },
      { channel: 'smartstore', orders: 1, revenue: 30000, customers: 1 },
    ]);
    const ko = await run(['stats']);
    expect(ko.stdout).toContain('고객: 2');
    expect(ko.stdout).toContain('cafe24: 1건, 50,000원');
  });
});
