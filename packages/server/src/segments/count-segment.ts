import { compileSegment } from '@dalbit/core/segments/compile-segment';
import type { SegmentIssue } from '@dalbit/core/segments/issues';
import { printSql } from '@dalbit/core/segments/sql/print';
import { CUSTOMER_FEATURES } from '@dalbit/core/segments/tables';
import { type LastEventsSpan, lastEventsSpanOf, lastEventsSpanQuery } from '@dalbit/core/segments/tree/context';
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
  const lastEvents = await readLastEventsSpan(engine);
  const compiled = compileSegment(definition, engine.dialect, { asOf: options.asOf, output: 'count', lastEvents });
  if (!compiled.ok) return compiled;
  const started = performance.now();
  const [row] = await engine.query<{ n: number }>(compiled.query);
  return { ok: true, count: Number(row?.n ?? 0), tookMs: performance.now() - started, query: compiled.query };
}

/**
 * The features rows' span of `last_events_before` (one scan of a single column), so a live count
 * reads "did X at least once" from the last-event columns instead of joining every customer with
 * the events (decision 0024); undefined while any row lacks one.
 */
export async function readLastEventsSpan(engine: Engine): Promise<LastEventsSpan | undefined> {
  const [row] = await engine.query<{ from_ms: unknown; to_ms: unknown; missing: unknown }>(
    printSql(lastEventsSpanQuery(CUSTOMER_FEATURES.name), engine.dialect),
  );
  return lastEventsSpanOf(row);
}

/** Member ids (sorted) of a segment definition as of `asOf`. */
export async function findSegmentMembers(
  engine: Engine,
  definition: unknown,
  options: { asOf: Date },
): Promise<MembersResult> {
  // Members stay on the events themselves: an audience that is sent to sees late-arriving events too.
  const compiled = compileSegment(definition, engine.dialect, { asOf: options.asOf, output: 'members' });
  if (!compiled.ok) return compiled;
  const rows = await engine.query<{ customer_id: string }>(compiled.query);
  return { ok: true, customerIds: rows.map((r) => r.customer_id), query: compiled.query };
}
