import { ClusterError } from '@dalbit/core/analytics/clusters/cluster-error';
import type { Lang } from '@dalbit/core/analytics/report/report-labels';
import { translate } from '@dalbit/core/i18n/catalog';
import { compileDefinition } from '@dalbit/core/segments/compile-segment';
import { CUSTOMER_FEATURES } from '@dalbit/core/segments/tables';
import { type Engine, sql } from '../../engines/engine.ts';
import { refreshFeatures } from '../../segments/refresh-features.ts';
import { getSegmentOrThrow, getVersionOrThrow } from '../../segments/segment-store.ts';
import { clusterMembersQuery, findClusterRun } from '../clusters/warehouse-clusters.ts';
import type { MemberSet } from './member-set.ts';

export interface Audience {
  readonly name: string;
  readonly members: MemberSet;
}

const CLUSTER_KEY = /^cluster:(.+):(\d+)$/;

/**
 * An audience id → its members: `base` (everyone), `cluster:<run>:<n>` (a stored cluster), or a
 * stored segment id (its current version compiled for this engine as of `asOf`). Segments read
 * `customer_features`; when that table is empty it is built first.
 */
export async function resolveAudience(
  engine: Engine,
  id: string,
  options: { asOf: Date; lang: Lang },
): Promise<Audience> {
  if (id === 'base' || id === 'all')
    return { name: translate(options.lang, 'cli.report.allCustomers'), members: { kind: 'all' } };
  const cluster = CLUSTER_KEY.exec(id);
  if (cluster) {
    const [, runId = '', n = '0'] = cluster;
    const run = await findClusterRun(engine, runId);
    if (!run) throw new ClusterError('RUN_NOT_FOUND', `no cluster run '${runId}'`);
    const info = run.summary.clusters.find((c) => c.cluster === Number(n));
    if (!info) throw new ClusterError('CLUSTER_NOT_FOUND', `run '${runId}' has no cluster ${n}`);
    return {
      name: `#${n} ${info.label[options.lang]}`,
      members: { kind: 'query', query: clusterMembersQuery(engine, runId, Number(n)) },
    };
  }
  const header = await getSegmentOrThrow(engine, id);
  const version = await getVersionOrThrow(engine, id);
  const q = engine.dialect.quoteIdent;
  const [f] = await engine.query<{ n: number }>(sql(`SELECT count(*) AS n FROM ${q(CUSTOMER_FEATURES.name)}`));
  if (Number(f?.n ?? 0) === 0) await refreshFeatures(engine, { asOf: options.asOf });
  return {
    name: header.name,
    members: {
      kind: 'query',
      query: compileDefinition(version.definition, engine.dialect, { asOf: options.asOf, output: 'members' }),
    },
  };
}
