import { tableDef } from '@dalbit/core/schema/migrations';
import { GRADE_CHANGES } from '@dalbit/core/segments/tables';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { CUSTOMER_COLUMNS } from './write-merges.ts';

const PROFILE = 'id_stage_profiles';
const CHANGED = 'id_stage_profiles_changed';
const TEXT_FIELDS = ['name', 'phone', 'email', 'birthday_md', 'gender', 'grade'] as const;

/**
 * Rebuilds the profiles of the customers selected by `customerIdsSql` (a query returning
 * `customer_id`) from their source records in `person_records`: each field takes the newest
 * non-empty value (by the record's last seen time, then record id); attributes are JSON-merged in
 * that order. `updated_at` is the newest seen time behind the profile and `created_at` is kept
 * (or `now` for a new customer), so rebuilding from unchanged records rewrites nothing. A grade
 * that changes from one grade to another is appended to `grade_changes` at `now` (decision 0024).
 */
export async function writeProfiles(engine: Engine, opts: { now: Date; customerIdsSql: string }): Promise<void> {
  const { fn, write } = engine.dialect;
  const newest = (f: string, when = `s.${f} IS NOT NULL`) =>
    `${fn.argMax(`s.${f}`, 's.ord')} FILTER (WHERE ${when}) AS ${f}`;
  await engine.query(
    compileBound(engine.dialect, (b) =>
      write.tempTable(PROFILE, {
        as: `WITH src AS (
         SELECT *, ${fn.orderKey(['last_seen_at', 'record_id'])} AS ord FROM person_records WHERE customer_id IN (${opts.customerIdsSql})
       ),
       -- An ordered list aggregate is costly; only customers with several attribute sets need one.
       merged AS (
         SELECT s.customer_id AS customer_id, ${fn.jsonMergeAgg('s.attributes', 's.ord')} AS attributes
         FROM src s WHERE s.attributes IS NOT NULL AND s.customer_id IN (
           SELECT customer_id FROM src WHERE attributes IS NOT NULL GROUP BY customer_id HAVING count(*) > 1
         ) GROUP BY s.customer_id
       )
       SELECT s.customer_id AS customer_id,
         ${TEXT_FIELDS.map((f) => newest(f, `s.${f} IS NOT NULL AND s.${f} <> ''`)).join(',\n')},
         ${newest('birth_year')},
         ${newest('birthday_lunar', 's.birthday_md IS NOT NULL AND s.birthday_lunar IS NOT NULL')},
         CASE count(s.attributes) WHEN 0 THEN NULL
           WHEN 1 THEN ${fn.jsonMergePatch("'{}'", 'any_value(s.attributes) FILTER (WHERE s.attributes IS NOT NULL)')}
           ELSE any_value(m.attributes) END AS attributes,
         coalesce(any_value(c.created_at), ${b.p(opts.now, 'timestamp')}) AS created_at,
         max(s.last_seen_at) AS updated_at
       FROM src s LEFT JOIN customers c ON c.customer_id = s.customer_id LEFT JOIN merged m ON m.customer_id = s.customer_id
       GROUP BY s.customer_id`,
      }),
    ),
  );
  const differs = CUSTOMER_COLUMNS.filter((c) => c !== 'customer_id')
    .map((c) => `p.${c} IS DISTINCT FROM c.${c}`)
    .join(' OR ');
  await engine.exec(
    write.tempTable(CHANGED, {
      as: `SELECT p.* FROM ${PROFILE} p LEFT JOIN customers c ON c.customer_id = p.customer_id
     WHERE c.customer_id IS NULL OR ${differs}`,
    }),
  );
  await recordGradeChanges(engine, opts.now);
  await engine.exec(
    write.deleteWhere({
      table: tableDef('customers'),
      alias: 'customers',
      where: `customers.customer_id IN (SELECT customer_id FROM ${CHANGED})`,
    }),
  );
  const cols = CUSTOMER_COLUMNS.join(', ');
  await engine.exec(`INSERT INTO customers (${cols}) SELECT ${cols} FROM ${CHANGED}`);
  await engine.exec(`DROP TABLE ${CHANGED}`);
  await engine.exec(`DROP TABLE ${PROFILE}`);
}

/** Appends a `grade_changes` row for each changed profile whose grade went from one grade to another. */
async function recordGradeChanges(engine: Engine, now: Date): Promise<void> {
  await engine.query(
    compileBound(
      engine.dialect,
      (b) => `INSERT INTO ${GRADE_CHANGES.name} (customer_id, changed_at, from_grade, to_grade)
       SELECT p.customer_id, ${b.p(now, 'timestamp')}, c.grade, p.grade FROM ${CHANGED} p
       JOIN customers c ON c.customer_id = p.customer_id
       WHERE c.grade IS NOT NULL AND p.grade IS NOT NULL AND c.grade <> '' AND p.grade <> '' AND c.grade <> p.grade`,
    ),
  );
}
