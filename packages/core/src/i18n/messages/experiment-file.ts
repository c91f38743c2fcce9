import { defineMessages } from '../define-messages.ts';

/** Problems in an experiment results file (`dalbit experiment analyze`), one line each. */
export const EXPERIMENT_FILE_MESSAGES = defineMessages({
  'experimentFile.line': { ko: '{line}행', en: 'line {line}' },
  'experimentFile.EMPTY_FILE': { ko: '데이터 행이 없습니다', en: 'no data rows' },
  'experimentFile.MISSING_COLUMN': { ko: '필수 열이 없습니다', en: 'required column missing' },
  'experimentFile.FIELD_COUNT': { ko: '열 개수가 머리글과 다릅니다', en: 'field count differs from the header' },
  'experimentFile.EMPTY_ARM': { ko: '그룹(arm)이 비어 있습니다', en: 'arm is empty' },
  'experimentFile.BAD_CONVERTED': { ko: '0/1(또는 true/false)이어야 합니다', en: 'must be 0/1 (or true/false)' },
  'experimentFile.BAD_AMOUNT': {
    ko: '0 이상의 정수 원화 금액이어야 합니다',
    en: 'must be a non-negative whole KRW amount',
  },
  'experimentFile.REVENUE_WITHOUT_CONVERSION': {
    ko: '전환하지 않은 고객의 매출이 0보다 큽니다',
    en: 'revenue > 0 for a customer who did not convert',
  },
  'experimentFile.UNTERMINATED_QUOTE': { ko: '닫히지 않은 따옴표', en: 'unterminated quote' },
});
