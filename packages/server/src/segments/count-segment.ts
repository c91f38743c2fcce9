import { compileSegment } from '@dalbit/core/segments/compile-segment';
import type { SegmentIssue } from '@dalbit/core/segments/issues';
import type { CompiledQuery } from '@dalbit/core/sql/dialect';
import type { Engine } from '../engines/engine.ts';

export type CountResult =
  | { readonly ok: true; readonly count: number; readonly tookMs: number; readonly query: CompiledQuery }
  | { readonly ok: false; readonly issues: readonly SegmentIssue[] };

export type MembersResult =
  | { readonly ok: true; readonly customerIds: readonly string[]; readonly query: CompiledQuery }
  | { readonly ok: false; readonly issues: readonly SegmentIssue[] };

/**
 * Live size of a segment definition (untrusted JSON) as of `asOf`, read from `customer_features`
 * and, for event/sequence/windowed conditions, the fact tables. Invalid input → issues, not throws.
 * @example const r = await countSegment(engine, def, { asOf }); if (r.ok) console.log(r.count);
 */
export async function countSegment(engine: Engine, definition: unknown, options: { asOf: Date }): Promise<CountResult> {
  const compiled = compileSegment(definition, engine.dialect, { asOf: options.asOf, output: 'count' });
  if (!compiled.ok) return compiled;
  const started = performance.now();
  const [row] = await engine.query<{ n: number }>(compiled.query);
  return { ok: true, count: Number(row?.n ?? 0), tookMs: performance.now() - started, query: compiled.query };
}

/** Member ids (sorted) of a segment definition as of `asOf`. */
export async function findSegmentMembers(
  engine: Engine,
  definition: unknown,
  options: { asOf: Date },
): Promise<MembersResult> {
  const compiled = compileSegment(definition, engine.dialect, { asOf: options.asOf, output: 'members' });
  if (!compiled.ok) return compiled;
  const rows = await engine.query<{ customer_id: string }>(compiled.query);
  return { ok: true, customerIds: rows.map((r) => r.customer_id), query: compiled.query };
}
