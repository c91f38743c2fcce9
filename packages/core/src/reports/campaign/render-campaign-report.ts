import { type GuardReason, REASON_TEXT } from '../../compliance/reason-code.ts';
import { type Lang, renderAnalysis } from '../../experiments/render-analysis.ts';
import { formatTable } from '../../experiments/text-table.ts';
import type { CampaignReport } from './build-campaign-report.ts';
import { describeVerdict } from './verdict-text.ts';

const TEXT = {
  ko: {
    title: (id: string, name: string, days: number) =>
      `캠페인 리포트 — ${id}${name} (성과 집계 기간: 발송 후 ${days}일)`,
    verdict: '결론',
    funnel: '퍼널 (고객 수)',
    funnelHeader: ['그룹', '대상', '제외(홀드아웃)', '차단', '대기', '발송', '도달', '실패', '열람', '클릭', '전환'],
    blocked: '차단 사유',
    extras: '매출 귀속과 쿠폰',
    extrasHeader: ['그룹', '기간 내 주문', '라스트터치 주문', '라스트터치 매출', '쿠폰 발급', '쿠폰 사용', '쿠폰 매출'],
    couponSource: (s: string) =>
      s === 'coupon_redemptions' ? '쿠폰 사용: coupon_redemptions 기준' : '쿠폰 사용: 주문의 쿠폰코드 기준',
    channels: '채널별 기간 내 주문 (주문 수 / 매출)',
    daily: '일별 추이 (KST)',
    dailyHeader: (arms: readonly string[]) => [
      '날짜',
      '노출',
      '발송',
      '도달',
      ...arms.map((a) => `${a} 주문`),
      ...arms.map((a) => `${a} 매출`),
    ],
    several: (n: number) => `경고: 고객 ${n}명이 여러 그룹에 기록되어 있습니다 (배정 오류).`,
    noStats: '실험 통계: 대조군이 없어 생략',
  },
  en: {
    title: (id: string, name: string, days: number) =>
      `Campaign report — ${id}${name} (outcomes within ${days} days of exposure)`,
    verdict: 'Conclusion',
    funnel: 'Funnel (customers)',
    funnelHeader: [
      'arm',
      'targeted',
      'held out',
      'blocked',
      'pending',
      'sent',
      'delivered',
      'failed',
      'opened',
      'clicked',
      'converted',
    ],
    blocked: 'Blocked because',
    extras: 'Attribution and coupons',
    extrasHeader: [
      'arm',
      'window orders',
      'last-touch orders',
      'last-touch revenue',
      'coupons issued',
      'coupons used',
      'coupon revenue',
    ],
    couponSource: (s: string) =>
      s === 'coupon_redemptions' ? 'coupon use from coupon_redemptions' : 'coupon use from coupon codes on orders',
    channels: 'Window orders by channel (orders / revenue)',
    daily: 'Daily trend (KST)',
    dailyHeader: (arms: readonly string[]) => [
      'day',
      'exposed',
      'sent',
      'delivered',
      ...arms.map((a) => `${a} orders`),
      ...arms.map((a) => `${a} revenue`),
    ],
    several: (n: number) => `Warning: ${n} customer(s) recorded in more than one arm (assignment error).`,
    noStats: 'Experiment statistics: skipped (no control arm)',
  },
} as const;

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

function reasonText(code: string, lang: Lang): string {
  const t = (REASON_TEXT as Record<string, { ko: string; en: string } | undefined>)[code as GuardReason];
  return t ? `${code} (${t[lang]})` : code;
}

/** The human-readable campaign report (`dalbit campaign report ID`), Korean or English. */
export function renderCampaignReport(r: CampaignReport, lang: Lang): string {
  const t = TEXT[lang];
  const out: string[] = [t.title(r.campaignId, r.campaignName ? ` ${r.campaignName}` : '', r.windowDays), ''];
  out.push(`${t.verdict}: ${describeVerdict(r.verdict, lang, r.analysis?.level ?? 0.95)}`, '');
  if (r.customersInSeveralArms > 0) out.push(t.several(r.customersInSeveralArms), '');
  out.push(t.funnel);
  out.push(
    ...formatTable([
      [...t.funnelHeader],
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
    out.push('', t.blocked);
    for (const [k, n] of [...reasons.entries()].sort((a, b) => b[1] - a[1]))
      out.push(`  ${reasonText(k, lang)}: ${int(n)}`);
  }
  out.push('', r.analysis ? renderAnalysis(r.analysis, lang) : t.noStats);
  out.push('', t.extras);
  out.push(
    ...formatTable([
      [...t.extrasHeader],
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
  out.push(t.couponSource(r.couponSource));
  if (r.channels.length > 0) {
    out.push('', t.channels);
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
    out.push('', t.daily);
    out.push(
      ...formatTable([
        t.dailyHeader(r.arms),
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
