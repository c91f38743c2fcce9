import type { PersonRecord } from '@dalbit/core/ingest/records';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { resolvePersons } from '../../src/identity/resolve-persons.ts';
import { unmerge } from '../../src/identity/unmerge.ts';
import { anonKey, at, dumpTables, emailKey, importPersons, memberKey, phoneKey } from './fixtures.ts';

let engine: Engine;

const hongMember = (withPhone: boolean): PersonRecord => ({
  recordId: 'cafe24:member:hong123',
  channel: 'cafe24',
  keys: [
    memberKey('cafe24', 'hong123'),
    emailKey('Hong.GD@Example.com'),
    ...(withPhone ? [phoneKey('010-1234-5678')] : []),
  ],
  seenAt: at(withPhone ? '2024-03-01T00:00:00Z' : '2024-01-10T00:00:00Z'),
  name: '홍길동',
  email: 'hong.gd@example.com',
  ...(withPhone ? { phone: '+821012345678' } : {}),
  birthdayMd: '03-15',
  birthdayLunar: true,
  gender: 'M',
  grade: withPhone ? 'VIP' : 'GOLD',
  memberId: 'hong123',
  joinedAt: at('2023-05-01T03:00:00Z'),
  lastLoginAt: at('2024-02-27T12:00:00Z'),
});
const smartstoreBuyer: PersonRecord = {
  recordId: 'smartstore:order:2024030112345',
  channel: 'smartstore',
  keys: [phoneKey('010 1234 5678'), phoneKey('0504-1234-5678')],
  seenAt: at('2024-02-01T00:00:00Z'),
  name: '홍길동',
  phone: '+821012345678',
};
const posSale: PersonRecord = {
  recordId: 'pos:gangnam:R-0001',
  channel: 'offline',
  keys: [phoneKey('+82-10-1234-5678')],
  seenAt: at('2024-02-15T05:00:00Z'),
};

const count = async (q: string) => ((await engine.query<{ n: number }>(q))[0] as { n: number }).n;

