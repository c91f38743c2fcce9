import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { translate } from '@dalbit/core/i18n/catalog';
import { presentCampaignReport } from '@dalbit/core/reports/campaign/present-campaign-report';
import { z } from 'zod';
import { findCampaign } from '../../campaigns/campaign-store.ts';
import { checkCampaignDraft } from '../../campaigns/check-campaign-draft.ts';
import { loadEffectivePolicy } from '../../campaigns/load-effective-policy.ts';
import { preflightCampaign } from '../../campaigns/preflight-campaign.ts';
import { previewCampaign } from '../../campaigns/preview-campaign.ts';
import { resolveCustomerOrThrow } from '../../consent/record-consent.ts';
import { exportCampaignReport } from '../../reports/campaign/export-campaign-report.ts';
import { loadCampaignReport } from '../../reports/campaign/load-campaign-report.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { maskEmail, maskPhone } from '../mask.ts';
import { sendJson } from '../send-json.ts';

const Id = z.object({ id: z.string().min(1).max(200) });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, translate('ko', 'studio.check.day'));
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

const ReportQuery = z.object({
  windowDays: z.coerce.number().int().min(1).max(90).default(7),
  control: z.string().max(100).optional(),
  lang: Lang,
});
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The report of a campaign; an unknown campaign is a 404, a report that cannot be built a 400. */
async function loadReportOrThrow(deps: ApiDeps, id: string, q: { windowDays: number; control?: string | undefined }) {
  return await loadCampaignReport(deps.engine, {
    campaignId: id,
    windowDays: q.windowDays,
    ...(q.control ? { control: q.control } : {}),
  });
}

async function campaignOrThrow(deps: ApiDeps, id: string) {
  const s = await findCampaign(deps.engine, id);
  if (!s) throw new ApiError('NOT_FOUND', translate('ko', 'campaign.NOT_FOUND', { id }));
  return s;
}

function checkDraftRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
    method: 'post',
    path: '/api/campaigns/check',
    tag: 'campaigns',
    access: 'read',
    summary:
      "The composer's live check of an unsaved campaign: the issues a save would refuse (paths relative to the campaign, Korean), launch blockers (sender settings of an ad), and a customer's message per channel after the guard",
    body: z.object({
      campaign: z.record(z.string(), z.unknown()),
      customer: z.string().max(200).optional().describe('customer id, phone or email for the preview'),
      lang: Lang,
    }),
    bodyDoc: z.object({ campaign: CampaignDefinition, customer: z.string().optional(), lang: Lang }),
    responses: {
      200: {
        description: 'DraftCheck (packages/server/src/campaigns/check-campaign-draft.ts)',
        schema: z.record(z.string(), z.unknown()),
      },
    },
    handle: async ({ body, c }) => {
      const { policy } = await loadEffectivePolicy(engine);
      const now = deps.now();
      const check = await checkCampaignDraft(engine, {
        raw: body.campaign,
        customer: body.customer?.trim() || undefined,
        at: now,
        policy,
        couponSecret: PREVIEW_COUPON_SECRET,
        lang: body.lang,
      });
      return sendJson(c, { ...check, now: now.toISOString() });
    },
  });
}

function preflightRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
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
  });
}

function previewRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
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
      if (!p) throw new ApiError('NOT_FOUND', translate('ko', 'campaign.CUSTOMER_NOT_FOUND', { query: body.customer }));
      return sendJson(c, maskContacts(p));
    },
  });
}

function reportRoute(deps: ApiDeps): AnyRoute {
  return defineRoute({
    method: 'get',
    path: '/api/campaigns/{id}/report',
    tag: 'campaigns',
    access: 'read',
    summary:
      'Campaign report: funnel per arm, lift against control with interval, verdict sentence, labels in `lang`, channels, daily trend',
    params: Id,
    query: ReportQuery,
    responses: {
      200: {
        description:
          'CampaignReport (core/reports/campaign/build-campaign-report.ts) plus `presented` (present-campaign-report.ts)',
        schema: z.record(z.string(), z.unknown()),
      },
      404: { description: 'no such campaign' },
    },
    handle: async ({ params, query, c }) => {
      const report = await loadReportOrThrow(deps, params.id, query);
      return sendJson(c, { ...report, presented: presentCampaignReport(report, query.lang) });
    },
  });
}

function reportExportRoute(deps: ApiDeps): AnyRoute {
  return defineRoute({
    method: 'get',
    path: '/api/campaigns/{id}/report/export',
    tag: 'campaigns',
    access: 'read',
    summary: 'The campaign report as an XLSX (numbers as numbers) or CSV (UTF-8 with BOM) file, labels in `lang`',
    params: Id,
    query: ReportQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    responses: { 200: { description: 'the file (attachment)' }, 404: { description: 'no such campaign' } },
    handle: async ({ params, query, c }) => {
      const report = await loadReportOrThrow(deps, params.id, query);
      const dir = mkdtempSync(join(tmpdir(), 'dalbit-report-'));
      try {
        const out = join(dir, `report.${query.format}`);
        exportCampaignReport(report, { format: query.format, out, lang: query.lang, now: deps.now() });
        return c.body(readFileSync(out), 200, {
          'content-type': query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
          'content-disposition': `attachment; filename="campaign-${params.id.replace(/[^A-Za-z0-9_.-]/g, '_')}.${query.format}"`,
          'cache-control': 'no-store',
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });
}

export function campaignCheckRoutes(deps: ApiDeps): AnyRoute[] {
  return [checkDraftRoute(deps), preflightRoute(deps), previewRoute(deps), reportRoute(deps), reportExportRoute(deps)];
}
