import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { AUDIT_HEAD_FILE, AUDIT_KEY_FILE, appendAccessLog } from '../../src/http/access-log.ts';
import { createApp } from '../../src/http/create-app.ts';
import { verifyAccessLog } from '../../src/http/verify-access-log.ts';
import { authHeaders } from '../support/auth.ts';
import { runCli } from '../support/run-cli.ts';

const dirs: string[] = [];
const engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A warehouse in a fresh data directory with `n` access-log entries. */
async function logWith(n: number): Promise<{ dir: string; engine: Engine }> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-audit-'));
  dirs.push(dir);
  const engine = await openWarehouse({ dataDir: dir });
  engines.push(engine);
  for (let i = 1; i <= n; i++)
    await appendAccessLog(engine, {
      actor: 'user:privacy@brand.kr',
      action: 'customer.view_unmasked',
      subject: `c_${i}`,
      reason: `상담 ${i}`,
      origin: '127.0.0.1',
      at: new Date(Date.UTC(2026, 4, 1, 0, i)),
    });
  return { dir, engine };
}
const kinds = async (engine: Engine) => (await verifyAccessLog(engine)).problems.map((p) => [p.kind, p.seq]);

describe('access log chain', () => {
  it('verifies an intact log; the key is 0600 and the head names the last entry', async () => {
    const { dir, engine } = await logWith(5);
    expect(await verifyAccessLog(engine)).toMatchObject({ ok: true, entries: 5, problems: [] });
    expect(statSync(join(dir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, AUDIT_HEAD_FILE)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, AUDIT_HEAD_FILE), 'utf8'))).toMatchObject({ seq: 5 });
  });

  it('detects an edited entry, even when the editor recomputes a plain SHA-256', async () => {
    const { engine } = await logWith(5);
    await engine.exec("UPDATE access_log SET reason = '마케팅 목적', hash = sha256(hash) WHERE seq = 3");
    expect(await kinds(engine)).toEqual([
      ['edited', 3],
      ['broken_link', 4],
    ]);
    const { engine: other } = await logWith(3);
    await other.exec("UPDATE access_log SET actor = 'user:someone@else.kr' WHERE seq = 2");
    expect(await kinds(other)).toEqual([['edited', 2]]);
  });

  it('detects a deleted entry in the middle, and a cut-off end', async () => {
    const { engine } = await logWith(5);
    await engine.exec('DELETE FROM access_log WHERE seq = 2');
    expect(await kinds(engine)).toEqual([
      ['gap', 3],
      ['broken_link', 3],
    ]);
    const { engine: cut } = await logWith(5);
    await cut.exec('DELETE FROM access_log WHERE seq >= 4');
    expect(await kinds(cut)).toEqual([['truncated', 5]]);
    const { engine: emptied } = await logWith(2);
    await emptied.exec('DELETE FROM access_log');
    expect(await kinds(emptied)).toEqual([['truncated', 2]]);
  });

  it('dalbit audit verify says so in Korean and exits 65 on tamper, 0 when intact', async () => {
    const { dir, engine } = await logWith(3);
    await engine.close();
    const ok = await runCli(['audit', 'verify', '--data-dir', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/접근 기록 검증 통과: 3건/);

    const again = await openWarehouse({ dataDir: dir });
    await again.exec('DELETE FROM access_log WHERE seq = 3');
    await again.close();
    const bad = await runCli(['audit', 'verify', '--data-dir', dir]);
    expect(bad.code).toBe(65);
    expect(bad.stdout).toMatch(/끝부분이 잘림/);
    expect(bad.stderr).toMatch(/접근 기록이 변조되었거나/);
  });
});

describe('access log over HTTP', () => {
  it('records the session principal as actor, ignores x-dalbit-actor, and is readable with audit.read only', async () => {
    const { engine } = await logWith(0);
    const app = createApp({ engine, now: () => new Date('2026-05-02T00:00:00Z'), log: () => {} });
    await engine.exec(
      "INSERT INTO customers (customer_id, name, phone, created_at, updated_at) VALUES ('c_1', '김고객', '+821012345678', now(), now())",
    );
    const privacy = await authHeaders(engine, 'privacy');
    const res = await app.fetch(
      new Request('http://127.0.0.1/api/customers/c_1/unmask', {
        method: 'POST',
        headers: { ...privacy, 'content-type': 'application/json', 'x-dalbit-actor': 'ceo@brand.kr' },
        body: JSON.stringify({ reason: '배송 문의 확인' }),
      }),
    );
    expect(res.status).toBe(200);
    const log = await app.fetch(new Request('http://127.0.0.1/api/audit/log', { headers: privacy }));
    expect(log.status).toBe(200);
    const { entries } = (await log.json()) as { entries: { seq: number; actor: string; reason: string }[] };
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ seq: 1, reason: '배송 문의 확인' });
    expect(entries[0]?.actor).toMatch(/^token:privacy-/);
    expect(entries[0]?.actor).not.toContain('ceo@brand.kr');
    const verify = await app.fetch(new Request('http://127.0.0.1/api/audit/verify', { headers: privacy }));
    expect(await verify.json()).toMatchObject({ ok: true, entries: 1 });

    const marketer = await authHeaders(engine, 'marketer');
    expect((await app.fetch(new Request('http://127.0.0.1/api/audit/log', { headers: marketer }))).status).toBe(403);
    const owner = await authHeaders(engine, 'owner');
    expect((await app.fetch(new Request('http://127.0.0.1/api/audit/log', { headers: owner }))).status).toBe(200);
  });
});
