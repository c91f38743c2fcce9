import { customerIdFromBytes, seededCustomerIds, toCustomerId } from '@dalbit/core/identity/ids';
import type { PersonRecord } from '@dalbit/core/ingest/records';
import { describe, expect, it } from 'vitest';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { findCustomer } from '../../src/identity/find-customer.ts';
import { at, importPersons, phoneKey } from './fixtures.ts';

const person = (recordId: string, phone: string): PersonRecord => ({
  recordId,
  channel: 'smartstore',
  keys: [phoneKey(phone)],
  seenAt: at('2024-03-01T00:00:00Z'),
  phone: phoneKey(phone).value,
});

const FORMAT = /^c_[0-9a-hjkmnp-tv-z]{20}$/;

describe('customer ids', () => {
  it('are c_ + 20 base32 characters (100 bits); seeded ids repeat per seed and differ across seeds', () => {
    expect(customerIdFromBytes(new Uint8Array(13))).toBe(`c_${'0'.repeat(20)}`);
    expect(customerIdFromBytes(new Uint8Array(13).fill(255))).toBe(`c_${'z'.repeat(20)}`);
    const a = seededCustomerIds('dalbit-demo:7');
    expect(a('cafe24:member:hong', 0)).toBe(seededCustomerIds('dalbit-demo:7')('cafe24:member:hong', 0));
    expect(a('cafe24:member:hong', 0)).not.toBe(seededCustomerIds('dalbit-demo:8')('cafe24:member:hong', 0));
    expect(a('cafe24:member:hong', 0)).not.toBe(a('cafe24:member:hong', 1));
    expect(a('cafe24:member:hong', 0)).toMatch(FORMAT);
  });

  it('new customers get random ids that do not derive from the phone; re-imports keep them; old hex ids still resolve', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const engine = await openMemoryWarehouse('duckdb');
      try {
        const first = await importPersons(engine, [person('smartstore:order:1', '010-1234-5678')], {
          now: at('2024-03-01T00:00:00Z'),
        });
        const id = first.customerOf.get('smartstore:order:1') ?? '';
        expect(id).toMatch(FORMAT);
        expect(id).not.toBe(toCustomerId('smartstore:order:1'));
        const again = await importPersons(engine, [person('smartstore:order:1', '010-1234-5678')], {
          now: at('2024-03-02T00:00:00Z'),
        });
        expect(again.customerOf.get('smartstore:order:1')).toBe(id);
        expect(again.created).toBe(0);
        expect(await findCustomer(engine, id)).toMatchObject({ found: true, customerId: id });
        ids.push(id);

        // A warehouse created before random ids: its hex ids keep working.
        await engine.exec(`UPDATE customers SET customer_id = 'c_00ff00ff00ff00ff' WHERE customer_id = '${id}'`);
        expect(await findCustomer(engine, 'c_00ff00ff00ff00ff')).toMatchObject({
          found: true,
          customerId: 'c_00ff00ff00ff00ff',
        });
      } finally {
        await engine.close();
      }
    }
    // Same person, same data, two warehouses: two unrelated ids.
    expect(ids[0]).not.toBe(ids[1]);
  });
});
