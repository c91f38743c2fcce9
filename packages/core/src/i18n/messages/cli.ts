import { defineMessages } from '../define-messages.ts';

/**
 * The CLI's help: program description, headings and the one-line summary of every command group
 * (`cli.group.<name>`). Korean by default; English with DALBIT_LANG=en or --lang en.
 */
export const CLI_MESSAGES = defineMessages({
  'cli.program': {
    ko: '달빛 — 멀티채널 한국 브랜드를 위한 오픈소스 CRM',
    en: 'Dalbit — open-source CRM for multi-channel Korean brands',
  },
  'cli.title.usage': { ko: '사용법:', en: 'Usage:' },
  'cli.title.options': { ko: '옵션:', en: 'Options:' },
  'cli.title.commands': { ko: '명령:', en: 'Commands:' },
  'cli.title.arguments': { ko: '인자:', en: 'Arguments:' },
  'cli.title.globalOptions': { ko: '공통 옵션:', en: 'Global Options:' },
  'cli.option.help': { ko: '도움말 보기', en: 'display help for command' },
  'cli.option.dataDir': {
    ko: '데이터 폴더 (기본값 ./.dalbit 또는 $DALBIT_DATA_DIR); 없는 폴더는 init, demo, import 만 새로 만들고 다른 명령은 거부',
    en: 'data directory (default ./.dalbit or $DALBIT_DATA_DIR); only init, demo and import create a missing one, other commands refuse',
  },
  'cli.group.init': {
    ko: '데이터 폴더에 웨어하우스를 만듭니다 (다시 실행해도 안전)',
    en: 'create the warehouse in the data directory (safe to re-run)',
  },
  'cli.group.import': {
    ko: '내보내기 파일 가져오기 (카페24, 스마트스토어, 쿠팡, POS, 고객, 이벤트, 상품, 정품 등록)',
    en: 'import an export file (Cafe24, SmartStore, Coupang, POS, customers, events, products, warranties)',
  },
  'cli.group.experiment': {
    ko: '실험 통계 (A/B/n 테스트, 홀드아웃)',
    en: 'experiment statistics (A/B/n tests, holdouts)',
  },
  'cli.group.basket': { ko: '장바구니 연관 규칙', en: 'market-basket rules' },
  'cli.group.rfm': {
    ko: 'RFM 5분위 점수와 11개 세그먼트 (--invoices 파일 또는 웨어하우스, rfm_scores 저장)',
    en: 'RFM quintile scores and the 11 segments; file mode with --invoices, else the warehouse (stores rfm_scores)',
  },
  'cli.group.clv': {
    ko: '구매·고객 생애가치 모형 (BG/NBD + Gamma-Gamma)',
    en: 'BG/NBD + Gamma-Gamma purchase and lifetime-value models',
  },
  'cli.group.customers': {
    ko: '통합 고객: 조회, 병합 목록, 병합 취소',
    en: 'unified customers: show one, list merges, undo a merge',
  },
  'cli.group.stats': {
    ko: '주요 수치: 고객, 주문, 채널별 매출, 이벤트, 동의, 병합',
    en: 'headline counts: customers, orders, revenue by channel, events, consents, merges',
  },
  'cli.group.demo': {
    ko: '데모 브랜드를 실제 내보내기 파일로 생성하고 모두 가져온 뒤 대시보드 실행',
    en: 'generate the demo brand as real export files, import them all, then serve the dashboard',
  },
  'cli.group.consent': {
    ko: '채널·목적별 광고 수신 동의 (추가만 가능, 증빙 포함)',
    en: 'advertising consent per channel and purpose (append-only, with proof)',
  },
  'cli.group.serve': {
    ko: 'API 서버·대시보드·캠페인 스케줄러·발송기·일일 갱신을 한 프로세스로 실행',
    en: 'HTTP API + dashboard, campaign scheduler, dispatcher and daily refresh in one process',
  },
  'cli.group.traits': {
    ko: '고객 성향: 할인 민감도, 채널 이동, 골든타임 …',
    en: 'customer traits: discount sensitivity, channel migration, golden time …',
  },
  'cli.group.clusters': {
    ko: '자동 세그먼트: RFM + 성향 k-평균 군집',
    en: 'auto-discovered segments: k-means on RFM + traits',
  },
  'cli.group.report': {
    ko: '고객 리포트: 규모, 매출, 카테고리, 채널, 도달 가능성, 방문, 추세',
    en: 'audience reports: size, revenue, categories, channels, reachability, visits, trend',
  },
  'cli.group.campaign': {
    ko: '캠페인: 생성, 목록, 미리보기, 시뮬레이션, 실행, 현황',
    en: 'campaigns: create, list, preview, simulate, run, status',
  },
  'cli.group.segment': {
    ko: '세그먼트: 설명, 인원 수, 생성, 갱신, 내보내기',
    en: 'segments: explain, count, create, refresh, export',
  },
  'cli.group.recipes': { ko: '마케팅 목적별 대상 고객 레시피', en: 'audiences by marketing purpose' },
  'cli.group.dispatcher': {
    ko: '발송기: 아웃박스의 메시지 발송 + 수신 결과 받기',
    en: 'send due messages from the outbox and take delivery reports',
  },
  'cli.group.refresh': {
    ko: '분석(RFM, 연관 상품, CLV, 성향), 특성, 세그먼트 멤버십 다시 계산',
    en: 'recompute analytics (RFM, related products, CLV, traits), features and segment memberships',
  },
  'cli.group.users': {
    ko: '대시보드·API 계정: 추가, 목록, 비활성화, 비밀번호 재설정, API 토큰',
    en: 'dashboard and API accounts: add, list, disable, reset password, API tokens',
  },
  'cli.group.tracker': { ko: '브라우저 트래커 키와 스니펫', en: 'browser tracker keys and snippet' },
  'cli.group.audit': { ko: '개인정보 접근 기록: 검증', en: 'personal-data access log: verify' },
  'cli.option.lang': {
    ko: '도움말과 메시지 언어 (ko|en, 기본값 $DALBIT_LANG 또는 ko)',
    en: 'language of help and messages (ko|en, default $DALBIT_LANG or ko)',
  },
  'cli.option.json': { ko: '기계가 읽는 출력 (JSON)', en: 'machine-readable output' },
  'cli.option.asOf': {
    ko: '이 시각 기준으로 계산 (기본값: 지금, 데이터가 그보다 먼저 끝나면 그 다음 날)',
    en: 'evaluate as of this instant (default: now, or the day after the data ends when that is earlier)',
  },
  'cli.env.lang': { ko: 'ko | en', en: 'ko | en' },
  'cli.env.engine': { ko: 'duckdb | chdb | clickhouse', en: 'duckdb | chdb | clickhouse' },
  'cli.env.dataDir': { ko: '비어 있지 않은 경로', en: 'a non-empty path' },
  'cli.error.warehouseLocked': {
    ko: '다른 프로세스{who}가 이 데이터 디렉터리({dataDir})를 쓰고 있습니다 (예: dalbit serve). 그 프로세스를 멈춘 뒤 다시 실행하세요',
    en: 'the warehouse in {dataDir} is locked by another process{who}, e.g. dalbit serve; stop it and retry',
  },
  'cli.error.dataDir': {
    ko: '데이터 디렉터리를 만들거나 열 수 없습니다: {dataDir} ({code})',
    en: 'cannot use the data directory {dataDir}: {code}',
  },
  'cli.error.line': { ko: '오류: {message}', en: 'error: {message}' },
  'cli.error.unexpected': { ko: '예기치 않은 오류: {detail}', en: 'unexpected error: {detail}' },
  'cli.error.badEnv': { ko: '환경 변수 값이 잘못되었습니다: {list}', en: 'invalid environment variable: {list}' },
  'cli.error.fileUnreadable': { ko: '파일을 읽을 수 없습니다: {file} ({reason})', en: 'cannot read {file}: {reason}' },
  'cli.error.fileUnwritable': { ko: '파일을 쓸 수 없습니다: {file} ({reason})', en: 'cannot write {file}: {reason}' },
  'cli.error.notDateTime': { ko: '{flag}: 날짜/시간 형식이 아닙니다: {value}', en: '{flag}: not a date/time: {value}' },
  'cli.error.notDay': {
    ko: '{flag}: YYYY-MM-DD 형식이어야 합니다: {value}',
    en: '{flag}: expected YYYY-MM-DD: {value}',
  },
  'cli.error.keyValue': {
    ko: '{flag} 은 key=value 형식이어야 합니다: {value}',
    en: "{flag} expects key=value, got '{value}'",
  },
  'cli.error.oneOf': { ko: '{a} 과 {b} 중 하나만 지정하세요', en: 'give exactly one of {a} or {b}' },
  'cli.error.choice': { ko: '{flag} 은 {choices} 중 하나입니다', en: '{flag} must be one of {choices}' },
  'cli.error.invalidOptions': { ko: '잘못된 옵션:', en: 'invalid options:' },
});
