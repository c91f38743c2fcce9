import { tableDef } from '@dalbit/core/schema/migrations';
import { CUSTOMERS } from '@dalbit/core/schema/tables';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { CUSTOMER_LINKED_TABLES } from './linked-tables.ts';
import { STAGE } from './stage.ts';

export const CUSTOMER_COLUMNS = CUSTOMERS.columns.map((c) => c.name);

/**
 * Records the staged merges: snapshots of both profiles (for unmerge), the merge log, and every
 * linked row re-pointed from loser to winner. `origin_customer_id` is left alone.
 */
export async function writeMerges(engine: Engine, now: Date): Promise<void> {
  const cols = CUSTOMER_COLUMNS.map((c) => `c.${c}`).join(', ');
  for (const [role, side] of [
    ['loser', 'loser_id'],
    ['winner', 'winner_id'],
  ] as const) {
    await engine.exec(
      `INSERT INTO merge_snapshots (merge_id, role, ${CUSTOMER_COLUMNS.join(', ')})
       SELECT m.merge_id, '${role}', ${cols} FROM customers c JOIN ${STAGE.merges} m ON c.customer_id = m.${side}`,
    );
  }
  const { write } = engine.dialect;
  await engine.query(
    compileBound(
      engine.dialect,
      (b) => `INSERT INTO merges (merge_id, winner_id, loser_id, reason_kind, reason_value, merged_at, undone_at)
       SELECT merge_id, winner_id, loser_id, reason_kind, reason_value, ${b.p(now, 'timestamp')}, NULL FROM ${STAGE.merges}`,
    ),
  );
  for (const table of CUSTOMER_LINKED_TABLES) {
    await engine.exec(
      write.updateWhere({
        table: tableDef(table),
        alias: table,
        set: { customer_id: 'm.winner_id' },
        from: `${STAGE.merges} m`,
        where: `${table}.customer_id = m.loser_id`,
      }),
    );
  }
  await engine.exec(
    write.deleteWhere({
      table: tableDef('customers'),
      alias: 'customers',
      where: `customers.customer_id IN (SELECT loser_id FROM ${STAGE.merges})`,
    }),
  );
}
