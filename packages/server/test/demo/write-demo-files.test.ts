import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDemoFileSpec } from '@dalbit/core/demo/demo-files';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import { parseKstDate } from '@dalbit/core/time/kst';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoManifest, writeDemoFiles } from '../../src/demo/write-demo-files.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'dalbit-demo-'));
  dirs.push(d);
  return d;
};
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const params = DemoParamsSchema.parse({ customers: 1500, seed: 7, eventsPerCustomer: 6 });

/** CRC-32 (IEEE), written here independently of fflate to check the archive. */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** Checks every central-directory CRC against the inflated bytes. */
function verifyZipCrcs(zip: Uint8Array, files: Record<string, Uint8Array>): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let at = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const nameLen = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLen));
    expect(crc32(files[name] ?? new Uint8Array()), name).toBe(crc);
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

function sheetRows(path: string): { files: Record<string, Uint8Array>; rows: string[] } {
  const zip = readFileSync(path);
  const files = unzipSync(zip);
  verifyZipCrcs(zip, files);
  const xml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
  return { files, rows: xml.match(/<row [^>]*>.*?<\/row>/g) ?? [] };
}

const texts = (row: string): string[] => [...row.matchAll(/<t(?: [^>]*)?>(.*?)<\/t>/g)].map((m) => m[1] ?? '');

let manifest: DemoManifest;
let dirA: string;

beforeAll(() => {
  dirA = tempDir();
  manifest = writeDemoFiles({ params, outDir: dirA });
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('writeDemoFiles', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const dirB = tempDir();
    writeDemoFiles({ params, outDir: dirB });
    const dirC = tempDir();
    writeDemoFiles({ params: { ...params, seed: 8 }, outDir: dirC });
    for (const f of [...manifest.files.map((x) => x.file), 'manifest.json']) {
      expect(sha(join(dirB, f)), f).toBe(sha(join(dirA, f)));
    }
    expect(sha(join(dirC, 'cafe24-orders.xlsx'))).not.toBe(sha(join(dirA, 'cafe24-orders.xlsx')));
  });

  it('lists every file in import order with its source and row count', () => {
    expect(manifest.files.map((f) => f.source)).toEqual([
      'products',
      'cafe24_customers',
      'customers',
      'cafe24_orders',
      'smartstore_orders',
      'orders',
      'coupang_orders',
      'pos_sales',
      'warranties',
      'events',
    ]);
    expect(readdirSync(dirA).sort()).toEqual([...manifest.files.map((f) => f.file), 'manifest.json'].sort());
    for (const f of manifest.files) expect(f.rows, f.file).toBe(manifest.truth.rows[f.source]);
    const events = readFileSync(join(dirA, 'events.jsonl'), 'utf8').trimEnd().split('\n');
    expect(events.length).toBe(manifest.truth.rows.events);
    const first = JSON.parse(events[0] ?? '{}') as Record<string, unknown>;
    expect(Object.keys(first).slice(0, 4)).toEqual(['event_id', 'type', 'occurred_at', 'anonymous_id']);
  });

  it('writes the POS export in CP949, which is not UTF-8', () => {
    const bytes = readFileSync(join(dirA, 'pos-sales.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = iconv.decode(bytes, 'cp949');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(findDemoFileSpec('pos_sales').header.join(','));
    expect(lines.length - 1).toBe(manifest.truth.rows.pos_sales);
    expect(text).toContain('부산 서면점');
    expect(text).toContain('더현대 팝업');
  });

  it('writes UTF-8 CSVs with a BOM where Excel expects one', () => {
    const bytes = readFileSync(join(dirA, 'marketplace-orders.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    expect(text.split('\r\n')[0]).toBe(findDemoFileSpec('orders').header.join(','));
    expect(text).toMatch(/\r\nmusinsa,/);
    expect(text).toMatch(/\r\n29cm,/);
  });

  it('writes Cafe24 orders as a valid workbook with the header on row 1', () => {
    const { files, rows } = sheetRows(join(dirA, 'cafe24-orders.xlsx'));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(texts(rows[0] ?? '')).toEqual(findDemoFileSpec('cafe24_orders').header);
    expect(rows.length - 1).toBe(manifest.truth.rows.cafe24_orders);
    expect(rows[1]).toMatch(/<c r="C2" t="inlineStr"><is><t>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}<\/t>/);
    expect(rows[1]).toMatch(/<c r="K2"><v>\d+<\/v><\/c>/);
  });

  it('writes SmartStore with two instruction rows, header on row 3 and Excel serial dates in KST', () => {
    const { rows } = sheetRows(join(dirA, 'smartstore-orders.xlsx'));
    expect(texts(rows[0] ?? '')[0]).toContain('스마트스토어');
    expect(texts(rows[2] ?? '')).toEqual(findDemoFileSpec('smartstore_orders').header);
    const lo = 25_569 + ((parseKstDate('2024-11-16') ?? 0) + 9 * 3_600_000) / 86_400_000;
    const hi = 25_569 + ((parseKstDate('2026-11-16') ?? 0) + 9 * 3_600_000) / 86_400_000;
    let masked = 0;
    let virtual = 0;
    for (const row of rows.slice(3)) {
      const serial = Number(/<c r="C\d+" s="1"><v>([\d.]+)<\/v>/.exec(row)?.[1]);
      expect(serial).toBeGreaterThanOrEqual(lo);
      expect(serial).toBeLessThan(hi);
      const t = texts(row);
      if (/^[a-z]{1,3}\*\*\*$/.test(t[3] ?? '')) masked++;
      if ((t[5] ?? '').startsWith('050')) virtual++;
    }
    expect(masked).toBe(rows.length - 3);
    expect(virtual / (rows.length - 3)).toBeGreaterThan(0.4);
  });
});
