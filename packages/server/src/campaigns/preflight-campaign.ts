import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { addKstDays } from '@dalbit/core/time/kst';
import type { Engine } from '../engines/engine.ts';
import { launchBlockers } from './campaign-lifecycle.ts';
import { findCampaignOrThrow, listCampaigns } from './campaign-store.ts';
import type { TouchDecision } from './decision.ts';
import { reasonText } from './reason-text.ts';
import { simulateCampaign } from './simulate-campaign.ts';

/** Longest pre-flight range (each day is a full planning pass). */
export const MAX_PREFLIGHT_DAYS = 92;
const SAMPLES = 3;

export interface PreflightReason {
  readonly reason: string;
  readonly label: string;
  readonly count: number;
  readonly sampleCustomerIds: readonly string[];
}

export interface Preflight {
  readonly campaignId: string;
  readonly from: string;
  readonly to: string;
  readonly totals: { touches: number; queued: number; deferred: number; blocked: number; holdout: number };
  readonly channels: readonly { channel: string; queued: number; deferred: number; blocked: number }[];
  readonly blocked: readonly PreflightReason[];
  readonly deferred: readonly PreflightReason[];
  readonly days: readonly { date: string; queued: number; deferred: number; blocked: number; holdout: number }[];
  /** A few messages as they would leave, for real customers. */
  readonly samples: readonly { customerId: string; channel: string; arm: string; dueAt: string; text: string }[];
  /**
   * Other running campaigns that take this campaign's cap slots: per campaign, how many of this
   * campaign's touches are blocked by the frequency cap while that campaign reaches the same customer
   * inside the cap window (planned together, as the scheduler runs them).
   */
  readonly collisions: readonly { campaignId: string; name: string; count: number; sampleCustomerIds: string[] }[];
  /** Why launch is refused now (empty = it can launch); `fixAt` is the dashboard page to fix it. */
  readonly launchBlockers: readonly { code: string; message: string; fixAt: string }[];
}

