import { tableDef } from '@dalbit/core/schema/migrations';
import { type Binder, compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';

/**
 * The demo's messages that "went out" in the past: delivered at their due time by provider `demo`,
 * so a later `dalbit dispatcher` does not hand them to a real provider from the fake sender number.
 * `where` picks the messages (alias `m`); used for the demo's campaigns and its re-confirmation notices.
 */
export async function markDemoDelivered(engine: Engine, where: (b: Binder) => string): Promise<void> {
  await engine.query(
    compileBound(engine.dialect, (b) =>
      engine.dialect.write.updateWhere({
        table: tableDef('messages'),
        alias: 'm',
        set: {
          status: "'delivered'",
          provider: "'demo'",
          accepted_at: 'm.due_at',
          delivered_at: 'm.due_at',
          updated_at: 'm.due_at',
        },
        where: where(b),
      }),
    ),
  );
}
