import { analyzeExperiment, type ExperimentAnalysis } from '../../experiments/analyze-experiment.ts';
import type { ExperimentRow } from '../../experiments/experiment-row.ts';
import type { CampaignReportFacts } from './campaign-report-facts.ts';
import { decideVerdict, type Verdict } from './decide-verdict.ts';
import { type DailyRow, summarizeDaily } from './summarize-daily.ts';
import { type ArmFunnel, HOLDOUT_ARM, summarizeFunnel } from './summarize-funnel.ts';

export interface ArmExtras {
  readonly arm: string;
  /** Orders and revenue credited to this campaign by last touch across campaigns. */
  readonly attributedOrders: number;
  readonly attributedRevenue: number;
  readonly windowOrders: number;
  readonly couponsIssued: number;
  readonly couponsRedeemed: number;
  readonly couponRevenue: number;
}

export interface ChannelRow {
  readonly channel: string;
  readonly orders: Readonly<Record<string, number>>;
  readonly revenue: Readonly<Record<string, number>>;
}

export interface CampaignReport {
  readonly campaignId: string;
  readonly campaignName: string | undefined;
  readonly windowDays: number;
  readonly control: string | undefined;
  readonly arms: readonly string[];
  readonly customers: number;
  /** Customers recorded in more than one arm (should be 0; counted in their first arm by name). */
  readonly customersInSeveralArms: number;
  readonly funnel: readonly ArmFunnel[];
  readonly analysis: ExperimentAnalysis | undefined;
  readonly verdict: Verdict;
  readonly extras: readonly ArmExtras[];
  readonly channels: readonly ChannelRow[];
  readonly daily: readonly DailyRow[];
  readonly couponSource: CampaignReportFacts['couponSource'];
}

function pickControl(f: CampaignReportFacts, arms: readonly string[]): string | undefined {
  if (f.control !== undefined) return f.control;
  if (arms.includes(HOLDOUT_ARM)) return HOLDOUT_ARM;
  return arms.length > 1 ? arms[0] : undefined;
}

/**
 * The campaign report from loaded facts: funnel per arm, experiment statistics against control
 * (`analyzeExperiment`: lift with interval, z-test, Welch, P(beat), sequential p, CUPED on
 * pre-period revenue, SRM against the planned split), the verdict, last-touch credit, coupons,
 * channels and the daily trend. Arms in planned order, then any others by name.
 */
export function buildCampaignReport(f: CampaignReportFacts): CampaignReport {
  const seen = [...new Set(f.outcomes.map((o) => o.arm))].sort();
  const planned = f.weights?.map((w) => w.name) ?? [];
  const arms = [...planned, ...seen.filter((a) => !planned.includes(a))];
  const control = pickControl(f, arms);
  const rows: ExperimentRow[] = f.outcomes.map((o) => ({
    arm: o.arm,
    converted: o.orders > 0,
    revenue: o.revenue,
    preRevenue: o.preRevenue,
  }));
  const weights = f.weights && seen.every((a) => planned.includes(a)) ? f.weights : undefined;
  const analysis =
    control !== undefined && seen.includes(control)
      ? analyzeExperiment({ rows, control, level: f.level, ...(weights ? { weights } : {}) })
      : undefined;
  const armOf = new Map(f.outcomes.map((o) => [o.customerId, o.arm]));
  const extras = arms.map((arm) => {
    const mine = f.outcomes.filter((o) => o.arm === arm);
    const coupons = f.coupons.filter((c) => armOf.get(c.customerId) === arm);
    const redeemed = coupons.filter((c) => c.kind === 'redeemed');
    return {
      arm,
      attributedOrders: mine.reduce((s, o) => s + o.attributedOrders, 0),
      attributedRevenue: mine.reduce((s, o) => s + o.attributedRevenue, 0),
      windowOrders: mine.reduce((s, o) => s + o.orders, 0),
      couponsIssued: coupons.filter((c) => c.kind === 'issued').length,
      couponsRedeemed: redeemed.length,
      couponRevenue: redeemed.reduce((s, c) => s + c.paidAmount, 0),
    };
  });
  const channels = new Map<string, { orders: Record<string, number>; revenue: Record<string, number> }>();
  for (const o of f.windowOrders) {
    const c = channels.get(o.channel) ?? { orders: {}, revenue: {} };
    c.orders[o.arm] = (c.orders[o.arm] ?? 0) + 1;
    c.revenue[o.arm] = (c.revenue[o.arm] ?? 0) + o.paidAmount;
    channels.set(o.channel, c);
  }
  return {
    campaignId: f.campaignId,
    campaignName: f.campaignName,
    windowDays: f.windowDays,
    control,
    arms,
    customers: f.outcomes.length,
    customersInSeveralArms: f.outcomes.filter((o) => o.arms > 1).length,
    funnel: summarizeFunnel({ arms, outcomes: f.outcomes, messages: f.messages, engagement: f.engagement }),
    analysis,
    verdict: analysis ? decideVerdict(analysis) : { kind: 'no_comparison' },
    extras,
    channels: [...channels.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([channel, c]) => ({ channel, ...c })),
    daily: summarizeDaily({ arms, outcomes: f.outcomes, messages: f.messages, orders: f.windowOrders }),
    couponSource: f.couponSource,
  };
}
