import { NOTICE_STATES } from '@dalbit/core/compliance/reconfirmation-view';
import { z } from 'zod';
import { listCustomerCoupons } from '../../campaigns/list-coupons.ts';
import { loadEffectivePolicy } from '../../campaigns/load-effective-policy.ts';
import { customerReconfirmations } from '../../consent/reconfirmation-overview.ts';
import { findCustomer } from '../../identity/find-customer.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Notices = z.object({
  customerId: z.string(),
  asOf: z.iso.datetime(),
  reconfirmations: z.array(
    z.object({
      channel: z.string(),
      consentedAt: z.iso.datetime().nullable(),
      dueAt: z.iso.datetime(),
      state: z.enum(NOTICE_STATES),
      reason: z.string().nullable(),
    }),
  ),
  coupons: z.array(
    z.object({
      code: z.string(),
      campaignId: z.string(),
      campaignName: z.string().nullable(),
      kind: z.string(),
      value: z.number(),
      issuedAt: z.iso.datetime(),
      expiresAt: z.iso.datetime(),
      redeemedAt: z.iso.datetime().nullable(),
      state: z.enum(['redeemed', 'expired', 'live']),
    }),
  ),
});

/** The customer page's notices: two-year consent re-confirmations and their outcome, coupons issued. */
export function customerNoticeRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/customers/{id}/notices',
      tag: 'customers',
      access: 'read',
      summary:
        "One customer's consent re-confirmation notices (sent, waiting, not delivered, lapsed, due within 30 days) and the coupons issued to them (redeemed, expired, live); no contact values",
      params: z.object({ id: z.string().min(1).max(200).describe('customer id, phone, email or member key') }),
      responses: {
        200: { description: 'notices and coupons', schema: Notices },
        404: { description: 'no such customer' },
      },
      handle: async ({ params, c }) => {
        const found = await findCustomer(deps.engine, params.id);
        if (!found.found) throw new ApiError('NOT_FOUND', found.reason);
        const now = deps.now();
        const { policy } = await loadEffectivePolicy(deps.engine);
        const cycles = await customerReconfirmations(deps.engine, found.customerId, now, policy);
        const coupons = await listCustomerCoupons(deps.engine, found.customerId, now);
        return sendJson(c, {
          customerId: found.customerId,
          asOf: now.toISOString(),
          reconfirmations: cycles.map((e) => ({
            channel: e.channel,
            consentedAt: e.consentedAt,
            dueAt: e.dueAt,
            state: e.state,
            reason: e.reason,
          })),
          coupons: coupons.map((k) => ({
            ...k,
            issuedAt: k.issuedAt.toISOString(),
            expiresAt: k.expiresAt.toISOString(),
            redeemedAt: k.redeemedAt?.toISOString() ?? null,
          })),
        });
      },
    }),
  ];
}
