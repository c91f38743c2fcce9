import type { DraftCheck } from '@dalbit/core/campaigns/draft-check';
import { request } from './client.ts';

export type { DraftCheck, DraftIssue, PreviewChannel } from '@dalbit/core/campaigns/draft-check';

export interface SavedCampaign {
  readonly campaign: Record<string, unknown> & { id: string; name: string; status: string };
  readonly revision: number;
}

export interface PreflightReason {
  readonly reason: string;
  readonly label: string;
  readonly count: number;
  readonly sampleCustomerIds: readonly string[];
}

export interface Preflight {
  readonly from: string;
  readonly to: string;
  readonly totals: { touches: number; queued: number; deferred: number; blocked: number; holdout: number };
  readonly channels: readonly { channel: string; queued: number; deferred: number; blocked: number }[];
  readonly blocked: readonly PreflightReason[];
  readonly deferred: readonly PreflightReason[];
  readonly days: readonly { date: string; queued: number; deferred: number; blocked: number; holdout: number }[];
  readonly samples: readonly { customerId: string; channel: string; arm: string; dueAt: string; text: string }[];
  /** Other running campaigns whose ads take this campaign's cap slots when planned together. */
  readonly collisions: readonly { campaignId: string; name: string; count: number; sampleCustomerIds: string[] }[];
  readonly launchBlockers: readonly { code: string; message: string; fixAt: string }[];
}

export type LifecycleAction = 'launch' | 'pause' | 'resume' | 'stop' | 'archive';

const at = (id: string, tail = '') => `/api/campaigns/${encodeURIComponent(id)}${tail}`;

/** POST /api/campaigns/check — the live check and preview of an unsaved campaign. */
export const checkDraft = (
  campaign: unknown,
  customer: string,
  lang: 'ko' | 'en',
  signal?: AbortSignal,
): Promise<DraftCheck & { now?: string }> =>
  request('/api/campaigns/check', {
    body: { campaign, ...(customer.trim() ? { customer: customer.trim() } : {}), lang },
    ...(signal ? { signal } : {}),
  });

/** POST /api/campaigns (a draft) or PUT /api/campaigns/{id} (a new version). */
export const saveCampaign = (campaign: { id: string }, existing: boolean): Promise<SavedCampaign> =>
  existing
    ? request(at(campaign.id), { method: 'PUT', body: campaign })
    : request('/api/campaigns', { body: campaign });

export const duplicateCampaign = (id: string, newId: string, name: string): Promise<SavedCampaign> =>
  request(at(id, '/duplicate'), { body: { newId, name } });

export const changeStatus = (
  id: string,
  action: LifecycleAction,
): Promise<{ status: string; statusLabel: string; cancelled: number }> => request(at(id, `/${action}`), { body: {} });

export const runPreflight = (id: string, from: string, to: string, lang: 'ko' | 'en'): Promise<Preflight> =>
  request(at(id, '/preflight'), { body: { from, to, lang } });
