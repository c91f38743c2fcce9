import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { type RunningServer, startServer } from '../../src/http/start-server.ts';
import type { ImportJob } from '../../src/imports/import-jobs.ts';
import { saveJob } from '../../src/imports/job-store.ts';
import { UploadStore } from '../../src/imports/upload-store.ts';
import { NOW, ORDERS_HEADER, POS_HEADER, tempDir, writeCsv } from '../importers/fixtures.ts';
import { musinsaRows } from '../importers/progress-fixture.ts';
import { authHeaders } from '../support/auth.ts';

// biome-ignore lint/suspicious/noExplicitAny: the test walks deep JSON answers
type Json = Record<string, any>;

let dir: string;
let engine: Engine;
let server: RunningServer;
let as: Record<'owner' | 'marketer' | 'analyst', { authorization: string }>;
const uploadDir = () => join(dir, 'uploads');
const start = () =>
  startServer({ engine, host: '127.0.0.1', port: 0, now: () => NOW, log: () => undefined, uploadDir: uploadDir() });

beforeAll(async () => {
  dir = tempDir();
  engine = await openWarehouse({ dataDir: join(dir, 'wh') });
  server = await start();
  as = {
    owner: await authHeaders(engine, 'owner'),
    marketer: await authHeaders(engine, 'marketer'),
    analyst: await authHeaders(engine, 'analyst'),
  };
});
afterAll(async () => {
  await server?.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(who: keyof typeof as, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...as[who], ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const posMapping = { source: 'pos_sales', columns: { phone: '고객 연락처 번호', order_id: '영수증번호' } };

describe('saved import mappings', () => {
  it('are saved under a name per kind of file, renamed and deleted with who and when; names are unique per kind', async () => {
    const saved = await call('marketer', 'POST', '/api/imports/mappings', {
      name: '강남점 POS',
      mapping: posMapping,
      headers: ['판매일시', '영수증번호', '고객 연락처 번호'],
    });
    expect(saved.status).toBe(201);
    const m = saved.body.mapping;
    expect(m).toMatchObject({
      name: '강남점 POS',
      source: 'pos_sales',
      mapping: posMapping,
      createdAt: NOW.toISOString(),
    });
    expect(m.createdBy).toBe(m.updatedBy);
    expect(m.createdBy).toMatch(/^token:marketer/);

    const taken = await call('owner', 'POST', '/api/imports/mappings', { name: ' 강남점 POS ', mapping: posMapping });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('MAPPING_NAME_TAKEN');
    expect(taken.body.error.message).toContain('이미 있습니다');
    // The same name for another kind of file is another mapping.
    const other = await call('owner', 'POST', '/api/imports/mappings', {
      name: '강남점 POS',
      mapping: { source: 'orders', columns: { phone: '연락처' } },
    });
    expect(other.status).toBe(201);

    const renamed = await call('owner', 'PUT', `/api/imports/mappings/${m.id}`, { name: '강남점 포스' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.mapping).toMatchObject({ name: '강남점 포스', createdBy: m.createdBy });
    expect(renamed.body.mapping.updatedBy).not.toBe(m.createdBy);
    const list = await call('marketer', 'GET', '/api/imports/mappings');
    expect(list.body.mappings.map((x: Json) => `${x.source}:${x.name}`)).toEqual([
      'orders:강남점 POS',
      'pos_sales:강남점 포스',
    ]);

    expect((await call('analyst', 'GET', '/api/imports/mappings')).status).toBe(403);
    expect((await call('analyst', 'DELETE', `/api/imports/mappings/${m.id}`)).status).toBe(403);
    const bad = await call('marketer', 'POST', '/api/imports/mappings', { name: '', mapping: { columns: {} } });
    expect(bad.status).toBe(400);
    expect((await call('marketer', 'DELETE', `/api/imports/mappings/${m.id}`)).status).toBe(200);
    const gone = await call('marketer', 'DELETE', `/api/imports/mappings/${m.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('저장한 매핑을 찾을 수 없습니다');
  });
});

describe('uploads and jobs across a server restart', () => {
  it('an upload and its chosen mapping outlive the server; a job left under way shows as interrupted in Korean', async () => {
    const file = writeCsv(dir, 'pos.csv', [
      POS_HEADER,
      ['2024-03-02 11:00:00', 'R-1', '강남점', 'P1', '니트', '1', '39,000', '0', 'M-1', '010-2222-3333'],
    ]);
    const res = await fetch(`${server.url}/api/imports/uploads?name=pos.csv`, {
      method: 'POST',
      headers: { ...as.marketer, 'content-type': 'application/octet-stream' },
      body: readFileSync(file),
    });
    const id = ((await res.json()) as Json).inspection.upload.id as string;
    const chosen = await call('marketer', 'PUT', `/api/imports/uploads/${id}/mapping`, {
      source: 'pos_sales',
      columns: { store: null },
    });
    expect(chosen.status).toBe(200);
    expect(statSync(uploadDir()).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(uploadDir())) expect(statSync(join(uploadDir(), f)).mode & 0o777).toBe(0o600);

    // Jobs a server left under way when it stopped (as its rows stand after a kill).
    const job = (phase: ImportJob['phase'], fileName: string): ImportJob => ({
      id: crypto.randomUUID(),
      uploadId: id,
      fileName,
      actor: 'user:someone',
      createdAt: NOW,
      phase,
      fraction: 0.3,
      rowsRead: 2048,
      bytesRead: 100,
      totalBytes: 300,
    });
    const reading = job('reading', 'a.csv');
    const refreshing = job('refreshing', 'b.csv');
    await saveJob(engine, reading, NOW);
    await saveJob(engine, refreshing, NOW);
    await engine.insert(
      'imports',
      [
        'import_id',
        'file',
        'sha256',
        'source_kind',
        'rows_read',
        'rows_written',
        'rows_rejected',
        'started_at',
        'finished_at',
        'actor',
      ],
      [['imp-b', 'b.csv', 'x', 'pos_sales', 1, 1, 0, NOW, NOW, 'user:someone']],
    );

    await server.close();
    server = await start();
    const again = await call('marketer', 'GET', `/api/imports/uploads/${id}`);
    expect(again.status).toBe(200);
    expect(again.body.inspection.upload.fileName).toBe('pos.csv');
    expect(again.body.inspection.forced).toBe(true); // the chosen kind came back with it
    const jobs = (await call('owner', 'GET', '/api/imports/jobs')).body.jobs as Json[];
    const a = jobs.find((j) => j.id === reading.id);
    const b = jobs.find((j) => j.id === refreshing.id);
    expect(a).toMatchObject({ phase: 'interrupted', error: { code: 'IMPORT_INTERRUPTED' } });
    expect(a?.error.message).toContain('서버가 다시 시작되어 가져오기가 중단되었습니다. 아무것도 기록하지 않았습니다');
    expect(b?.error.message).toContain('가져오기는 기록되었지만');
    const en = (await call('owner', 'GET', `/api/imports/jobs/${reading.id}?lang=en`)).body.job;
    expect(en.error.message).toContain('The server restarted');
    // A marketer sees only their own jobs.
    expect((await call('marketer', 'GET', '/api/imports/jobs')).body.jobs.map((j: Json) => j.id)).not.toContain(
      reading.id,
    );

    // The upload still imports after the restart.
    const run = await call('marketer', 'POST', `/api/imports/uploads/${id}/run`, {});
    expect(run.status).toBe(202);
    let done: Json = run.body.job;
    while (!['done', 'failed', 'interrupted'].includes(done.phase)) {
      await new Promise((r) => setTimeout(r, 50));
      done = (await call('marketer', 'GET', `/api/imports/jobs/${done.id}`)).body.job;
    }
    expect(done.phase).toBe('done');
    const mine = (await call('marketer', 'GET', '/api/imports/jobs')).body.jobs as Json[];
    expect(mine[0]).toMatchObject({ id: done.id, phase: 'done', fileName: 'pos.csv' });
  });

  it('a job outlives the deadline of the request that started it', async () => {
    const budget = await startServer({
      engine,
      host: '127.0.0.1',
      port: 0,
      now: () => NOW,
      log: () => undefined,
      queryTimeoutMs: 300,
    });
    try {
      const file = writeCsv(dir, 'orders.csv', [ORDERS_HEADER, ...musinsaRows(6000)]);
      const res = await fetch(`${budget.url}/api/imports/uploads?name=orders.csv`, {
        method: 'POST',
        headers: { ...as.owner, 'content-type': 'application/octet-stream' },
        body: readFileSync(file),
      });
      const id = ((await res.json()) as Json).inspection.upload.id as string;
      const started = performance.now();
      const run = await fetch(`${budget.url}/api/imports/uploads/${id}/run`, {
        method: 'POST',
        headers: { ...as.owner, 'content-type': 'application/json' },
        body: '{}',
      });
      const accepted = (await run.json()) as Json;
      expect(accepted.error).toBeUndefined();
      let job = accepted.job;
      const jobId = job.id as string;
      while (!['done', 'failed', 'interrupted'].includes(job.phase)) {
        await new Promise((r) => setTimeout(r, 50));
        const poll = (await (
          await fetch(`${budget.url}/api/imports/jobs/${jobId}`, { headers: as.owner })
        ).json()) as Json;
        // On a loaded machine a poll may itself run out of this tiny 300 ms budget; only that is retried.
        if (poll.error?.code === 'QUERY_TIMEOUT') continue;
        expect(poll.error).toBeUndefined();
        job = poll.job;
      }
      // Only meaningful when the job took longer than the request's budget (6,000 new customers do).
      expect(performance.now() - started).toBeGreaterThan(300);
      expect(job.error).toBeUndefined();
      expect(job).toMatchObject({ phase: 'done', result: { rowsWritten: 6000 } });
    } finally {
      await budget.close();
    }
  });

  it('removes upload files untouched for the keep time, at start and at each upload', async () => {
    const d = join(dir, 'sweep');
    const store = new UploadStore({ dir: d, keepHours: 24 });
    const body = new Blob(['a,b\r\n1,2\r\n']).stream();
    const u = await store.save(body, 'x.csv', 'user:a', NOW);
    const fresh = await store.save(new Blob(['a\r\n1\r\n']).stream(), 'y.csv', 'user:a', NOW);
    const old = new Date(NOW.getTime() - 25 * 3600_000);
    for (const f of readdirSync(d).filter((f) => f.startsWith(u.id))) utimesSync(join(d, f), old, old);
    expect(store.sweep(NOW)).toBe(2); // the file and its record
    expect(existsSync(u.path)).toBe(false);
    expect(() => new UploadStore({ dir: d }).get(u.id, 'user:a')).toThrow(/찾을 수 없|not found/i);
    expect(new UploadStore({ dir: d }).get(fresh.id, 'user:a').fileName).toBe('y.csv');
  });
});
