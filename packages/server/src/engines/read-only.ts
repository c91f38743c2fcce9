/** Statements that only read: they run beside the writer (a pooled connection, or no session). */
const READ_ONLY = /^\s*(\(\s*)*(SELECT|FROM|VALUES|SHOW|DESCRIBE|SUMMARIZE|EXPLAIN|WITH)\b/i;
const WRITES = /\b(INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|DROP|TRUNCATE|COPY|ATTACH|SET|CHECKPOINT)\b/i;

export function isReadOnly(sql: string): boolean {
  return READ_ONLY.test(sql) && !WRITES.test(sql);
}
