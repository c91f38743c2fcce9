import { defineMessages } from '../define-messages.ts';

/** The access log's verification (`audit.*`): `dalbit audit verify`, the check at `serve` start, the API. */
export const AUDIT_MESSAGES = defineMessages({
  'audit.ok': {
    ko: '접근 기록 검증 통과: {entries}건, 마지막 #{seq} (변조·삭제·잘림 없음)',
    en: 'access log verified: {entries} entries, last #{seq} (no edit, deletion or truncation)',
  },
  'audit.legacy': {
    ko: '순번이 없는 예전 기록 {count}건은 검증할 수 없어 건너뛰었습니다',
    en: '{count} older entries without sequence numbers cannot be proven and were skipped',
  },
  'audit.failed': {
    ko: '접근 기록이 변조되었거나 일부가 사라졌습니다 ({count}건의 문제). 데이터 디렉터리의 백업과 비교하고, 누가 warehouse 파일에 접근했는지 확인하세요',
    en: 'the access log was tampered with or lost entries ({count} problems); compare with a backup of the data directory and check who accessed the warehouse file',
  },
  'audit.problem.edited': { ko: '수정됨', en: 'edited' },
  'audit.problem.gap': { ko: '순번 빠짐 (삭제)', en: 'sequence gap (deleted)' },
  'audit.problem.broken_link': { ko: '앞 기록과 연결이 끊김', en: 'link to the previous entry broken' },
  'audit.problem.truncated': { ko: '끝부분이 잘림', en: 'end cut off' },
  'audit.problem.head_mismatch': {
    ko: '기준점(audit-head.json)과 다름',
    en: 'differs from the head (audit-head.json)',
  },
  'audit.serveRefused': {
    ko: '접근 기록 검증에 실패해 서버를 시작하지 않습니다 (--audit-strict). dalbit audit verify 로 자세히 확인하세요',
    en: 'the access log does not verify; not starting (--audit-strict). See dalbit audit verify',
  },
  'audit.serveWarning': {
    ko: '경고: 접근 기록 검증 실패 — 서버는 시작하지만 개인정보 접근 기록을 신뢰할 수 없습니다. dalbit audit verify 로 확인하세요',
    en: 'WARNING: the access log does not verify — serving anyway, but the personal-data access log cannot be trusted. See dalbit audit verify',
  },
});
