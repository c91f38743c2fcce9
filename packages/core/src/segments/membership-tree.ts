import { columnNames } from '../schema/table.ts';
import { TABLES } from './catalog.ts';
import { normalizeSegment } from './normalize.ts';
import type { SegmentDefinition } from './schema.ts';
import { and, cmp, col, inQuery, lit, not, param } from './sql/build.ts';
import type { InsertNode, SelectNode, ValueExpr } from './sql/node.ts';
import { SEGMENT_STAGING } from './tables.ts';
import { toSqlTree } from './to-sql-tree.ts';

const M = TABLES.memberships;

/** Open spells of a segment: (customer_id, entered_at) with no closing row. */
export function openSpellsTree(segmentId: string): SelectNode {
  const m = 'm';
  return {
    kind: 'select',
    columns: [
      { expr: col(m, 'customer_id'), alias: 'customer_id' },
      { expr: col(m, 'entered_at'), alias: 'entered_at' },
    ],
    from: { kind: 'table', table: M.name, alias: m },
    where: cmp(col(m, 'segment_id'), '=', param(segmentId, 'string')),
    groupBy: [col(m, 'customer_id'), col(m, 'entered_at')],
    having: cmp({ kind: 'agg', fn: 'count', arg: col(m, 'exited_at') }, '=', lit(0)),
  };
}

function membersTree(def: SegmentDefinition, asOf: Date): SelectNode {
  const { orderBy: _ignored, ...members } = toSqlTree(normalizeSegment(def), { asOf });
  return members;
}

/** Fills `segment_staging` with the members as of `asOf` (evaluated once per refresh). */
export function stageMembersTree(def: SegmentDefinition, asOf: Date): InsertNode {
  return { kind: 'insert', table: SEGMENT_STAGING.name, columns: ['customer_id'], query: membersTree(def, asOf) };
}

const staged = (): SelectNode => ({
  kind: 'select',
  columns: [{ expr: col('g', 'customer_id'), alias: 'customer_id' }],
  from: { kind: 'table', table: SEGMENT_STAGING.name, alias: 'g' },
});

interface Refresh {
  readonly segmentId: string;
  readonly version: number;
  readonly asOf: Date;
}

const row = (values: Record<string, ValueExpr>) =>
  columnNames(M).map((c) => ({ expr: values[c] ?? lit(null), alias: c }));

/** Closing rows for open spells whose customer is not staged (run before `entriesTree`). */
export function exitsTree(r: Refresh): InsertNode {
  const open = 'o';
  return {
    kind: 'insert',
    table: M.name,
    columns: columnNames(M),
    query: {
      kind: 'select',
      columns: row({
        segment_id: param(r.segmentId, 'string'),
        customer_id: col(open, 'customer_id'),
        entered_at: col(open, 'entered_at'),
        exited_at: param(r.asOf, 'timestamp'),
        version: param(r.version, 'int'),
      }),
      from: { kind: 'subquery', query: openSpellsTree(r.segmentId), alias: open },
      where: not(inQuery(col(open, 'customer_id'), staged())),
    },
  };
}

/** Entry rows for staged customers without an open spell. */
export function entriesTree(r: Refresh): InsertNode {
  const open = openSpellsTree(r.segmentId);
  return {
    kind: 'insert',
    table: M.name,
    columns: columnNames(M),
    query: {
      ...staged(),
      columns: row({
        segment_id: param(r.segmentId, 'string'),
        customer_id: col('g', 'customer_id'),
        entered_at: param(r.asOf, 'timestamp'),
        exited_at: lit(null),
        version: param(r.version, 'int'),
      }),
      where: not(inQuery(col('g', 'customer_id'), { ...open, columns: open.columns.slice(0, 1) })),
    },
  };
}

/** Current size: the number of open spells. */
export function sizeTree(segmentId: string): SelectNode {
  return {
    kind: 'select',
    columns: [{ expr: { kind: 'agg', fn: 'count' }, alias: 'n' }],
    from: { kind: 'subquery', query: openSpellsTree(segmentId), alias: 'o' },
  };
}

/** Entries and exits recorded at `asOf`. */
export function refreshCountsTree(segmentId: string, asOf: Date): SelectNode {
  const m = 'm';
  const at = param(asOf, 'timestamp');
  const seg = cmp(col(m, 'segment_id'), '=', param(segmentId, 'string'));
  const sum = (cond: ReturnType<typeof cmp>): ValueExpr => ({
    kind: 'agg',
    fn: 'sum',
    arg: { kind: 'case', when: cond, then: lit(1), else: lit(0) },
  });
  return {
    kind: 'select',
    columns: [
      {
        expr: sum(
          and(cmp(col(m, 'entered_at'), '=', at), { kind: 'is_null', item: col(m, 'exited_at'), negated: false }),
        ),
        alias: 'entered',
      },
      {
        expr: sum(cmp({ kind: 'coalesce', items: [col(m, 'exited_at'), param(new Date(0), 'timestamp')] }, '=', at)),
        alias: 'exited',
      },
    ],
    from: { kind: 'table', table: M.name, alias: m },
    where: seg,
  };
}
