import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { verifyAccessLog } from '../../src/http/verify-access-log.ts';
import { ExportError, exportSegment } from '../../src/segments/export-segment.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { refreshSegments } from '../../src/segments/refresh-segments.ts';
import { createSegment } from '../../src/segments/segment-store.ts';
import { AS_OF, loadFixture } from './fixture.ts';

const FORMULA = '=HYPERLINK("http://evil.example","click")';

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: segment export`, () => {
    let engine: Engine;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dalbit-export-'));
      engine = await openMemoryWarehouse(kind);
      await loadFixture(engine);
      await engine.insert(
        'customers',
        ['customer_id', 'name', 'phone', 'email', 'gender', 'grade', 'created_at', 'updated_at'],
        [['c13', FORMULA, '+821013131313', '@evil@example.com', 'F', '+SUM(A1)', AS_OF, AS_OF]],
      );
      await refreshFeatures(engine, { asOf: AS_OF });
      await createSegment(engine, {
        segmentId: 'women-sms',
        name: '여성 문자 광고 가능',
        definition: {
          version: 1,
          root: {
            kind: 'or',
            items: [
              { kind: 'reachable', channel: 'sms', purpose: 'ad' },
              { kind: 'profile', field: 'grade', op: 'eq', value: '+SUM(A1)' },
            ],
          },
        },
        now: AS_OF,
      });
      await refreshSegments(engine, { asOf: AS_OF });
    });
    afterAll(async () => {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const base = { segmentId: 'women-sms', actor: 'tester', now: AS_OF } as const;

    it('masks personal data by default and neutralises formulas', async () => {
      const out = join(dir, 'masked.csv');
      const r = await exportSegment(engine, {
        ...base,
        format: 'csv',
        out,
        columns: ['customer_id', 'name', 'phone', 'email', 'grade'],
      });
      expect(r).toMatchObject({ rows: 3, masked: true });
      expect(readFileSync(out, 'utf8')).toBe(
        '\uFEFF고객ID,이름,휴대폰,이메일,등급\r\n' +
          'c01,홍*동,010-****-5678,hong***@naver.com,VIP\r\n' +
          'c05,최*우,010-****-6666,ch***@example.com,VIP\r\n' +
          `c13,'=${'*'.repeat(FORMULA.length - 2)}),010-****-1313,'@ev***@example.com,'+SUM(A1)\r\n`,
      );
    });

    it('refuses to unmask without a reason and leaves no file', async () => {
      const out = join(dir, 'nope.csv');
      await expect(exportSegment(engine, { ...base, format: 'csv', out, unmask: true })).rejects.toBeInstanceOf(
        ExportError,
      );
      await expect(exportSegment(engine, { ...base, format: 'csv', out, columns: ['password'] })).rejects.toMatchObject(
        { code: 'UNKNOWN_COLUMN' },
      );
      expect(existsSync(out)).toBe(false);
    });

    it('unmasks with a reason, as xlsx, and chains the access log', async () => {
      const out = join(dir, 'full.xlsx');
      await exportSegment(engine, {
        ...base,
        format: 'xlsx',
        out,
        unmask: true,
        reason: '이벤트 당첨자 배송 확인',
        columns: ['customer_id', 'name', 'phone'],
      });
      const sheet = strFromU8(unzipSync(readFileSync(out))['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
      expect(sheet).toContain('<t>010-1234-5678</t>');
      expect(sheet).toContain(`<t>'=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)</t>`);
      const kakao = join(dir, 'friends.csv');
      await expect(exportSegment(engine, { ...base, format: 'kakao-friends', out: kakao })).rejects.toMatchObject({
        code: 'REASON_REQUIRED',
      });
      const k = await exportSegment(engine, {
        ...base,
        format: 'kakao-friends',
        out: kakao,
        reason: '친구 그룹 타게팅',
      });
      // Only members reachable by Kakao ads: c01 has Kakao ad consent; c05 (SMS only) and c13 (none) are left out.
      expect(readFileSync(kakao, 'utf8')).toBe('01012345678\r\n');
      expect(k.rows).toBe(1);

      const log = await engine.query<{
        log_id: string;
        at: Date;
        actor: string;
        action: string;
        subject: string;
        reason: string | null;
        origin: string | null;
        prev_hash: string;
        hash: string;
      }>('SELECT * FROM access_log');
      expect(log.map((l) => l.action).sort()).toEqual([
        'segment_export',
        'segment_export_unmasked',
        'segment_export_unmasked',
      ]);
      // The keyed chain verifies: sequence 1..3, every HMAC and link, the head.
      expect(await verifyAccessLog(engine)).toMatchObject({ ok: true, entries: 3, problems: [] });
    });
  });
}
