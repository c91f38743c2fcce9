import { defineMessages } from '../define-messages.ts';

/**
 * The text reports of `dalbit experiment analyze` (`experimentReport.*`) and `dalbit campaign report`
 * (`campaignReport.*`). A table header is one message with its columns split by `|`.
 */
export const REPORT_TABLE_MESSAGES = defineMessages({
  'experimentReport.title': {
    ko: '실험 분석 — 대조군: {control}, 신뢰수준 {level}',
    en: 'Experiment analysis — control: {control}, confidence {level}',
  },
  'experimentReport.armHeader': {
    ko: '그룹|고객 수|전환 수|전환율|1인당 매출|객단가(AOV)',
    en: 'arm|customers|conversions|conv. rate|revenue/recipient|AOV',
  },
  'experimentReport.vsControl': { ko: '대조군 대비', en: 'Against control' },
  'experimentReport.compareHeader': {
    ko: '그룹|지표|차이 ({level} 구간)|상대 변화 ({level} 구간)|p-값|순차 p(mSPRT)|승리 확률',
    en: 'arm|metric|difference ({level} CI)|relative ({level} CI)|p-value|always-valid p|P(beat)',
  },
  'experimentReport.conversion': { ko: '전환율 (z-검정)', en: 'conversion (z-test)' },
  'experimentReport.revenue': { ko: '1인당 매출 (Welch t)', en: 'revenue/recipient (Welch t)' },
  'experimentReport.cuped': { ko: '1인당 매출 (CUPED)', en: 'revenue/recipient (CUPED)' },
  'experimentReport.cupedNote': {
    ko: 'CUPED: θ = {theta}, 분산 감소 {reduction}',
    en: 'CUPED: θ = {theta}, variance reduced by {reduction}',
  },
  'experimentReport.srm': {
    ko: '표본 비율(SRM) 검사: χ² = {chi}, 자유도 {df}, p = {p} → {verdict}',
    en: 'Sample ratio (SRM) check: χ² = {chi}, df {df}, p = {p} → {verdict}',
  },
  'experimentReport.srmMismatch': {
    ko: '불일치! 배정/집계를 확인하세요',
    en: 'MISMATCH: check assignment and logging',
  },
  'experimentReport.srmOk': { ko: '정상', en: 'ok' },
  'experimentReport.noSrm': {
    ko: '표본 비율(SRM) 검사: --weights 가 없어 생략',
    en: 'Sample ratio (SRM) check: skipped (no --weights)',
  },
  'experimentReport.segments': {
    ko: '세그먼트별 (다중 비교 보정 없음 — 탐색용)',
    en: 'By segment (not corrected for multiple comparisons; for exploration)',
  },
  'experimentReport.segmentHeader': {
    ko: '세그먼트|그룹|고객 수|전환율 차이|p-값|1인당 매출 차이|p-값',
    en: 'segment|arm|customers|conv. diff|p-value|revenue diff|p-value',
  },
  'experimentReport.won': { ko: '{amount}원', en: '₩{amount}' },
  'campaignReport.title': {
    ko: '캠페인 리포트 — {id}{name} (성과 집계 기간: 발송 후 {days}일)',
    en: 'Campaign report — {id}{name} (outcomes within {days} days of exposure)',
  },
  'campaignReport.verdict': { ko: '결론', en: 'Conclusion' },
  'campaignReport.funnel': { ko: '퍼널 (고객 수)', en: 'Funnel (customers)' },
  'campaignReport.funnelHeader': {
    ko: '그룹|대상|제외(홀드아웃)|차단|대기|발송|도달|실패|열람|클릭|전환',
    en: 'arm|targeted|held out|blocked|pending|sent|delivered|failed|opened|clicked|converted',
  },
  'campaignReport.blocked': { ko: '차단 사유', en: 'Blocked because' },
  'campaignReport.extras': { ko: '매출 귀속과 쿠폰', en: 'Attribution and coupons' },
  'campaignReport.extrasHeader': {
    ko: '그룹|기간 내 주문|라스트터치 주문|라스트터치 매출|쿠폰 발급|쿠폰 사용|쿠폰 매출',
    en: 'arm|window orders|last-touch orders|last-touch revenue|coupons issued|coupons used|coupon revenue',
  },
  'campaignReport.couponSource.redemptions': {
    ko: '쿠폰 사용: coupon_redemptions 기준',
    en: 'coupon use from coupon_redemptions',
  },
  'campaignReport.couponSource.orders': {
    ko: '쿠폰 사용: 주문의 쿠폰코드 기준',
    en: 'coupon use from coupon codes on orders',
  },
  'campaignReport.channels': {
    ko: '채널별 기간 내 주문 (주문 수 / 매출)',
    en: 'Window orders by channel (orders / revenue)',
  },
  'campaignReport.daily': { ko: '일별 추이 (KST)', en: 'Daily trend (KST)' },
  'campaignReport.dailyHeader': { ko: '날짜|노출|발송|도달', en: 'day|exposed|sent|delivered' },
  'campaignReport.armOrders': { ko: '{arm} 주문', en: '{arm} orders' },
  'campaignReport.armRevenue': { ko: '{arm} 매출', en: '{arm} revenue' },
  'campaignReport.several': {
    ko: '경고: 고객 {count}명이 여러 그룹에 기록되어 있습니다 (배정 오류).',
    en: 'Warning: {count} customer(s) recorded in more than one arm (assignment error).',
  },
  'campaignReport.noStats': {
    ko: '실험 통계: 대조군이 없어 생략',
    en: 'Experiment statistics: skipped (no control arm)',
  },
});
