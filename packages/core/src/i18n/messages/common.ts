import { defineMessages } from '../define-messages.ts';

/** Words used across the product (units, states, generic actions). */
export const COMMON_MESSAGES = defineMessages({
  'common.people': { ko: '{count}명', en: '{count} people' },
  'common.cases': { ko: '{count}건', en: '{count}' },
  'common.won': { ko: '{amount}원', en: '₩{amount}' },
  'common.none': { ko: '없음', en: 'none' },
  'common.loading': { ko: '불러오는 중…', en: 'Loading…' },
  'common.retry': { ko: '다시 시도', en: 'Retry' },
  'common.dataAsOf': { ko: '{time} 기준 데이터', en: 'Data as of {time}' },
});
