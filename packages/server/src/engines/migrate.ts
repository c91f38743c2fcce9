import { MIGRATIONS, type Migration } from '@dalbit/core/schema/migrations';
import type { Engine } from './engine.ts';

const LEDGER = 'schema_migrations';

/** Applies every migration newer than the ledger's, in order, each in its own transaction. */
export async function migrate(engine: Engine, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const d = engine.dialect;
  await engine.exec(
    d.createTable({
      name: LEDGER,
      key: ['version'],
      columns: [
        { name: 'version', type: 'int' },
        { name: 'name', type: 'string' },
        { name: 'applied_at', type: 'timestamp' },
      ],
    }),
  );
  const done = new Set(
    (await engine.query<{ version: number }>(`SELECT version FROM ${d.quoteIdent(LEDGER)}`)).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await engine.transaction(async (tx) => {
      for (const step of m.steps) {
        if (step.kind === 'create_table') await tx.exec(d.createTable(step.table));
        else
          await tx.exec(
            `ALTER TABLE ${d.quoteIdent(step.table)} ADD COLUMN ${d.quoteIdent(step.column.name)} ${d.columnType(step.column.type, step.column.nullable ?? true)}`,
          );
      }
      await tx.insert(LEDGER, ['version', 'name', 'applied_at'], [[m.version, m.name, new Date()]]);
    });
    applied.push(m.version);
  }
  return applied;
}
