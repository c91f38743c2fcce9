import { PERSON_RECORD_PROFILE_COLUMNS } from '@dalbit/core/identity/tables';
import { col } from '@dalbit/core/schema/table';
import type { Engine } from '../engines/engine.ts';
import { countRows } from './row-count.ts';
import { ITEM_COLUMNS, ORDER_COLUMNS } from './write-batch.ts';

/** How the rows of one import compare with what the warehouse held before it. */
export interface ChangeCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportChanges {
  readonly customers: ChangeCounts;
  readonly orders: ChangeCounts;
}

const P = 'import_chg_';
const T = {
  orderKeys: `${P}order_keys`,
  prevOrders: `${P}prev_orders`,
  prevItems: `${P}prev_items`,
  recordKeys: `${P}record_keys`,
  prevRecords: `${P}prev_records`,
  consentKeys: `${P}consent_keys`,
  prevConsents: `${P}prev_consents`,
} as const;

/** Who bought is identity's business: an order whose file content is the same is unchanged. */
const SAME_ORDER = ORDER_COLUMNS.filter((c) => c !== 'customer_id' && c !== 'origin_customer_id');
const SAME_ITEM = ITEM_COLUMNS.filter((c) => c !== 'customer_id' && c !== 'origin_customer_id');
const SAME_RECORD = ['customer_id', 'channel', ...PERSON_RECORD_PROFILE_COLUMNS.map((c) => c.name)];

const same = (cols: readonly string[], a: string, b: string) =>
  cols.map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ');

/**
 * The state the counts compare against, taken inside the import's transaction before anything is
 * written: the source records and consent ids the batch names (`records`, before identity
 * resolution), the stored orders with their lines (`orders`, before the facts are written).
 * Tables still empty are skipped (a first import is all new, at no cost). `count` reads the
 * result after the write and drops the snapshot.
 */
export class ChangeSnapshot {
  private recordsTaken = false;
  private ordersTaken = false;

  constructor(private readonly tx: Engine) {}

  /** Before identity resolution: the batch's source records and consents as stored. */
  async records(recordIds: readonly string[], consentIds: readonly string[]): Promise<void> {
    const tx = this.tx;
    if (recordIds.length === 0 || (await countRows(tx, 'person_records')) === 0) return;
    await stageKeys(tx, T.recordKeys, recordIds);
    await tx.exec(
      snapshot(tx, T.prevRecords, 'person_records', ['record_id', ...SAME_RECORD], 'record_id', T.recordKeys),
    );
    await stageKeys(tx, T.consentKeys, consentIds);
    await tx.exec(snapshot(tx, T.prevConsents, 'consents', ['consent_id'], 'consent_id', T.consentKeys));
    this.recordsTaken = true;
  }

  /** Before the facts are written: the stored orders the batch names (ids, or a query of `order_id`s). */
  async orders(orderIds: readonly string[] | { readonly sql: string }): Promise<void> {
    const tx = this.tx;
    if (Array.isArray(orderIds) && orderIds.length === 0) return;
    if ((await countRows(tx, 'orders')) === 0) return;
    if (Array.isArray(orderIds)) await stageKeys(tx, T.orderKeys, orderIds);
    else
      await tx.exec(
        tx.dialect.write.tempTable(T.orderKeys, {
          as: `SELECT order_id AS k FROM (${(orderIds as { sql: string }).sql}) q`,
        }),
      );
    await tx.exec(snapshot(tx, T.prevOrders, 'orders', ORDER_COLUMNS, 'order_id', T.orderKeys));
    await tx.exec(snapshot(tx, T.prevItems, 'order_items', ITEM_COLUMNS, 'order_id', T.orderKeys));
    this.ordersTaken = true;
  }

  /**
   * After the write: `created` customers and every customer the batch `touched` (identity's
   * answer), and the `orders` the batch wrote.
   */
  async count(after: { created: number; touched: number; orders: number }): Promise<ImportChanges> {
    const tx = this.tx;
    const result: ImportChanges = {
      orders: this.ordersTaken ? await orderChanges(tx, after.orders) : allNew(after.orders),
      customers: this.recordsTaken ? await customerChanges(tx, after) : allNew(after.created),
    };
    for (const t of Object.values(T)) await tx.exec(`DROP TABLE IF EXISTS ${t}`);
    return result;
  }
}

