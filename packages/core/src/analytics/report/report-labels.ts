import type { Lang } from '../../i18n/lang.ts';
import { ownValue } from '../../json/own-value.ts';
import type { Reachability, RecencyBucket } from './audience-report.ts';

export type { Lang } from '../../i18n/lang.ts';

type Text = Readonly<Record<Lang, string>>;

export const RECENCY_LABELS: Readonly<Record<RecencyBucket, Text>> = {
  d0_30: { ko: '30일 이내', en: '≤ 30 days' },
  d31_90: { ko: '31–90일', en: '31–90 days' },
  d91_180: { ko: '91–180일', en: '91–180 days' },
  d181_365: { ko: '181–365일', en: '181–365 days' },
  d366_plus: { ko: '1년 초과', en: '> 1 year' },
  never: { ko: '구매 없음', en: 'never bought' },
};

export const REACH_LABELS: Readonly<Record<Reachability['channel'], Text>> = {
  sms: { ko: '문자', en: 'SMS' },
  kakao: { ko: '카카오', en: 'Kakao' },
  email: { ko: '이메일', en: 'email' },
  push: { ko: '앱 푸시', en: 'push' },
};

export const CHANNEL_LABELS: Readonly<Record<string, Text>> = {
  cafe24: { ko: '자사몰', en: 'own shop' },
  smartstore: { ko: '스마트스토어', en: 'SmartStore' },
  coupang: { ko: '쿠팡', en: 'Coupang' },
  musinsa: { ko: '무신사', en: 'Musinsa' },
  '29cm': { ko: '29CM', en: '29CM' },
  offline: { ko: '오프라인 매장', en: 'offline store' },
  popup: { ko: '팝업 스토어', en: 'pop-up store' },
};

export const channelLabel = (channel: string, lang: Lang): string =>
  ownValue(CHANNEL_LABELS, channel)?.[lang] ?? channel;

export const REPORT_TEXT = {
  audience: { ko: '고객 수', en: 'customers' },
  share: { ko: '전체 대비', en: 'of the base' },
  buyers: { ko: '구매 고객', en: 'buyers' },
  revenue: { ko: '매출', en: 'revenue' },
  revenueShare: { ko: '매출 비중', en: 'revenue share' },
  aov: { ko: '객단가(AOV)', en: 'AOV' },
  frequency: { ko: '구매 빈도', en: 'purchases per buyer' },
  recency: { ko: '마지막 구매 후', en: 'since last purchase' },
  categories: {
    ko: '많이 산 카테고리 (지수: 전체 고객 대비, 100 = 평균)',
    en: 'top categories (index vs all customers, 100 = average)',
  },
  products: { ko: '많이 산 상품 (지수)', en: 'top products (index)' },
  channels: { ko: '채널 구성', en: 'channel mix' },
  reach: { ko: '광고 도달 가능 (최신 광고 수신 동의 + 연락처)', en: 'reachable for ads (latest ad consent + contact)' },
  visits: { ko: '방문 (세션: 30분 무활동 기준)', en: 'visits (sessions: 30-minute inactivity)' },
  trend: { ko: '월별 추이 (매출 / 구매 고객)', en: 'monthly trend (revenue / active buyers)' },
  insights: { ko: '바로 할 수 있는 일', en: 'what to act on' },
} as const satisfies Record<string, Text>;
