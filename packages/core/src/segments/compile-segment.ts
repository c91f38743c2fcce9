import type { CompiledQuery, SqlDialect } from '../sql/dialect.ts';
import type { SegmentIssue } from './issues.ts';
import { normalizeSegment } from './normalize.ts';
import type { SegmentDefinition } from './schema.ts';
import { printSql } from './sql/print.ts';
import { type CompileOptions, toSqlTree } from './to-sql-tree.ts';
import { parseSegment } from './validate.ts';

export type CompileResult =
  | { readonly ok: true; readonly query: CompiledQuery }
  | { readonly ok: false; readonly issues: readonly SegmentIssue[] };

/**
 * definition (untrusted JSON) → validate → normalize → SQL tree → SQL for one dialect.
 * @example compileSegment(def, DUCKDB_DIALECT, { asOf: new Date('2025-06-01T00:00:00Z') })
 */
export function compileSegment(input: unknown, dialect: SqlDialect, options: CompileOptions): CompileResult {
  const parsed = parseSegment(input);
  if (!parsed.ok) return parsed;
  return { ok: true, query: compileDefinition(parsed.definition, dialect, options) };
}

/** For definitions already validated (read back through `parseSegment`). */
export function compileDefinition(def: SegmentDefinition, dialect: SqlDialect, options: CompileOptions): CompiledQuery {
  return printSql(toSqlTree(normalizeSegment(def), options), dialect);
}
