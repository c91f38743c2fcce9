import { LIFECYCLE_ACTIONS } from '@dalbit/core/campaigns/lifecycle';
import { translate } from '@dalbit/core/i18n/catalog';
import { z } from 'zod';
import { changeCampaignStatus } from '../../campaigns/campaign-lifecycle.ts';
import { loadEffectivePolicy } from '../../campaigns/load-effective-policy.ts';
import type { ApiDeps } from '../api-deps.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const SUMMARY = {
  launch: 'Launch a draft (an ad needs sender name, contact and 080 opt-out in settings: 409 SENDER_INFO_MISSING)',
  pause: 'Pause a running campaign (its messages still waiting in the outbox are cancelled)',
  resume: 'Resume a paused campaign (sender settings checked again for ads)',
  stop: 'Stop for good (pending messages cancelled; the report stays)',
  archive: 'Archive a draft, paused or stopped campaign (hidden from the list by default)',
} as const;

/** POST /api/campaigns/{id}/{launch|pause|resume|stop|archive}: one route per transition. */
export function campaignLifecycleRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  return LIFECYCLE_ACTIONS.map((action) =>
    defineRoute({
      method: 'post',
      path: `/api/campaigns/{id}/${action}`,
      tag: 'campaigns',
      access: 'campaign.launch',
      summary: SUMMARY[action],
      params: z.object({ id: z.string().min(1).max(200) }),
      responses: {
        200: {
          description: 'the new status',
          schema: z.object({
            campaignId: z.string(),
            from: z.string(),
            status: z.string(),
            statusLabel: z.string(),
            revision: z.number().int(),
            cancelled: z.number().int(),
          }),
        },
        404: { description: 'no such campaign' },
        409: {
          description:
            'CAMPAIGN_BAD_TRANSITION, or SENDER_INFO_MISSING with an issue per missing field at settings.sender.*',
        },
      },
      handle: async ({ params, c }) => {
        const { policy } = await loadEffectivePolicy(engine);
        const r = await changeCampaignStatus(engine, params.id, action, { at: deps.now(), policy });
        return sendJson(c, {
          campaignId: r.campaign.id,
          from: r.from,
          status: r.campaign.status,
          statusLabel: translate('ko', `campaign.status.${r.campaign.status}`),
          revision: r.revision,
          cancelled: r.cancelled,
        });
      },
    }),
  );
}
