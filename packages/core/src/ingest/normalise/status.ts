import type { OrderStatus } from '../records.ts';
import { type Cell, cellText, fail, ok, type Parsed } from './cell.ts';

const LABELS: Readonly<Record<string, OrderStatus>> = {
  입금전: 'paid',
  입금대기: 'paid',
  결제대기: 'paid',
  결제완료: 'paid',
  신규주문: 'paid',
  발주확인: 'paid',
  상품준비중: 'paid',
  배송준비중: 'paid',
  배송대기: 'paid',
  발송대기: 'paid',
  배송지시: 'paid',
  출고완료: 'paid',
  배송중: 'paid',
  배송완료: 'paid',
  구매확정: 'paid',
  판매완료: 'paid',
  정상: 'paid',
  완료: 'paid',
  판매: 'paid',
  취소: 'cancelled',
  취소요청: 'cancelled',
  취소완료: 'cancelled',
  주문취소: 'cancelled',
  결제취소: 'cancelled',
  판매취소: 'cancelled',
  반품: 'returned',
  반품요청: 'returned',
  반품완료: 'returned',
  환불: 'returned',
  환불완료: 'returned',
  교환: 'exchanged',
  교환요청: 'exchanged',
  교환완료: 'exchanged',
  paid: 'paid',
  confirmed: 'paid',
  shipped: 'paid',
  delivered: 'paid',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  returned: 'returned',
  refunded: 'returned',
  exchanged: 'exchanged',
};

const CAFE24_CODE = /^([NCRE])(\d{2})$/;
const CAFE24_KIND: Readonly<Record<string, OrderStatus>> = { N: 'paid', C: 'cancelled', R: 'returned', E: 'exchanged' };

/**
 * Order status from Cafe24 codes (N00–N50 paid → confirmed, C… cancel, R… return,
 * E… exchange) or the Korean labels SmartStore, Coupang and POS exports use.
 * A missing status means a plain sale.
 */
export function parseOrderStatus(v: Cell | undefined): Parsed<OrderStatus> {
  const t = cellText(v);
  if (t === undefined) return ok('paid');
  const code = CAFE24_CODE.exec(t.toUpperCase());
  if (code) {
    const kind = CAFE24_KIND[code[1] ?? ''];
    if (kind === 'paid' && Number(code[2]) > 50) return fail(`unknown Cafe24 status code: ${t}`);
    if (kind) return ok(kind);
  }
  const label = LABELS[t.replace(/\s+/g, '')] ?? LABELS[t.toLowerCase()];
  return label ? ok(label) : fail(`unknown order status: ${t}`);
}