const allNew = (n: number): ChangeCounts => ({ inserted: n, updated: 0, unchanged: 0 });

async function stageKeys(tx: Engine, table: string, keys: readonly string[]): Promise<void> {
  await tx.exec(tx.dialect.write.tempTable(table, [col('k', 'string')]));
  if (keys.length > 0)
    await tx.insert(
      table,
      ['k'],
      keys.map((k) => [k]),
    );
}

function snapshot(tx: Engine, name: string, from: string, cols: readonly string[], key: string, keys: string) {
  return tx.dialect.write.tempTable(name, {
    as: `SELECT ${cols.join(', ')} FROM ${from} WHERE ${key} IN (SELECT k FROM ${keys})`,
  });
}

/**
 * An order is unchanged when its row and every line are as before (same lines, no line added or
 * gone); updated when it existed otherwise; inserted when it did not exist.
 */
async function orderChanges(tx: Engine, total: number): Promise<ChangeCounts> {
  const rows = await tx.query<{ existed: number; unchanged: number }>(
    `WITH prev_n AS (SELECT order_id, count(*) AS n FROM ${T.prevItems} GROUP BY order_id),
     now_n AS (SELECT order_id, count(*) AS n FROM order_items WHERE order_id IN (SELECT order_id FROM ${T.prevOrders}) GROUP BY order_id),
     same_n AS (
       SELECT p.order_id AS order_id, count(*) AS n FROM ${T.prevItems} p
       JOIN order_items i ON i.line_id = p.line_id AND i.order_id = p.order_id
       WHERE ${same(SAME_ITEM, 'p', 'i')} GROUP BY p.order_id
     )
     SELECT (SELECT count(*) FROM ${T.prevOrders}) AS existed,
       (SELECT count(*) FROM ${T.prevOrders} p JOIN orders o ON o.order_id = p.order_id
        LEFT JOIN prev_n ON prev_n.order_id = p.order_id LEFT JOIN now_n ON now_n.order_id = p.order_id
        LEFT JOIN same_n ON same_n.order_id = p.order_id
        WHERE ${same(SAME_ORDER, 'p', 'o')} AND coalesce(prev_n.n, 0) = coalesce(now_n.n, 0)
          AND coalesce(same_n.n, 0) = coalesce(prev_n.n, 0)) AS unchanged`,
  );
  const existed = Number(rows[0]?.existed ?? 0);
  const unchanged = Number(rows[0]?.unchanged ?? 0);
  return { inserted: total - existed, updated: existed - unchanged, unchanged };
}

/**
 * A customer the batch touched is updated when one of its source records in the batch is new or
 * differs from before (profile fields, channel, or the customer it belongs to: a merge), or it
 * got a consent it did not have; otherwise unchanged. New customers are inserted.
 */
async function customerChanges(tx: Engine, after: { created: number; touched: number }): Promise<ChangeCounts> {
  const rows = await tx.query<{ n: number }>(
    `SELECT count(DISTINCT customer_id) AS n FROM (
       SELECT r.customer_id AS customer_id FROM person_records r
       LEFT JOIN ${T.prevRecords} p ON p.record_id = r.record_id
       WHERE r.record_id IN (SELECT k FROM ${T.recordKeys}) AND (p.record_id IS NULL OR NOT (${same(SAME_RECORD, 'p', 'r')}))
       UNION ALL
       SELECT c.customer_id AS customer_id FROM consents c
       WHERE c.consent_id IN (SELECT k FROM ${T.consentKeys}) AND c.consent_id NOT IN (SELECT consent_id FROM ${T.prevConsents})
     ) changed`,
  );
  const changed = Number(rows[0]?.n ?? 0);
  const updated = Math.max(0, changed - after.created);
  return { inserted: after.created, updated, unchanged: Math.max(0, after.touched - after.created - updated) };
}
