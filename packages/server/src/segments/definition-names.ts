import { type ExplainNames, idsIn } from '@dalbit/core/segments/explain-names';
import type { SegmentDefinition } from '@dalbit/core/segments/schema';
import { findClusterRun } from '../analytics/clusters/warehouse-clusters.ts';
import { type Engine, sql } from '../engines/engine.ts';
import { listSegments } from './segment-store.ts';

/** Product names by id (products without a name are left out). */
export async function productNames(engine: Engine, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const d = engine.dialect;
  const rows = await engine.query<{ id: string; name: string | null }>(
    sql(
      `SELECT product_id AS id, name FROM products WHERE product_id IN (${ids.map((_, i) => d.placeholder(i + 1, 'string')).join(', ')})`,
      ids,
      ids.map(() => 'string' as const),
    ),
  );
  return new Map(rows.filter((r) => r.name !== null).map((r) => [r.id, r.name as string]));
}

/** The names of the products and segments a definition mentions, for reading it back. */
export async function definitionNames(engine: Engine, def: SegmentDefinition): Promise<ExplainNames> {
  const ids = idsIn(def.root);
  const segments = ids.segments.length
    ? new Map(
        (await listSegments(engine))
          .filter((s) => ids.segments.includes(s.segmentId))
          .map((s) => [s.segmentId, s.name]),
      )
    : new Map<string, string>();
  for (const [id, name] of await clusterNames(engine, ids.segments)) segments.set(id, name);
  return { products: await productNames(engine, ids.products), segments };
}

/** A saved found group references its snapshot `cluster:<run>:<n>`: named by the group's Korean label. */
async function clusterNames(engine: Engine, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const m = /^cluster:(.+):(\d+)$/.exec(id);
    if (!m) continue;
    const run = await findClusterRun(engine, m[1]);
    const label = run?.summary.clusters.find((c) => c.cluster === Number(m[2]))?.label.ko;
    if (label) out.set(id, label);
  }
  return out;
}
