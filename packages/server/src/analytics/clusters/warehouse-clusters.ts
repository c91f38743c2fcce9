import type { ClusterInput } from '@dalbit/core/analytics/clusters/cluster-features';
import { type DiscoveredSegments, discoverSegments } from '@dalbit/core/analytics/clusters/discover-segments';
import { CLUSTER_ASSIGNMENTS, CLUSTER_RUNS } from '@dalbit/core/analytics/clusters/tables';
import { columnNames } from '@dalbit/core/schema/table';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import { kstDayStart, kstDayToIso } from '@dalbit/core/time/kst';
import { type Engine, sql } from '../../engines/engine.ts';
import { computeWarehouseRfm } from '../rfm/warehouse-rfm.ts';
import { computeWarehouseTraits } from '../traits/warehouse-traits.ts';

export interface ClusterRun extends DiscoveredSegments {
  readonly runId: string;
  readonly asOf: Date;
  readonly createdAt: Date;
}

/** RFM (paid orders before the KST as-of day) joined with traits, for every buyer. */
export async function loadClusterInputs(engine: Engine, asOfDay: number): Promise<ClusterInput[]> {
  const rfm = await computeWarehouseRfm(engine, { asOfDay });
  const traits = new Map((await computeWarehouseTraits(engine, kstDayStart(asOfDay))).map((t) => [t.customerId, t]));
  // Sorted by id: the engine's row order must not change a seeded result.
  const sorted = [...rfm].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  return sorted.flatMap((r) => {
    const t = traits.get(r.customerId);
    return t
      ? [
          {
            customerId: r.customerId,
            recencyDays: r.recencyDays,
            frequency: r.frequency,
            monetary: r.monetary,
            traits: t,
          },
        ]
      : [];
  });
}

/** Clusters the warehouse's buyers (see `discoverSegments`) and stores the run and its assignments. */
export async function runWarehouseClusters(
  engine: Engine,
  options: { asOfDay: number; seed: number; k?: number; now: Date },
): Promise<ClusterRun> {
  const rows = await loadClusterInputs(engine, options.asOfDay);
  const found = discoverSegments(rows, { seed: options.seed, ...(options.k === undefined ? {} : { k: options.k }) });
  const run: ClusterRun = {
    ...found,
    runId: `cl-${kstDayToIso(options.asOfDay).replaceAll('-', '')}-${options.now.getTime().toString(36)}`,
    asOf: kstDayStart(options.asOfDay),
    createdAt: options.now,
  };
  await storeClusterRun(engine, run);
  return run;
}

export async function storeClusterRun(engine: Engine, run: ClusterRun): Promise<void> {
  const { assignments, runId, asOf, createdAt, ...summary } = run;
  await engine.transaction(async (tx) => {
    await tx.insert(CLUSTER_RUNS.name, columnNames(CLUSTER_RUNS), [
      [
        runId,
        asOf,
        createdAt,
        run.k,
        run.seed,
        run.criterion,
        run.silhouette,
        assignments.length,
        JSON.stringify(summary),
      ],
    ]);
    await tx.insert(
      CLUSTER_ASSIGNMENTS.name,
      columnNames(CLUSTER_ASSIGNMENTS),
      assignments.map((a) => [runId, a.cluster, a.customerId]),
    );
  });
}

export interface StoredClusterRun {
  readonly runId: string;
  readonly asOf: Date;
  readonly createdAt: Date;
  readonly summary: Omit<DiscoveredSegments, 'assignments'>;
}

/** A stored run by id, or the latest run when `runId` is undefined. */
export async function findClusterRun(engine: Engine, runId?: string): Promise<StoredClusterRun | undefined> {
  const q = engine.dialect.quoteIdent;
  const where = runId === undefined ? '' : ` WHERE ${q('run_id')} = ${engine.dialect.placeholder(1, 'string')}`;
  const [row] = await engine.query<{ run_id: string; as_of: Date; created_at: Date; summary: string }>(
    sql(
      `SELECT ${q('run_id')} AS run_id, ${q('as_of')} AS as_of, ${q('created_at')} AS created_at, ${q('summary')} AS summary FROM ${q(CLUSTER_RUNS.name)}${where} ORDER BY ${q('created_at')} DESC LIMIT 1`,
      runId === undefined ? [] : [runId],
      runId === undefined ? [] : ['string'],
    ),
  );
  return row && { runId: row.run_id, asOf: row.as_of, createdAt: row.created_at, summary: JSON.parse(row.summary) };
}

/** Member ids of one cluster of a run, as a subquery the audience report and segments can use. */
export function clusterMembersQuery(engine: Engine, runId: string, cluster: number): CompiledQuery {
  const q = engine.dialect.quoteIdent;
  const p = engine.dialect.placeholder;
  return sql(
    `SELECT ${q('customer_id')} FROM ${q(CLUSTER_ASSIGNMENTS.name)} WHERE ${q('run_id')} = ${p(1, 'string')} AND ${q('cluster')} = ${p(2, 'int')}`,
    [runId, cluster],
    ['string', 'int'],
  );
}
