import { createHmac } from 'node:crypto';
import type { IssuedCoupon } from '@dalbit/core/campaigns/build-message';
import { couponCodeFromBytes } from '@dalbit/core/campaigns/coupon-code';
import { type CouponSpec, formatCouponValue } from '@dalbit/core/campaigns/coupon-spec';
import { addKstDays, fromKst, toKst } from '@dalbit/core/time/kst';

/**
 * The customer's code for one firing of a campaign: HMAC-SHA256 under the brand's secret, so codes
 * are reproducible by us and unguessable by others. `attempt` > 0 only after a collision.
 */
export function couponCodeFor(input: {
  secret: string;
  campaignId: string;
  customerId: string;
  occurrence: string;
  prefix: string;
  attempt?: number;
}): string {
  const mac = createHmac('sha256', input.secret)
    .update([input.campaignId, input.customerId, input.occurrence, String(input.attempt ?? 0)].join('\u0000'))
    .digest();
  return couponCodeFromBytes(mac, { length: 10, prefix: input.prefix });
}

/** Expiry: the end (23:59:59 KST) of the `validDays`-th day counted from the send day. */
export function couponExpiry(sendAt: Date, spec: CouponSpec): Date {
  return new Date(fromKst(addKstDays(toKst(sendAt).dateKey, spec.validDays)).getTime() - 1000);
}

export function issuedCoupon(code: string, sendAt: Date, spec: CouponSpec): IssuedCoupon {
  return { code, expiresAt: couponExpiry(sendAt, spec), value: formatCouponValue(spec) };
}
