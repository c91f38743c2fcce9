import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { type RunningServer, startServer } from '../../src/http/start-server.ts';
import { authHeaders } from '../support/auth.ts';

// Domain errors (segment store, clusters, CLV, campaign report) reach the client through the one
// renderer: code = the error's code, status = its kind (HTTP_STATUS_BY_KIND); no route maps them.
let engine: Engine;
let server: RunningServer;
let owner: Record<string, string>;
beforeAll(async () => {
  engine = await openMemoryWarehouse('duckdb');
  server = await startServer({ engine, host: '127.0.0.1', port: 0, now: () => new Date(), log: () => undefined });
  owner = { ...(await authHeaders(engine, 'owner')), 'content-type': 'application/json' };
});
afterAll(async () => {
  await server?.close();
  await engine?.close();
});

type ErrorBody = { error: { code: string; message: string; issues: { path: (string | number)[] }[] } };
async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; error: ErrorBody['error'] }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...owner, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, error: ((await res.json()) as ErrorBody).error };
}

describe('domain errors over HTTP', () => {
  it('clusters on an empty warehouse: 422 TOO_FEW_BUYERS; saving from an unknown run: 404 RUN_NOT_FOUND', async () => {
    const run = await call('POST', '/api/clusters/run', {});
    expect([run.status, run.error.code]).toEqual([422, 'TOO_FEW_BUYERS']);
    const save = await call('POST', '/api/clusters/nope/1/save', {});
    expect([save.status, save.error.code]).toEqual([404, 'RUN_NOT_FOUND']);
  });

  it('an unknown segment is 404 NOT_FOUND; an invalid new version is 400 INVALID_SEGMENT under body.definition', async () => {
    const missing = await call('GET', '/api/segments/nope');
    expect([missing.status, missing.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(missing.error.message).toBe('세그먼트를 찾을 수 없습니다: nope');
    const en = await call('GET', '/api/segments/nope', undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect([en.status, en.error.code, en.error.message]).toEqual([404, 'NOT_FOUND', "segment 'nope' not found"]);
    const query = await call('GET', '/api/segments/nope?lang=en');
    expect(query.error.message).toBe("segment 'nope' not found");
    const bad = await call('POST', '/api/segments/nope/versions', {
      definition: { version: 1, root: { kind: 'orders', measure: 'cnt', op: 'gte', value: 3 } },
    });
    expect([bad.status, bad.error.code]).toEqual([400, 'INVALID_SEGMENT']);
    expect(bad.error.message).toBe('세그먼트 정의가 올바르지 않습니다');
    expect(bad.error.issues[0]?.path).toEqual(['body', 'definition', 'root', 'measure']);
  });

  it('CLV on an empty warehouse is 422 with the model error code, not a 500', async () => {
    const clv = await call('GET', '/api/clv/top');
    expect(clv.status).toBe(422);
    expect(['NO_CUSTOMERS', 'NO_REPEAT_SPEND', 'FIT_FAILED', 'DEGENERATE_FIT']).toContain(clv.error.code);
  });
});
