import { defineMessages } from '../define-messages.ts';

/** `dalbit dispatcher`: option help and what it prints. */
export const CLI_DISPATCHER_MESSAGES = defineMessages({
  'cli.dispatcher.opt.once': {
    ko: '발송할 것을 한 번 모두 처리하고 종료',
    en: 'one pass over everything due, then exit',
  },
  'cli.dispatcher.opt.interval': { ko: '할 일이 없을 때 쉬는 시간 (기본값 1s)', en: 'pause when idle (default 1s)' },
  'cli.dispatcher.opt.port': {
    ko: '수신 결과 웹훅 포트 (기본값 8788; 0 = 빈 포트)',
    en: 'delivery-report webhook port (default 8788; 0 = any free port)',
  },
  'cli.dispatcher.opt.host': { ko: '수신 주소 (기본값 127.0.0.1)', en: 'listen address (default 127.0.0.1)' },
  'cli.dispatcher.opt.noReceipts': {
    ko: '수신 결과 서버를 시작하지 않음',
    en: 'do not start the delivery-report server',
  },
  'cli.dispatcher.opt.batchSize': {
    ko: '한 번에 가져올 메시지 수 (공급자별 한도 적용)',
    en: 'messages per claim (capped by each provider)',
  },
  'cli.dispatcher.opt.lockMs': {
    ko: '가져온 메시지 잠금 시간 ms (기본값 120000)',
    en: 'claim lock duration in ms (default 120000)',
  },
  'cli.dispatcher.opt.workerId': {
    ko: '잠금에 쓰는 이 작업자 이름 (기본값 host:pid)',
    en: 'name of this worker in locks (default host:pid)',
  },
  'cli.dispatcher.opt.json': { ko: '한 줄에 JSON 객체 하나', en: 'one JSON object per line' },
  'cli.dispatcher.duration': { ko: '500ms, 1s, 2m 처럼 쓰세요', en: 'use 500ms, 1s or 2m' },
  'cli.dispatcher.pass': {
    ko: '발송 {claimed}건: 접수 {accepted} (중복 확인 {duplicates}) · 재시도 {retried} · 실패 {failed} · 확인 필요 {inDoubt} · 취소 {cancelled} · 대체발송 대기 {fallbacksQueued}',
    en: 'sent {claimed}: accepted {accepted} (already had {duplicates}) · retry {retried} · failed {failed} · in doubt {inDoubt} · cancelled {cancelled} · fallbacks queued {fallbacksQueued}',
  },
  'cli.dispatcher.started': {
    ko: '발송기 시작 ({workerId}): {channels}{receipts} (종료: Ctrl+C)',
    en: 'dispatcher started ({workerId}): {channels}{receipts} (stop: Ctrl+C)',
  },
  'cli.dispatcher.receipts': { ko: ' · 수신 결과 {url}', en: ' · receipts {url}' },
  'cli.dispatcher.stopped': { ko: '발송기 종료 · 합계 {line}', en: 'dispatcher stopped · total {line}' },
});
