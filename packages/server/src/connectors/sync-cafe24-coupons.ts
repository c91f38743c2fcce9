import {
  Cafe24Coupon,
  Cafe24CouponIssue,
  type Cafe24Coupon as Coupon,
  type Cafe24CouponIssue as Issue,
} from '@dalbit/core/connectors/cafe24-payloads';
import { SHOP_COUPON_ISSUES, SHOP_COUPONS } from '@dalbit/core/connectors/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { type Binder, compileBound } from '@dalbit/core/sql/bind-sql';
import { z } from 'zod';
import { deleteRows } from '../engines/update-rows.ts';
import { readCursors, writeCursor } from './connection-store.ts';
import { connectorError } from './connector-error.ts';
import type { SyncRun } from './sync-run.ts';

const COUPON_PAGE = 100;
const ISSUE_PAGE = 500;

/**
 * Cafe24 coupons: the coupon list, then each coupon's issues to members. A coupon's issues are read
 * whole while the coupon can still be used (a use changes an issue already read, and the list has
 * no "changed since"); once it has ended or was deleted it is read one last time and then never
 * again (cursor `ended`). Only new or changed rows are written and counted, so a sync where nothing
 * happened at the shop reports 0. Each coupon, its issues and the cursor commit together.
 */
export async function syncCafe24Coupons(run: SyncRun): Promise<void> {
  const coupons = await pages(run, '/api/v2/admin/coupons?shop_no=1', 'coupons', Cafe24Coupon, COUPON_PAGE);
  const saved = (await readCursors(run.deps.engine, run.conn.connectionId)).get('coupons')?.cursor as
    | { ended?: string[] }
    | undefined;
  const ended = new Set(saved?.ended ?? []);
  for (const c of coupons) {
    if (ended.has(c.coupon_no)) continue;
    const issues = await pages(
      run,
      `/api/v2/admin/coupons/${encodeURIComponent(c.coupon_no)}/issues?shop_no=1`,
      'issues',
      Cafe24CouponIssue,
      ISSUE_PAGE,
    );
    const over =
      c.deleted === 'T' ||
      (c.available_end_datetime ? Date.parse(c.available_end_datetime) < run.startedAt.getTime() : false);
    if (over) ended.add(c.coupon_no);
    await run.commit('coupons', () => writeCoupon(run, c, issues, [...ended]));
  }
}

/** Every page of a list (limit/offset), each record checked against its documented shape. */
async function pages<T>(run: SyncRun, path: string, key: string, schema: z.ZodType<T>, size: number): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += size) {
    const body = await run.session.json(`${path}&limit=${size}&offset=${offset}`);
    const list = z.object({ [key]: z.array(schema) }).safeParse(body);
    if (!list.success) throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: key });
    const page = list.data[key] as T[];
    out.push(...page);
    if (page.length < size) return out;
  }
}

const int = (v: string | null | undefined): number | null => {
  const n = v === null || v === undefined || v === '' ? Number.NaN : Number(v);
  return Number.isFinite(n) ? Math.round(n) : null;
};
const at = (v: string | null | undefined): Date | null => {
  const t = v ? Date.parse(v) : Number.NaN;
  return Number.isFinite(t) ? new Date(t) : null;
};

/** Writes one coupon and its issues that are new or changed; answers how many records changed. */
async function writeCoupon(
  run: SyncRun,
  c: Coupon,
  issues: readonly Issue[],
  ended: readonly string[],
): Promise<{ rows: number; orders: number; rejected: [] }> {
  const id = run.conn.connectionId;
  const now = run.startedAt;
  let changed = 0;
  await run.deps.engine.transaction(async (tx) => {
    const key = (member: string, issued: Date) => `${member}|${issued.getTime()}`;
    const ofCoupon = (b: Binder) =>
      `connection_id = ${b.p(id, 'string')} AND coupon_no = ${b.p(c.coupon_no, 'string')}`;
    const [prev] = await tx.query<{ coupon_name: string; deleted: boolean }>(
      compileBound(tx.dialect, (b) => `SELECT coupon_name, deleted FROM shop_coupons WHERE ${ofCoupon(b)}`),
    );
    const deleted = c.deleted === 'T';
    if (!prev || prev.coupon_name !== c.coupon_name || prev.deleted !== deleted) changed++;
    const known = new Map(
      (
        await tx.query<{ member_id: string; issued_at: Date; used: boolean; used_at: Date | null }>(
          compileBound(
            tx.dialect,
            (b) => `SELECT member_id, issued_at, used, used_at FROM shop_coupon_issues WHERE ${ofCoupon(b)}`,
          ),
        )
      ).map((r) => [key(r.member_id, r.issued_at), r]),
    );
    const fresh = issues.filter((i) => {
      const issued = at(i.issued_date);
      if (!issued) return false;
      const k = known.get(key(`cafe24:${i.member_id}`, issued));
      return !k || k.used !== (i.used_coupon === 'T') || k.used_at?.getTime() !== at(i.used_date)?.getTime();
    });
    changed += fresh.length;
    await deleteRows(tx, SHOP_COUPONS.name, { connection_id: [id, 'string'], coupon_no: [c.coupon_no, 'string'] });
    await tx.insert(SHOP_COUPONS.name, columnNames(SHOP_COUPONS), [
      [
        id,
        c.coupon_no,
        c.coupon_name,
        c.benefit_type ?? null,
        int(c.benefit_price),
        int(c.benefit_percentage),
        at(c.available_end_datetime),
        deleted,
        now,
      ],
    ]);
    for (const i of fresh) await writeIssue(tx, id, c.coupon_no, i, now);
    await writeCursor(tx, id, 'coupons', { ended }, changed, now);
  });
  return { rows: changed, orders: 0, rejected: [] };
}

/** One issue, its member resolved to the customer Dalbit knows by that Cafe24 id (if any). */
async function writeIssue(
  tx: SyncRun['deps']['engine'],
  id: string,
  couponNo: string,
  i: Issue,
  now: Date,
): Promise<void> {
  const member = `cafe24:${i.member_id}`;
  const issued = at(i.issued_date) as Date;
  await deleteRows(tx, SHOP_COUPON_ISSUES.name, {
    connection_id: [id, 'string'],
    coupon_no: [couponNo, 'string'],
    member_id: [member, 'string'],
    issued_at: [issued, 'timestamp'],
  });
  const [who] = await tx.query<{ customer_id: string }>(
    compileBound(
      tx.dialect,
      (b) => `SELECT customer_id FROM identities WHERE kind = 'member' AND value = ${b.p(member, 'string')}`,
    ),
  );
  await tx.insert(SHOP_COUPON_ISSUES.name, columnNames(SHOP_COUPON_ISSUES), [
    [
      id,
      couponNo,
      member,
      who?.customer_id ?? null,
      issued,
      at(i.expiration_date),
      i.used_coupon === 'T',
      at(i.used_date),
      now,
    ],
  ]);
}
