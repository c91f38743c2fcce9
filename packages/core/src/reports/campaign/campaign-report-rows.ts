import type { Interval } from '../../experiments/interval.ts';
import type { Lang } from '../../experiments/render-analysis.ts';
import type { CampaignReport } from './build-campaign-report.ts';
import { FUNNEL_COUNT_KEYS } from './summarize-funnel.ts';
import { describeVerdict } from './verdict-text.ts';

export type ReportCell = string | number;

/** Long ("tidy") table of the report for CSV / XLSX: one number per row, intervals beside it. */
export const REPORT_COLUMNS = ['section', 'key', 'arm', 'metric', 'value', 'lower', 'upper'] as const;

/** Rows in REPORT_COLUMNS order; NaN and undefined statistics become empty cells. */
export function toCampaignReportRows(r: CampaignReport, lang: Lang): ReportCell[][] {
  const rows: ReportCell[][] = [];
  const cell = (x: number | undefined): ReportCell => (x === undefined || !Number.isFinite(x) ? '' : x);
  const add = (
    section: string,
    key: string,
    arm: string,
    metric: string,
    value: number | string | undefined,
    i?: Interval,
  ) =>
    rows.push([
      section,
      key,
      arm,
      metric,
      typeof value === 'string' ? value : cell(value),
      cell(i?.lower),
      cell(i?.upper),
    ]);
  add('campaign', r.campaignId, '', 'window_days', r.windowDays);
  add('campaign', r.campaignId, '', 'customers', r.customers);
  add(
    'verdict',
    r.verdict.kind,
    r.verdict.kind === 'winner' ? r.verdict.arm : '',
    'statement',
    describeVerdict(r.verdict, lang, r.analysis?.level ?? 0.95),
  );
  for (const f of r.funnel) {
    for (const k of FUNNEL_COUNT_KEYS) add('funnel', '', f.arm, k, f[k]);
    for (const [reason, n] of Object.entries(f.blockedBy)) add('blocked', reason, f.arm, 'customers', n);
  }
  for (const s of r.analysis?.arms ?? []) {
    add('arm', '', s.arm, 'n', s.n);
    add('arm', '', s.arm, 'conversions', s.conversions);
    add('arm', '', s.arm, 'conversion_rate', s.conversionRate);
    add('arm', '', s.arm, 'revenue', s.revenue);
    add('arm', '', s.arm, 'revenue_per_recipient', s.revenuePerRecipient);
    add('arm', '', s.arm, 'aov', s.aov);
  }
  for (const c of r.analysis?.comparisons ?? []) {
    const key = `vs ${r.analysis?.control ?? ''}`;
    add('lift', key, c.arm, 'conversion_absolute', c.conversion.absoluteLift.estimate, c.conversion.absoluteLift);
    add('lift', key, c.arm, 'conversion_relative', c.conversion.relativeLift?.estimate, c.conversion.relativeLift);
    add('lift', key, c.arm, 'conversion_p', c.conversion.pValue);
    add('lift', key, c.arm, 'conversion_sequential_p', c.conversion.sequential?.pValue);
    add('lift', key, c.arm, 'probability_to_beat_control', c.conversion.probabilityToBeatControl);
    add(
      'lift',
      key,
      c.arm,
      'revenue_per_recipient_absolute',
      c.revenue?.absoluteLift.estimate,
      c.revenue?.absoluteLift,
    );
    add(
      'lift',
      key,
      c.arm,
      'revenue_per_recipient_relative',
      c.revenue?.relativeLift?.estimate,
      c.revenue?.relativeLift,
    );
    add('lift', key, c.arm, 'revenue_welch_p', c.revenue?.welch.pValue);
    add('lift', key, c.arm, 'revenue_cuped_absolute', c.cuped?.absoluteLift.estimate, c.cuped?.absoluteLift);
  }
  if (r.analysis?.sampleRatio) add('srm', '', '', 'p', r.analysis.sampleRatio.pValue);
  for (const e of r.extras) {
    add('attribution', '', e.arm, 'window_orders', e.windowOrders);
    add('attribution', '', e.arm, 'last_touch_orders', e.attributedOrders);
    add('attribution', '', e.arm, 'last_touch_revenue', e.attributedRevenue);
    add('coupons', r.couponSource, e.arm, 'issued', e.couponsIssued);
    add('coupons', r.couponSource, e.arm, 'redeemed', e.couponsRedeemed);
    add('coupons', r.couponSource, e.arm, 'revenue', e.couponRevenue);
  }
  for (const c of r.channels)
    for (const arm of r.arms) {
      add('channel', c.channel, arm, 'orders', c.orders[arm] ?? 0);
      add('channel', c.channel, arm, 'revenue', c.revenue[arm] ?? 0);
    }
  for (const d of r.daily) {
    add('daily', d.day, '', 'exposed', d.exposed);
    add('daily', d.day, '', 'sent', d.sent);
    add('daily', d.day, '', 'delivered', d.delivered);
    for (const arm of r.arms) {
      add('daily', d.day, arm, 'orders', d.orders[arm] ?? 0);
      add('daily', d.day, arm, 'revenue', d.revenue[arm] ?? 0);
    }
  }
  return rows;
}
