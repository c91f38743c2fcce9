import { toCsvLine } from '@dalbit/core/export/csv';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';

/**
 * Who should get the campaign's coupon in a Cafe24 shop: the shop's member id of every customer
 * holding a live code (not expired at `now`, not redeemed), once per member. Customers with a live
 * code but no Cafe24 membership are counted, not listed (a Cafe24 coupon can only go to a member).
 * Decision 0022 explains the two shapes built from it.
 */
export interface Cafe24CouponTargets {
  readonly members: readonly { readonly memberId: string; readonly code: string; readonly expiresAt: Date }[];
  readonly withoutMemberId: number;
}

export async function cafe24CouponTargets(engine: Engine, campaignId: string, now: Date): Promise<Cafe24CouponTargets> {
  const rows = await engine.query<{ customer_id: string; code: string; expires_at: Date; member_id: string | null }>(
    compileBound(
      engine.dialect,
      (b) => `SELECT k.customer_id, k.code, k.expires_at, m.member_id
      FROM coupons k
      LEFT JOIN (SELECT customer_id, max(member_id) AS member_id FROM customer_channels
        WHERE channel = 'cafe24' AND member_id IS NOT NULL GROUP BY customer_id) m ON m.customer_id = k.customer_id
      WHERE k.campaign_id = ${b.p(campaignId, 'string')} AND k.expires_at > ${b.p(now, 'timestamp')}
        AND k.code NOT IN (SELECT r.code FROM coupon_redemptions r WHERE r.valid)
      ORDER BY k.issued_at, k.code`,
    ),
  );
  const seen = new Set<string>();
  const members: { memberId: string; code: string; expiresAt: Date }[] = [];
  let withoutMemberId = 0;
  for (const r of rows) {
    if (!r.member_id) {
      withoutMemberId++;
      continue;
    }
    if (seen.has(r.member_id)) continue;
    seen.add(r.member_id);
    members.push({ memberId: r.member_id, code: r.code, expiresAt: r.expires_at });
  }
  return { members, withoutMemberId };
}

/** Header of the member column in Cafe24's "엑셀 등록 발급" (issue to members listed in a file). */
export const CAFE24_MEMBER_COLUMN = '회원아이디';

/**
 * The member file for Cafe24 admin → 쿠폰 발급 → 대상자 지정 발급 → 엑셀 등록 발급: one member id a line
 * under `회원아이디`, UTF-8 with BOM (Excel opens Hangul), CRLF.
 */
export function cafe24MembersCsv(t: Cafe24CouponTargets): string {
  const line = (cell: string) => toCsvLine([cell], { neutralizeFormulas: true });
  return `\uFEFF${[line(CAFE24_MEMBER_COLUMN), ...t.members.map((m) => line(m.memberId))].join('\r\n')}\r\n`;
}

/**
 * The same members as request bodies of Cafe24's Admin API `POST /api/v2/admin/coupons/{coupon_no}/issues`
 * (one member a request: `issued_member_scope` M, `member_id`, no duplicate issue, no Cafe24 SMS).
 */
export function cafe24IssueRequests(t: Cafe24CouponTargets, couponNo: string | null, shopNo = 1) {
  return {
    method: 'POST',
    path: `/api/v2/admin/coupons/${couponNo ?? '{coupon_no}'}/issues`,
    requests: t.members.map((m) => ({
      shop_no: shopNo,
      request: {
        issued_member_scope: 'M',
        member_id: m.memberId,
        allow_duplication: 'F',
        single_issue_per_once: 'T',
        send_sms_for_issue: 'F',
      },
    })),
    withoutMemberId: t.withoutMemberId,
  };
}
