import { defineMessages } from '../define-messages.ts';

/** Tracker write key, signed shop identify, request limits and JSON bodies (`tracker.*`). */
export const TRACKER_MESSAGES = defineMessages({
  'tracker.writeKeyRequired': {
    ko: '트래커 쓰기 키(key)가 필요합니다. 스니펫의 data-key를 확인하세요',
    en: 'the tracker write key (key) is required; check data-key on the snippet',
  },
  'tracker.badWriteKey': {
    ko: '트래커 쓰기 키가 올바르지 않습니다 (dalbit tracker keys로 확인)',
    en: 'the tracker write key is not valid (see dalbit tracker keys)',
  },
  'tracker.notConfigured': {
    ko: '이 서버에는 트래커 키가 설정되지 않았습니다',
    en: 'tracker keys are not configured on this server',
  },
  'tracker.rateLimited': {
    ko: '요청이 너무 많습니다. {seconds}초 뒤에 다시 보내세요',
    en: 'too many requests; retry in {seconds} seconds',
  },
  'tracker.busy': {
    ko: '이벤트 저장 대기열이 가득 찼습니다. {seconds}초 뒤에 다시 보내세요',
    en: 'the event write queue is full; retry in {seconds} seconds',
  },
  'tracker.tooManyEvents': {
    ko: '한 번에 보낼 수 있는 이벤트는 최대 {max}건입니다 (받은 건수: {count})',
    en: 'at most {max} events per request (got {count})',
  },
  'tracker.signatureRequired': {
    ko: '서명 헤더가 필요합니다: Dalbit-Signature: t=<유닉스 초>,v1=<HMAC-SHA256>',
    en: 'the signature header is required: Dalbit-Signature: t=<unix seconds>,v1=<HMAC-SHA256>',
  },
  'tracker.badSignature': {
    ko: '서명이 올바르지 않습니다. 비밀 키와 서명 방식을 확인하세요 (docs/api.md)',
    en: 'the signature does not match; check the secret key and the signing scheme (docs/api.md)',
  },
  'tracker.staleSignature': {
    ko: '서명 시각이 허용 범위(±{seconds}초)를 벗어났습니다. 서버 시계를 확인하세요',
    en: 'the signature timestamp is outside the allowed window (±{seconds} s); check the clock',
  },
  'tracker.identifyEmpty': {
    ko: '식별 정보(member_id 또는 phone)가 하나는 있어야 합니다',
    en: 'each identity needs member_id or phone',
  },
  'tracker.keysTitle': {
    ko: '사이트 {site}의 트래커 키 ({file}, 권한 0600)',
    en: 'tracker keys of site {site} ({file}, mode 0600)',
  },
  'tracker.writeKeyLine': {
    ko: '쓰기 키 (공개, 스니펫에 넣음): {key}',
    en: 'write key (public, goes in the snippet): {key}',
  },
  'tracker.secretKeyLine': {
    ko: '비밀 키 (쇼핑몰 서버 전용, 절대 브라우저에 넣지 마세요): {key}',
    en: 'secret key (shop server only, never in a browser): {key}',
  },
  'tracker.snippetTitle': { ko: '쇼핑몰 페이지에 넣을 스니펫:', en: 'snippet for the shop pages:' },
  'tracker.identifyHint': {
    ko: '로그인한 회원 연결: 쇼핑몰 서버가 비밀 키로 서명해 POST /api/identify (docs/api.md)',
    en: 'link logged-in members: the shop server signs POST /api/identify with the secret key (docs/api.md)',
  },
  'tracker.rotated': {
    ko: '새 키를 만들었습니다. 스니펫과 쇼핑몰 서버의 키를 바꾸고 서버를 다시 시작하세요',
    en: 'new keys created; update the snippet and the shop server, then restart the server',
  },
  'json.bad': { ko: '요청 본문이 올바른 JSON이 아닙니다', en: 'the request body is not valid JSON' },
  'json.empty': { ko: '요청 본문이 비어 있습니다 (JSON 필요)', en: 'the request body is empty (JSON expected)' },
  'json.tooDeep': {
    ko: 'JSON이 너무 깊게 중첩되어 있습니다 (최대 {max}단계)',
    en: 'the JSON nests too deeply (at most {max} levels)',
  },
});
