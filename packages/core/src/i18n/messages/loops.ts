import { defineMessages } from '../define-messages.ts';

/** Analytics loops (`loops.*`): UTM touches on the customer page, grade history, basket-rule provenance. */
export const LOOPS_MESSAGES = defineMessages({
  'loops.touch.title': { ko: '유입 경로 (UTM)', en: 'Inflow (UTM)' },
  'loops.touch.first': { ko: '첫 유입', en: 'First touch' },
  'loops.touch.last': { ko: '마지막 유입', en: 'Last touch' },
  'loops.touch.none': { ko: 'UTM이 붙은 방문 기록이 없습니다', en: 'No tracked visit with UTM parameters' },
  'loops.touch.asOf': { ko: '{at} 기준 고객 특성', en: 'customer features as of {at}' },
});
