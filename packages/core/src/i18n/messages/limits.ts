import { defineMessages } from '../define-messages.ts';

/** Query time limits, cancellations and cost bounds (`limits.*`). */
export const LIMITS_MESSAGES = defineMessages({
  'limits.queryTimeout': {
    ko: '요청이 {seconds}초 안에 끝나지 않아 중단했습니다. 조건을 줄이거나 잠시 뒤 다시 시도하세요',
    en: 'the request did not finish within {seconds} seconds and was stopped; narrow it or retry later',
  },
  'limits.queryCancelled': {
    ko: '요청이 취소되어 쿼리를 중단했습니다',
    en: 'the request was cancelled, so its query was stopped',
  },
  'limits.tooManyLeaves': {
    ko: '세그먼트 정의의 조건이 너무 많습니다: {count}개 (최대 {limit}개). 조건을 나누어 여러 세그먼트로 저장하세요',
    en: 'the segment definition has too many conditions: {count} (limit {limit}); split it into several segments',
  },
  'limits.tooManySequences': {
    ko: '세그먼트 정의의 순서(시퀀스) 조건이 너무 많습니다: {count}개 (최대 {limit}개)',
    en: 'the segment definition has too many sequence conditions: {count} (limit {limit})',
  },
  'limits.supportTooLow': {
    ko: '최소 지지도(support)가 너무 낮습니다: {support} (최소 {floor})',
    en: 'minimum support is too low: {support} (floor {floor})',
  },
  'limits.tooManyRules': {
    ko: '연관 규칙이 너무 많습니다 (최대 {limit}개). 최소 지지도나 신뢰도를 높이세요',
    en: 'too many association rules (limit {limit}); raise the minimum support or confidence',
  },
});
