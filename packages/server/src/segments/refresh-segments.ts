import { columnNames } from '@dalbit/core/schema/table';
import {
  entriesTree,
  exitsTree,
  refreshCountsTree,
  sizeTree,
  stageMembersTree,
} from '@dalbit/core/segments/membership-tree';
import type { Condition, SegmentDefinition } from '@dalbit/core/segments/schema';
import { printSql } from '@dalbit/core/segments/sql/print';
import { SEGMENT_REFRESHES, SEGMENT_STAGING } from '@dalbit/core/segments/tables';
import type { Engine } from '../engines/engine.ts';
import { getVersionOrThrow, listSegments } from './segment-store.ts';

export interface SegmentRefreshed {
  readonly segmentId: string;
  readonly version: number;
  readonly size: number;
  readonly entered: number;
  readonly exited: number;
  readonly tookMs: number;
}

export interface SegmentsRefreshed {
  readonly refreshed: readonly SegmentRefreshed[];
  /** Segments skipped because they reference each other in a cycle or a missing segment. */
  readonly skipped: readonly { readonly segmentId: string; readonly reason: 'SEGMENT_CYCLE' | 'UNKNOWN_SEGMENT' }[];
  readonly tookMs: number;
}

function referencedSegments(c: Condition): string[] {
  if (c.kind === 'and' || c.kind === 'or') return c.items.flatMap(referencedSegments);
  if (c.kind === 'not') return referencedSegments(c.item);
  return c.kind === 'segment' ? [c.segmentId] : [];
}

/** Refreshes one segment version as of `asOf`: closes spells of leavers, opens spells of joiners. */
export async function refreshSegment(
  engine: Engine,
  input: { segmentId: string; version: number; definition: SegmentDefinition; asOf: Date },
): Promise<SegmentRefreshed> {
  const started = performance.now();
  const d = engine.dialect;
  await engine.transaction(async (tx) => {
    await tx.exec(`TRUNCATE TABLE ${d.quoteIdent(SEGMENT_STAGING.name)}`);
    await tx.query(printSql(stageMembersTree(input.definition, input.asOf), d));
    await tx.query(printSql(exitsTree(input), d));
    await tx.query(printSql(entriesTree(input), d));
  });
  const [counts] = await engine.query<{ entered: number | null; exited: number | null }>(
    printSql(refreshCountsTree(input.segmentId, input.asOf), d),
  );
  const [size] = await engine.query<{ n: number }>(printSql(sizeTree(input.segmentId), d));
  const out: SegmentRefreshed = {
    segmentId: input.segmentId,
    version: input.version,
    size: Number(size?.n ?? 0),
    entered: Number(counts?.entered ?? 0),
    exited: Number(counts?.exited ?? 0),
    tookMs: Math.round(performance.now() - started),
  };
  await engine.insert(SEGMENT_REFRESHES.name, columnNames(SEGMENT_REFRESHES), [
    [out.segmentId, out.version, input.asOf, out.size, out.entered, out.exited, out.tookMs],
  ]);
  return out;
}

/**
 * Recomputes the members of every active segment (or of `segmentIds`) as of `asOf`, referenced
 * segments first, and records who entered and who left in `segment_memberships`. Run it after
 * `refreshFeatures` (daily, or after each import).
 * @example await refreshSegments(engine, { asOf: new Date() })
 */
export async function refreshSegments(
  engine: Engine,
  options: { asOf: Date; segmentIds?: readonly string[] },
): Promise<SegmentsRefreshed> {
  const started = performance.now();
  const headers = (await listSegments(engine)).filter((h) => h.status === 'active');
  const defs = new Map<string, { version: number; definition: SegmentDefinition }>();
  for (const h of headers) {
    const v = await getVersionOrThrow(engine, h.segmentId, h.currentVersion);
    defs.set(h.segmentId, { version: v.version, definition: v.definition });
  }
  const wanted = new Set(options.segmentIds ?? defs.keys());
  const order: string[] = [];
  const skipped: { segmentId: string; reason: 'SEGMENT_CYCLE' | 'UNKNOWN_SEGMENT' }[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'bad'>();
  const visit = (id: string): boolean => {
    const s = state.get(id);
    if (s === 'done') return true;
    if (s === 'bad') return false;
    const def = defs.get(id);
    if (!def) return false;
    if (s === 'visiting') return false;
    state.set(id, 'visiting');
    for (const ref of referencedSegments(def.definition.root)) {
      if (!visit(ref)) {
        state.set(id, 'bad');
        skipped.push({ segmentId: id, reason: defs.has(ref) ? 'SEGMENT_CYCLE' : 'UNKNOWN_SEGMENT' });
        return false;
      }
    }
    state.set(id, 'done');
    order.push(id);
    return true;
  };
  for (const id of wanted) visit(id);
  const refreshed: SegmentRefreshed[] = [];
  for (const id of order) {
    const def = defs.get(id);
    if (def) refreshed.push(await refreshSegment(engine, { segmentId: id, ...def, asOf: options.asOf }));
  }
  return { refreshed, skipped, tookMs: Math.round(performance.now() - started) };
}
