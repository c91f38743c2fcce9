import { translate } from '@dalbit/core/i18n/catalog';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { reviseCampaign } from '../../campaigns/campaign-lifecycle.ts';
import { findCampaign } from '../../campaigns/campaign-store.ts';
import { appendAccessLog } from '../access-log.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { actorOf, clientIp } from '../caller.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

/** The range the campaign schema accepts (`CampaignDefinition.priority`). */
export const PRIORITY_MIN = 0;
export const PRIORITY_MAX = 1000;

/**
 * PUT /api/campaigns/{id}/priority: only the priority (higher wins a frequency-cap collision), as a
 * new revision like any other edit, and access-logged with the old and new value. The settings
 * page's "캠페인 우선순위" section saves through it.
 */
export function campaignPriorityRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const trustedProxy = (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy;
  return [
    defineRoute({
      method: 'put',
      path: '/api/campaigns/{id}/priority',
      tag: 'campaigns',
      access: 'campaign.launch',
      summary: "Change only a campaign's priority (higher wins a frequency-cap collision): a new revision",
      params: z.object({ id: z.string().min(1).max(200) }),
      body: z.object({ priority: z.number().int().min(PRIORITY_MIN).max(PRIORITY_MAX) }).strict(),
      responses: {
        200: {
          description: 'saved',
          schema: z.object({ campaignId: z.string(), priority: z.number().int(), revision: z.number().int() }),
        },
        400: { description: 'VALIDATION_FAILED: not an integer from 0 to 1000 (issue at body.priority)' },
        404: { description: 'no such campaign' },
        409: { description: 'CAMPAIGN_NOT_EDITABLE (stopped or archived)' },
      },
      handle: async ({ params, body, c }) => {
        const s = await findCampaign(engine, params.id);
        if (!s) throw new ApiError('NOT_FOUND', translate('ko', 'campaign.NOT_FOUND', { id: params.id }));
        const from = s.campaign.priority;
        if (from === body.priority) return sendJson(c, { campaignId: params.id, priority: from, revision: s.revision });
        const at = deps.now();
        const saved = await reviseCampaign(engine, params.id, { ...s.campaign, priority: body.priority }, at);
        await appendAccessLog(engine, {
          actor: actorOf(c, trustedProxy),
          action: 'campaign.priority',
          subject: `campaign:${params.id}`,
          reason: `${from} -> ${body.priority} (revision ${saved.revision})`,
          origin: clientIp(c, trustedProxy),
          at,
        });
        return sendJson(c, { campaignId: params.id, priority: saved.campaign.priority, revision: saved.revision });
      },
    }),
  ];
}
