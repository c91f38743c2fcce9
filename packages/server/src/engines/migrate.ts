import { MIGRATIONS, type Migration } from '@dalbit/core/schema/migrations';
import type { TableDef } from '@dalbit/core/schema/table';
import type { Engine } from './engine.ts';

const LEDGER = 'schema_migrations';

/** Every table of the schema as the migrations leave it (name → definition), in creation order. */
export function schemaTables(migrations: readonly Migration[] = MIGRATIONS): Map<string, TableDef> {
  const tables = new Map<string, TableDef>();
  for (const m of [...migrations].sort((a, b) => a.version - b.version))
    for (const step of m.steps) {
      if (step.kind === 'create_table') tables.set(step.table.name, step.table);
      else {
        const table = tables.get(step.table) ?? { name: step.table, columns: [], key: [] };
        tables.set(step.table, {
          ...table,
          columns: [...table.columns, { ...step.column, nullable: step.column.nullable ?? true }],
        });
      }
    }
  return tables;
}

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
  // Each table's definition as the steps so far leave it (a cluster alters the local and the
  // Distributed table of a sharded one).
  const tables = new Map<string, TableDef>();
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const steps = m.steps.map((step) => {
      if (step.kind === 'create_table') {
        tables.set(step.table.name, step.table);
        return d.createTable(step.table);
      }
      const table = tables.get(step.table) ?? { name: step.table, columns: [], key: [] };
      tables.set(step.table, { ...table, columns: [...table.columns, step.column] });
      return d.addColumn(table, { ...step.column, nullable: step.column.nullable ?? true });
    });
    if (done.has(m.version)) continue;
    await engine.transaction(async (tx) => {
      for (const statement of steps) await tx.exec(statement);
      await tx.insert(LEDGER, ['version', 'name', 'applied_at'], [[m.version, m.name, new Date()]]);
    });
    applied.push(m.version);
  }
  return applied;
}
