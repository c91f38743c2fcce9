import { defineMessages } from '../define-messages.ts';

/** Shop connectors (`connectors.*`): errors, the CLI and the dashboard's connections page. */
export const CONNECTOR_MESSAGES = defineMessages({
  'connectors.error.CONNECTOR_NOT_FOUND': { ko: '연결을 찾을 수 없습니다: {id}', en: 'no such connection: {id}' },
  'connectors.error.CONNECTOR_STATE_MISMATCH': {
    ko: '연결 요청이 만료되었거나 올바르지 않습니다. 연결을 처음부터 다시 시작하세요',
    en: 'the connection request expired or does not match; start connecting again',
  },
  'connectors.error.CONNECTOR_AUTH_FAILED': {
    ko: '쇼핑몰 인증에 실패했습니다 ({detail}). 클라이언트 ID·시크릿을 확인하거나 다시 연결하세요',
    en: 'the shop refused the credentials ({detail}); check the client id and secret or connect again',
  },
  'connectors.error.CONNECTOR_RATE_LIMITED': {
    ko: '쇼핑몰 API 호출 한도를 넘어 잠시 후 이어서 가져옵니다',
    en: 'the shop API rate limit was reached; the sync resumes later',
  },
  'connectors.error.CONNECTOR_UNREACHABLE': {
    ko: '쇼핑몰 API에 연결할 수 없습니다 ({detail})',
    en: 'cannot reach the shop API ({detail})',
  },
  'connectors.error.CONNECTOR_HTTP': {
    ko: '쇼핑몰 API가 오류로 응답했습니다 (HTTP {status}: {detail})',
    en: 'the shop API answered with an error (HTTP {status}: {detail})',
  },
  'connectors.error.CONNECTOR_BAD_PAYLOAD': {
    ko: '쇼핑몰 API 응답 형식이 예상과 다릅니다 ({detail})',
    en: 'the shop API answer has an unexpected shape ({detail})',
  },
  'connectors.error.CONNECTOR_NOT_CONNECTED': {
    ko: '아직 연결이 완료되지 않았습니다: {id}',
    en: 'the connection is not complete yet: {id}',
  },
  'connectors.error.CONNECTOR_BAD_SIGNATURE': {
    ko: '웹훅 서명이 올바르지 않습니다',
    en: 'the webhook signature does not verify',
  },
  'cli.group.sync': {
    ko: '연결된 쇼핑몰(카페24·스마트스토어)에서 바뀐 회원·주문·상품을 가져옵니다',
    en: 'fetch changed members, orders and products from the connected shops (Cafe24, SmartStore)',
  },
  'cli.group.connect': {
    ko: '쇼핑몰 연결: 카페24 (OAuth 동의 주소 출력) · 스마트스토어 (키 확인 후 저장)',
    en: 'connect a shop: Cafe24 (prints the OAuth consent address) · SmartStore (checks and stores the keys)',
  },
  'connectors.sync.none': {
    ko: '연결된 쇼핑몰이 없습니다 (dalbit connect)',
    en: 'no shop is connected (dalbit connect)',
  },
  'connectors.sync.line': {
    ko: '{id}: {summary} 가져옴',
    en: '{id}: {summary} fetched',
  },
  'connectors.sync.nothing': {
    ko: '{id}: 새 데이터 없음 ({summary})',
    en: '{id}: nothing new ({summary})',
  },
  'connectors.cli.secretEnv': {
    ko: '{name} 환경 변수에 시크릿을 넣어 주세요 (시크릿은 셸 기록과 프로세스 목록에 남지 않도록 플래그가 아니라 환경 변수로 받습니다)',
    en: 'set {name} (the secret is read from the environment, not from a flag, so it stays out of shell history and process lists)',
  },
  'connectors.cli.badSince': {
    ko: '--since: 날짜로 읽을 수 없습니다: {value} (예: 2026-12-01 또는 2026-12-01T09:00:00+09:00)',
    en: '--since: not a date: {value} (e.g. 2026-12-01 or 2026-12-01T09:00:00+09:00)',
  },
  'connectors.cli.badMallId': {
    ko: '--mall-id: 카페24 쇼핑몰 ID는 영문 소문자·숫자·-·_ 2~50자입니다: {value}',
    en: '--mall-id: a Cafe24 mall id is 2–50 letters, digits, - or _: {value}',
  },
  'connectors.cli.failed': {
    ko: '동기화에 실패한 연결 {n}개: {list}',
    en: '{n} connections failed to sync: {list}',
  },
  'connectors.sync.failed': { ko: '{id}: 동기화 실패 — {message}', en: '{id}: sync failed — {message}' },
  'connectors.connect.open': {
    ko: '브라우저에서 다음 주소를 열어 앱 설치에 동의하세요:\n{url}',
    en: 'open this address in a browser and approve the app:\n{url}',
  },
  'connectors.demo.opt': {
    ko: '로컬 카페24·스마트스토어 서버도 띄워 연결하고 동기화합니다',
    en: 'also start local Cafe24 and SmartStore servers, connect and sync them',
  },
  'connectors.demo.shops': {
    ko: '데모 쇼핑몰 연결 (로컬 프로토콜 서버): 카페24 {cafe24} · 스마트스토어 {naver}',
    en: 'demo shops connected (local protocol servers): Cafe24 {cafe24} · SmartStore {naver}',
  },
  'connectors.demo.live': {
    ko: "데모 카페24 몰에 {n}분마다 새 주문이 들어오고 {n}분마다 자동 동기화됩니다: 대시보드의 '쇼핑몰 연결'에서 확인하세요",
    en: "a new order arrives on the demo Cafe24 mall every {n} min and syncs every {n} min: see 'Shop connections' in the dashboard",
  },
  'connectors.connect.done': { ko: '연결되었습니다: {id}', en: 'connected: {id}' },
  'connectors.page.title': { ko: '쇼핑몰 연결', en: 'Shop connections' },
  'connectors.page.lead': {
    ko: '카페24·스마트스토어를 연결하면 회원·주문·동의가 파일 업로드 없이 주기적으로 들어옵니다.',
    en: 'Connect Cafe24 or SmartStore and members, orders and consents arrive on a schedule, without uploads.',
  },
  'connectors.page.empty': { ko: '아직 연결된 쇼핑몰이 없습니다.', en: 'No shop is connected yet.' },
  'connectors.page.provider.cafe24': { ko: '카페24', en: 'Cafe24' },
  'connectors.page.provider.smartstore': { ko: '네이버 스마트스토어', en: 'Naver SmartStore' },
  'connectors.page.mallId': { ko: '쇼핑몰 ID (mall_id)', en: 'Mall id (mall_id)' },
  'connectors.page.clientId': { ko: '클라이언트 ID', en: 'Client id' },
  'connectors.page.clientSecret': { ko: '클라이언트 시크릿', en: 'Client secret' },
  'connectors.page.serviceKey': { ko: '서비스 키 (웹훅 서명)', en: 'Service key (webhook signature)' },
  'connectors.page.apiBase': { ko: 'API 주소 (비우면 기본값)', en: 'API address (empty: default)' },
  'connectors.page.connect': { ko: '연결하기', en: 'Connect' },
  'connectors.page.syncNow': { ko: '지금 동기화', en: 'Sync now' },
  'connectors.page.disconnect': { ko: '연결 해제', en: 'Disconnect' },
  'connectors.page.status.pending': { ko: '동의 대기', en: 'waiting for approval' },
  'connectors.page.status.connected': { ko: '연결됨', en: 'connected' },
  'connectors.page.status.error': { ko: '오류', en: 'error' },
  'connectors.page.status.disconnected': { ko: '해제됨', en: 'disconnected' },
  'connectors.page.lastSync': { ko: '마지막 동기화', en: 'Last sync' },
  'connectors.page.nextRun': { ko: '다음 실행', en: 'Next run' },
  'connectors.page.never': { ko: '아직 없음', en: 'never' },
  'connectors.page.rows': { ko: '가져온 행 (누적)', en: 'Rows fetched (total)' },
  'connectors.page.lastError': { ko: '마지막 오류', en: 'Last error' },
  'connectors.page.resource.customers': { ko: '회원', en: 'members' },
  'connectors.page.resource.orders': { ko: '주문', en: 'orders' },
  'connectors.page.resource.products': { ko: '상품', en: 'products' },
  'connectors.page.resource.product_orders': { ko: '상품주문', en: 'product orders' },
  'connectors.page.resource.coupons': { ko: '쿠폰', en: 'coupons' },
  'connectors.page.synced': {
    ko: '동기화 완료 ({time}): {summary}',
    en: 'sync finished ({time}): {summary}',
  },
  'connectors.page.syncedNothing': {
    ko: '동기화 완료 ({time}): 새 데이터 없음 ({summary})',
    en: 'sync finished ({time}): nothing new ({summary})',
  },
  'connectors.page.interval': { ko: '자동 동기화 주기', en: 'Automatic sync every' },
  'connectors.page.everyMinutes': { ko: '{n}분마다', en: 'every {n} min' },
  'connectors.page.everyHours': { ko: '{n}시간마다', en: 'every {n} h' },
  'connectors.page.confirmDisconnect': {
    ko: '연결을 해제하면 토큰이 폐기되고 자동 동기화가 멈춥니다. 이미 가져온 데이터는 남습니다.',
    en: 'Disconnecting revokes the tokens and stops the scheduled sync; data already fetched stays.',
  },
  'connectors.page.secretSet': { ko: '시크릿 저장됨 (암호화)', en: 'secret stored (encrypted)' },
});
