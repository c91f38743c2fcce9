import { describe, expect, it } from 'vitest';
import { sql } from '../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../src/engines/open-engine.ts';

const KINDS: EngineKind[] = ['duckdb', 'chdb'];

for (const kind of KINDS) {
  describe(`${kind}: warehouse engine`, () => {
    it('migrates, bulk-inserts and reads back typed values', async () => {
      const engine = await openMemoryWarehouse(kind);
      try {
        const t = new Date('2024-03-01T12:34:56.789Z');
        await engine.insert(
          'orders',
          [
            'order_id',
            'channel',
            'ordered_at',
            'status',
            'gross_amount',
            'discount_amount',
            'paid_amount',
            'source',
            'customer_id',
          ],
          [
            ['cafe24:1', 'cafe24', t, 'paid', 12000, 2000, 10000, 'cafe24_orders', 'c1'],
            ['smartstore:9', 'smartstore', t, 'cancelled', 5000, 0, 5000, 'smartstore_orders', null],
          ],
        );
        const q = engine.dialect;
        const rows = await engine.query(
          sql(
            `SELECT ${q.quoteIdent('order_id')} AS id, paid_amount, ordered_at, customer_id FROM orders WHERE paid_amount >= ${q.placeholder(1, 'int')} ORDER BY order_id`,
            [6000],
            ['int'],
          ),
        );
        expect(rows).toEqual([{ id: 'cafe24:1', paid_amount: 10000, ordered_at: t, customer_id: 'c1' }]);
        const hostile = "x'); DROP TABLE orders; --";
        const none = await engine.query(
          sql(`SELECT count() AS n FROM orders WHERE order_id = ${q.placeholder(1, 'string')}`, [hostile], ['string']),
        );
        expect(none).toEqual([{ n: 0 }]);
        expect(await engine.query('SELECT count(*) AS n FROM orders')).toEqual([{ n: 2 }]);
      } finally {
        await engine.close();
      }
    });
  });
}
