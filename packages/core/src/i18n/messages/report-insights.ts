import { defineMessages } from '../define-messages.ts';

/** The audience report's "what to act on" sentences (`findInsights`), from the report's own figures. */
export const REPORT_INSIGHT_MESSAGES = defineMessages({
  'reportInsight.empty': { ko: '해당 고객이 없습니다.', en: 'The audience is empty.' },
  'reportInsight.reach': {
    ko: '광고는 {channel}로 {reachable}명({share})에게 보낼 수 있습니다. 나머지 {none}명 이상은 광고 동의가 없어 정보성 메시지나 동의 유도부터 필요합니다.',
    en: 'Ads can reach {reachable} ({share}) by {channel}; at least {none} others lack ad consent — start with informational messages or a consent prompt.',
  },
  'reportInsight.noReach': {
    ko: '광고 수신에 동의한 연락처가 없습니다: 동의 캠페인이 먼저입니다.',
    en: 'No one is reachable for ads: run a consent campaign first.',
  },
  'reportInsight.category': {
    ko: "'{name}' 구매 비율이 전체 고객의 {times}배입니다(지수 {index}): 추천·신상품 메시지의 첫 후보입니다.",
    en: "They buy '{name}' {times}× as often as all customers (index {index}): the first candidate for recommendations and new arrivals.",
  },
  'reportInsight.product': {
    ko: "상품으로는 '{name}'(지수 {index}, 구매 {buyers}명): 아직 안 산 고객에게 연관 상품으로 제안하세요.",
    en: "Product-wise, '{name}' (index {index}, {buyers} buyers): offer it to those who have not bought it yet.",
  },
  'reportInsight.recency': {
    ko: '최근 30일 구매 {recent}명({recentShare}), 6개월 넘게 구매가 없는 고객 {lapsing}명({lapsingShare}): 후자는 재방문 쿠폰 대상입니다.',
    en: '{recent} ({recentShare}) bought in the last 30 days; {lapsing} ({lapsingShare}) have not bought for over 6 months — the win-back target.',
  },
  'reportInsight.trendUp': {
    ko: '마감된 최근 3개월 매출이 그 전 3개월보다 {change} 늘었습니다.',
    en: 'Revenue of the last 3 complete months is {change} above the 3 months before.',
  },
  'reportInsight.trendDown': {
    ko: '마감된 최근 3개월 매출이 그 전 3개월보다 {change} 줄었습니다.',
    en: 'Revenue of the last 3 complete months is {change} below the 3 months before.',
  },
  'reportInsight.visits': {
    ko: '최근 {days}일 방문 고객 {visitors}명, 1인당 {sessions}회, 평균 체류 {minutes}분.',
    en: '{visitors} visited in the last {days} days, {sessions} sessions each, {minutes} min per session.',
  },
});
