import type { CustomerIdFactory } from '@dalbit/core/identity/ids';
import { planResolution, type ResolutionPlan } from '@dalbit/core/identity/plan-resolution';
import type { PersonRecord } from '@dalbit/core/ingest/records';
import { col } from '@dalbit/core/schema/table';
import type { Engine } from '../engines/engine.ts';
import { CC, type Components } from './components.ts';
import { expectCount } from './expect-count.ts';
import { readIndex } from './read-index.ts';
import { STAGE } from './stage.ts';

const NEW_IDS = 'id_cc_new_ids';

/** The planner's outcome for the records whose clusters merge existing customers. */
export interface MergingPlan {
  /** Plan-order index (in the whole batch) of each record of `plan.records`. */
  readonly recs: readonly number[];
  readonly plan: ResolutionPlan;
  readonly recordOrigins: ReadonlyMap<string, string>;
}

/**
 * Runs the pure planner on the clusters that reach several existing customers only: a cluster is
 * planned the same alone as within its batch (the union order inside it is kept), so merge winners,
 * reasons and never-merge refusals are exactly the planner's.
 */
export async function planMerging(
  engine: Engine,
  ordered: readonly PersonRecord[],
  components: Components,
  newCustomerId: CustomerIdFactory,
): Promise<MergingPlan | undefined> {
  if (components.mergingRecords.length === 0) return undefined;
  const recs = components.mergingRecords;
  const index = await readIndex(
    engine,
    `rec IN (SELECT rec FROM ${CC.components} WHERE comp IN (SELECT comp FROM ${CC.componentCustomers} WHERE n > 1))`,
  );
  const plan = planResolution(
    recs.map((i) => ordered[i] as PersonRecord),
    index,
    newCustomerId,
  );
  return { recs, plan, recordOrigins: index.recordOrigins };
}

/** New customer ids, one per new cluster in cluster order; the record id is read only for factories that use it. */
async function stageNewIds(
  engine: Engine,
  count: number,
  newCustomerId: CustomerIdFactory,
  usesRecordId: boolean,
): Promise<void> {
  await engine.exec(engine.dialect.write.tempTable(NEW_IDS, [col('ord', 'int'), col('customer_id', 'string')]));
  if (count === 0) return;
  const firstRecords = usesRecordId
    ? (
        await engine.query<{ record_id: string }>(
          `SELECT r.record_id AS record_id FROM ${CC.newComponents} n JOIN ${STAGE.records} r ON r.rec = n.comp ORDER BY n.ord`,
        )
      ).map((r) => r.record_id)
    : undefined;
  const taken = new Set<string>();
  const rows: [number, string][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const recordId = firstRecords?.[i] ?? '';
    let attempt = 0;
    let id = newCustomerId(recordId, 0);
    while (taken.has(id)) id = newCustomerId(recordId, ++attempt);
    taken.add(id);
    rows[i] = [i + 1, id];
  }
  await engine.insert(NEW_IDS, ['ord', 'customer_id'], rows);
}

/**
 * Stages each record's customer and origin (`id_stage_assign`) and the planned merges: clusters
 * with one existing customer take it, new clusters a new id, merging clusters the planner's answer.
 * A record seen before keeps its origin.
 */
export async function stageAssignment(
  engine: Engine,
  opts: {
    records: number;
    components: Components;
    merging: MergingPlan | undefined;
    newCustomerId: CustomerIdFactory;
    usesRecordId: boolean;
  },
): Promise<void> {
  const { fn } = engine.dialect;
  await stageNewIds(engine, opts.components.newClusters, opts.newCustomerId, opts.usesRecordId);
  await engine.exec(
    `INSERT INTO ${STAGE.assign} (rec, customer_id, origin_customer_id)
     SELECT c.rec, x.customer_id, coalesce(o.origin, x.customer_id)
     FROM ${CC.components} c
     JOIN (SELECT comp, customer_id FROM ${CC.componentCustomers} WHERE n = 1
       UNION ALL SELECT n.comp AS comp, i.customer_id AS customer_id FROM ${CC.newComponents} n JOIN ${NEW_IDS} i USING (ord)) x USING (comp)
     LEFT JOIN (SELECT r.rec AS rec, ${fn.nullable('p.origin_customer_id')} AS origin
       FROM ${STAGE.records} r JOIN person_records p USING (record_id)) o USING (rec)`,
  );
  await engine.exec(`DROP TABLE IF EXISTS ${NEW_IDS}`);
  const m = opts.merging;
  if (m) {
    const { plan } = m;
    await engine.insert(
      STAGE.assign,
      ['rec', 'customer_id', 'origin_customer_id'],
      plan.customerOf.map((c, j) => [
        m.recs[j],
        c,
        m.recordOrigins.get((plan.records[j] as PersonRecord).recordId) ?? c,
      ]),
    );
    await engine.insert(
      STAGE.merges,
      ['merge_id', 'winner_id', 'loser_id', 'reason_kind', 'reason_value'],
      plan.merges.map((x) => [x.mergeId, x.winnerId, x.loserId, x.reasonKind, x.reasonValue]),
    );
  }
  await expectCount(engine, `SELECT count(*) AS n FROM ${STAGE.assign}`, opts.records, 'staging the plan');
  await expectCount(
    engine,
    `SELECT count(*) AS n FROM ${STAGE.merges}`,
    m?.plan.merges.length ?? 0,
    'staging the merges',
  );
}
