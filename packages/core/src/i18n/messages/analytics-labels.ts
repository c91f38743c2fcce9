import { defineMessages } from '../define-messages.ts';

/**
 * Analytics labels: the 11 RFM segments (`rfm.segment.<key>`), the clustering features
 * (`cluster.feature.<key>`), the modifiers that name a cluster (`cluster.phrase.<name>`) and
 * its head nouns (`cluster.head.<name>`).
 */
export const ANALYTICS_LABEL_MESSAGES = defineMessages({
  'rfm.segment.champions': { ko: '최우수 고객', en: 'Champions' },
  'rfm.segment.loyal': { ko: '충성 고객', en: 'Loyal' },
  'rfm.segment.potential_loyalists': { ko: '잠재 충성 고객', en: 'Potential Loyalists' },
  'rfm.segment.new_customers': { ko: '신규 고객', en: 'New Customers' },
  'rfm.segment.promising': { ko: '유망 고객', en: 'Promising' },
  'rfm.segment.need_attention': { ko: '관심 필요 고객', en: 'Need Attention' },
  'rfm.segment.about_to_sleep': { ko: '휴면 직전 고객', en: 'About to Sleep' },
  'rfm.segment.cannot_lose_them': { ko: '놓치면 안 될 고객', en: 'Cannot Lose Them' },
  'rfm.segment.at_risk': { ko: '이탈 위험 고객', en: 'At Risk' },
  'rfm.segment.hibernating': { ko: '동면 고객', en: 'Hibernating' },
  'rfm.segment.lost': { ko: '이탈 고객', en: 'Lost' },
  'cluster.feature.recency_days': { ko: '최근 구매 후 경과일', en: 'days since last purchase' },
  'cluster.feature.frequency': { ko: '구매 횟수', en: 'purchases' },
  'cluster.feature.monetary': { ko: '구매 금액', en: 'spend' },
  'cluster.feature.discount_order_share': { ko: '할인 주문 비중', en: 'share of discounted orders' },
  'cluster.feature.avg_discount_rate': { ko: '평균 할인율', en: 'average discount rate' },
  'cluster.feature.coupon_uses': { ko: '쿠폰 사용', en: 'coupon uses' },
  'cluster.feature.cherry_picker_score': { ko: '체리피커 점수', en: 'cherry-picker score' },
  'cluster.feature.cancel_rate': { ko: '취소율', en: 'cancel rate' },
  'cluster.feature.return_rate': { ko: '반품률', en: 'return rate' },
  'cluster.feature.own_shop': { ko: '최근 주문이 자사몰', en: 'latest order in the own shop' },
  'cluster.feature.migrated': { ko: '마켓→자사몰 전환', en: 'moved from a marketplace to the own shop' },
  'cluster.phrase.lapsed': { ko: '오래 구매가 없는', en: 'lapsed' },
  'cluster.phrase.recent': { ko: '최근 구매한', en: 'recent' },
  'cluster.phrase.highSpending': { ko: '많이 쓰는', en: 'high-spending' },
  'cluster.phrase.lowSpending': { ko: '적게 쓰는', en: 'low-spending' },
  'cluster.phrase.discountSensitive': { ko: '할인에 민감한', en: 'discount-sensitive' },
  'cluster.phrase.fullPrice': { ko: '정가에 사는', en: 'full-price' },
  'cluster.phrase.couponUsing': { ko: '쿠폰을 자주 쓰는', en: 'coupon-using' },
  'cluster.phrase.cherryPicking': { ko: '체리피킹 성향의', en: 'cherry-picking' },
  'cluster.phrase.oftenCancelling': { ko: '취소가 잦은', en: 'often-cancelling' },
  'cluster.phrase.oftenReturning': { ko: '반품이 잦은', en: 'often-returning' },
  'cluster.phrase.ownShop': { ko: '자사몰 중심의', en: 'own-shop' },
  'cluster.phrase.marketplace': { ko: '마켓플레이스 중심의', en: 'marketplace' },
  'cluster.phrase.shopConverted': { ko: '자사몰로 옮겨온', en: 'shop-converted' },
  'cluster.head.repeat': { ko: '재구매 고객', en: 'repeat buyers' },
  'cluster.head.once': { ko: '1회 구매 고객', en: 'one-time buyers' },
  'cluster.head.infrequent': { ko: '구매가 뜸한 고객', en: 'infrequent buyers' },
  'cluster.head.plain': { ko: '고객', en: 'customers' },
});
