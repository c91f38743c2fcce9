import { defineMessages } from '../define-messages.ts';

/** The ClickHouse server engine and `dalbit migrate --to clickhouse` (`clickhouse.*`, `migrate.*`). */
export const CLICKHOUSE_MESSAGES = defineMessages({
  'domain.CLICKHOUSE_UNREACHABLE': {
    ko: 'ClickHouse 서버에 연결하지 못했습니다',
    en: 'could not reach the ClickHouse server',
  },
  'domain.CLICKHOUSE_NOT_CONFIGURED': {
    ko: 'ClickHouse 서버 주소가 없습니다',
    en: 'no ClickHouse server address',
  },
  'domain.MIGRATE_MISMATCH': { ko: '옮긴 데이터가 원본과 다릅니다', en: 'the copied data differs from the source' },
  'domain.MIGRATE_NO_SOURCE': { ko: '옮길 DuckDB 웨어하우스가 없습니다', en: 'no DuckDB warehouse to copy' },
  'clickhouse.unreachable': {
    ko: 'ClickHouse 서버 {url}에 연결하지 못했습니다 ({detail}). 주소와 포트(HTTP 기본 8123, HTTPS 8443), DALBIT_CLICKHOUSE_USER/DALBIT_CLICKHOUSE_PASSWORD, 방화벽을 확인하세요. 아무것도 읽거나 쓰지 않았습니다.',
    en: 'could not reach the ClickHouse server {url} ({detail}). Check the address and port (HTTP 8123, HTTPS 8443 by default), DALBIT_CLICKHOUSE_USER/DALBIT_CLICKHOUSE_PASSWORD and the firewall. Nothing was read or written.',
  },
  'clickhouse.notConfigured': {
    ko: 'DALBIT_ENGINE=clickhouse에는 DALBIT_CLICKHOUSE_URL(예: http://localhost:8123)이 필요합니다. 내장 ClickHouse를 쓰려면 DALBIT_ENGINE=chdb로 두세요.',
    en: 'DALBIT_ENGINE=clickhouse needs DALBIT_CLICKHOUSE_URL (e.g. http://localhost:8123). For the embedded ClickHouse set DALBIT_ENGINE=chdb.',
  },
  'migrate.start': {
    ko: 'DuckDB 웨어하우스 {source}를 {target}(으)로 옮깁니다: 테이블 {tables}개',
    en: 'copying the DuckDB warehouse {source} to {target}: {tables} tables',
  },
  'migrate.table': {
    ko: '[{index}/{total}] {table}: {rows}행 복사, 확인 완료 (체크섬 {checksum})',
    en: '[{index}/{total}] {table}: {rows} rows copied and verified (checksum {checksum})',
  },
  'migrate.tableSkipped': {
    ko: '[{index}/{total}] {table}: 이미 같은 데이터가 있어 건너뜁니다 ({rows}행, 체크섬 {checksum})',
    en: '[{index}/{total}] {table}: already holds the same data, skipped ({rows} rows, checksum {checksum})',
  },
  'migrate.tableEmpty': {
    ko: '[{index}/{total}] {table}: 빈 테이블',
    en: '[{index}/{total}] {table}: empty',
  },
  'migrate.progress': {
    ko: '  {table}: {done}/{rows}행',
    en: '  {table}: {done}/{rows} rows',
  },
  'migrate.done': {
    ko: '완료: 테이블 {tables}개, {rows}행을 옮기고 행 수와 체크섬을 모두 확인했습니다. 이제 DALBIT_ENGINE={engine}로 실행하세요.',
    en: 'done: {tables} tables, {rows} rows copied; every row count and checksum matches. Run with DALBIT_ENGINE={engine} from now on.',
  },
  'migrate.mismatch': {
    ko: '{table} 테이블이 원본과 다릅니다: 원본 {sourceRows}행(체크섬 {sourceChecksum}), 대상 {targetRows}행(체크섬 {targetChecksum}). 대상의 이 테이블을 비우고 다시 실행하세요. 원본 DuckDB 웨어하우스는 바뀌지 않았습니다.',
    en: 'the {table} table differs from the source: source {sourceRows} rows (checksum {sourceChecksum}), target {targetRows} rows (checksum {targetChecksum}). Empty this table in the target and run again. The source DuckDB warehouse was not changed.',
  },
  'migrate.noSource': {
    ko: '{path}에 DuckDB 웨어하우스가 없습니다. --data-dir로 Dalbit 데이터 디렉터리를 가리키세요.',
    en: 'there is no DuckDB warehouse at {path}. Point --data-dir at the Dalbit data directory.',
  },
  'migrate.badTarget': {
    ko: '--to에는 clickhouse만 쓸 수 있습니다 (받은 값: {value})',
    en: '--to accepts only clickhouse (got: {value})',
  },
  'cli.group.migrate': {
    ko: 'DuckDB 웨어하우스를 ClickHouse(내장 chDB 또는 DALBIT_CLICKHOUSE_URL의 서버)로 옮기고 행 수·체크섬을 확인합니다. 다시 실행해도 중복되지 않습니다.',
    en: 'copy the DuckDB warehouse into ClickHouse (embedded chDB or the server at DALBIT_CLICKHOUSE_URL) and verify row counts and checksums; safe to re-run',
  },
  'migrate.optTo': { ko: '대상 엔진 (clickhouse)', en: 'target engine (clickhouse)' },
  'migrate.optChdb': {
    ko: '서버 대신 이 디렉터리의 내장 chDB로 옮깁니다 (기본: <data-dir>/chdb, DALBIT_CLICKHOUSE_URL이 없을 때)',
    en: 'copy into embedded chDB in this directory instead of a server (default: <data-dir>/chdb when DALBIT_CLICKHOUSE_URL is unset)',
  },
});
