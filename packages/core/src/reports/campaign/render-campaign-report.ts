import { columns, type Lang, renderAnalysis } from '../../experiments/render-analysis.ts';
import { formatTable } from '../../experiments/text-table.ts';
import { isMessageKey, translate, translator } from '../../i18n/catalog.ts';
import type { CampaignReport } from './build-campaign-report.ts';
import { describeVerdict } from './verdict-text.ts';

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

function reasonText(code: string, lang: Lang): string {
  const key = `reason.${code}`;
  return isMessageKey(key) ? `${code} (${translate(lang, key)})` : code;
}

/** The human-readable campaign report (`dalbit campaign report ID`), Korean or English. */
export function renderCampaignReport(r: CampaignReport, lang: Lang): string {
  const t = translator(lang);
  const name = r.campaignName ? ` ${r.campaignName}` : '';
  const out: string[] = [t('campaignReport.title', { id: r.campaignId, name, days: r.windowDays }), ''];
  out.push(`${t('campaignReport.verdict')}: ${describeVerdict(r.verdict, lang, r.analysis?.level ?? 0.95)}`, '');
  if (r.customersInSeveralArms > 0) out.push(t('campaignReport.several', { count: r.customersInSeveralArms }), '');
  out.push(t('campaignReport.funnel'));
  out.push(
    ...formatTable([
      columns(t('campaignReport.funnelHeader')),
      ...r.funnel.map((f) =>
        [
          f.arm,
          f.targeted,
          f.heldOut,
          f.blocked,
          f.pending,
          f.sent,
          f.delivered,
          f.failed,
          f.opened,
          f.clicked,
          f.converted,
        ].map((x) => (typeof x === 'number' ? int(x) : x)),
      ),
    ]),
  );
  const reasons = new Map<string, number>();
  for (const f of r.funnel) for (const [k, n] of Object.entries(f.blockedBy)) reasons.set(k, (reasons.get(k) ?? 0) + n);
  if (reasons.size > 0) {
    out.push('', t('campaignReport.blocked'));
    for (const [k, n] of [...reasons.entries()].sort((a, b) => b[1] - a[1]))
      out.push(`  ${reasonText(k, lang)}: ${int(n)}`);
  }
  out.push('', r.analysis ? renderAnalysis(r.analysis, lang) : t('campaignReport.noStats'));
  out.push('', t('campaignReport.extras'));
  out.push(
    ...formatTable([
      columns(t('campaignReport.extrasHeader')),
      ...r.extras.map((e) =>
        [
          e.arm,
          e.windowOrders,
          e.attributedOrders,
          e.attributedRevenue,
          e.couponsIssued,
          e.couponsRedeemed,
          e.couponRevenue,
        ].map((x) => (typeof x === 'number' ? int(x) : x)),
      ),
    ]),
  );
  out.push(
    t(
      r.couponSource === 'coupon_redemptions'
        ? 'campaignReport.couponSource.redemptions'
        : 'campaignReport.couponSource.orders',
    ),
  );
  if (r.channels.length > 0) {
    out.push('', t('campaignReport.channels'));
    out.push(
      ...formatTable([
        ['', ...r.arms],
        ...r.channels.map((c) => [
          c.channel,
          ...r.arms.map((a) => `${int(c.orders[a] ?? 0)} / ${int(c.revenue[a] ?? 0)}`),
        ]),
      ]),
    );
  }
  if (r.daily.length > 0) {
    out.push('', t('campaignReport.daily'));
    out.push(
      ...formatTable([
        [
          ...columns(t('campaignReport.dailyHeader')),
          ...r.arms.map((arm) => t('campaignReport.armOrders', { arm })),
          ...r.arms.map((arm) => t('campaignReport.armRevenue', { arm })),
        ],
        ...r.daily.map((d) => [
          d.day,
          int(d.exposed),
          int(d.sent),
          int(d.delivered),
          ...r.arms.map((a) => int(d.orders[a] ?? 0)),
          ...r.arms.map((a) => int(d.revenue[a] ?? 0)),
        ]),
      ]),
    );
  }
  return out.join('\n');
}
