import { ClusterError } from '@dalbit/core/analytics/clusters/cluster-error';
import { columnNames } from '@dalbit/core/schema/table';
import { SEGMENT_MEMBERSHIPS } from '@dalbit/core/segments/tables';
import { type Engine, sql } from '../../engines/engine.ts';
import { createSegment, type SegmentHeader } from '../../segments/segment-store.ts';
import { clusterMembersQuery, findClusterRun } from './warehouse-clusters.ts';

/** The membership key of a cluster snapshot: what a `{ kind: 'segment' }` condition references. */
export const clusterSegmentKey = (runId: string, cluster: number): string => `cluster:${runId}:${cluster}`;

/**
 * Saves one cluster of a stored run as a segment. Clusters are a snapshot (a new run renumbers
 * them), so the members are written once as open membership spells under `cluster:<run>:<n>`
 * and the new segment's definition is `{ kind: 'segment', segmentId: 'cluster:<run>:<n>' }` — it
 * can be combined with any other condition (e.g. AND reachable by Kakao for ads).
 */
export async function saveClusterAsSegment(
  engine: Engine,
  input: { runId: string; cluster: number; name?: string; lang: 'ko' | 'en'; now: Date },
): Promise<{ segment: SegmentHeader; members: number; key: string }> {
  const run = await findClusterRun(engine, input.runId);
  const info = run?.summary.clusters.find((c) => c.cluster === input.cluster);
  if (!run) throw new ClusterError('RUN_NOT_FOUND', `no cluster run '${input.runId}'`);
  if (!info) throw new ClusterError('CLUSTER_NOT_FOUND', `run '${input.runId}' has no cluster ${input.cluster}`);
  const key = clusterSegmentKey(input.runId, input.cluster);
  const q = engine.dialect.quoteIdent;
  const members = await engine.query<{ customer_id: string }>(clusterMembersQuery(engine, input.runId, input.cluster));
  const [existing] = await engine.query<{ n: number }>(
    sql(
      `SELECT count(*) AS n FROM ${q(SEGMENT_MEMBERSHIPS.name)} WHERE ${q('segment_id')} = ${engine.dialect.placeholder(1, 'string')}`,
      [key],
      ['string'],
    ),
  );
  const cols = columnNames(SEGMENT_MEMBERSHIPS);
  const row = (customerId: string): Record<string, unknown> => ({
    segment_id: key,
    customer_id: customerId,
    entered_at: run.createdAt,
    exited_at: null,
    version: 1,
  });
  if (Number(existing?.n ?? 0) === 0)
    await engine.insert(
      SEGMENT_MEMBERSHIPS.name,
      cols,
      members.map((m) => cols.map((c) => row(m.customer_id)[c] ?? null)),
    );
  const segment = await createSegment(engine, {
    name: input.name ?? info.label[input.lang],
    description: `${info.label.ko} / ${info.label.en} — ${input.runId} #${input.cluster}`,
    definition: { version: 1, root: { kind: 'segment', segmentId: key } },
    now: input.now,
  });
  return { segment, members: members.length, key };
}
