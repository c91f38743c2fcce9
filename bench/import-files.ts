// Order export files for the import bench (deterministic): a marketplace orders CSV and a Cafe24 orders XLSX.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { DEMO_FILES } from '@dalbit/core/demo/demo-files';
import type { Cell } from '@dalbit/core/ingest/normalise/cell';
import { writeXlsx } from '@dalbit/core/ingest/xlsx/write-xlsx';

/** The real export layouts, as the demo generator writes them. */
function demoHeader(id: string): readonly string[] {
  const spec = DEMO_FILES.find((f) => f.id === id);
  if (!spec) throw new Error(`no demo file spec '${id}'`);
  return spec.header;
}

const CHANNELS = ['무신사', '29CM', '스마트스토어', '지그재그'];
const STATUSES = ['배송완료', '구매확정', '구매확정', '구매확정', '취소완료', '반품완료'];

/** Deterministic xorshift so every run imports the same files. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

/** Order lines: ~2 lines per order, buyers drawn from a pool a third the size of the lines. */
function* orderLines(
  n: number,
  seed: number,
): Generator<{
  order: number;
  line: number;
  buyer: number;
  at: number;
  product: number;
  qty: number;
  price: number;
  discount: number;
  status: string;
  channel: string;
}> {
  const r = rng(seed);
  const buyers = Math.max(1, Math.floor(n / 3));
  let order = 0;
  let i = 0;
  const start = Date.UTC(2023, 0, 1);
  while (i < n) {
    order++;
    const lines = 1 + Math.floor(r() * 3);
    const buyer = Math.floor(r() ** 2 * buyers);
    const at = start + Math.floor(r() * 365 * 86_400) * 1000;
    const channel = CHANNELS[order % CHANNELS.length] ?? '무신사';
    for (let k = 0; k < lines && i < n; k++, i++) {
      const price = (10 + Math.floor(r() * 90)) * 1000;
      yield {
        order,
        line: k + 1,
        buyer,
        at,
        product: Math.floor(r() * 2000),
        qty: 1 + Math.floor(r() * 2),
        price,
        discount: r() < 0.3 ? 1000 : 0,
        status: STATUSES[Math.floor(r() * STATUSES.length)] ?? '구매확정',
        channel,
      };
    }
  }
}

const phone = (b: number) =>
  `010-${String(2000 + (b % 8000)).padStart(4, '0')}-${String(Math.floor(b / 8000) % 10000).padStart(4, '0')}`;
const kst = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

export function writeOrdersCsv(path: string, n: number): void {
  const header = `${demoHeader('orders').join(',')}\r\n`;
  const fd = openSync(path, 'w');
  let chunk = `\uFEFF${header}`;
  let k = 0;
  for (const l of orderLines(n, 7)) {
    const amount = l.price * l.qty - l.discount;
    chunk += `${l.channel},O${l.order},O${l.order}-${l.line},${kst(l.at)},구매자${l.buyer},${phone(l.buyer)},b${l.buyer}**,P${l.product},"상품 ${l.product}, 기본",FREE,${l.qty},${l.discount},"${amount.toLocaleString('en-US')}",,${l.status}\r\n`;
    if (++k % 10_000 === 0) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

export function writeCafe24Xlsx(path: string, n: number): void {
  const rows: Cell[][] = [[...demoHeader('cafe24_orders')]];
  const codes = ['N40', 'N50', 'N50', 'C40', 'R40'];
  for (const l of orderLines(n, 11)) {
    const id = `2023${String(l.order).padStart(10, '0')}`;
    rows.push([
      id,
      `${id}-${String(l.line).padStart(2, '0')}`,
      kst(l.at),
      `회원${l.buyer}`,
      phone(l.buyer),
      `m${l.buyer}@example.com`,
      `m${l.buyer}`,
      `P${l.product}`,
      `상품 ${l.product}`,
      '블랙/M',
      l.qty,
      l.price,
      l.discount,
      l.discount ? 'WELCOME' : '',
      l.price * l.qty - l.discount,
      'mobile',
      codes[l.order % codes.length] ?? 'N50',
    ]);
  }
  writeFileSync(path, writeXlsx([{ name: 'orders', rows }]));
}
