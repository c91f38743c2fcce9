import { defineMessages } from '../define-messages.ts';

/** The dashboard's analysis pages: automatically found groups and customer traits (`insight.*`). */
export const WEB_INSIGHT_MESSAGES = defineMessages({
  'insight.nav.clusters': { ko: '자동 고객 그룹', en: 'Found groups' },
  'insight.nav.traits': { ko: '고객 성향', en: 'Customer traits' },
  'insight.clusters.title': { ko: '자동으로 찾은 고객 그룹', en: 'Automatically found customer groups' },
  'insight.clusters.intro': {
    ko: '구매 고객을 RFM과 성향(할인·쿠폰·취소·채널 등)으로 묶었습니다. 그룹마다 나머지 고객과 가장 다른 점을 보여 줍니다',
    en: 'Buyers grouped by RFM and traits (discounts, coupons, cancellations, channels …); each group shows what sets it apart',
  },
  'insight.clusters.none': {
    ko: '아직 찾은 그룹이 없습니다. 그룹 찾기를 누르면 지금 데이터로 찾습니다',
    en: 'No groups yet; press Find groups to find them in the current data',
  },
  'insight.clusters.run': { ko: '그룹 찾기', en: 'Find groups' },
  'insight.clusters.rerun': { ko: '다시 찾기', en: 'Find again' },
  'insight.clusters.running': { ko: '찾는 중…', en: 'Finding…' },
  'insight.clusters.meta': {
    ko: '{asOf} 기준 · 구매 고객 {customers}명 · 그룹 {k}개 · 구분 정도(실루엣) {silhouette}',
    en: 'as of {asOf} · {customers} buyers · {k} groups · separation (silhouette) {silhouette}',
  },
  'insight.clusters.sizes': { ko: '그룹별 고객 수', en: 'Customers per group' },
  'insight.clusters.size': { ko: '고객 {size}명 ({share})', en: '{size} customers ({share})' },
  'insight.clusters.revenue': { ko: '매출 {revenue} ({share})', en: 'revenue {revenue} ({share})' },
  'insight.clusters.vsRest': { ko: '나머지 {rest}', en: 'rest {rest}' },
  'insight.clusters.save': { ko: '세그먼트로 저장', en: 'Save as an audience' },
  'insight.clusters.saved': { ko: "'{name}' 저장 (고객 {members}명)", en: "Saved '{name}' ({members} customers)" },
  'insight.clv.pAliveTitle': { ko: '구매 확률 분포', en: 'Purchase probability distribution' },
  'insight.clv.valueTitle': { ko: '예상 1년 가치 분포', en: 'Expected 1-year value distribution' },
  'insight.clv.percentBin': { ko: '{from}–{to}%', en: '{from}–{to}%' },
  'insight.clv.valueUnder': { ko: '{to}원 미만', en: 'under ₩{to}' },
  'insight.clv.valueBin': { ko: '{from}~{to}원', en: '₩{from}–{to}' },
  'insight.clv.valueOver': { ko: '{from}원 이상', en: '₩{from}+' },
  'insight.clv.people': { ko: '{count}명', en: '{count}' },
  'insight.clv.basis': {
    ko: '마지막 새로 고침({asOf}) 기준 · CLV 점수가 있는 고객 {customers}명',
    en: 'as of the last refresh ({asOf}) · {customers} customers with a CLV score',
  },
  'insight.clv.none': {
    ko: '아직 저장된 CLV 점수가 없습니다. 새로 고침을 실행하면 계산합니다',
    en: 'No stored CLV scores yet; a refresh computes them',
  },
  'insight.traits.title': { ko: '고객 성향', en: 'Customer traits' },
  'insight.traits.asOf': {
    ko: '{asOf} 기준 · 고객 {customers}명 (구매 고객 {buyers}명)',
    en: 'as of {asOf} · {customers} customers ({buyers} buyers)',
  },
  'insight.traits.discountSensitive': { ko: '할인 민감 고객', en: 'Discount-sensitive' },
  'insight.traits.discountSensitiveHint': {
    ko: '주문의 절반 이상이 할인·쿠폰 주문',
    en: 'half or more of their orders discounted',
  },
  'insight.traits.cherryPickers': { ko: '체리피커', en: 'Cherry-pickers' },
  'insight.traits.cherryPickersHint': {
    ko: '할인 때만 사고 자주 취소·반품',
    en: 'buy on sale only, often cancel or return',
  },
  'insight.traits.migrated': { ko: '마켓 → 자사몰 전환', en: 'Marketplace → own shop' },
  'insight.traits.migratedHint': {
    ko: '마켓 구매 뒤 자사몰에서 구매',
    en: 'bought on the own shop after a marketplace',
  },
  'insight.traits.golden': { ko: '7일 안 골든타임', en: 'Golden time within 7 days' },
  'insight.traits.goldenHint': { ko: '다음 구매 예상일이 7일 안', en: 'next expected purchase within 7 days' },
  'insight.traits.interval': { ko: '재구매 주기 (중앙값)', en: 'Repurchase interval (median)' },
  'insight.traits.days': { ko: '{days}일', en: '{days} days' },
  'insight.traits.migration': {
    ko: '채널 이동 (첫 구매 채널 → 최근 구매 채널)',
    en: 'Channel migration (first → current channel)',
  },
  'insight.traits.discountShare': { ko: '할인 주문 비중 분포', en: 'Share of discounted orders' },
  'insight.traits.costly': { ko: '비용 유발 고객 (취소·반품)', en: 'Costly customers (cancellations, returns)' },
  'insight.traits.costlyCount': {
    ko: '주문 {orders}건 이상 고객 중 취소율 + 반품률이 {rate} 이상인 고객 {customers}명',
    en: '{customers} customers with {orders} or more orders and a cancel + return rate of {rate} or more',
  },
  'insight.traits.cancelRate': { ko: '취소율', en: 'Cancel rate' },
  'insight.traits.returnRate': { ko: '반품률', en: 'Return rate' },
  'insight.traits.cherryScore': { ko: '체리피커 점수', en: 'Cherry-picker score' },
  'insight.traits.categories': { ko: '선호 카테고리', en: 'Preferred categories' },
  'insight.traits.hours': { ko: '선호 시간대 (KST)', en: 'Preferred hour (KST)' },
  'insight.traits.hour': { ko: '{hour}시', en: '{hour}:00' },
  'audience.insight.noClv.noOrders': {
    ko: '구매 이력이 없어 구매 확률과 예상 가치를 계산하지 않습니다',
    en: 'No purchases yet, so no purchase probability or expected value',
  },
  'audience.insight.noClv.newBuyer': {
    ko: '마지막 분석 이후에 처음 구매한 고객입니다. 다음 새로고침 때 구매 확률과 예상 가치를 계산합니다',
    en: 'First purchase after the last analysis; the next refresh computes the probability and value',
  },
  'audience.insight.noClv.noModel': {
    ko: '구매 확률 모델 결과가 없습니다. 아직 새로고침하지 않았거나, 구매 데이터가 적거나 고르지 않아 모델을 맞출 수 없었습니다',
    en: 'No purchase-probability result: not refreshed yet, or the purchase data was too small or uneven to fit the model',
  },
  'insight.people': { ko: '{count}명', en: '{count}' },
  'insight.customer': { ko: '고객', en: 'Customer' },
});
