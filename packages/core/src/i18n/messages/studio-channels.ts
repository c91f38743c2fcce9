import { defineMessages } from '../define-messages.ts';

/**
 * The settings page's channel section: each channel's credential status (never the values), its
 * last error, and a test send of one real message to an address the user types.
 */
export const STUDIO_CHANNEL_MESSAGES = defineMessages({
  'studio.channels.title': { ko: '발송 채널 연결 상태', en: 'Sending channels' },
  'studio.channels.hint': {
    ko: '인증 정보는 서버 환경 변수로만 설정하며 화면에는 절대 표시하지 않습니다. 설정 상태와 마지막 오류만 보입니다.',
    en: 'Credentials are set only in the server environment and are never shown here: only whether they are set and the last error.',
  },
  'studio.channels.configured': { ko: '설정됨 ({provider})', en: 'Configured ({provider})' },
  'studio.channels.missing': { ko: '미설정: {keys}', en: 'Not configured: {keys}' },
  'studio.channels.badConfig': {
    ko: '환경 변수 값이 올바르지 않습니다: {keys}',
    en: 'Invalid environment variables: {keys}',
  },
  'studio.channels.noError': { ko: '최근 오류 없음', en: 'No recent error' },
  'studio.channels.lastError': {
    ko: '마지막 오류 {at} ({source}): {reason}',
    en: 'Last error {at} ({source}): {reason}',
  },
  'studio.channels.source.send': { ko: '캠페인 발송', en: 'campaign send' },
  'studio.channels.source.test': { ko: '테스트 발송', en: 'test send' },
  'studio.channels.lastTest': { ko: '마지막 테스트 성공 {at}', en: 'Last successful test {at}' },
  'studio.channels.to.sms': { ko: '받을 휴대폰 번호', en: 'Mobile number to receive it' },
  'studio.channels.to.email': { ko: '받을 이메일 주소', en: 'Email address to receive it' },
  'studio.channels.to.webhook': { ko: '수신자 표시 (페이로드에 담김)', en: 'Recipient label (in the payload)' },
  'studio.channels.from.sms': { ko: '발신번호 (사전 등록)', en: 'Sender number (registered)' },
  'studio.channels.from.email': { ko: '보내는 주소', en: 'From address' },
  'studio.channels.test': { ko: '테스트 발송', en: 'Send a test' },
  'studio.channels.sent': {
    ko: '테스트 메시지를 보냈습니다 ({provider}, 접수 번호 {id})',
    en: 'Test message sent ({provider}, id {id})',
  },
  'studio.channels.readOnly': {
    ko: '테스트 발송은 소유자와 마케터만 할 수 있습니다.',
    en: 'Only owners and marketers can send a test.',
  },
  'studio.channels.notTestable': {
    ko: '카카오·푸시는 승인 템플릿·기기 토큰이 필요해 캠페인 미리보기로 확인하세요.',
    en: 'Kakao and push need an approved template or a device token: check them with the campaign preview.',
  },
  'studio.channels.testText': {
    ko: '[달빛 CRM] 발송 테스트입니다. 이 메시지가 보이면 {channel} 설정이 정상입니다.',
    en: '[Dalbit CRM] Test message. If you can read this, {channel} is set up correctly.',
  },
  'studio.channels.testSubject': { ko: '[달빛 CRM] 발송 테스트', en: '[Dalbit CRM] Test message' },
  'studio.channels.error.notTestable': {
    ko: '이 채널은 테스트 발송을 지원하지 않습니다: {channel}',
    en: 'This channel has no test send: {channel}',
  },
  'studio.channels.error.notConfigured': {
    ko: '{channel} 채널의 인증 정보가 설정되지 않았습니다. 서버 환경 변수 {keys} 를 설정하고 다시 시작하세요.',
    en: 'The {channel} channel has no credentials. Set {keys} in the server environment and restart.',
  },
  'studio.channels.error.phone': {
    ko: '휴대폰 번호가 올바르지 않습니다 (예: 010-1234-5678)',
    en: 'Not a mobile number (e.g. 010-1234-5678)',
  },
  'studio.channels.error.email': {
    ko: '이메일 주소가 올바르지 않습니다 (예: me@example.com)',
    en: 'Not an email address (e.g. me@example.com)',
  },
  'studio.channels.error.from': { ko: '발신번호는 숫자 8–12자리입니다', en: 'A sender number is 8–12 digits' },
  'studio.channels.error.label': {
    ko: '수신자 표시를 입력하세요 (1–100자)',
    en: 'Type a recipient label (1–100 characters)',
  },
  'studio.channels.error.failed': {
    ko: '테스트 발송이 실패했습니다 ({code}): {reason}',
    en: 'The test send failed ({code}): {reason}',
  },
  'studio.channels.reason.RATE_LIMITED': { ko: '발송사가 요청 속도를 제한했습니다', en: 'the provider throttled us' },
  'studio.channels.reason.PROVIDER_DOWN': {
    ko: '발송사 서버에 연결할 수 없거나 응답이 없습니다',
    en: 'the provider could not be reached or did not answer',
  },
  'studio.channels.reason.BAD_RECIPIENT': {
    ko: '받는 번호·주소를 발송사가 거부했습니다',
    en: 'the provider refused the recipient',
  },
  'studio.channels.reason.RECIPIENT_OPTED_OUT': {
    ko: '받는 사람이 080 수신거부를 했습니다',
    en: 'the recipient opted out through the 080 service',
  },
  'studio.channels.reason.TEMPLATE_REJECTED': {
    ko: '알림톡 템플릿이 승인되지 않았거나 변수가 맞지 않습니다',
    en: 'the AlimTalk template is not approved or its variables do not match',
  },
  'studio.channels.reason.CONTENT_REJECTED': {
    ko: '발송사가 내용을 거부했습니다',
    en: 'the provider refused the content',
  },
  'studio.channels.reason.AUTH_FAILED': {
    ko: '인증 실패: API 키·비밀번호 또는 등록되지 않은 발신번호를 확인하세요',
    en: 'authentication failed: check the API key, password or the registered sender',
  },
  'studio.channels.reason.DUPLICATE': {
    ko: '같은 메시지가 이미 접수되었습니다',
    en: 'the same message was already accepted',
  },
  'studio.channels.reason.other': { ko: '발송사 오류 코드 {code}', en: 'provider error {code}' },
  'studio.settings.extraBlocks': {
    ko: '추가 휴무일 (이 기간에는 광고를 보내지 않음)',
    en: 'Extra days without ads',
  },
  'studio.settings.blockName': { ko: '이름', en: 'Name' },
  'studio.settings.blockFrom': { ko: '시작일', en: 'From' },
  'studio.settings.blockTo': { ko: '종료일', en: 'To' },
  'studio.settings.blockAdd': { ko: '+ 휴무일 추가', en: '+ Add days' },
  'studio.settings.blockRemove': { ko: '삭제', en: 'Remove' },
});
