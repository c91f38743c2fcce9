import { toCsvLine } from '@dalbit/core/export/csv';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';

export interface IssuedCouponRow {
  readonly code: string;
  readonly customerId: string;
  readonly kind: string;
  readonly value: number;
  readonly productId: string | null;
  readonly secret: boolean;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** Redeemed on an imported order (valid redemptions only). */
  readonly redeemed: boolean;
}

/** Codes a campaign issued, oldest first, with whether a valid redemption was seen (and how many were). */
export async function listIssuedCoupons(
  engine: Engine,
  campaignId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; redeemed: number; coupons: IssuedCouponRow[] }> {
  const d = engine.dialect;
  const [t] = await engine.query<{ n: number; redeemed: number }>(
    compileBound(
      d,
      (b) => `SELECT count(*) AS n,
        sum(CASE WHEN code IN (SELECT code FROM coupon_redemptions WHERE valid) THEN 1 ELSE 0 END) AS redeemed
      FROM coupons WHERE campaign_id = ${b.p(campaignId, 'string')}`,
    ),
  );
  const rows = await engine.query<{
    code: string;
    customer_id: string;
    kind: string;
    value: number;
    product_id: string | null;
    secret: boolean;
    issued_at: Date;
    expires_at: Date;
    redeemed: boolean;
  }>(
    compileBound(
      d,
      (b) => `SELECT c.code, c.customer_id, c.kind, c.value, c.product_id, c.secret, c.issued_at, c.expires_at,
        EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.code = c.code AND r.valid) AS redeemed
      FROM coupons c WHERE c.campaign_id = ${b.p(campaignId, 'string')}
      ORDER BY c.issued_at, c.code LIMIT ${b.p(page.limit, 'int')} OFFSET ${b.p(page.offset, 'int')}`,
    ),
  );
  return {
    total: Number(t?.n ?? 0),
    redeemed: Number(t?.redeemed ?? 0),
    coupons: rows.map((r) => ({
      code: r.code,
      customerId: r.customer_id,
      kind: r.kind,
      value: Number(r.value),
      productId: r.product_id,
      secret: Boolean(r.secret),
      issuedAt: r.issued_at,
      expiresAt: r.expires_at,
      redeemed: Boolean(r.redeemed),
    })),
  };
}

const HEADER = ['쿠폰코드', '할인유형', '할인값', '대상상품', '발급일시', '만료일시', '사용여부'];
const kst = (d: Date): string => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Every code of a campaign as CSV for registering in the shop (UTF-8 with BOM so Excel reads
 * Hangul; cells that could run as formulas neutralised). Customer ids are left out: the shop needs
 * the code, value and expiry.
 */
export async function couponsCsv(engine: Engine, campaignId: string): Promise<{ csv: string; rows: number }> {
  const { coupons } = await listIssuedCoupons(engine, campaignId, { limit: 1_000_000, offset: 0 });
  const line = (cells: readonly (string | number)[]) => toCsvLine(cells, { neutralizeFormulas: true });
  const body = coupons.map((c) =>
    line([
      c.code,
      c.kind === 'percent' ? '정률(%)' : '정액(원)',
      c.value,
      c.productId ?? '',
      kst(c.issuedAt),
      kst(c.expiresAt),
      c.redeemed ? '사용' : '미사용',
    ]),
  );
  return { csv: `\uFEFF${[line(HEADER), ...body].join('\r\n')}\r\n`, rows: coupons.length };
}

export interface CustomerCouponRow {
  readonly code: string;
  readonly campaignId: string;
  readonly campaignName: string | null;
  readonly kind: string;
  readonly value: number;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** First valid redemption, if any. */
  readonly redeemedAt: Date | null;
  /** `redeemed`, `expired` (at `now`, unused) or `live`. */
  readonly state: 'redeemed' | 'expired' | 'live';
}

/** Coupons issued to one customer, newest first (at most 50), with each campaign's current name. */
export async function listCustomerCoupons(engine: Engine, customerId: string, now: Date): Promise<CustomerCouponRow[]> {
  const d = engine.dialect;
  const rows = await engine.query<{
    code: string;
    campaign_id: string;
    kind: string;
    value: number;
    issued_at: Date;
    expires_at: Date;
    redeemed_at: Date | null;
  }>(
    compileBound(
      d,
      (b) => `SELECT k.code, k.campaign_id, k.kind, k.value, k.issued_at, k.expires_at, r.redeemed_at
      FROM coupons k
      LEFT JOIN (SELECT code, min(redeemed_at) AS redeemed_at FROM coupon_redemptions WHERE valid GROUP BY code) r
        ON r.code = k.code
      WHERE k.customer_id = ${b.p(customerId, 'string')}
      ORDER BY k.issued_at DESC, k.code LIMIT 50`,
    ),
  );
  const ids = [...new Set(rows.map((r) => r.campaign_id))];
  const names = new Map<string, string>();
  if (ids.length > 0)
    for (const h of await engine.query<{ campaign_id: string; name: string }>(
      compileBound(
        d,
        (b) => `SELECT campaign_id, name FROM campaigns WHERE campaign_id IN ${b.in(ids)} ORDER BY revision`,
      ),
    ))
      names.set(h.campaign_id, h.name);
  return rows.map((r) => ({
    code: r.code,
    campaignId: r.campaign_id,
    campaignName: names.get(r.campaign_id) ?? null,
    kind: r.kind,
    value: Number(r.value),
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    redeemedAt: r.redeemed_at ?? null,
    state: r.redeemed_at ? 'redeemed' : r.expires_at.getTime() <= now.getTime() ? 'expired' : 'live',
  }));
}
