import { defineMessages } from '../define-messages.ts';

/** `dalbit import`: option help and what the command prints. */
export const CLI_IMPORT_MESSAGES = defineMessages({
  'cli.import.source': { ko: '파일 종류를 직접 지정: {kinds}', en: 'force the kind of file: {kinds}' },
  'cli.import.channel': {
    ko: '채널 정보가 없는 파일의 판매 채널 (예: musinsa, 29cm, popup)',
    en: 'sales channel for files without one (e.g. musinsa, 29cm, popup)',
  },
  'cli.import.mapping': {
    ko: '헤더 별칭 대신 쓸 컬럼 매핑 JSON 파일',
    en: 'JSON column mapping that overrides the header aliases',
  },
  'cli.import.dryRun': {
    ko: '컬럼 매핑, 첫 행들, 모든 문제를 보여 주고 아무것도 기록하지 않음',
    en: 'show the column mapping, the first rows and every problem; write nothing',
  },
  'cli.import.rejects': {
    ko: '잘못된 행은 이 CSV에 쓰고 정상 행만 가져오기',
    en: 'write bad rows to this CSV and import the good ones',
  },
  'cli.import.noRefresh': {
    ko: '가져온 뒤 고객 피처와 세그먼트 멤버십을 갱신하지 않음',
    en: 'skip refreshing customer features and segment memberships afterwards',
  },
  'cli.import.unknownSource': {
    ko: "알 수 없는 파일 종류입니다: --source '{source}' ({kinds} 중 하나)",
    en: "unknown --source '{source}'; one of: {kinds}",
  },
  'cli.import.refreshed': {
    ko: '고객 피처 {customers}명, 세그먼트 {segments}개 갱신',
    en: 'refreshed features of {customers} customers and {segments} segments',
  },
  'cli.import.noRows': {
    ko: '경고: {file}에 데이터 행이 없습니다 (머리글만 있음). 아무것도 기록하지 않았습니다',
    en: 'warning: {file} has no data rows (headers only); nothing written',
  },
  'cli.import.failed': {
    ko: '가져오기 실패: 문제 {count}건, 아무것도 기록하지 않았습니다 (--rejects out.csv 로 정상 행만 가져올 수 있습니다)',
    en: 'import failed: {count} problem(s), nothing written (use --rejects out.csv to import the good rows)',
  },
});
