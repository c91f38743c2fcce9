import { defineMessages } from '../define-messages.ts';

/** What `dalbit serve` / `dalbit demo` print on start and stop and what each background loop reports per pass. */
export const RUNTIME_MESSAGES = defineMessages({
  'runtime.featuresRefreshed': {
    ko: '세그먼트 특성 갱신: 고객 {customers}명 ({ms} ms)',
    en: 'segment features refreshed: {customers} customers ({ms} ms)',
  },
  'runtime.dashboardStale': {
    ko: '대시보드 빌드가 없거나 소스보다 오래되었습니다: npm run build 를 실행하세요',
    en: 'the dashboard build is missing or older than its sources: run npm run build',
  },
  'runtime.serving': {
    ko: '대시보드: {url}/  ·  API 문서: {url}/openapi.json  (종료: Ctrl+C)',
    en: 'dashboard: {url}/  ·  API: {url}/openapi.json  (stop: Ctrl+C)',
  },
  'runtime.stopped': { ko: '서버를 종료했습니다', en: 'server stopped' },
  'runtime.dispatcherNoChannel': {
    ko: '[dispatcher] 설정된 발송 채널이 없습니다 (온사이트 메시지만 처리): DALBIT_SMTP_HOST, DALBIT_SOLAPI_API_KEY … 를 설정하세요',
    en: '[dispatcher] no channel configured (on-site messages only): set DALBIT_SMTP_HOST, DALBIT_SOLAPI_API_KEY, …',
  },
  'runtime.dispatcherChannels': {
    ko: '[dispatcher] {providers} · 수신 결과 POST /receipts/:provider',
    en: '[dispatcher] {providers} · receipts POST /receipts/:provider',
  },
  'runtime.schedulerPass': {
    ko: '캠페인 {campaigns}개 · 대상 {touches}: 대기열 {queued} · 연기 {deferred} · 차단 {blocked} · 대조군 {holdout}',
    en: '{campaigns} campaigns · touches {touches}: queued {queued} · deferred {deferred} · blocked {blocked} · holdout {holdout}',
  },
  'runtime.dispatcherPass': {
    ko: '발송 {claimed}건: 접수 {accepted} (중복 확인 {duplicates}) · 재시도 {retried} · 실패 {failed} · 확인 필요 {inDoubt} · 취소 {cancelled} · 대체발송 대기 {fallbacksQueued}',
    en: 'sent {claimed}: accepted {accepted} (already had {duplicates}) · retry {retried} · failed {failed} · in doubt {inDoubt} · cancelled {cancelled} · fallbacks queued {fallbacksQueued}',
  },
  'runtime.dailyRefreshPass': {
    ko: '일일 갱신 {ok}/{steps}단계 성공: {detail}',
    en: 'daily refresh {ok}/{steps} steps ok: {detail}',
  },
});
