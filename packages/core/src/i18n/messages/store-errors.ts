import { defineMessages } from '../define-messages.ts';

/**
 * Messages of the stores' domain errors, given as catalog text (`errorText(key, params)`) so the
 * CLI (`--lang`, DALBIT_LANG) and the API (`Accept-Language`, `?lang=`) say them in the reader's language.
 */
export const STORE_ERROR_MESSAGES = defineMessages({
  'storeError.segment.notFound': { ko: '세그먼트를 찾을 수 없습니다: {id}', en: "segment '{id}' not found" },
  'storeError.segment.noVersion': {
    ko: '세그먼트 {id}에 버전 {version}이(가) 없습니다',
    en: "segment '{id}' has no version {version}",
  },
  'storeError.segment.corrupt': {
    ko: '저장된 세그먼트 {id} v{version}의 정의가 더 이상 유효하지 않습니다',
    en: 'segment {id} v{version} no longer validates',
  },
  'storeError.segment.invalid': { ko: '세그먼트 정의가 올바르지 않습니다', en: 'the segment definition is not valid' },
});
