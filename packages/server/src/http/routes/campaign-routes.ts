import { HOLDOUT_ARM } from '@dalbit/core/campaigns/arms';
import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { translate } from '@dalbit/core/i18n/catalog';
import { findRecipe } from '@dalbit/core/segments/recipes/index';
import { z } from 'zod';
import { duplicateCampaign, reviseCampaign, saveCampaignDefinition } from '../../campaigns/campaign-lifecycle.ts';
import { readCampaignStatus } from '../../campaigns/campaign-status.ts';
import { findCampaign, listCampaigns } from '../../campaigns/campaign-store.ts';
import { listCampaignVersions } from '../../campaigns/campaign-versions.ts';
import { loadCampaignReport } from '../../reports/campaign/load-campaign-report.ts';
import { listSegments } from '../../segments/segment-store.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const Id = z.object({ id: z.string().min(1).max(200) });

const Summary = z.object({
  campaignId: z.string(),
  name: z.string(),
  purpose: z.enum(['ad', 'info']),
  status: z.string(),
  statusLabel: z.string(),
  channel: z.string(),
  trigger: z.string(),
  audience: z.string(),
  audienceKind: z.enum(['all', 'segment', 'recipe', 'definition']),
  /** The saved segment's name, the recipe's Korean title; null for everyone or inline conditions. */
  audienceName: z.string().nullable(),
  holdoutPercent: z.number(),
  priority: z.number().int().describe('higher wins a frequency-cap collision'),
  arms: z.number().int(),
  revision: z.number().int(),
  createdAt: z.iso.datetime(),
  lastSendAt: z.iso.datetime().nullable(),
  messages: z.array(z.object({ status: z.string(), reason: z.string().nullable(), count: z.number().int() })),
  exposures: z.array(z.object({ arm: z.string(), count: z.number().int(), withMessage: z.number().int() })),
  /** From the campaign report (default attribution window): customers reached so far incl. the holdout, */
  /** messages accepted by a provider, and customers of the sent arms who bought within the window. */
  targeted: z.number().int(),
  sent: z.number().int(),
  converted: z.number().int(),
});
type Summary = z.infer<typeof Summary>;

/** Reached, sent and converted (sent arms) from the campaign report; zeros before the first send. */
async function outcomeOf(deps: ApiDeps, id: string, exposed: boolean) {
  if (!exposed) return { targeted: 0, sent: 0, converted: 0 };
  const r = await loadCampaignReport(deps.engine, { campaignId: id });
  const sum = (k: 'targeted' | 'sent' | 'converted', arms = r.funnel) => arms.reduce((n, a) => n + a[k], 0);
  return {
    targeted: sum('targeted'),
    sent: sum('sent'),
    converted: sum(
      'converted',
      r.funnel.filter((a) => a.arm !== HOLDOUT_ARM),
    ),
  };
}

/** One row of the campaign list. */
async function summaryOf(
  deps: ApiDeps,
  s: Awaited<ReturnType<typeof listCampaigns>>[number],
  segmentNames: ReadonlyMap<string, string>,
): Promise<Summary> {
  const k = s.campaign;
  const status = await readCampaignStatus(deps.engine, k.id);
  const a = k.audience;
  return {
    campaignId: k.id,
    name: k.name,
    purpose: k.purpose,
    status: k.status,
    statusLabel: statusLabel(k.status),
    channel: k.channel,
    trigger: k.trigger.kind,
    audience: a.kind === 'segment' ? a.segmentId : a.kind === 'recipe' ? a.recipe : a.kind,
    audienceKind: a.kind,
    audienceName:
      a.kind === 'segment'
        ? (segmentNames.get(a.segmentId) ?? a.segmentId)
        : a.kind === 'recipe'
          ? (findRecipe(a.recipe)?.title.ko ?? a.recipe)
          : null,
    holdoutPercent: k.experiment.holdoutPercent,
    priority: k.priority,
    arms: Math.max(1, k.experiment.variants.length),
    revision: s.revision,
    createdAt: s.createdAt.toISOString(),
    lastSendAt: status.lastPlannedAt?.toISOString() ?? null,
    messages: [...status.messages],
    exposures: [...status.exposures],
    ...(await outcomeOf(deps, k.id, status.exposures.length > 0)),
  };
}

const Saved = z.object({ campaign: z.record(z.string(), z.unknown()), revision: z.number().int() });
/** What create/edit accept: a campaign definition (validated in full, with paths, by the handler). */
const CampaignBody = z.record(z.string(), z.unknown());

const statusLabel = (s: string) => translate('ko', `campaign.status.${s}` as 'campaign.status.draft');

function listRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
    method: 'get',
    path: '/api/campaigns',
    tag: 'campaigns',
    access: 'read',
    summary: 'Campaigns with status, audience, split, last send and message counts by status and reason',
    query: z.object({ includeArchived: z.enum(['true', 'false']).default('false') }),
    responses: { 200: { description: 'campaigns', schema: z.object({ campaigns: z.array(Summary) }) } },
    handle: async ({ query, c }) => {
      const stored = (await listCampaigns(engine)).filter(
        (s) => query.includeArchived === 'true' || s.campaign.status !== 'archived',
      );
      const names = new Map((await listSegments(engine)).map((g) => [g.segmentId, g.name]));
      const campaigns = [];
      for (const s of stored) campaigns.push(await summaryOf(deps, s, names));
      return sendJson(c, { campaigns });
    },
  });
}

function getRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
    method: 'get',
    path: '/api/campaigns/{id}',
    tag: 'campaigns',
    access: 'read',
    summary: 'The current revision of one campaign',
    params: Id,
    responses: {
      200: {
        description: 'campaign',
        schema: Saved.extend({
          createdAt: z.iso.datetime(),
          statusLabel: z.string(),
          now: z.iso.datetime().describe("the server's clock (the dashboard's default pre-flight day)"),
        }),
      },
      404: { description: 'no such campaign' },
    },
    handle: async ({ params, c }) => {
      const s = await findCampaign(engine, params.id);
      if (!s) throw new ApiError('NOT_FOUND', translate('ko', 'campaign.NOT_FOUND', { id: params.id }));
      return sendJson(c, {
        campaign: s.campaign,
        revision: s.revision,
        createdAt: s.createdAt,
        statusLabel: statusLabel(s.campaign.status),
        now: deps.now().toISOString(),
      });
    },
  });
}

function createRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
    method: 'post',
    path: '/api/campaigns',
    tag: 'campaigns',
    access: 'campaign.write',
    summary: 'Create a campaign (a draft unless `status` says otherwise); 409 when the id exists',
    body: CampaignBody,
    bodyDoc: CampaignDefinition,
    responses: {
      201: { description: 'saved', schema: Saved },
      400: { description: 'CAMPAIGN_INVALID / CAMPAIGN_AUDIENCE_INVALID with issues per field' },
      409: { description: 'CAMPAIGN_EXISTS' },
    },
    handle: async ({ body, c }) => {
      const raw = { status: 'draft', ...body };
      const saved = await saveCampaignDefinition(engine, raw, { at: deps.now(), mode: 'create' });
      return sendJson(c, saved, 201);
    },
  });
}

function editRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
    method: 'put',
    path: '/api/campaigns/{id}',
    tag: 'campaigns',
    access: 'campaign.write',
    summary: 'Edit: a new revision (status kept; a running campaign runs on it; what was sent stays with its revision)',
    params: Id,
    body: CampaignBody,
    bodyDoc: CampaignDefinition,
    responses: {
      200: { description: 'saved', schema: Saved },
      400: { description: 'CAMPAIGN_INVALID with issues per field' },
      404: { description: 'no such campaign' },
      409: { description: 'CAMPAIGN_NOT_EDITABLE (stopped or archived)' },
    },
    handle: async ({ params, body, c }) => sendJson(c, await reviseCampaign(engine, params.id, body, deps.now())),
  });
}

function duplicateRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
    method: 'post',
    path: '/api/campaigns/{id}/duplicate',
    tag: 'campaigns',
    access: 'campaign.write',
    summary: 'Copy a campaign under a new id as a draft',
    params: Id,
    body: z.object({ newId: z.string().min(1).max(80), name: z.string().min(1).max(200).optional() }),
    responses: {
      201: { description: 'the copy', schema: Saved },
      404: { description: 'no such campaign' },
      409: { description: 'CAMPAIGN_EXISTS' },
    },
    handle: async ({ params, body, c }) =>
      sendJson(c, await duplicateCampaign(engine, params.id, body, deps.now()), 201),
  });
}

function versionsRoute(deps: ApiDeps): AnyRoute {
  const { engine } = deps;
  return defineRoute({
    method: 'get',
    path: '/api/campaigns/{id}/versions',
    tag: 'campaigns',
    access: 'read',
    summary: 'Every revision with its status and the touches planned under it (sent stays with its revision)',
    params: Id,
    responses: {
      200: {
        description: 'revisions, newest first',
        schema: z.object({
          versions: z.array(
            z.object({
              revision: z.number().int(),
              status: z.string(),
              name: z.string(),
              createdAt: z.iso.datetime(),
              exposures: z.number().int(),
              messages: z.number().int(),
            }),
          ),
        }),
      },
      404: { description: 'no such campaign' },
    },
    handle: async ({ params, c }) => {
      if (!(await findCampaign(engine, params.id)))
        throw new ApiError('NOT_FOUND', translate('ko', 'campaign.NOT_FOUND', { id: params.id }));
      return sendJson(c, { versions: await listCampaignVersions(engine, params.id) });
    },
  });
}

export function campaignRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    listRoute(deps),
    getRoute(deps),
    createRoute(deps),
    editRoute(deps),
    duplicateRoute(deps),
    versionsRoute(deps),
  ];
}
