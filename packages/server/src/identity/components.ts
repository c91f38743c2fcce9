import type { Engine } from '../engines/engine.ts';
import { STAGE } from './stage.ts';

/** Session-local tables of the connected-components pass; dropped by `dropComponentTables`. */
export const CC = {
  occurrences: 'id_cc_occ',
  keys: 'id_cc_keys',
  owned: 'id_cc_owned',
  customers: 'id_cc_customers',
  recordOwners: 'id_cc_record_owners',
  edges: 'id_cc_edges',
  shared: 'id_cc_shared',
  labels: ['id_cc_labels_a', 'id_cc_labels_b'],
  components: 'id_cc_components',
  componentCustomers: 'id_cc_component_customers',
  newComponents: 'id_cc_new_components',
} as const;

export async function dropComponentTables(engine: Engine): Promise<void> {
  for (const t of Object.values(CC).flat()) await engine.exec(`DROP TABLE IF EXISTS ${t}`);
}

/**
 * The identity graph of the staged batch, as integer edges record → token. A token is a key the
 * batch carries mergeable everywhere (its own record id included, so repeated and known records
 * join), or an existing customer that owns one of those keys. This is the planner's union-find
 * graph (`planResolution`) with key → owner unions folded into records: two records are in one
 * cluster exactly when a path of shared tokens joins them.
 */
async function buildGraph(engine: Engine): Promise<void> {
  const { fn, write } = engine.dialect;
  await engine.exec(
    write.tempTable(CC.occurrences, {
      as: `SELECT rec, 'record' AS kind, record_id AS value, true AS mergeable FROM ${STAGE.records}
      UNION ALL SELECT rec, kind, value, mergeable FROM ${STAGE.keys}`,
    }),
  );
  await engine.exec(
    write.tempTable(CC.keys, {
      as: `SELECT kind, value, CAST(row_number() OVER () AS BIGINT) AS tok FROM ${CC.occurrences}
      GROUP BY kind, value HAVING ${fn.boolAnd('mergeable')}`,
    }),
  );
  // The same two look-ups as the planner's index: known records, known keys.
  await engine.exec(
    write.tempTable(CC.owned, {
      as: `SELECT k.tok AS tok, p.customer_id AS customer_id
      FROM person_records p JOIN (SELECT tok, value AS record_id FROM ${CC.keys} WHERE kind = 'record') k USING (record_id)
      UNION ALL
      SELECT k.tok AS tok, i.customer_id AS customer_id
      FROM identities i JOIN (SELECT tok, kind, value FROM ${CC.keys} WHERE kind <> 'record') k USING (kind, value)`,
    }),
  );
  await engine.exec(
    write.tempTable(CC.customers, {
      as: `SELECT customer_id, -CAST(row_number() OVER () AS BIGINT) AS tok FROM (SELECT DISTINCT customer_id FROM ${CC.owned}) c`,
    }),
  );
  await engine.exec(
    write.tempTable(CC.recordOwners, {
      as: `SELECT DISTINCT o.rec AS rec, w.customer_id AS customer_id
      FROM ${CC.occurrences} o JOIN ${CC.keys} k USING (kind, value) JOIN ${CC.owned} w USING (tok)`,
    }),
  );
  await engine.exec(
    write.tempTable(CC.edges, {
      as: `SELECT DISTINCT rec, tok FROM (
        SELECT o.rec AS rec, k.tok AS tok FROM ${CC.occurrences} o JOIN ${CC.keys} k USING (kind, value)
        UNION ALL
        SELECT r.rec AS rec, c.tok AS tok FROM ${CC.recordOwners} r JOIN ${CC.customers} c USING (customer_id)
      ) e`,
    }),
  );
  // A token only one record carries joins nothing: most records are alone and skip the passes.
  await engine.exec(
    write.tempTable(CC.shared, {
      as: `SELECT rec, tok FROM ${CC.edges} WHERE tok IN (SELECT tok FROM ${CC.edges} GROUP BY tok HAVING count(*) > 1)`,
    }),
  );
}

/** Passes before giving up: each at least halves the longest label chain, so this is never reached. */
const MAX_PASSES = 200;

