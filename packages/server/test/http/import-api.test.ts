import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { type RunningServer, startServer } from '../../src/http/start-server.ts';
import { UploadStore } from '../../src/imports/upload-store.ts';
import { NOW, tempDir, writeCsv } from '../importers/fixtures.ts';
import { authHeaders } from '../support/auth.ts';

// biome-ignore lint/suspicious/noExplicitAny: the test walks deep JSON answers
type Json = Record<string, any>;
const HANGUL = /[\uac00-\ud7a3]/;
const POS_HEADER = [
  '판매일시',
  '영수증번호',
  '매장',
  '상품코드',
  '상품명',
  '수량',
  '금액',
  '할인',
  '회원번호',
  '고객 휴대폰번호',
];

let dir: string;
let engine: Engine;
let server: RunningServer;
let as: Record<'owner' | 'marketer' | 'analyst', { authorization: string }>;
beforeAll(async () => {
  dir = tempDir();
  engine = await openWarehouse({ dataDir: join(dir, 'wh') });
  server = await startServer({ engine, host: '127.0.0.1', port: 0, now: () => NOW, log: () => undefined });
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
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as Json,
  };
}

async function upload(who: keyof typeof as, path: string, name: string, type = 'application/octet-stream') {
  const res = await fetch(`${server.url}/api/imports/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { ...as[who], 'content-type': type },
    body: readFileSync(path),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function finished(who: keyof typeof as, jobId: string): Promise<Json> {
  for (;;) {
    const { body } = await call(who, 'GET', `/api/imports/jobs/${jobId}`);
    if (body.job.phase === 'done' || body.job.phase === 'failed') return body.job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = async (table: string): Promise<number> =>
  Number((await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

describe('import API', () => {
  it('a marketer uploads a CP949 POS file, maps the unknown phone column, imports it and sees it in the history', async () => {
    const pos = writeCsv(
      dir,
      'pos.csv',
      [
        POS_HEADER,
        ['2024-03-02 11:00:00', 'R-0001', '강남점', 'P1', '니트', '1', '39,000', '1,000', 'M-77', '010-2222-3333'],
        ['2024-03-02 11:00:00', 'R-0001', '강남점', 'P2', '양말', '2', '6000', '0', 'M-77', '010-2222-3333'],
        ['2024-03-03 15:30:00', 'R-0002', '성수점', 'P1', '니트', '1', '39000', '0', '', '010-4444-5555'],
      ],
      'cp949',
    );
    const up = await upload('marketer', pos, '3월 매장 판매.csv');
    expect(up.status).toBe(201);
    const first = up.body.inspection;
    expect(first).toMatchObject({ source: 'pos_sales', encoding: 'cp949', format: 'csv', blocked: false, rowsRead: 3 });
    expect(first.unusedHeaders).toEqual(['고객 휴대폰번호']);
    expect(first.fields.find((f: Json) => f.field === 'buyer_phone')).toMatchObject({
      label: '구매자 휴대폰',
      header: null,
    });
    expect(first.preview[0].cells.line_amount).toEqual({ t: 'money', v: 39000 });
    expect(first.preview[0].cells.ordered_at).toEqual({ t: 'date', v: '2024-03-02T02:00:00.000Z' });

    const id = first.upload.id;
    const mapped = await call('marketer', 'PUT', `/api/imports/uploads/${id}/mapping`, {
      source: 'pos_sales',
      columns: { buyer_phone: '고객 휴대폰번호' },
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body.inspection.unusedHeaders).toEqual([]);
    expect(mapped.body.inspection.preview[0].cells.buyer_phone).toEqual({ t: 'text', v: '010-****-3333' });

    const run = await call('marketer', 'POST', `/api/imports/uploads/${id}/run`, { skipBadRows: false });
    expect(run.status).toBe(202);
    const job = await finished('marketer', run.body.job.id);
    expect(job.phase).toBe('done');
    expect(job.result).toMatchObject({
      status: 'imported',
      orders: 2,
      customersCreated: 2,
      rowsWritten: 3,
      rowsRejected: 0,
    });
    expect(await count('orders')).toBe(2);
    expect(await count('customers')).toBe(2);
    // The phone came from the mapped column: the walk-in buyer of R-0002 is known by it.
    expect(await count("identities WHERE kind = 'phone'")).toBe(2);

    const history = await call('analyst', 'GET', '/api/imports');
    expect(history.body.imports[0]).toMatchObject({
      file: '3월 매장 판매.csv',
      source: 'pos_sales',
      actor: expect.stringMatching(/^token:marketer-/),
      rowsWritten: 3,
      customersCreated: 2,
      orders: 2,
    });
    // Another person's upload and job are not visible to an analyst (no permission) nor found for others.
    expect((await call('analyst', 'GET', `/api/imports/jobs/${run.body.job.id}`)).status).toBe(403);
  });

  it('a file with bad rows: Korean problems with line and column, nothing written unless the rows are set aside', async () => {
    const bad = writeCsv(dir, 'bad.csv', [
      POS_HEADER.slice(0, 9),
      ['2024-13-45 11:00', 'R-0101', '강남점', 'P1', '니트', '1', '39000', '0', 'M-1'],
      ['2024-03-05 11:00', 'R-0102', '강남점', 'P1', '니트', '1', '-500', '0', 'M-2'],
      ['2024-03-05 12:00', 'R-0103', '강남점', 'P1', '니트', '1', '12000', '0', 'M-3'],
    ]);
    const before = { orders: await count('orders'), imports: await count('imports') };
    const up = await upload('owner', bad, 'bad.csv');
    const ins = up.body.inspection;
    expect(ins).toMatchObject({ blocked: false, rowsValid: 1, rowsRejected: 2, problemCount: 2 });
    expect(ins.problems.map((p: Json) => [p.line, p.column, p.code])).toEqual([
      [2, '판매일시', 'BAD_DATE'],
      [3, '금액', 'BAD_NUMBER'],
    ]);
    for (const p of ins.problems) expect(p.message).toMatch(HANGUL);

    const strict = await call('owner', 'POST', `/api/imports/uploads/${ins.upload.id}/run`, {});
    const failed = await finished('owner', strict.body.job.id);
    expect(failed).toMatchObject({ phase: 'failed', error: { code: 'ROWS_REJECTED' } });
    expect(failed.error.message).toMatch(/2개.*아무것도 기록하지 않았습니다/);
    expect({ orders: await count('orders'), imports: await count('imports') }).toEqual(before);

    const lenient = await call('owner', 'POST', `/api/imports/uploads/${ins.upload.id}/run`, { skipBadRows: true });
    const done = await finished('owner', lenient.body.job.id);
    expect(done).toMatchObject({
      phase: 'done',
      hasRejects: true,
      result: { rowsWritten: 1, rowsRejected: 2, orders: 1 },
    });
    expect(await count('orders')).toBe(before.orders + 1);
    const csv = await call('owner', 'GET', `/api/imports/jobs/${lenient.body.job.id}/rejects`);
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(`${POS_HEADER.slice(0, 9).join(',')},행,문제`);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2024-13-45 11:00,R-0101,.*,2,판매일시: 날짜로 읽을 수 없습니다/);
    const en = await call('owner', 'GET', `/api/imports/jobs/${lenient.body.job.id}/rejects?lang=en`);
    expect(en.text).toContain(',line,problem');
  });

  it('an unrecognised file asks for its kind; a chosen kind names the missing columns in Korean', async () => {
    const odd = writeCsv(dir, 'odd.csv', [
      ['날짜', '번호', '물건', '값'],
      ['2024-03-01', 'A1', 'P1', '5000'],
    ]);
    const ins = (await upload('owner', odd, 'odd.csv')).body.inspection;
    expect(ins).toMatchObject({ blocked: true, problems: [{ code: 'UNKNOWN_KIND' }] });
    expect(ins.problems[0].message).toMatch(HANGUL);
    const chosen = await call('owner', 'PUT', `/api/imports/uploads/${ins.upload.id}/mapping`, { source: 'pos_sales' });
    const codes = chosen.body.inspection.problems.map((p: Json) => [p.code, p.column]);
    expect(codes).toEqual([
      ['MISSING_COLUMN', '주문일시'],
      ['MISSING_COLUMN', '주문번호'],
      ['MISSING_COLUMN', '상품코드'],
    ]);
    const fixed = await call('owner', 'PUT', `/api/imports/uploads/${ins.upload.id}/mapping`, {
      source: 'pos_sales',
      columns: { ordered_at: '날짜', order_id: '번호', product_code: '물건' },
    });
    expect(fixed.body.inspection).toMatchObject({ blocked: false, rowsValid: 0, problemCount: 1 });
    expect(fixed.body.inspection.problems[0]).toMatchObject({
      line: 2,
      code: 'MISSING',
      message: '결제금액이 없습니다',
    });
    const full = await call('owner', 'PUT', `/api/imports/uploads/${ins.upload.id}/mapping`, {
      source: 'pos_sales',
      columns: { ordered_at: '날짜', order_id: '번호', product_code: '물건', line_amount: '값' },
    });
    expect(full.body.inspection).toMatchObject({ blocked: false, rowsValid: 1, problemCount: 0, unusedHeaders: [] });
  });

  it('a 29CM export without a channel column: the kind and the channel of the whole file are chosen', async () => {
    const f = writeCsv(dir, '29cm.csv', [
      ['주문번호', '주문일시', '구매자명', '구매자연락처', '판매자 상품코드', '상품명', '수량', '결제금액'],
      ['T-1', '2024-03-09 10:00', '최바람', '010-5555-6666', 'P9', '머플러', '1', '45,000'],
    ]);
    const id = (await upload('owner', f, '29cm.csv')).body.inspection.upload.id;
    const asOrders = await call('owner', 'PUT', `/api/imports/uploads/${id}/mapping`, { source: 'orders' });
    expect(asOrders.body.inspection.problems).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'MISSING',
        message: expect.stringContaining('판매채널을 알 수 없습니다'),
      }),
    ]);
    const chosen = await call('owner', 'PUT', `/api/imports/uploads/${id}/mapping`, {
      source: 'orders',
      channel: '29cm',
    });
    expect(chosen.body.inspection).toMatchObject({ channel: '29cm', problemCount: 0, rowsValid: 1 });
    const run = await call('owner', 'POST', `/api/imports/uploads/${id}/run`, {});
    expect((await finished('owner', run.body.job.id)).phase).toBe('done');
    expect(await count("orders WHERE order_id = '29cm:T-1' AND channel = '29cm'")).toBe(1);
  });

  it("refuses what it should: roles, media types, file types, other people's uploads", async () => {
    const f = writeCsv(dir, 'x.csv', [
      POS_HEADER,
      ['2024-03-02 11:00:00', 'R-9', '강남점', 'P1', '니트', '1', '1000', '0', '', ''],
    ]);
    expect((await upload('analyst', f, 'x.csv')).status).toBe(403);
    const asText = await upload('owner', f, 'x.csv', 'text/plain');
    expect(asText.status).toBe(415);
    const exe = await upload('owner', f, 'x.exe');
    expect(exe).toMatchObject({ status: 400, body: { error: { code: 'UNSUPPORTED_FILE' } } });
    expect(exe.body.error.message).toMatch(HANGUL);
    const mine = (await upload('owner', f, 'x.csv')).body.inspection.upload.id;
    expect((await call('marketer', 'GET', `/api/imports/uploads/${mine}`)).status).toBe(404);
    const spec = await call('owner', 'GET', '/openapi.json');
    expect(spec.body.paths['/api/imports/uploads'].post.requestBody.content['application/octet-stream']).toBeDefined();
    expect(spec.body.paths['/api/imports/jobs/{id}'].get['x-dalbit-access']).toBe('data.import');
  });

  it('streams an upload to a 0600 file and refuses one above the cap without keeping it', async () => {
    const store = new UploadStore({ maxBytes: 1000 });
    const chunks = (n: number) =>
      new ReadableStream<Uint8Array>({
        start(ctl) {
          for (let i = 0; i < n; i++) ctl.enqueue(new Uint8Array(300).fill(65));
          ctl.close();
        },
      });
    const ok = await store.save(chunks(3), 'a.csv', 'user:a', NOW);
    expect(ok.size).toBe(900);
    expect(statSync(ok.path).mode & 0o777).toBe(0o600);
    await expect(store.save(chunks(4), 'b.csv', 'user:a', NOW)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(store.save(chunks(0), 'c.csv', 'user:a', NOW)).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    store.remove(ok.id);
    expect(() => statSync(ok.path)).toThrow();
  });
});
