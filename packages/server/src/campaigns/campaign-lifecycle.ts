import { type CampaignStatus, isEditable, type LifecycleAction, nextStatus } from '@dalbit/core/campaigns/lifecycle';
import { type CampaignDefinition, CampaignDefinition as CampaignSchema } from '@dalbit/core/campaigns/schema';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import { zodKorean } from '@dalbit/core/i18n/zod-korean';
import type { Engine } from '../engines/engine.ts';
import { findCampaign, saveCampaign } from './campaign-store.ts';
import { cancelPendingMessages } from './cancel-pending.ts';
import { missingSenderFields } from './compliance-settings.ts';
import { campaignIssueCode } from './issue-code.ts';
import { AudienceError, checkAudience } from './resolve-audience.ts';

export interface SavedCampaign {
  readonly campaign: CampaignDefinition;
  readonly revision: number;
}

const ko = (key: MessageKey, params?: Record<string, string | number>) => translate('ko', key, params);

function notFound(id: string): DalbitError {
  return new DalbitError({ code: 'CAMPAIGN_NOT_FOUND', kind: 'not_found', message: ko('campaign.NOT_FOUND', { id }) });
}

/** Validates untrusted JSON into a campaign: every problem with its path under `body`, nothing saved. */
export function parseCampaignOrThrow(raw: unknown): CampaignDefinition {
  const r = CampaignSchema.safeParse(raw, { error: zodKorean });
  if (r.success) return r.data;
  throw new DalbitError({
    code: 'CAMPAIGN_INVALID',
    kind: 'invalid_input',
    message: ko('campaign.INVALID', { count: r.error.issues.length }),
    issues: r.error.issues.map((i) => ({
      path: ['body', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      message: i.message,
      code: campaignIssueCode(i),
    })),
  });
}

async function audienceOrThrow(engine: Engine, c: CampaignDefinition): Promise<void> {
  try {
    await checkAudience(engine, c.audience);
  } catch (e) {
    if (!(e instanceof AudienceError)) throw e;
    throw new DalbitError({
      code: 'CAMPAIGN_AUDIENCE_INVALID',
      kind: 'invalid_input',
      message: ko('campaign.AUDIENCE_INVALID', { detail: e.message }),
      issues: [{ path: ['body', 'audience'], message: e.message, code: 'AUDIENCE_INVALID' }],
      cause: e,
    });
  }
}

/**
 * Stores a campaign definition after validation and an audience check. `mode: 'create'` refuses an
 * existing id (409); `'upsert'` (the CLI's `campaign create`) appends a revision either way.
 */
export async function saveCampaignDefinition(
  engine: Engine,
  raw: unknown,
  opts: { at: Date; mode: 'create' | 'upsert' },
): Promise<SavedCampaign> {
  const campaign = parseCampaignOrThrow(raw);
  if (opts.mode === 'create' && (await findCampaign(engine, campaign.id)))
    throw new DalbitError({
      code: 'CAMPAIGN_EXISTS',
      kind: 'conflict',
      message: ko('campaign.EXISTS', { id: campaign.id }),
      issues: [{ path: ['body', 'id'], message: ko('campaign.EXISTS', { id: campaign.id }) }],
    });
  await audienceOrThrow(engine, campaign);
  return { campaign, revision: await saveCampaign(engine, campaign, opts.at) };
}

/**
 * A new revision of an existing campaign. Its status is kept (a running campaign keeps running on
 * the new revision); touches already planned stay recorded under the revision they were made with
 * (`campaign_exposures.campaign_revision`) and are never re-sent (idempotency keys).
 */
export async function reviseCampaign(engine: Engine, id: string, raw: unknown, at: Date): Promise<SavedCampaign> {
  const current = await findCampaign(engine, id);
  if (!current) throw notFound(id);
  if (!isEditable(current.campaign.status))
    throw new DalbitError({
      code: 'CAMPAIGN_NOT_EDITABLE',
      kind: 'conflict',
      message: ko('campaign.NOT_EDITABLE', { status: ko(`campaign.status.${current.campaign.status}`) }),
    });
  const body = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (body.id !== undefined && body.id !== id)
    throw new DalbitError({
      code: 'CAMPAIGN_ID_MISMATCH',
      kind: 'invalid_input',
      message: ko('campaign.ID_MISMATCH', { id, body: String(body.id) }),
      issues: [{ path: ['body', 'id'], message: ko('campaign.ID_MISMATCH', { id, body: String(body.id) }) }],
    });
  const campaign = parseCampaignOrThrow({ ...body, id, status: current.campaign.status });
  await audienceOrThrow(engine, campaign);
  return { campaign, revision: await saveCampaign(engine, campaign, at) };
}

/** A copy under a new id, as a draft (nothing it sent is copied). */
export async function duplicateCampaign(
  engine: Engine,
  id: string,
  copy: { newId: string; name?: string | undefined },
  at: Date,
): Promise<SavedCampaign> {
  const current = await findCampaign(engine, id);
  if (!current) throw notFound(id);
  const name = copy.name ?? `${current.campaign.name} (복사본)`;
  return saveCampaignDefinition(
    engine,
    { ...current.campaign, id: copy.newId, name, status: 'draft' },
    { at, mode: 'create' },
  );
}

/** Why an ad cannot go out yet (empty when it can): the sender fields the settings lack. */
export function launchBlockers(c: CampaignDefinition, policy: CompliancePolicy): string[] {
  if (c.purpose !== 'ad') return [];
  return missingSenderFields(policy).map((f) => ko(`campaign.sender.${f}`));
}

export interface StatusChange extends SavedCampaign {
  readonly from: CampaignStatus;
  /** Pending messages (not yet handed to a provider) cancelled by a pause or stop. */
  readonly cancelled: number;
}

/**
 * Launch, pause, resume, stop or archive: checks the transition, and for launch/resume of an ad the
 * sender settings (409 SENDER_INFO_MISSING naming the fields and where to set them). A pause or
 * stop cancels the campaign's messages still waiting in the outbox.
 */
export async function changeCampaignStatus(
  engine: Engine,
  id: string,
  action: LifecycleAction,
  opts: { at: Date; policy: CompliancePolicy },
): Promise<StatusChange> {
  const current = await findCampaign(engine, id);
  if (!current) throw notFound(id);
  const from = current.campaign.status;
  const next = nextStatus(from, action);
  if (!next.ok)
    throw new DalbitError({
      code: 'CAMPAIGN_BAD_TRANSITION',
      kind: 'conflict',
      message: ko('campaign.BAD_TRANSITION', {
        status: ko(`campaign.status.${from}`),
        action: ko(`campaign.action.${action}`),
        allowed: next.allowedFrom.map((s) => ko(`campaign.status.${s}`)).join(', '),
      }),
      data: { from, action },
    });
  if (action === 'launch' || action === 'resume') {
    const missing = launchBlockers(current.campaign, opts.policy);
    if (missing.length > 0)
      throw new DalbitError({
        code: 'SENDER_INFO_MISSING',
        kind: 'conflict',
        message: ko('campaign.SENDER_INFO_MISSING', { missing: missing.join(', ') }),
        issues: missingSenderFields(opts.policy).map((f) => ({
          path: ['settings', 'sender', f],
          message: ko(`campaign.sender.${f}`),
          code: 'SENDER_INFO_MISSING',
        })),
        data: { fixAt: '/settings' },
      });
    await audienceOrThrow(engine, current.campaign);
  }
  const campaign = { ...current.campaign, status: next.status };
  return engine.transaction(async (tx) => {
    const revision = await saveCampaign(tx, campaign, opts.at);
    const cancelled =
      action === 'pause' || action === 'stop'
        ? await cancelPendingMessages(tx, id, action === 'pause' ? 'CAMPAIGN_PAUSED' : 'CAMPAIGN_STOPPED', opts.at)
        : 0;
    return { campaign, revision, from, cancelled };
  });
}
