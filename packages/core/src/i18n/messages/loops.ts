import { defineMessages } from '../define-messages.ts';

/** Analytics loops (`loops.*`): UTM touches on the customer page, grade history, basket-rule provenance. */
export const LOOPS_MESSAGES = defineMessages({
  'loops.touch.title': { ko: '유입 경로 (UTM)', en: 'Inflow (UTM)' },
  'loops.touch.first': { ko: '첫 유입', en: 'First touch' },
  'loops.touch.last': { ko: '마지막 유입', en: 'Last touch' },
  'loops.touch.none': { ko: 'UTM이 붙은 방문 기록이 없습니다', en: 'No tracked visit with UTM parameters' },
  'loops.touch.asOf': { ko: '{at} 기준 고객 특성', en: 'customer features as of {at}' },
  'loops.basket.opt.store': {
    ko: '웨어하우스: 계산한 연관 상품을 저장 (세그먼트·메시지의 related_products 교체; 없으면 규칙만 출력)',
    en: 'warehouse: store the related products (replaces related_products used by audiences and messages; without it the rules are only printed)',
  },
  'loops.basket.notStored': {
    ko: '규칙만 출력했습니다. 저장된 연관 상품(related_products)은 바꾸지 않았습니다 (저장하려면 --store)',
    en: 'rules printed only; the stored related products (related_products) are unchanged (--store stores them)',
  },
  'loops.basket.storedUntilRefresh': {
    ko: '이 기준으로 저장했습니다. 다음 일일 갱신(refresh)이 기본 기준으로 다시 계산해 덮어씁니다',
    en: 'stored with these thresholds; the next daily refresh recomputes them with the default thresholds',
  },
  'loops.basket.storeNeedsWarehouse': {
    ko: '--store 는 웨어하우스 모드에서만 씁니다 (--transactions 파일의 규칙은 저장하지 않습니다)',
    en: '--store works in warehouse mode only (rules from a --transactions file are never stored)',
  },
  'loops.basket.stored.refresh': {
    ko: '세그먼트·메시지의 연관 상품: 일일 갱신이 {asOf} 기준으로 계산 (규칙 {rules}개, 고객 {customers}명, 지지도 {support} · 신뢰도 {confidence})',
    en: 'Related products used by audiences and messages: computed by the daily refresh as of {asOf} ({rules} rules, {customers} customers, support {support} · confidence {confidence})',
  },
  'loops.basket.stored.cli': {
    ko: '세그먼트·메시지의 연관 상품: CLI `basket rules --store`가 {asOf} 기준으로 계산 (규칙 {rules}개, 고객 {customers}명, 지지도 {support} · 신뢰도 {confidence}) — 다음 일일 갱신이 기본 기준으로 덮어씁니다',
    en: 'Related products used by audiences and messages: computed by the CLI `basket rules --store` as of {asOf} ({rules} rules, {customers} customers, support {support} · confidence {confidence}); the next daily refresh replaces them',
  },
  'loops.basket.stored.none': {
    ko: '세그먼트·메시지에 쓰이는 연관 상품이 아직 저장되지 않았습니다 (일일 갱신 후 생깁니다)',
    en: 'No related products are stored for audiences and messages yet (the daily refresh stores them)',
  },
});