/**
 * Labels every record with the smallest record index of its cluster: alternately each token takes
 * the smallest label of its records and each record the smallest label of its tokens, then each
 * label jumps to its own record's label (pointer jumping), until nothing changes. Returns the passes.
 */
async function propagate(engine: Engine): Promise<number> {
  const { write } = engine.dialect;
  const [a, b] = CC.labels;
  await engine.exec(write.tempTable(a, { as: `SELECT DISTINCT rec, rec AS lab FROM ${CC.shared}` }));
  let current: string = a;
  let next: string = b;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    await engine.exec(
      write.tempTable(next, {
        as: `WITH t AS (SELECT e.tok AS tok, min(l.lab) AS lab FROM ${CC.shared} e JOIN ${current} l USING (rec) GROUP BY e.tok),
        r AS (SELECT e.rec AS rec, min(t.lab) AS lab FROM ${CC.shared} e JOIN t USING (tok) GROUP BY e.rec)
        SELECT r.rec AS rec, least(r.lab, j.lab) AS lab FROM r JOIN r AS j ON j.rec = r.lab`,
      }),
    );
    const [row] = await engine.query<{ n: number | bigint }>(
      `SELECT count(*) AS n FROM ${next} x JOIN ${current} y USING (rec) WHERE x.lab <> y.lab`,
    );
    [current, next] = [next, current];
    if (Number(row?.n ?? 0) === 0) {
      await engine.exec(
        write.tempTable(CC.components, {
          as: `SELECT rec, lab AS comp FROM ${current}
          UNION ALL SELECT rec, rec AS comp FROM ${STAGE.records} WHERE rec NOT IN (SELECT rec FROM ${current})`,
        }),
      );
      return pass;
    }
  }
  throw new Error(`identity clusters did not settle in ${MAX_PASSES} passes`);
}

export interface Components {
  /** Clusters that reach no existing customer (each gets a new customer). */
  readonly newClusters: number;
  /** Indices (plan order) of the records whose cluster reaches two or more existing customers. */
  readonly mergingRecords: readonly number[];
  readonly passes: number;
  /** Whether any record of the batch was resolved before. */
  readonly knownRecords: boolean;
}

/**
 * Clusters the staged batch in SQL (`id_cc_components`: rec → smallest rec of its cluster) and
 * sorts the clusters: one existing customer (`id_cc_component_customers`, n = 1), none
 * (`id_cc_new_components`, numbered from 1 in cluster order), or several — a merge, left to the
 * planner, whose refusals of never-merge pairs and choice of merge reason depend on union order.
 */
export async function findComponents(engine: Engine): Promise<Components> {
  const { write } = engine.dialect;
  await buildGraph(engine);
  const passes = await propagate(engine);
  await engine.exec(
    write.tempTable(CC.componentCustomers, {
      as: `SELECT c.comp AS comp, count(DISTINCT o.customer_id) AS n, min(o.customer_id) AS customer_id
      FROM ${CC.components} c JOIN ${CC.recordOwners} o USING (rec) GROUP BY c.comp`,
    }),
  );
  await engine.exec(
    write.tempTable(CC.newComponents, {
      as: `SELECT comp, CAST(row_number() OVER (ORDER BY comp) AS BIGINT) AS ord FROM (
        SELECT DISTINCT comp FROM ${CC.components} WHERE comp NOT IN (SELECT comp FROM ${CC.componentCustomers})
      ) c`,
    }),
  );
  const [count] = await engine.query<{ n: number | bigint }>(`SELECT count(*) AS n FROM ${CC.newComponents}`);
  const merging = await engine.query<{ rec: number }>(
    `SELECT rec FROM ${CC.components} WHERE comp IN (SELECT comp FROM ${CC.componentCustomers} WHERE n > 1) ORDER BY rec`,
  );
  const [known] = await engine.query<{ n: number | bigint }>(
    `SELECT count(*) AS n FROM ${CC.owned} o JOIN ${CC.keys} k USING (tok) WHERE k.kind = 'record'`,
  );
  return {
    newClusters: Number(count?.n ?? 0),
    mergingRecords: merging.map((r) => Number(r.rec)),
    passes,
    knownRecords: Number(known?.n ?? 0) > 0,
  };
}