// The same resolution on both engines: on ClickHouse every change is a new row version (decision 0019).
describe.each(['duckdb', 'chdb'] as const)('resolvePersons on %s', (kind) => {
  beforeEach(async () => {
    engine = await openMemoryWarehouse(kind);
  });
  afterEach(async () => {
    await engine.close();
  });
  it('merges a Cafe24 member with the SmartStore and POS buyer who share the phone, and unmerge restores them', async () => {
    const r1 = await importPersons(engine, [hongMember(false)], { now: at('2024-03-02T00:00:00Z') });
    const hong = r1.customerOf.get('cafe24:member:hong123') as string;
    const r2 = await importPersons(engine, [smartstoreBuyer], {
      now: at('2024-03-03T00:00:00Z'),
      orders: [
        { orderId: 'smartstore:2024030112345', buyer: smartstoreBuyer.recordId, channel: 'smartstore', paid: 39000 },
      ],
    });
    const buyer = r2.customerOf.get(smartstoreBuyer.recordId) as string;
    expect(buyer).not.toBe(hong);
    const r3 = await importPersons(engine, [posSale], {
      now: at('2024-03-04T00:00:00Z'),
      orders: [{ orderId: 'offline:R-0001', buyer: posSale.recordId, channel: 'offline', paid: 12000 }],
    });
    expect(r3).toMatchObject({ created: 0, merged: 0 });
    expect(r3.customerOf.get(posSale.recordId)).toBe(buyer);

    const r4 = await importPersons(engine, [hongMember(true)], { now: at('2024-03-05T00:00:00Z') });
    expect(r4).toMatchObject({ created: 0, merged: 1 });
    expect(r4.customerOf.get('cafe24:member:hong123')).toBe(hong);
    expect(await engine.query('SELECT winner_id, loser_id, reason_kind, reason_value, undone_at FROM merges')).toEqual([
      { winner_id: hong, loser_id: buyer, reason_kind: 'phone', reason_value: '+821012345678', undone_at: null },
    ]);
    expect(
      await engine.query('SELECT order_id, customer_id, origin_customer_id FROM orders ORDER BY order_id'),
    ).toEqual([
      { order_id: 'offline:R-0001', customer_id: hong, origin_customer_id: buyer },
      { order_id: 'smartstore:2024030112345', customer_id: hong, origin_customer_id: buyer },
    ]);
    expect(
      await engine.query(
        'SELECT customer_id, name, phone, email, birthday_md, birthday_lunar, gender, grade FROM customers',
      ),
    ).toEqual([
      {
        customer_id: hong,
        name: '홍길동',
        phone: '+821012345678',
        email: 'hong.gd@example.com',
        birthday_md: '03-15',
        birthday_lunar: true,
        gender: 'M',
        grade: 'VIP',
      },
    ]);
    expect(
      await engine.query(
        'SELECT channel, customer_id, origin_customer_id, member_id FROM customer_channels ORDER BY channel',
      ),
    ).toEqual([
      { channel: 'cafe24', customer_id: hong, origin_customer_id: hong, member_id: 'hong123' },
      { channel: 'offline', customer_id: hong, origin_customer_id: buyer, member_id: null },
      { channel: 'smartstore', customer_id: hong, origin_customer_id: buyer, member_id: null },
    ]);

    const undone = await unmerge(engine, { customerId: buyer }, { now: at('2024-03-06T00:00:00Z') });
    expect(undone).toMatchObject({
      winnerId: hong,
      loserId: buyer,
      restored: { orders: 2, customer_channels: 2, person_records: 2 },
    });
    expect(await engine.query('SELECT order_id, customer_id FROM orders ORDER BY order_id')).toEqual([
      { order_id: 'offline:R-0001', customer_id: buyer },
      { order_id: 'smartstore:2024030112345', customer_id: buyer },
    ]);
    expect(await engine.query('SELECT customer_id, phone, grade FROM customers ORDER BY customer_id')).toEqual(
      [
        { customer_id: hong, phone: '+821012345678', grade: 'VIP' },
        { customer_id: buyer, phone: '+821012345678', grade: null },
      ].sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1)),
    );

    const before = await dumpTables(engine);
    const again = await importPersons(engine, [hongMember(true), smartstoreBuyer, posSale], {
      now: at('2024-03-07T00:00:00Z'),
    });
    expect(again).toMatchObject({ created: 0, merged: 0 });
    expect(again.customerOf.get(smartstoreBuyer.recordId)).toBe(buyer);
    expect(await dumpTables(engine)).toEqual(before);
  });

  it('folds email case and spacing into one customer', async () => {
    const res = await importPersons(
      engine,
      [
        {
          recordId: 'list:1',
          channel: 'cafe24',
          keys: [emailKey(' Kim.Minji@Naver.COM ')],
          seenAt: at('2024-01-01T00:00:00Z'),
        },
        {
          recordId: 'ss:2',
          channel: 'smartstore',
          keys: [emailKey('kim.minji@naver.com')],
          seenAt: at('2024-01-02T00:00:00Z'),
        },
      ],
      { now: at('2024-03-01T00:00:00Z') },
    );
    expect(res.created).toBe(1);
    expect(await engine.query('SELECT kind, value FROM identities')).toEqual([
      { kind: 'email', value: 'kim.minji@naver.com' },
    ]);
  });

  it('keeps two buyers apart when they share only a 050 virtual number', async () => {
    const virtual = phoneKey('0505-123-4567');
    expect(virtual.mergeable).toBe(false);
    const res = await importPersons(
      engine,
      [
        {
          recordId: 'ss:a',
          channel: 'smartstore',
          keys: [virtual, phoneKey('010-2222-3333')],
          seenAt: at('2024-01-01T00:00:00Z'),
        },
        {
          recordId: 'ss:b',
          channel: 'smartstore',
          keys: [virtual, phoneKey('010-4444-5555')],
          seenAt: at('2024-01-02T00:00:00Z'),
        },
      ],
      { now: at('2024-03-01T00:00:00Z') },
    );
    expect(res.created).toBe(2);
    const later = await importPersons(
      engine,
      [{ recordId: 'ss:c', channel: 'smartstore', keys: [virtual], seenAt: at('2024-02-01T00:00:00Z') }],
      {
        now: at('2024-03-02T00:00:00Z'),
      },
    );
    expect(later).toMatchObject({ created: 1, merged: 0 });
    expect(
      await engine.query("SELECT value, mergeable, customer_id FROM identities WHERE value LIKE '+82505%'"),
    ).toEqual([{ value: virtual.value, mergeable: false, customer_id: res.customerOf.get('ss:a') }]);
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(3);
  });

  it('gives a visitor’s anonymous events to the member who signs up with that tracker id', async () => {
    await engine.insert(
      'events',
      ['event_id', 'anonymous_id', 'type', 'occurred_at', 'source'],
      [
        ['e1', 'anon-7f3a', 'product_view', at('2024-01-01T01:00:00Z'), 'tracker'],
        ['e2', 'anon-7f3a', 'add_to_cart', at('2024-01-01T01:05:00Z'), 'tracker'],
        ['e3', 'anon-other', 'page_view', at('2024-01-01T01:06:00Z'), 'tracker'],
      ],
    );
    const res = await importPersons(
      engine,
      [
        {
          recordId: 'cafe24:member:lee',
          channel: 'cafe24',
          keys: [memberKey('cafe24', 'lee'), anonKey('anon-7f3a')],
          seenAt: at('2024-01-01T02:00:00Z'),
        },
      ],
      { now: at('2024-01-02T00:00:00Z') },
    );
    const lee = res.customerOf.get('cafe24:member:lee');
    expect(
      await engine.query('SELECT event_id, customer_id, origin_customer_id FROM events ORDER BY event_id'),
    ).toEqual([
      { event_id: 'e1', customer_id: lee, origin_customer_id: lee },
      { event_id: 'e2', customer_id: lee, origin_customer_id: lee },
      { event_id: 'e3', customer_id: null, origin_customer_id: null },
    ]);
  });

  it('does nothing on an empty batch', async () => {
    expect(await resolvePersons(engine, [], { now: at('2024-01-01T00:00:00Z') })).toMatchObject({
      created: 0,
      merged: 0,
    });
  });
});