function groupBy(decisions: readonly TouchDecision[], lang: 'ko' | 'en'): PreflightReason[] {
  const groups = new Map<string, string[]>();
  for (const d of decisions) {
    const key = d.reason ?? 'UNKNOWN';
    const list = groups.get(key) ?? [];
    list.push(d.customerId);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .map(([reason, ids]) => ({
      reason,
      label: reasonText(reason, lang) ?? reason,
      count: ids.length,
      sampleCustomerIds: [...new Set(ids)].slice(0, SAMPLES),
    }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

const textOf = (d: TouchDecision): string => {
  const m = d.message as Record<string, unknown> | undefined;
  if (!m) return '';
  return ['subject', 'title', 'text', 'body']
    .flatMap((k) => (typeof m[k] === 'string' ? [String(m[k])] : []))
    .join('\n');
};

const isGrantedAd = (d: TouchDecision): boolean =>
  (d.outcome === 'queued' || d.outcome === 'deferred') && (d.purpose === 'ad' || d.channel === 'kakao_brand');

/** This campaign's CAPPED touches attributed to the other campaigns reaching the same customer in the window. */
function collisionsOf(
  mine: readonly TouchDecision[],
  others: readonly TouchDecision[],
  names: ReadonlyMap<string, string>,
  weekDays: number,
): Preflight['collisions'] {
  const window = weekDays * 86_400_000;
  const byCustomer = new Map<string, TouchDecision[]>();
  for (const o of others.filter(isGrantedAd))
    byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), o]);
  const hits = new Map<string, string[]>();
  for (const d of mine) {
    if (d.outcome !== 'blocked' || d.reason !== 'CAPPED') continue;
    const at = d.plannedAt.getTime();
    const near = (byCustomer.get(d.customerId) ?? []).filter((o) => Math.abs(o.dueAt.getTime() - at) < window);
    for (const id of new Set(near.map((o) => o.campaignId))) hits.set(id, [...(hits.get(id) ?? []), d.customerId]);
  }
  return [...hits.entries()]
    .map(([campaignId, ids]) => ({
      campaignId,
      name: names.get(campaignId) ?? campaignId,
      count: ids.length,
      sampleCustomerIds: [...new Set(ids)].slice(0, SAMPLES),
    }))
    .sort((a, b) => b.count - a.count || (a.campaignId < b.campaignId ? -1 : 1));
}

/**
 * The same days planned together with every other running campaign, as the scheduler runs them:
 * this campaign's touches the frequency cap blocks there, per campaign that reaches the customer.
 */
async function capCollisions(
  engine: Engine,
  campaignId: string,
  input: { from: string; to: string; policy: CompliancePolicy },
): Promise<Preflight['collisions']> {
  const stored = await listCampaigns(engine);
  if (!stored.some((s) => s.campaign.status === 'active' && s.campaign.id !== campaignId)) return [];
  const { from, to, policy } = input;
  const joint = await simulateCampaign(engine, { campaignId, from, to, policy, withRunning: true });
  const names = new Map(stored.map((s) => [s.campaign.id, s.campaign.name]));
  return collisionsOf(
    joint.days.flatMap((d) => d.decisions),
    joint.others,
    names,
    policy.caps.weekDays,
  );
}

/**
 * Pre-flight of a stored campaign over KST days [from, to] without sending: the replayed decisions
 * counted per outcome, channel and day; blocked and deferred touches per reason (with sample
 * customers); a few rendered messages; and what stops a launch now (sender settings for ads).
 */
export async function preflightCampaign(
  engine: Engine,
  input: { campaignId: string; from: string; to: string; policy: CompliancePolicy; lang: 'ko' | 'en' },
): Promise<Preflight> {
  const { from, to } = input;
  if (from > to || addKstDays(from, MAX_PREFLIGHT_DAYS) <= to)
    throw new DalbitError({
      code: 'CAMPAIGN_BAD_RANGE',
      kind: 'invalid_input',
      message: translate('ko', 'campaign.BAD_RANGE', { from, to, max: MAX_PREFLIGHT_DAYS }),
      issues: [
        {
          path: ['body', 'to'],
          message: translate(input.lang, 'campaign.BAD_RANGE', { from, to, max: MAX_PREFLIGHT_DAYS }),
        },
      ],
    });
  const { campaign } = await findCampaignOrThrow(engine, input.campaignId);
  const sim = await simulateCampaign(engine, { campaignId: campaign.id, from, to, policy: input.policy });
  const all = sim.days.flatMap((d) => d.decisions);
  const channels = new Map<string, { channel: string; queued: number; deferred: number; blocked: number }>();
  for (const d of all) {
    if (d.outcome === 'holdout') continue;
    const c = channels.get(d.channel) ?? { channel: d.channel, queued: 0, deferred: 0, blocked: 0 };
    c[d.outcome] += 1;
    channels.set(d.channel, c);
  }
  const count = (ds: readonly TouchDecision[], o: TouchDecision['outcome']) => ds.filter((d) => d.outcome === o).length;
  const missing = launchBlockers(campaign, input.policy);
  return {
    campaignId: campaign.id,
    from,
    to,
    totals: {
      touches: sim.totals.touches,
      queued: sim.totals.queued,
      deferred: sim.totals.deferred,
      blocked: sim.totals.blocked,
      holdout: sim.totals.holdout,
    },
    channels: [...channels.values()],
    blocked: groupBy(
      all.filter((d) => d.outcome === 'blocked'),
      input.lang,
    ),
    deferred: groupBy(
      all.filter((d) => d.outcome === 'deferred'),
      input.lang,
    ),
    days: sim.days.map((d) => ({
      date: d.date,
      queued: count(d.decisions, 'queued'),
      deferred: count(d.decisions, 'deferred'),
      blocked: count(d.decisions, 'blocked'),
      holdout: count(d.decisions, 'holdout'),
    })),
    samples: all
      .filter((d) => (d.outcome === 'queued' || d.outcome === 'deferred') && d.message)
      .slice(0, SAMPLES)
      .map((d) => ({
        customerId: d.customerId,
        channel: d.channel,
        arm: d.arm,
        dueAt: d.dueAt.toISOString(),
        text: textOf(d),
      })),
    collisions: await capCollisions(engine, campaign.id, input),
    launchBlockers:
      missing.length > 0
        ? [
            {
              code: 'SENDER_INFO_MISSING',
              message: translate(input.lang, 'campaign.SENDER_INFO_MISSING', { missing: missing.join(', ') }),
              fixAt: '/settings',
            },
          ]
        : [],
  };
}
