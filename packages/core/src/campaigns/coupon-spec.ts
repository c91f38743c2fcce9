import { z } from 'zod';
import { translate } from '../i18n/catalog.ts';

/**
 * A coupon issued with each message: one unique code per customer and occurrence.
 * `budget` caps how many codes the campaign issues (messages past it are blocked, not sent
 * without their coupon). `perCustomer` caps how many codes one customer receives in all; a customer
 * never holds two live (unexpired, unredeemed) codes of the same coupon (`coupon-limit.ts`).
 * `secret`: valid for one product only, issued once per customer ever, and never while the
 * customer holds another unexpired secret coupon.
 */
export const CouponSpec = z
  .object({
    kind: z.enum(['amount', 'percent']),
    /** KRW for `amount`, 1–100 for `percent`. */
    value: z.number().int().positive(),
    validDays: z.number().int().min(1).max(366),
    budget: z.number().int().min(1).optional(),
    perCustomer: z.number().int().min(1).max(100).optional(),
    prefix: z
      .string()
      .regex(/^[A-Z0-9]{0,8}$/)
      .default(''),
    secret: z.object({ productId: z.string().min(1).max(200) }).optional(),
  })
  .refine((c) => c.kind !== 'percent' || c.value <= 100, {
    path: ['value'],
    message: translate('ko', 'studio.check.percent'),
  });
export type CouponSpec = z.infer<typeof CouponSpec>;

/** `5,000원` or `10%` for templates (`coupon.value`). */
export function formatCouponValue(spec: CouponSpec): string {
  return spec.kind === 'percent' ? `${spec.value}%` : `${spec.value.toLocaleString('en-US')}원`;
}
