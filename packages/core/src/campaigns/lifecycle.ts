/**
 * A campaign's life: draft → active (launch) ⇄ paused (pause / resume) → stopped (stop, final) →
 * archived (hidden from the working list). Only `active` campaigns are planned by the scheduler.
 */
export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'stopped', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const LIFECYCLE_ACTIONS = ['launch', 'pause', 'resume', 'stop', 'archive'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** From which statuses each action is allowed, and where it leads. */
export const TRANSITIONS: Readonly<Record<LifecycleAction, { from: readonly CampaignStatus[]; to: CampaignStatus }>> = {
  launch: { from: ['draft'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  stop: { from: ['active', 'paused'], to: 'stopped' },
  archive: { from: ['draft', 'stopped', 'paused'], to: 'archived' },
};

export type TransitionResult =
  | { readonly ok: true; readonly status: CampaignStatus }
  | { readonly ok: false; readonly from: CampaignStatus; readonly allowedFrom: readonly CampaignStatus[] };

/** @example nextStatus('paused', 'resume') // { ok: true, status: 'active' } */
export function nextStatus(current: CampaignStatus, action: LifecycleAction): TransitionResult {
  const t = TRANSITIONS[action];
  return t.from.includes(current) ? { ok: true, status: t.to } : { ok: false, from: current, allowedFrom: t.from };
}

/** A revision of a running campaign keeps running; a stopped or archived one cannot be edited. */
export function isEditable(status: CampaignStatus): boolean {
  return status === 'draft' || status === 'active' || status === 'paused';
}
