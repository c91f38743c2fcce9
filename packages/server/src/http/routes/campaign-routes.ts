import { z } from 'zod';
import { readCampaignStatus } from '../../campaigns/campaign-status.ts';
import { listCampaigns } from '../../campaigns/campaign-store.ts';
import { CampaignReportError, loadCampaignReport } from '../../reports/campaign/load-campaign-report.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Summary = z.object({
  campaignId: z.string(),
  name: z.string(),
  purpose: z.enum(['ad', 'info']),
  status: z.string(),
  channel: z.string(),
  trigger: z.string(),
  revision: z.number().int(),
  createdAt: z.iso.datetime(),
  messages: z.array(z.object({ status: z.string(), reason: z.string().nullable(), count: z.number().int() })),
});

export function campaignRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/campaigns',
      tag: 'campaigns',
      access: 'read',
      summary: 'Campaigns with their message counts by status and reason',
      responses: { 200: { description: 'campaigns', schema: z.object({ campaigns: z.array(Summary) }) } },
      handle: async ({ c }) => {
        const stored = await listCampaigns(engine);
        const campaigns = [];
        for (const s of stored) {
          const status = await readCampaignStatus(engine, s.campaign.id);
          campaigns.push({
            campaignId: s.campaign.id,
            name: s.campaign.name,
            purpose: s.campaign.purpose,
            status: s.campaign.status,
            channel: s.campaign.channel,
            trigger: s.campaign.trigger.kind,
            revision: s.revision,
            createdAt: s.createdAt,
            messages: status.messages,
          });
        }
        return sendJson(c, { campaigns });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/campaigns/{id}/report',
      tag: 'campaigns',
      access: 'read',
      summary: 'Campaign report: funnel per arm, lift against control with interval, verdict, channels, daily trend',
      params: z.object({ id: z.string().min(1).max(200) }),
      query: z.object({
        windowDays: z.coerce.number().int().min(1).max(90).default(7),
        control: z.string().max(100).optional(),
      }),
      responses: {
        200: {
          description: 'CampaignReport (packages/core/src/reports/campaign/build-campaign-report.ts)',
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
          return sendJson(c, report);
        } catch (e) {
          if (e instanceof CampaignReportError)
            throw new ApiError(e.code === 'UNKNOWN_CAMPAIGN' ? 'NOT_FOUND' : 'VALIDATION_FAILED', e.message, [], {
              cause: e,
            });
          throw e;
        }
      },
    }),
  ];
}
