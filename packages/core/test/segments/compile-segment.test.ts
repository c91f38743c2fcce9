import { describe, expect, it } from 'vitest';
import { compileSegment } from '../../src/segments/compile-segment.ts';
import { CLICKHOUSE_DIALECT } from '../../src/sql/clickhouse-dialect.ts';
import type { DialectName, SqlDialect } from '../../src/sql/dialect.ts';
import { DUCKDB_DIALECT } from '../../src/sql/duckdb-dialect.ts';

const AS_OF = new Date('2025-06-15T03:00:00.000Z');
const DIALECTS: Record<DialectName, SqlDialect> = { duckdb: DUCKDB_DIALECT, clickhouse: CLICKHOUSE_DIALECT };

function sqlOf(root: unknown, dialect: SqlDialect, output: 'members' | 'count' = 'members') {
  const r = compileSegment({ version: 1, root }, dialect, { asOf: AS_OF, output });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.query;
}

describe('compileSegment: expected SQL', () => {
  it('profile equality reads the features row, value bound', () => {
    const expected = {
      duckdb:
        'SELECT "f"."customer_id" AS "customer_id" FROM "customer_features" AS "f" WHERE COALESCE("f"."gender" = $1, FALSE) ORDER BY "f"."customer_id"',
      clickhouse:
        'SELECT `f`.`customer_id` AS `customer_id` FROM `customer_features` AS `f` WHERE COALESCE(`f`.`gender` = {p1:String}, FALSE) ORDER BY `f`.`customer_id`',
    } satisfies Record<DialectName, string>;
    for (const [name, d] of Object.entries(DIALECTS) as [DialectName, SqlDialect][]) {
      const q = sqlOf({ kind: 'profile', field: 'gender', op: 'eq', value: 'F' }, d);
      expect(q.sql).toBe(expected[name]);
      expect(q.params).toEqual(['F']);
      expect(q.paramTypes).toEqual(['string']);
    }
  });

  it('"last purchase 90–120 days ago" becomes bounds on last_order_at (Seoul days)', () => {
    const q = sqlOf(
      { kind: 'orders', measure: 'days_since_last', op: 'between', value: [90, 120] },
      DUCKDB_DIALECT,
      'count',
    );
    expect(q.sql).toBe(
      'SELECT count(*) AS "n" FROM "customer_features" AS "f" WHERE COALESCE(("f"."last_order_at" >= $1) AND ("f"."last_order_at" < $2), FALSE)',
    );
    // 2025-06-15 KST − 120 days = 2025-02-15 00:00 KST; − 89 days = 2025-03-18 00:00 KST.
    expect(q.params).toEqual([new Date('2025-02-14T15:00:00.000Z'), new Date('2025-03-17T15:00:00.000Z')]);
  });

  it('a count that zero satisfies compiles to NOT IN the complement', () => {
    const q = sqlOf(
      { kind: 'orders', filter: { channels: ['cafe24'] }, measure: 'count', op: 'lt', value: 2 },
      CLICKHOUSE_DIALECT,
      'count',
    );
    expect(q.sql).toBe(
      'SELECT count(*) AS `n` FROM `customer_features` AS `f` WHERE NOT (`f`.`customer_id` IN (SELECT `o1`.`customer_id` AS `customer_id` FROM `orders` AS `o1` ' +
        'WHERE (`o1`.`customer_id` IS NOT NULL) AND (`o1`.`status` IN ({p1:String}, {p2:String})) AND (`o1`.`channel` IN ({p3:String})) ' +
        "AND ((`o1`.`ordered_at` < {p4:DateTime64(3, 'UTC')})) GROUP BY `o1`.`customer_id` HAVING NOT (COALESCE(count(*) < {p5:Int64}, FALSE))))",
    );
    expect(q.params).toEqual(['paid', 'exchanged', 'cafe24', new Date(AS_OF.getTime() + 1), 2]);
  });

  it('attribute keys and event property keys are parameters, not identifiers', () => {
    const q = sqlOf({ kind: 'profile', field: 'attributes.skin', op: 'eq', value: 'dry' }, DUCKDB_DIALECT);
    // Rows whose text holds neither the value nor an escape are not parsed (json-field.ts).
    expect(q.sql).toContain(
      'CASE WHEN (contains("f"."attributes", $1)) OR (contains("f"."attributes", $2)) THEN json_extract_string("f"."attributes", $3) ELSE NULL END = $4',
    );
    expect(q.params).toEqual(['dry', '\\', '$."skin"', 'dry']);
    const c = sqlOf({ kind: 'profile', field: 'attributes.skin', op: 'eq', value: 'dry' }, CLICKHOUSE_DIALECT);
    expect(c.params).toEqual(['dry', '\\', 'skin', 'dry']);
  });

  it('everyone: no WHERE at all', () => {
    expect(sqlOf({ kind: 'and', items: [] }, DUCKDB_DIALECT, 'count').sql).toBe(
      'SELECT count(*) AS "n" FROM "customer_features" AS "f"',
    );
  });
});

describe('compileSegment: issues are collected with paths, never thrown', () => {
  it('reports every problem at once', () => {
    const r = compileSegment(
      {
        version: 1,
        root: {
          kind: 'and',
          items: [
            { kind: 'profile', field: 'password"; DROP TABLE x; --', op: 'eq', value: 'a' },
            { kind: 'orders', measure: 'count', op: 'contains', value: 1 },
            { kind: 'profile', field: 'gender', op: 'eq', value: 'X' },
            { kind: 'profile', field: 'age', op: 'between', value: [40, 20] },
            { kind: 'events', type: 'x', window: { kind: 'dates', from: '2025-02-30' } },
            { kind: 'analytics', field: 'rfm.nope', op: 'eq', value: 1 },
          ],
        },
      },
      DUCKDB_DIALECT,
      { asOf: AS_OF },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['UNKNOWN_FIELD', 'root.items.0.field'],
      ['OPERATOR_NOT_ALLOWED', 'root.items.1.op'],
      ['BAD_VALUE', 'root.items.2.value'],
      ['BAD_VALUE', 'root.items.3.value'],
      ['BAD_VALUE', 'root.items.4.window.from'],
      ['UNKNOWN_FIELD', 'root.items.5.field'],
    ]);
  });

  it('rejects deep nesting, unknown kinds, unknown versions and hostile attribute keys', () => {
    let root: unknown = { kind: 'all' };
    for (let i = 0; i < 40; i++) root = { kind: 'not', item: root };
    const deep = compileSegment({ version: 1, root }, DUCKDB_DIALECT, { asOf: AS_OF });
    expect(!deep.ok && deep.issues[0]?.code).toBe('TOO_DEEP');
    const kind = compileSegment({ version: 1, root: { kind: 'sql', text: 'DROP' } }, DUCKDB_DIALECT, { asOf: AS_OF });
    expect(!kind.ok && kind.issues[0]?.code).toBe('UNKNOWN_FIELD');
    const version = compileSegment({ version: 2, root: { kind: 'all' } }, DUCKDB_DIALECT, { asOf: AS_OF });
    expect(!version.ok && version.issues[0]?.code).toBe('UNKNOWN_VERSION');
    const key = compileSegment(
      { version: 1, root: { kind: 'profile', field: "attributes.a') --", op: 'exists' } },
      DUCKDB_DIALECT,
      { asOf: AS_OF },
    );
    expect(!key.ok && key.issues[0]?.code).toBe('UNKNOWN_FIELD');
  });
});
