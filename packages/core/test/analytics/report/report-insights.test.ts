import type { AudienceReport } from '@dalbit/core/analytics/report/audience-report';
import { formatReports } from '@dalbit/core/analytics/report/format-report';
import { findInsights } from '@dalbit/core/analytics/report/report-insights';
import { describe, expect, it } from 'vitest';

const month = (m: string, revenue: number, partial = false) => ({ month: m, revenue, activeCustomers: 1, partial });
const REPORT: AudienceReport = {
  name: 'VIP',
  asOf: new Date('2024-06-14T15:00:00Z'),
  size: 200,
  baseSize: 1000,
  share: 0.2,
  buyers: 150,
  orders: 300,
  revenue: 9_000_000,
  revenueShare: 0.45,
  aov: 30000,
  frequency: 2,
  recency: [
    { bucket: 'd0_30', customers: 60, share: 0.3 },
    { bucket: 'd31_90', customers: 40, share: 0.2 },
    { bucket: 'd91_180', customers: 20, share: 0.1 },
    { bucket: 'd181_365', customers: 20, share: 0.1 },
    { bucket: 'd366_plus', customers: 10, share: 0.05 },
    { bucket: 'never', customers: 50, share: 0.25 },
  ],
  topCategories: [
    { key: 'skin', name: '스킨케어', buyers: 120, revenue: 1, share: 0.8, baseShare: 0.7, index: 114 },
    { key: 'hair', name: '헤어', buyers: 30, revenue: 1, share: 0.2, baseShare: 0.08, index: 250 },
  ],
  topProducts: [{ key: 'p', name: '수분 크림', buyers: 45, revenue: 1, share: 0.3, baseShare: 0.1, index: 300 }],
  channels: [],
  reach: [
    { channel: 'sms', contactable: 180, consented: 50, reachable: 50, reachableShare: 0.25 },
    { channel: 'kakao', contactable: 180, consented: 80, reachable: 80, reachableShare: 0.4 },
    { channel: 'email', contactable: 90, consented: 10, reachable: 10, reachableShare: 0.05 },
    { channel: 'push', contactable: 0, consented: 0, reachable: 0, reachableShare: 0 },
  ],
  visits: {
    windowDays: 90,
    visitors: 100,
    sessions: 250,
    sessionsPerVisitor: 2.5,
    avgSessionSeconds: 300,
    secondsPerVisitor: 750,
  },
  trend: [
    month('2023-12', 100),
    month('2024-01', 100),
    month('2024-02', 100),
    month('2024-03', 150),
    month('2024-04', 150),
    month('2024-05', 150),
    month('2024-06', 1, true),
  ],
};

describe('report insights', () => {
  it('names the best ad channel, the over-indexed category and product, lapsing buyers, the complete-month trend', () => {
    expect(findInsights(REPORT, 'ko')).toEqual([
      '광고는 카카오로 80명(40%)에게 보낼 수 있습니다. 나머지 120명 이상은 광고 동의가 없어 정보성 메시지나 동의 유도부터 필요합니다.',
      "'헤어' 구매 비율이 전체 고객의 2.5배입니다(지수 250): 추천·신상품 메시지의 첫 후보입니다.",
      "상품으로는 '수분 크림'(지수 300, 구매 45명): 아직 안 산 고객에게 연관 상품으로 제안하세요.",
      '최근 30일 구매 60명(30%), 6개월 넘게 구매가 없는 고객 30명(15%): 후자는 재방문 쿠폰 대상입니다.',
      // the partial June is left out: Mar–May 450 vs Dec–Feb 300 → +50%
      '마감된 최근 3개월 매출이 그 전 3개월보다 50% 늘었습니다.',
      '최근 90일 방문 고객 100명, 1인당 2.5회, 평균 체류 5분.',
    ]);
    expect(findInsights(REPORT, 'en')[0]).toBe(
      'Ads can reach 80 (40%) by Kakao; at least 120 others lack ad consent — start with informational messages or a consent prompt.',
    );
  });

  it('renders two audiences side by side', () => {
    const text = formatReports([REPORT, { ...REPORT, name: '전체' }], 'ko');
    expect(text).toContain('고객 리포트 · 2024-06-15 0시(KST) 기준');
    expect(text).toContain('\tVIP\t전체');
    expect(text).toContain('2024-06 (진행 중)');
    expect(text).toContain('객단가(AOV)\t30,000원\t30,000원');
  });
});
