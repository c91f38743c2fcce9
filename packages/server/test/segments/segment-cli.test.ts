import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { AS_OF, loadFixture } from './fixture.ts';

let dir: string;
const out: string[] = [];
const err: string[] = [];
const run = (...args: string[]) => main(['node', 'dalbit', '--data-dir', dir, ...args], {});
const take = (): string => out.splice(0).join('');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-segment-cli-'));
  const engine = await openWarehouse({ dataDir: dir });
  await loadFixture(engine);
  await engine.close();
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('dalbit segment / recipes', () => {
  it('explains, counts and rejects bad definitions with paths', async () => {
    const def = join(dir, 'def.json');
    writeFileSync(
      def,
      JSON.stringify({
        version: 1,
        root: {
          kind: 'and',
          items: [
            { kind: 'orders', measure: 'days_since_last', op: 'between', value: [90, 120] },
            { kind: 'orders', measure: 'count', op: 'eq', value: 1 },
          ],
        },
      }),
    );
    expect(await run('segment', 'explain', def)).toBe(0);
    expect(take()).toBe('마지막 구매가 90~120일 전이고 구매 횟수가 1회인 고객\n');
    expect(await run('segment', 'explain', def, '--lang', 'en')).toBe(0);
    expect(take()).toContain('last purchase between 90 and 120 days ago');
    expect(await run('segment', 'refresh', '--as-of', AS_OF.toISOString())).toBe(0);
    take();
    expect(await run('segment', 'count', def, '--as-of', AS_OF.toISOString(), '--json')).toBe(0);
    expect(JSON.parse(take())).toMatchObject({ count: 1 });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, root: { kind: 'profile', field: 'ssn', op: 'eq', value: 1 } }));
    expect(await run('segment', 'count', bad)).toBe(65);
    expect(err.join('')).toContain('root.field: [UNKNOWN_FIELD]');
  });

  it('creates from a recipe, refreshes, shows the trend and exports masked', async () => {
    expect(await run('recipes', 'list', '--json')).toBe(0);
    expect((JSON.parse(take()) as unknown[]).length).toBeGreaterThanOrEqual(19);
    expect(await run('segment', 'create', '--recipe', 'coupon-lovers', '--param', 'min=2', '--json')).toBe(0);
    const { segmentId } = JSON.parse(take()) as { segmentId: string };
    expect(await run('segment', 'refresh', segmentId, '--as-of', AS_OF.toISOString())).toBe(0);
    expect(take()).toContain(`${segmentId} v1: 1 (+1 -0)`);
    expect(await run('segment', 'show', segmentId)).toBe(0);
    expect(take()).toContain('쿠폰 사용 횟수가 2회 이상인 고객');
    const csv = join(dir, 'out.csv');
    expect(await run('segment', 'export', segmentId, '--columns', 'customer_id,phone', '--out', csv)).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe('\uFEFF고객ID,휴대폰\r\nc05,010-****-6666\r\n');
    expect(await run('segment', 'export', segmentId, '--unmask', '--out', csv)).toBe(65);
  });

  it('reports an unwritable export path and other user errors in Korean first, leaving no file behind', async () => {
    take();
    expect(await run('segment', 'create', '--recipe', 'coupon-lovers', '--param', 'min=2', '--json')).toBe(0);
    const { segmentId } = JSON.parse(take()) as { segmentId: string };
    err.length = 0;
    const missing = join(dir, 'no-such-folder', 'out.csv');
    expect(await run('segment', 'export', segmentId, '--out', missing)).toBe(74);
    expect(await run('segment', 'export', segmentId, '--out', dir)).toBe(74);
    expect(await run('--lang', 'en', 'segment', 'export', segmentId, '--out', dir)).toBe(74);
    const text = err.join('');
    expect(text).toContain(`파일을 쓸 수 없습니다: ${missing} (ENOENT)`);
    expect(text).toContain(`파일을 쓸 수 없습니다: ${dir} (EISDIR)`);
    expect(text).toContain(`cannot write ${dir}: EISDIR`);
    expect(text).not.toMatch(/unexpected error|예기치 않은 오류/);
    err.length = 0;
    expect(await run('segment', 'show', 'seg-missing')).toBe(66);
    expect(await run('segment', 'export', segmentId, '--unmask', '--out', join(dir, 'u.csv'))).toBe(65);
    expect(await run('segment', 'create', '--recipe', 'coupon-lovers', '--param', 'min')).toBe(64);
    expect(err.join('').split('\n').filter(Boolean)).toEqual([
      '오류: 세그먼트를 찾을 수 없습니다: seg-missing',
      '오류: 사유(--reason)가 필요합니다 / unmasked exports (and kakao-friends phone lists) need --reason "…"',
      '오류: --param 은 key=value 형식이어야 합니다: min',
    ]);
    expect(readdirSync(dirname(dir)).filter((f) => f.startsWith(`${basename(dir)}.tmp-`))).toEqual([]);
  });
});
