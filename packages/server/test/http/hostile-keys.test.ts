import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from '../support/auth.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
let owner: { authorization: string };
beforeAll(async () => {
  demo = await startDemoServer({ customers: 150, eventsPerCustomer: 1 });
  owner = await authHeaders(demo.engine, 'owner');
});
afterAll(async () => {
  await demo?.stop();
});

type ErrorBody = { error: { code: string; issues: { path: (string | number)[]; code?: string }[] } };

async function post(path: string, body: string, headers: Record<string, string> = owner) {
  const res = await fetch(`${demo.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const count = (root: unknown) => post('/api/segments/count', JSON.stringify({ definition: { version: 1, root } }));

const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

describe('keys that name Object.prototype members', () => {
  for (const name of HOSTILE) {
    it(`'${name}' as a profile field, order measure or analytics field is an unknown field (400), not a 500`, async () => {
      for (const [root, at] of [
        [{ kind: 'profile', field: name, op: 'eq', value: 'x' }, 'field'],
        [{ kind: 'orders', measure: name, op: 'gte', value: 1 }, 'measure'],
        [{ kind: 'analytics', field: name, op: 'eq', value: 'x' }, 'field'],
      ] as const) {
        const r = await count(root);
        expect(r.status, `${root.kind} ${name}`).toBe(400);
        const e = r.body as unknown as ErrorBody;
        expect(e.error.code).toBe('INVALID_SEGMENT');
        expect(e.error.issues[0]?.path).toEqual(['body', 'definition', 'root', at]);
      }
    });
  }

  it('takes them as event property and attribute keys (bound as parameters) and explains an event type of that name', async () => {
    const events = await count({
      kind: 'events',
      type: 'constructor',
      properties: [{ key: '__proto__', op: 'eq', value: 'x' }],
    });
    expect(events.status).toBe(200);
    expect(events.body.count).toBe(0);
    const attr = await count({ kind: 'profile', field: 'attributes.constructor', op: 'eq', value: 'x' });
    expect(attr.status).toBe(200);
    const explained = await post(
      '/api/segments/explain',
      JSON.stringify({ definition: { version: 1, root: { kind: 'events', type: 'toString' } } }),
    );
    expect(explained.status).toBe(200);
  });

  it('stores tracker properties named constructor as data; a top-level __proto__ is dropped, never a prototype', async () => {
    const body = `{"events":[{"event_id":"proto-1","type":"page_view","anonymous_id":"p","properties":{"constructor":"c","__proto__":{"polluted":true},"toString":{"__proto__":{"deep":1}}}}]}`;
    expect((await post(`/api/events?key=${demo.siteKeys.writeKey}`, body, {})).status).toBe(202);
    const [row] = await demo.engine.query<{ properties: string }>(
      "SELECT properties::VARCHAR AS properties FROM events WHERE event_id = 'proto-1'",
    );
    expect(JSON.parse(row?.properties ?? 'null')).toEqual(
      JSON.parse('{"constructor":"c","toString":{"__proto__":{"deep":1}}}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a 200,000-deep body on any JSON route with 400 JSON_TOO_DEEP', async () => {
    const deep = `{"definition":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const r = await post('/api/segments/count', deep);
    expect(r.status).toBe(400);
    expect((r.body as unknown as ErrorBody).error.code).toBe('JSON_TOO_DEEP');
    const objects = `{"events":[{"event_id":"d","type":"x","properties":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}]}`;
    const e = await post(`/api/events?key=${demo.siteKeys.writeKey}`, objects, {});
    expect(e.status).toBe(400);
    expect((e.body as unknown as ErrorBody).error.code).toBe('JSON_TOO_DEEP');
    expect(
      (await post('/api/segments/count', JSON.stringify({ definition: { version: 1, root: { kind: 'all' } } }))).status,
    ).toBe(200);
  });
});
