import { CouponSpec } from '@dalbit/core/campaigns/coupon-spec';
import { translate } from '@dalbit/core/i18n/catalog';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { cafe24CouponTargets, cafe24IssueRequests, cafe24MembersCsv } from '../../campaigns/cafe24-coupon-export.ts';
import { reviseCampaign } from '../../campaigns/campaign-lifecycle.ts';
import { findCampaign } from '../../campaigns/campaign-store.ts';
import { couponsCsv, listIssuedCoupons } from '../../campaigns/list-coupons.ts';
import { appendAccessLog } from '../access-log.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { actorOf, clientIp } from '../caller.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Id = z.object({ id: z.string().min(1).max(200) });

const Cafe24Export = z
  .object({
    /** `members-csv`: the admin's Excel issue file; `api-json`: Admin API issue requests. */
    format: z.enum(['members-csv', 'api-json']),
    reason: z.string().trim().min(2).max(500),
    /** The shop's coupon number to put in the API path (else `{coupon_no}`). */
    couponNo: z
      .string()
      .regex(/^\d{1,20}$/)
      .optional(),
  })
  .strict();

export function couponRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const trustedProxy = (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy;
  const existing = async (id: string) => {
    const s = await findCampaign(engine, id);
    if (!s) throw new ApiError('NOT_FOUND', translate('ko', 'campaign.NOT_FOUND', { id }));
    return s;
  };
  return [
    defineRoute({
      method: 'put',
      path: '/api/campaigns/{id}/coupon',
      tag: 'coupons',
      access: 'campaign.write',
      summary:
        "Set (or with `null` remove) the campaign's coupon: unique codes per customer, value, validity, budget, secret product — a new revision",
      params: Id,
      body: z.object({ coupon: CouponSpec.nullable() }),
      responses: {
        200: { description: 'saved', schema: z.object({ revision: z.number().int(), coupon: z.unknown() }) },
        400: { description: 'CAMPAIGN_INVALID (e.g. a template uses coupon.code without a coupon)' },
        404: { description: 'no such campaign' },
      },
      handle: async ({ params, body, c }) => {
        const s = await existing(params.id);
        const { coupon: _old, ...rest } = s.campaign;
        const next = body.coupon ? { ...rest, coupon: body.coupon } : rest;
        const saved = await reviseCampaign(engine, params.id, next, deps.now());
        return sendJson(c, { revision: saved.revision, coupon: saved.campaign.coupon ?? null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/campaigns/{id}/coupons',
      tag: 'coupons',
      access: 'read',
      summary: 'Coupon codes the campaign issued, with redemption',
      params: Id,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      responses: {
        200: {
          description: 'codes',
          schema: z.object({
            total: z.number().int(),
            redeemed: z.number().int(),
            coupons: z.array(z.record(z.string(), z.unknown())),
          }),
        },
        404: { description: 'no such campaign' },
      },
      handle: async ({ params, query, c }) => {
        await existing(params.id);
        return sendJson(c, await listIssuedCoupons(engine, params.id, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/campaigns/{id}/coupons/export',
      tag: 'coupons',
      access: 'read',
      summary: 'Every issued code as CSV (UTF-8 with BOM) for registering in the shop',
      params: Id,
      responses: { 200: { description: 'text/csv' }, 404: { description: 'no such campaign' } },
      handle: async ({ params, c }) => {
        await existing(params.id);
        const { csv } = await couponsCsv(engine, params.id);
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="coupons-${encodeURIComponent(params.id)}.csv"`,
          'cache-control': 'no-store',
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/campaigns/{id}/coupons/cafe24',
      tag: 'coupons',
      access: 'pii.unmask',
      summary:
        "The Cafe24 members holding a live code of the campaign, in Cafe24's shapes: the member-id file of the admin's Excel issue, or Admin API issue requests (reason required, access-logged)",
      description:
        'Only customers with a Cafe24 membership and a code neither expired nor redeemed; the others are counted (`x-dalbit-without-member-id`). Decision 0022.',
      params: Id,
      body: Cafe24Export,
      responses: {
        200: { description: 'text/csv (members-csv) or JSON (api-json)' },
        403: { description: 'the role may not export personal data' },
        404: { description: 'no such campaign' },
      },
      handle: async ({ params, body, c }) => {
        await existing(params.id);
        const now = deps.now();
        const t = await cafe24CouponTargets(engine, params.id, now);
        await appendAccessLog(engine, {
          actor: actorOf(c, trustedProxy),
          action: 'coupon_cafe24_export',
          subject: `campaign:${params.id} members:${t.members.length} format:${body.format}`,
          reason: body.reason,
          origin: clientIp(c, trustedProxy),
          at: now,
        });
        const counts = {
          'x-dalbit-members': String(t.members.length),
          'x-dalbit-without-member-id': String(t.withoutMemberId),
          'cache-control': 'no-store',
        };
        const name = `cafe24-coupon-${encodeURIComponent(params.id)}`;
        if (body.format === 'api-json')
          return c.body(JSON.stringify(cafe24IssueRequests(t, body.couponNo ?? null), null, 2), 200, {
            ...counts,
            'content-type': 'application/json; charset=utf-8',
            'content-disposition': `attachment; filename="${name}-requests.json"`,
          });
        return c.body(cafe24MembersCsv(t), 200, {
          ...counts,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}-members.csv"`,
        });
      },
    }),
  ];
}
