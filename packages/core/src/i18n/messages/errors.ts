import { defineMessages } from '../define-messages.ts';

/** Messages of the error codes in errors/error-codes.ts (`error.<CODE>`). */
export const ERROR_MESSAGES = defineMessages({
  'error.INTERNAL': {
    ko: '예상하지 못한 오류가 발생했습니다. 서버 기록을 확인하세요',
    en: 'unexpected error; see the server log',
  },
  'error.VALIDATION_FAILED': { ko: '입력값이 올바르지 않습니다', en: 'the request has invalid values' },
  'error.BAD_JSON': { ko: '요청 본문이 올바른 JSON이 아닙니다', en: 'the request body is not valid JSON' },
  'error.NOT_FOUND': { ko: '찾을 수 없습니다: {what}', en: 'not found: {what}' },
  'error.PAYLOAD_TOO_LARGE': {
    ko: '요청이 너무 큽니다 (최대 {limit})',
    en: 'the request is too large (limit {limit})',
  },
  'error.UNAUTHENTICATED': { ko: '로그인이 필요합니다', en: 'login required' },
  'error.FORBIDDEN': { ko: '이 작업을 할 권한이 없습니다', en: 'your role does not allow this' },
});
