import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { ORDERS_HEADER, writeCsv, writeText } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalbit-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (order: string, amount: string) => [
  '무신사',
  order,
  `${order}-1`,
  '2024-03-01 14:05:00',
  '홍길동',
  '010-1234-5678',
  '',
  'P1',
  '니트',
  'M',
  '1',
  '0',
  amount,
  '',
  '배송완료',
];
const orders = async (): Promise<number> => {
  const r = await runCli(['--data-dir', dir, 'stats', '--json']);
  return (JSON.parse(r.stdout) as { orders: number }).orders;
};

describe('dalbit import: files it cannot use', () => {
  it('an unwritable --rejects path is exit 74 in Korean, and nothing is imported', async () => {
    const file = writeCsv(dir, 'half-bad.csv', [ORDERS_HEADER, line('M1', '12000'), line('M2', '12000.50')]);
    const r = await runCli([
      '--data-dir',
      dir,
      'import',
      file,
      '--rejects',
      join(dir, 'no-such-folder', 'rejects.csv'),
    ]);
    expect(r.code).toBe(74);
    expect(r.stderr).toContain('거부 행 파일을 쓸 수 없습니다');
    expect(r.stderr).toContain('ENOENT');
    expect(r.stderr).not.toMatch(/unexpected error|예기치 않은 오류/);
    expect(await orders()).toBe(0);
  });

  it('a missing file and an unknown --source are explained in Korean first, English with DALBIT_LANG=en', async () => {
    const missing = await runCli(['--data-dir', dir, 'import', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(66); // EX_NOINPUT: a missing input file, as in every file mode
    expect(missing.stderr).toMatch(/^오류: 파일을 찾을 수 없습니다 \/ cannot read .*nope\.csv: ENOENT/);
    const file = writeText(dir, 'x.csv', 'a,b\n1,2\n');
    const source = await runCli(['--data-dir', dir, 'import', file, '--source', 'bogus']);
    expect(source.code).toBe(64);
    expect(source.stderr).toContain("알 수 없는 파일 종류입니다: --source 'bogus'");
    const sourceEn = await runCli(['--lang', 'en', '--data-dir', dir, 'import', file, '--source', 'bogus']);
    expect(sourceEn.stderr).toContain("unknown --source 'bogus'");
    const en = await runCli(['--data-dir', dir, 'import', join(dir, 'nope.csv')], { DALBIT_LANG: 'en' });
    expect(en.stderr).toMatch(/^error: file not found \/ cannot read /);
  });
});

describe("dalbit import: row problems in the reader's language", () => {
  it('names file, line and column, says what is wrong in Korean (English with --lang en) and shows the cell', async () => {
    const file = writeCsv(dir, 'bad-amount.csv', [ORDERS_HEADER, line('B1', '12000'), line('B2', '12000.50')]);
    const ko = await runCli(['--data-dir', dir, 'import', file, '--dry-run']);
    const koText = ko.stdout + ko.stderr;
    expect(koText).toContain(
      `bad-amount.csv:3: 결제액: 금액·수량으로 쓸 수 없는 값입니다 (음수, 소수, 글자 등) ("12000.50")`,
    );
    expect(koText).not.toContain('fractional amount');
    const en = await runCli(['--lang', 'en', '--data-dir', dir, 'import', file, '--dry-run']);
    expect(en.stdout + en.stderr).toContain(
      `bad-amount.csv:3: 결제액: Not a usable amount or quantity (negative, fraction, text …) ("12000.50")`,
    );
  });
});

describe('dalbit import: no silent success', () => {
  it('a file with headers and no data rows is a warning and exit 1, and nothing is written', async () => {
    const file = writeCsv(dir, 'headers-only.csv', [ORDERS_HEADER]);
    const before = await orders();
    const r = await runCli(['--data-dir', dir, 'import', file, '--no-refresh'], { DALBIT_LANG: 'ko' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('데이터 행이 없습니다');
    expect(r.stderr).toContain('headers-only.csv');
    expect(await orders()).toBe(before);
  });
});
