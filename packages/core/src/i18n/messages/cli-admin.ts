import { defineMessages } from '../define-messages.ts';

/** `dalbit init|stats|customers|demo|serve|audit|users|tracker|connect|sync` and `campaign report`: help and output. */
export const CLI_ADMIN_MESSAGES = defineMessages({
  'cli.init.ready': { ko: '웨어하우스 준비 완료: {dataDir} ({engine})', en: 'warehouse ready: {dataDir} ({engine})' },
  'cli.login.existing': {
    ko: '기존 계정으로 로그인하세요 (비밀번호 재설정: dalbit users reset-password <이메일>)',
    en: 'log in with an existing account (reset a password: dalbit users reset-password <email>)',
  },

  'cli.stats.customers': { ko: '고객', en: 'customers' },
  'cli.stats.multi': { ko: '2개 이상 채널 고객', en: 'customers on 2+ channels' },
  'cli.stats.orders': { ko: '주문', en: 'orders' },
  'cli.stats.lines': { ko: '주문 품목', en: 'order lines' },
  'cli.stats.events': { ko: '행동 이벤트', en: 'events' },
  'cli.stats.consents': { ko: '수신동의 기록', en: 'consent records' },
  'cli.stats.merges': { ko: '병합 (유효 / 취소)', en: 'merges (active / undone)' },
  'cli.stats.status': { ko: '주문 상태별', en: 'orders by status' },
  'cli.stats.revenue': { ko: '채널별 매출 (결제 완료 주문)', en: 'revenue by channel (paid orders)' },
  'cli.stats.row': {
    ko: '{channel}: {orders}건, {revenue}, 고객 {customers}명',
    en: '{channel}: {orders} orders, {revenue}, {customers} customers',
  },
  'cli.won': { ko: '{amount}원', en: '{amount} KRW' },

  'cli.customers.show': {
    ko: '고객 한 명의 프로필, 식별키, 채널, 주문, 수신동의, 병합 (id, 형식 무관 전화번호, 이메일, 회원 키로 찾기)',
    en: 'profile, identities, channels, orders, consents and merges of a customer (id, phone in any format, email, or member key)',
  },
  'cli.customers.merges': { ko: '병합 이력 (최근 것 먼저)', en: 'list merges, newest first' },
  'cli.customers.unmerge': {
    ko: '병합 취소 (병합 id 또는 병합되어 사라진 고객 id); 다시 병합되지 않음',
    en: 'undo a merge (by merge id, or the id of the customer that was merged away); it will not be re-merged',
  },
  'cli.customers.opt.orders': { ko: '보여 줄 최근 주문 수', en: 'how many recent orders to list' },
  'cli.customers.opt.limit': { ko: '최대 개수', en: 'at most this many' },
  'cli.customers.notFound': { ko: '고객을 찾을 수 없습니다: {reason}', en: 'customer not found: {reason}' },
  'cli.customers.noProfile': {
    ko: '고객 {id} 의 프로필 행이 없습니다',
    en: 'customer {id} has no profile row',
  },
  'cli.customers.profile': { ko: '프로필', en: 'Profile' },
  'cli.customers.identities': { ko: '식별키', en: 'Identities' },
  'cli.customers.channels': { ko: '채널', en: 'Channels' },
  'cli.customers.orders': { ko: '주문', en: 'Orders' },
  'cli.customers.lastOrders': { ko: '최근 주문', en: 'Last orders' },
  'cli.customers.consents': { ko: '수신동의 (채널·목적별 최신)', en: 'Consents (latest per channel and purpose)' },
  'cli.customers.mergeHistory': { ko: '병합 이력', en: 'Merges' },
  'cli.customers.none': { ko: '(없음)', en: '(none)' },
  'cli.customers.mergedFrom': { ko: '{id} 병합됨', en: '{id} merged' },
  'cli.customers.summary': {
    ko: '전체 {orders}건, 결제 {paid}건, 매출 {revenue}, 첫 주문 {first}, 최근 주문 {last}',
    en: '{orders} orders, {paid} paid, revenue {revenue}, first {first}, last {last}',
  },
  'cli.customers.undone': { ko: '취소됨', en: 'undone' },
  'cli.customers.unmerged': {
    ko: '병합 취소: {loser} ← {winner} 분리 ({merge}). 되돌린 행: {rows}',
    en: 'unmerged {loser} from {winner} ({merge}); rows restored: {rows}',
  },
  'cli.customers.noMerges': { ko: '병합 이력이 없습니다', en: 'no merges' },

  'cli.demo.generate': {
    ko: '데모 내보내기 파일과 manifest.json 만 생성',
    en: 'only write the demo export files and manifest.json',
  },
  'cli.demo.opt.customers': { ko: '고객 수 (기본값 50000)', en: 'number of customers (default 50000)' },
  'cli.demo.opt.seed': {
    ko: '난수 시드; 같은 시드면 바이트까지 같은 파일 (기본값 7)',
    en: 'random seed; the same seed gives byte-identical files (default 7)',
  },
  'cli.demo.opt.events': {
    ko: '고객당 평균 행동 이벤트 수, 0 = 없음 (기본값 12)',
    en: 'mean behavioural events per customer, 0 = none (default 12)',
  },
  'cli.demo.opt.asOf': {
    ko: '데이터의 마지막 날, YYYY-MM-DD KST (기본값 2026-11-15)',
    en: 'last day of the data, YYYY-MM-DD KST (default 2026-11-15)',
  },
  'cli.demo.opt.noServe': {
    ko: '끝난 뒤 서버와 대시보드를 띄우지 않음 (--json 이면 띄우지 않음)',
    en: 'do not start the server and dashboard afterwards (implied by --json)',
  },
  'cli.demo.opt.out': {
    ko: '출력 디렉터리 (기본값 <data-dir>/demo-files)',
    en: 'output directory (default <data-dir>/demo-files)',
  },
  'cli.demo.brand': {
    ko: "데모 브랜드 '{brand}': 고객 {customers}명 (seed {seed}, ~{asOf}) → {outDir}",
    en: "demo brand '{brand}': {customers} customers (seed {seed}, to {asOf}) → {outDir}",
  },
  'cli.demo.imported': {
    ko: '파일 {files}개 가져옴: 행 {read} 읽음, {written} 기록, {rejected} 거부',
    en: '{files} files imported: {read} rows read, {written} written, {rejected} rejected',
  },
  'cli.demo.customers': {
    ko: '통합 고객 {customers}명, 병합 {merges}건',
    en: '{customers} unified customers, {merges} merges',
  },
  'cli.demo.byChannel': {
    ko: '채널별 주문 / 매출 (취소·반품 제외):',
    en: 'orders / revenue by channel (without cancelled and returned lines):',
  },
  'cli.demo.took': {
    ko: '소요 시간 {total}초 (생성 {generate}초 + 가져오기 {import}초)',
    en: 'took {total} s (generate {generate} s + import {import} s)',
  },
  'cli.demo.generated': {
    ko: '파일 {files}개 생성 ({seconds}초), 가져오는 중…',
    en: '{files} files generated ({seconds} s), importing…',
  },
  'cli.demo.segments': { ko: '레시피 세그먼트 {count}개 생성', en: '{count} recipe segments created' },
  'cli.demo.campaign': {
    ko: '캠페인 {id}: 대상 {touches}건 실행됨 (결과 주문 {orders}건 생성)',
    en: 'campaign {id}: {touches} touches run ({orders} result orders planted)',
  },
  'cli.demo.refreshFailed': { ko: '갱신 실패: {steps}', en: 'refresh failed: {steps}' },
  'cli.demo.files': { ko: '{outDir}: 파일 {files}개 ({seconds}초)', en: '{outDir}: {files} files ({seconds} s)' },

  'cli.serve.opt.port': {
    ko: 'HTTP 포트 (기본값 8787; 0 = 빈 포트 아무거나)',
    en: 'HTTP port (default 8787; 0 = any free port)',
  },
  'cli.serve.opt.host': { ko: '수신 주소 (기본값 127.0.0.1)', en: 'listen address (default 127.0.0.1)' },
  'cli.serve.opt.auditStrict': {
    ko: '접근 기록이 검증되지 않으면 시작하지 않음 (기본값: 크게 경고만)',
    en: 'refuse to start when the access log does not verify (default: warn loudly)',
  },
  'cli.serve.opt.noScheduler': { ko: '캠페인 스케줄러 끄기', en: 'do not run the campaign scheduler' },
  'cli.serve.opt.schedulerInterval': {
    ko: '스케줄러 실행 간격 (기본값 60s)',
    en: 'scheduler pass every … (default 60s)',
  },
  'cli.serve.opt.noDispatcher': {
    ko: '발송기 끄기 (outbox 발송과 전송 결과 수신 안 함)',
    en: 'do not send from the outbox nor take delivery reports',
  },
  'cli.serve.opt.dispatchInterval': {
    ko: '할 일이 없을 때 발송기 대기 시간 (기본값 1s)',
    en: 'dispatcher pause when idle (default 1s)',
  },
  'cli.serve.opt.refreshAt': {
    ko: '분석과 세그먼트의 일일 갱신 시각, KST (기본값 04:00)',
    en: 'daily refresh of analytics and segments, KST (default 04:00)',
  },
  'cli.serve.opt.noDailyRefresh': { ko: '일일 갱신 끄기', en: 'no daily refresh' },
  'cli.serve.opt.reconfirmAt': {
    ko: '2년 주기 수신동의 확인 안내를 보내는 매일의 시각, KST (기본값 10:00)',
    en: 'daily 2-year consent re-confirmation notices, KST (default 10:00)',
  },
  'cli.serve.opt.noReconfirmation': { ko: '수신동의 확인 안내 끄기', en: 'no consent re-confirmation notices' },

  'cli.audit.verify': {
    ko: '데이터 디렉터리의 키와 헤드로 접근 기록 체인 검증 (변조되었으면 exit 65)',
    en: 'check the access log chain against the key and head in the data directory (exit 65 if tampered)',
  },

  'cli.users.add': {
    ko: '계정 추가; --password 가 없으면 임의 비밀번호를 출력',
    en: 'add an account; prints a random password unless --password is given',
  },
  'cli.users.list': { ko: '모든 계정과 역할', en: 'every account with its role' },
  'cli.users.disable': {
    ko: '계정 비활성화; 세션과 API 토큰이 바로 끝남',
    en: 'disable an account; its sessions and API tokens end at once',
  },
  'cli.users.resetPassword': {
    ko: '새 비밀번호 설정 (--password 가 없으면 임의); 모든 곳에서 로그아웃',
    en: 'set a new password (random unless --password); logs the user out everywhere',
  },
  'cli.users.token': {
    ko: '이 사용자로 동작하는 API bearer 토큰 발급 (한 번만 표시)',
    en: 'issue an API bearer token acting as this user (shown once)',
  },
  'cli.users.opt.role': {
    ko: '역할: owner | marketer | analyst | privacy',
    en: 'role: owner | marketer | analyst | privacy',
  },
  'cli.users.opt.name': { ko: '표시 이름', en: 'display name' },
  'cli.users.opt.password': { ko: '처음 비밀번호 (10자 이상)', en: 'initial password (at least 10 characters)' },
  'cli.users.opt.newPassword': { ko: '새 비밀번호 (10자 이상)', en: 'the new password (at least 10 characters)' },
  'cli.users.opt.label': { ko: '토큰의 용도', en: 'what the token is for' },
  'cli.users.disabledMark': { ko: '[비활성]', en: '[disabled]' },
  'cli.users.disabled': { ko: '비활성화했습니다: {email}', en: 'disabled: {email}' },

  'cli.tracker.keys': {
    ko: '공개 write key, 스니펫, 서명된 identify 용 비밀 키 보기 (소유자만: 파일 권한 0600)',
    en: 'show the public write key, the snippet and the secret key for signed identify (owner only: the file is 0600)',
  },
  'cli.tracker.opt.url': {
    ko: '스니펫에 넣을 이 서버의 공개 URL (기본값 DALBIT_PUBLIC_URL 또는 http://127.0.0.1:8787)',
    en: 'public URL of this server, for the snippet (default DALBIT_PUBLIC_URL or http://127.0.0.1:8787)',
  },
  'cli.tracker.opt.rotate': { ko: 'write key 와 비밀 키 교체', en: 'replace the write key and the secret key' },

  'cli.campaignReport.describe': {
    ko: '캠페인 성과 리포트: 퍼널, 홀드아웃 대비 효과(95% 구간), 승자, 일별 추이',
    en: 'campaign report: funnel, lift vs holdout (95% interval), winner, daily trend',
  },
  'cli.campaignReport.group': { ko: '리포트', en: 'reports' },
  'cli.campaignReport.opt.windowDays': {
    ko: '노출 후 성과로 셀 기간 (일)',
    en: 'attribution window after each exposure, in days',
  },
  'cli.campaignReport.opt.control': {
    ko: '비교 기준 그룹 (기본값: holdout)',
    en: 'arm to compare against (default: holdout)',
  },
  'cli.campaignReport.opt.level': { ko: '신뢰 수준', en: 'confidence level' },
  'cli.campaignReport.opt.format': {
    ko: 'csv 또는 xlsx 로 내보내기 (--out 과 함께)',
    en: 'export as csv or xlsx (with --out)',
  },
  'cli.campaignReport.opt.out': { ko: '내보낼 파일', en: 'export file' },
  'cli.campaignReport.formatOut': { ko: '--format 과 --out 은 함께 지정합니다', en: '--format and --out go together' },
  'cli.campaignReport.written': { ko: '{file}: {rows}행 저장', en: '{file}: {rows} rows written' },

  'cli.connect.cafe24': {
    ko: 'Cafe24 쇼핑몰 연결 (실행 중인 dalbit serve 가 OAuth 콜백을 받음)',
    en: 'connect a Cafe24 shop (the running dalbit serve receives the OAuth callback)',
  },
  'cli.connect.smartstore': {
    ko: '스마트스토어 연결 (토큰을 받아 키를 확인하고 암호화해 저장)',
    en: 'connect a SmartStore shop (checks the keys by getting a token, stores them sealed)',
  },
  'cli.connect.opt.mallId': { ko: 'Cafe24 쇼핑몰 id', en: 'Cafe24 mall id' },
  'cli.connect.opt.cafe24ClientId': {
    ko: '앱 client id (비밀 키: DALBIT_CAFE24_CLIENT_SECRET)',
    en: 'app client id (secret: DALBIT_CAFE24_CLIENT_SECRET)',
  },
  'cli.connect.opt.server': {
    ko: '실행 중인 dalbit serve 주소 (OAuth 콜백을 받음)',
    en: 'address of the running dalbit serve (receives the OAuth callback)',
  },
  'cli.connect.opt.cafe24ApiBase': {
    ko: 'Admin API 주소 (기본값 https://{mall_id}.cafe24api.com)',
    en: 'Admin API address (default https://{mall_id}.cafe24api.com)',
  },
  'cli.connect.opt.smartstoreClientId': {
    ko: '커머스 API 애플리케이션 id (비밀 키: DALBIT_SMARTSTORE_CLIENT_SECRET)',
    en: 'Commerce API application id (secret: DALBIT_SMARTSTORE_CLIENT_SECRET)',
  },
  'cli.connect.opt.smartstoreApiBase': {
    ko: '커머스 API 주소 (기본값 https://api.commerce.naver.com)',
    en: 'Commerce API address (default https://api.commerce.naver.com)',
  },
  'cli.sync.opt.since': {
    ko: '저장된 커서 대신 이 시각(ISO 8601)부터 다시 가져오기',
    en: 'fetch again from this instant (ISO 8601) instead of the saved cursors',
  },
});
