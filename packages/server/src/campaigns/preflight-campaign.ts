import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { addKstDays } from '@dalbit/core/time/kst';
import type { Engine } from '../engines/engine.ts';
import { launchBlockers } from './campaign-lifecycle.ts';
import { findCampaignOrThrow } from './campaign-store.ts';
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
