import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAdConsent } from '../../src/analytics/report/load-audience-facts.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { importFile } from '../../src/importers/import-file.ts';
import { CAFE24_CUSTOMERS_HEADER, tempDir, writeXlsxFile } from './fixtures.ts';

let engine: Engine;
let dir: string;
beforeEach(async () => {
  engine = await openMemoryWarehouse('duckdb');
  dir = tempDir();
});
afterEach(async () => {
  await engine.close();
});

const IMPORTED = new Date('2026-12-07T03:00:00Z');
const member = (id: string, phone: string, sms: string, joined: string, extra: string[] = []) => [
  id,
  '김달빛',
  phone,
  `${id}@example.com`,
  sms,
  'F',
  '1990-05-17',
  'T',
  '여',
  '일반',
  joined,
  '2026-11-01 09:00:00',
  ...extra,
];

describe('Cafe24 consents keep the date the export tells', () => {
  it('a consent-date column wins, else the sign-up date; the proof says which', async () => {
    const header = [...CAFE24_CUSTOMERS_HEADER, 'SMS 수신동의일'];
    const path = writeXlsxFile(dir, 'members.xlsx', [
      header,
      member('a1', '010-1111-2222', 'T', '2023-01-02 10:00:00', ['2024-06-01 12:00:00']),
      member('b2', '010-3333-4444', 'T', '2025-02-03 11:00:00', ['']),
    ]);
    const s = await importFile(engine, { path, now: IMPORTED });
    expect(s.status).toBe('imported');
    const rows = await engine.query<{ at: Date; proof: string }>(
      `SELECT "at", proof FROM consents WHERE channel = 'sms' ORDER BY "at"`,
    );
    expect(rows.map((r) => [r.at.toISOString(), r.proof.replace(/^.*\(/, '(')])).toEqual([
      ['2024-06-01T03:00:00.000Z', '(동의일: 파일의 동의일 / dated by the file)'],
      ['2025-02-03T02:00:00.000Z', '(동의일: 가입일 / dated by the sign-up date)'],
    ]);
  });

  it('reachability before the import day counts the Cafe24 consents (same figure as after it)', async () => {
    const path = writeXlsxFile(dir, 'members.xlsx', [
      CAFE24_CUSTOMERS_HEADER,
      member('a1', '010-1111-2222', 'T', '2023-01-02 10:00:00'),
      member('b2', '010-3333-4444', 'T', '2025-02-03 11:00:00'),
      member('c3', '010-5555-6666', 'F', '2025-03-03 11:00:00'),
    ]);
    await importFile(engine, { path, now: IMPORTED });
    const sms = async (asOf: Date) =>
      (await loadAdConsent(engine, { kind: 'all' }, asOf)).find((r) => r.channel === 'sms')?.reachable ?? 0;
    // The demo's reports look at the day after its data ends (before the import day): they must agree with today.
    expect(await sms(new Date('2026-11-16T00:00:00+09:00'))).toBe(2);
    expect(await sms(new Date('2026-12-08T00:00:00+09:00'))).toBe(2);
    expect(await sms(new Date('2024-01-01T00:00:00+09:00'))).toBe(1);
  });

  it('an undated refusal is dated by the export (newest date in the file): reports as of the data end and today agree', async () => {
    const header = [...CAFE24_CUSTOMERS_HEADER, 'SMS 수신동의일'];
    // An older export: the member had granted, with a consent date.
    const before = writeXlsxFile(dir, 'members-old.xlsx', [
      header,
      member('c3', '010-5555-6666', 'T', '2025-03-03 11:00:00', ['2026-10-01 10:00:00']),
    ]);
    await importFile(engine, { path: before, now: new Date('2026-10-02T00:00:00Z') });
    // The newer export says F without a date; its newest date is a last login of 2026-11-01 09:00 KST.
    const after = writeXlsxFile(dir, 'members-new.xlsx', [
      header,
      member('c3', '010-5555-6666', 'F', '2025-03-03 11:00:00', ['']),
    ]);
    await importFile(engine, { path: after, now: IMPORTED });
    const [refusal] = await engine.query<{ at: Date; proof: string }>(
      `SELECT "at", proof FROM consents WHERE channel = 'sms' AND NOT granted`,
    );
    expect(refusal?.at.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(refusal?.proof).toContain('dated by the export');
    const sms = async (asOf: Date) =>
      (await loadAdConsent(engine, { kind: 'all' }, asOf)).find((r) => r.channel === 'sms')?.reachable ?? 0;
    expect(await sms(new Date('2026-11-16T00:00:00+09:00'))).toBe(0);
    expect(await sms(new Date('2026-12-08T00:00:00+09:00'))).toBe(0);
    expect(await sms(new Date('2026-10-15T00:00:00+09:00'))).toBe(1);
    // Re-importing the same export appends nothing (same date, same id).
    const n = async () => (await engine.query<{ n: number }>('SELECT count(*) AS n FROM consents'))[0]?.n;
    const was = await n();
    await importFile(engine, { path: after, now: new Date('2026-12-09T00:00:00Z') });
    expect(await n()).toBe(was);
  });
});
