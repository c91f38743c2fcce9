import { CouponSpec } from '@dalbit/core/campaigns/coupon-spec';
import { translate } from '@dalbit/core/i18n/catalog';
import { z } from 'zod';
import { reviseCampaign } from '../../campaigns/campaign-lifecycle.ts';
import { findCampaign } from '../../campaigns/campaign-store.ts';
import { couponsCsv, listIssuedCoupons } from '../../campaigns/list-coupons.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Id = z.object({ id: z.string().min(1).max(200) });

export function couponRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
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
          schema: z.object({ total: z.number().int(), coupons: z.array(z.record(z.string(), z.unknown())) }),
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
  ];
}
