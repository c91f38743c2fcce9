import { tableDef } from '@dalbit/core/schema/migrations';
import { col } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { IdentityError } from './identity-error.ts';
import { CUSTOMER_LINKED_TABLES } from './linked-tables.ts';
import { readCanonicalMap } from './read-index.ts';
import { invalidateStatsSummary } from './stats-summary.ts';
import { CUSTOMER_COLUMNS } from './write-merges.ts';
import { writeProfiles } from './write-profiles.ts';

export type UnmergeTarget = { readonly mergeId: string } | { readonly customerId: string };

export interface UnmergeResult {
  readonly mergeId: string;
  readonly winnerId: string;
  readonly loserId: string;
  /** Rows given back to their original customer, per table. */
  readonly restored: Readonly<Record<string, number>>;
}

type MergeRow = {
  merge_id: string;
  winner_id: string;
  loser_id: string;
  undone_at: Date | null;
};

async function findMerge(engine: Engine, target: UnmergeTarget): Promise<MergeRow> {
  if ('mergeId' in target) {
    const [m] = await engine.query<MergeRow>(
      compileBound(
        engine.dialect,
        (b) =>
          `SELECT merge_id, winner_id, loser_id, undone_at FROM merges WHERE merge_id = ${b.p(target.mergeId, 'string')}`,
      ),
    );
    if (!m) throw new IdentityError('MERGE_NOT_FOUND', `no merge ${target.mergeId}`);
    if (m.undone_at) throw new IdentityError('MERGE_ALREADY_UNDONE', `merge ${m.merge_id} was already undone`);
    return m;
  }
  const rows = await engine.query<MergeRow>(
    compileBound(engine.dialect, (b) => {
      const id = (): string => b.p(target.customerId, 'string');
      return `SELECT merge_id, winner_id, loser_id, undone_at FROM merges WHERE undone_at IS NULL AND (loser_id = ${id()} OR winner_id = ${id()})
       ORDER BY loser_id = ${id()} DESC, merged_at DESC, merge_id`;
    }),
  );
  const asLoser = rows.filter((r) => r.loser_id === target.customerId);
  if (asLoser.length === 1 && asLoser[0]) return asLoser[0];
  if (rows.length === 1 && rows[0]) return rows[0];
  if (rows.length === 0)
    throw new IdentityError('MERGE_NOT_FOUND', `customer ${target.customerId} has no active merge`);
  throw new IdentityError(
    'MERGE_AMBIGUOUS',
    `customer ${target.customerId} absorbed several customers; pick one merge: ${rows.map((r) => r.merge_id).join(', ')}`,
  );
}

/**
 * Undoes one merge: marks it undone, sends every row whose origin chain led through the loser
 * back to its canonical customer under the remaining merges, restores the loser's profile (and
 * the winner's fields that came from it), and records the pair so later imports never re-merge it.
 */
export async function unmerge(engine: Engine, target: UnmergeTarget, opts: { now: Date }): Promise<UnmergeResult> {
  return engine.transaction(async (tx) => {
    const m = await findMerge(tx, target);
    await invalidateStatsSummary(tx);
    const { write } = tx.dialect;
    await tx.query(
      compileBound(tx.dialect, (b) =>
        write.updateWhere({
          table: tableDef('merges'),
          alias: 'merges',
          set: { undone_at: b.p(opts.now, 'timestamp') },
          where: `merges.merge_id = ${b.p(m.merge_id, 'string')}`,
        }),
      ),
    );
    const canonicalOf = await readCanonicalMap(tx);
    const ids = await tx.query<{ id: string }>('SELECT winner_id AS id FROM merges UNION SELECT loser_id FROM merges');
    await tx.exec(write.tempTable('id_stage_canon', [col('origin', 'string'), col('canon', 'string')]));
    await tx.insert(
      'id_stage_canon',
      ['origin', 'canon'],
      ids.map((r) => [r.id, canonicalOf(r.id)]),
    );
    const restored: Record<string, number> = {};
    for (const table of CUSTOMER_LINKED_TABLES) {
      const [n] = await tx.query<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} t JOIN id_stage_canon u ON t.origin_customer_id = u.origin WHERE t.customer_id IS DISTINCT FROM u.canon`,
      );
      restored[table] = n?.n ?? 0;
      await tx.exec(
        write.updateWhere({
          table: tableDef(table),
          alias: table,
          set: { customer_id: 'u.canon' },
          from: 'id_stage_canon u',
          where: `${table}.origin_customer_id = u.origin AND ${table}.customer_id IS DISTINCT FROM u.canon`,
        }),
      );
    }
    await tx.exec('DROP TABLE id_stage_canon');
    await restoreProfiles(tx, m, { now: opts.now, winnerId: canonicalOf(m.winner_id) });
    await tx.query(
      compileBound(
        tx.dialect,
        (b) =>
          `INSERT INTO never_merge (customer_a, customer_b, merge_id, created_at) VALUES (${b.p(m.winner_id, 'string')}, ${b.p(m.loser_id, 'string')}, ${b.p(m.merge_id, 'string')}, ${b.p(opts.now, 'timestamp')})`,
      ),
    );
    return { mergeId: m.merge_id, winnerId: m.winner_id, loserId: m.loser_id, restored };
  });
}

/** Brings the loser's row back (creation time included), then rebuilds both profiles from their records. */
async function restoreProfiles(engine: Engine, m: MergeRow, opts: { now: Date; winnerId: string }): Promise<void> {
  const cols = CUSTOMER_COLUMNS.join(', ');
  await engine.query(
    compileBound(
      engine.dialect,
      (b) => `INSERT INTO customers (${cols}) SELECT ${cols} FROM merge_snapshots
       WHERE merge_id = ${b.p(m.merge_id, 'string')} AND role = 'loser' AND customer_id NOT IN (SELECT customer_id FROM customers)`,
    ),
  );
  await engine.exec(engine.dialect.write.tempTable('id_stage_unmerged', [col('customer_id', 'string')]));
  await engine.insert('id_stage_unmerged', ['customer_id'], [[opts.winnerId], [m.loser_id]]);
  await writeProfiles(engine, { now: opts.now, customerIdsSql: 'SELECT customer_id FROM id_stage_unmerged' });
  await engine.exec('DROP TABLE id_stage_unmerged');
}
