import { translate } from '@dalbit/core/i18n/catalog';
import { presentCampaignReport } from '@dalbit/core/reports/campaign/present-campaign-report';
import { z } from 'zod';
import { findCampaign } from '../../campaigns/campaign-store.ts';
import { loadEffectivePolicy } from '../../campaigns/load-effective-policy.ts';
import { preflightCampaign } from '../../campaigns/preflight-campaign.ts';
import { previewCampaign } from '../../campaigns/preview-campaign.ts';
import { resolveCustomerOrThrow } from '../../consent/record-consent.ts';
import { CampaignReportError, loadCampaignReport } from '../../reports/campaign/load-campaign-report.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { maskEmail, maskPhone } from '../mask.ts';
import { sendJson } from '../send-json.ts';

const Id = z.object({ id: z.string().min(1).max(200) });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD (KST)');
const Lang = z.enum(['ko', 'en']).default('ko');
/** Preview codes are illustrative: the scheduler derives real ones from the brand's secret. */
const PREVIEW_COUPON_SECRET = 'preview';

/** Contact fields of a previewed message, masked (the preview is for reading the text). */
function maskContacts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskContacts);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (typeof v === 'string' && (k === 'to' || k === 'recipient' || k === 'phone'))
        return [k, v.includes('@') ? maskEmail(v) : maskPhone(v)];
      if (typeof v === 'string' && k === 'email') return [k, maskEmail(v)];
      return [k, maskContacts(v)];
    }),
  );
}

async function campaignOrThrow(deps: ApiDeps, id: string) {
  const s = await findCampaign(deps.engine, id);
  if (!s) throw new ApiError('NOT_FOUND', translate('ko', 'campaign.NOT_FOUND', { id }));
  return s;
}

export function campaignCheckRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/api/campaigns/{id}/preflight',
      tag: 'campaigns',
      access: 'read',
      summary:
        'Pre-flight over KST days [from, to] without sending: per channel, held out, blocked and deferred per reason with sample customers, sample messages, launch blockers',
      params: Id,
      body: z.object({ from: Day, to: Day, lang: Lang }),
      responses: {
        200: {
          description: 'Preflight (packages/server/src/campaigns/preflight-campaign.ts)',
          schema: z.record(z.string(), z.unknown()),
        },
        400: { description: 'CAMPAIGN_BAD_RANGE' },
        404: { description: 'no such campaign' },
      },
      handle: async ({ params, body, c }) => {
        await campaignOrThrow(deps, params.id);
        const { policy } = await loadEffectivePolicy(engine);
        return sendJson(c, await preflightCampaign(engine, { campaignId: params.id, ...body, policy }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/campaigns/{id}/preview',
      tag: 'campaigns',
      access: 'read',
      summary:
        "One customer's rendered message per channel and the guard's decision (customer by id, phone or email; contacts masked)",
      params: Id,
      body: z.object({
        customer: z.string().min(1).max(200),
        at: z.iso.datetime({ offset: true }).optional().describe('decide as of (default now)'),
      }),
      responses: {
        200: { description: 'CampaignPreview', schema: z.record(z.string(), z.unknown()) },
        404: { description: 'no such campaign or customer' },
      },
      handle: async ({ params, body, c }) => {
        const stored = await campaignOrThrow(deps, params.id);
        const customerId = await resolveCustomerOrThrow(engine, body.customer);
        const { policy } = await loadEffectivePolicy(engine);
        const p = await previewCampaign(engine, {
          campaign: stored.campaign,
          customerId,
          at: body.at ? new Date(body.at) : deps.now(),
          policy,
          couponSecret: PREVIEW_COUPON_SECRET,
        });
        if (!p)
          throw new ApiError('NOT_FOUND', translate('ko', 'campaign.CUSTOMER_NOT_FOUND', { query: body.customer }));
        return sendJson(c, maskContacts(p));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/campaigns/{id}/report',
      tag: 'campaigns',
      access: 'read',
      summary:
        'Campaign report: funnel per arm, lift against control with interval, verdict sentence, labels in `lang`, channels, daily trend',
      params: Id,
      query: z.object({
        windowDays: z.coerce.number().int().min(1).max(90).default(7),
        control: z.string().max(100).optional(),
        lang: Lang,
      }),
      responses: {
        200: {
          description:
            'CampaignReport (core/reports/campaign/build-campaign-report.ts) plus `presented` (present-campaign-report.ts)',
          schema: z.record(z.string(), z.unknown()),
        },
        404: { description: 'no such campaign' },
      },
      handle: async ({ params, query, c }) => {
        try {
          const report = await loadCampaignReport(engine, {
            campaignId: params.id,
            windowDays: query.windowDays,
            ...(query.control ? { control: query.control } : {}),
          });
          return sendJson(c, { ...report, presented: presentCampaignReport(report, query.lang) });
        } catch (e) {
          if (e instanceof CampaignReportError)
            throw new ApiError(
              e.code === 'UNKNOWN_CAMPAIGN' ? 'NOT_FOUND' : 'VALIDATION_FAILED',
              e.code === 'UNKNOWN_CAMPAIGN' ? translate('ko', 'campaign.NOT_FOUND', { id: params.id }) : e.message,
              [],
              { cause: e },
            );
          throw e;
        }
      },
    }),
  ];
}
