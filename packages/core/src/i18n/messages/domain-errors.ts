import { defineMessages } from '../define-messages.ts';

/**
 * Headings for the stable codes of domain errors (DalbitError subclasses), keyed `domain.<CODE>`.
 * The CLI's top-level handler prints the heading in the user's language before the detail, so
 * commands do not translate errors themselves.
 */
export const DOMAIN_ERROR_MESSAGES = defineMessages({
  'domain.FILE_NOT_FOUND': { ko: '파일을 찾을 수 없습니다', en: 'file not found' },
  'domain.FILE_UNREADABLE': { ko: '파일을 읽을 수 없습니다', en: 'cannot read the file' },
  'domain.BAD_MAPPING': { ko: '컬럼 매핑 파일이 잘못되었습니다', en: 'the column mapping file is invalid' },
  'domain.UNSUPPORTED_ENGINE': { ko: '이 엔진에서는 할 수 없습니다', en: 'this engine does not support it' },
  'domain.ENGINE_UNSUPPORTED': { ko: '이 엔진에서는 할 수 없습니다', en: 'this engine does not support it' },
  'domain.ROW_COUNT_MISMATCH': {
    ko: '기록한 행 수가 맞지 않아 취소했습니다',
    en: 'the written row count did not match; nothing was kept',
  },
  'domain.REJECTS_UNWRITABLE': {
    ko: '거부 행 파일을 쓸 수 없습니다 (아무것도 기록하지 않았습니다)',
    en: 'cannot write the rejects file (nothing was imported)',
  },
  'domain.MERGE_NOT_FOUND': { ko: '취소할 병합이 없습니다', en: 'no such merge' },
  'domain.MERGE_ALREADY_UNDONE': { ko: '이미 취소된 병합입니다', en: 'the merge is already undone' },
  'domain.MERGE_AMBIGUOUS': {
    ko: '어느 병합을 취소할지 정할 수 없습니다 (병합 id 로 지정하세요)',
    en: 'more than one merge matches; give the merge id',
  },
  'domain.TOO_FEW_BUYERS': { ko: '구매 고객이 너무 적습니다', en: 'too few buyers' },
  'domain.RUN_NOT_FOUND': { ko: '군집 실행을 찾을 수 없습니다', en: 'cluster run not found' },
  'domain.CLUSTER_NOT_FOUND': { ko: '군집을 찾을 수 없습니다', en: 'cluster not found' },
  'domain.NO_CUSTOMERS': { ko: '고객이 없습니다', en: 'no customers' },
  'domain.NO_REPEAT_SPEND': { ko: '재구매 금액이 없습니다', en: 'no repeat spend' },
  'domain.FIT_FAILED': { ko: '모형 적합 실패', en: 'model fit failed' },
  'domain.DEGENERATE_FIT': { ko: '모형이 데이터에 맞지 않습니다 (퇴화된 적합)', en: 'the model fit is degenerate' },
  'domain.BAD_CBS': { ko: 'CBS 파일이 잘못되었습니다', en: 'invalid CBS file' },
  'domain.UNKNOWN_CAMPAIGN': { ko: '캠페인을 찾을 수 없습니다', en: 'campaign not found' },
  'domain.UNKNOWN_CONTROL': { ko: '대조군에 속한 고객이 없습니다', en: 'the control arm has no customers' },
  'domain.NOT_FOUND': { ko: '찾을 수 없습니다', en: 'not found' },
  'domain.INVALID_SEGMENT': { ko: '세그먼트 정의가 올바르지 않습니다', en: 'invalid segment definition' },
  'domain.CORRUPT_DEFINITION': { ko: '저장된 정의가 손상되었습니다', en: 'the stored definition is corrupt' },
  'domain.INVALID_STORED': {
    ko: '저장된 캠페인이 더 이상 유효하지 않습니다',
    en: 'the stored campaign no longer validates',
  },
  'domain.UNKNOWN_COLUMN': { ko: '알 수 없는 컬럼', en: 'unknown column' },
  'domain.REASON_REQUIRED': { ko: '사유(--reason)가 필요합니다', en: 'a reason (--reason) is required' },
  'domain.BAD_POLICY': { ko: '준수 정책 파일이 잘못되었습니다', en: 'the compliance policy file is invalid' },
  'domain.IMPORT_FAILED': { ko: '가져오기에 실패했습니다', en: 'the import failed' },
  'domain.INVALID_AUDIENCE': {
    ko: '대상 고객(audience)을 정할 수 없습니다 — 저장·발송하지 않았습니다',
    en: 'the audience cannot be resolved; nothing saved or sent',
  },
  'domain.BAD_CHANNEL_CONFIG': { ko: '채널 환경 변수가 잘못되었습니다', en: 'invalid channel environment variables' },
});
