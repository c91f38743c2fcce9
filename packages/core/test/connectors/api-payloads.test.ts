import { describe, expect, it } from 'vitest';
import {
  Cafe24Customer,
  Cafe24Order,
  cafe24CustomerRow,
  cafe24OrderRows,
} from '../../src/connectors/cafe24-payloads.ts';
import { SmartstoreProductOrderDetail, smartstoreOrderRow } from '../../src/connectors/smartstore-payloads.ts';
import { ingestApiRows } from '../../src/ingest/api-rows.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';

const NOW = new Date('2026-12-07T00:00:00Z');
const utf8 = (s: string) => new TextEncoder().encode(s);

// Payloads as the Cafe24 Admin API documents them (GET /api/v2/admin/orders?embed=items,buyer).
const order = Cafe24Order.parse({
  shop_no: 1,
  order_id: '20261205-0000021',
  member_id: 'hong123',
  order_date: '2026-12-05T14:03:00+09:00',
  order_place_id: 'cafe24',
  buyer: { name: '홍길동', cellphone: '010-1234-5678', email: 'Hong@Example.com' },
  items: [
    {
      order_item_code: '20261205-0000021-01',
      product_code: 'P00000BK',
      product_no: 27,
      product_name: '수분 크림',
      option_value: '50ml',
      quantity: 2,
      product_price: '19000.00',
      additional_discount_price: '1000.00',
      coupon_discount_price: '0.00',
      payment_amount: '37000.00',
      order_status: 'N40',
    },
    {
      order_item_code: '20261205-0000021-02',
      product_code: 'P00000BL',
      product_no: 28,
      product_name: '토너',
      option_value: null,
      quantity: 1,
      product_price: '15000.00',
      additional_discount_price: '0.00',
      coupon_discount_price: '0.00',
      payment_amount: '15000.00',
      order_status: 'C40',
    },
  ],
});

const EXPORT = [
  '주문번호,품목별 주문번호,주문일시,주문자명,주문자 휴대전화,주문자 이메일,회원아이디,상품코드,상품명,옵션정보,수량,판매가,할인금액,실결제금액,주문경로,주문상태',
  '20261205-0000021,20261205-0000021-01,2026-12-05 14:03:00,홍길동,010-1234-5678,Hong@Example.com,hong123,P00000BK,수분 크림,50ml,2,19000,1000,37000,cafe24,N40',
  '20261205-0000021,20261205-0000021-02,2026-12-05 14:03:00,홍길동,010-1234-5678,Hong@Example.com,hong123,P00000BL,토너,,1,15000,0,15000,cafe24,C40',
].join('\n');

describe('shop API payloads map through the importer', () => {
  it('a Cafe24 order by API is the same order, lines, buyer and keys as its export', () => {
    const api = ingestApiRows('cafe24_orders', cafe24OrderRows(order, 1), { file: 'cafe24 API orders', now: NOW });
    const file = ingestFile(utf8(EXPORT), { fileName: 'orders.csv', source: 'cafe24_orders', now: NOW });
    expect(api.rejected).toEqual([]);
    expect(file.rejected).toEqual([]);
    expect(api.batch.orders).toEqual(file.batch.orders);
    expect(api.batch.persons).toEqual(file.batch.persons);
    expect(api.batch.orders[0]?.orderId).toBe('cafe24:20261205-0000021');
    expect(api.batch.orders[0]?.lines.map((l) => l.status)).toEqual(['paid', 'cancelled']);
  });

  it('a Cafe24 member carries the same consents (ids and dates) as the customer export', () => {
    const member = Cafe24Customer.parse({
      member_id: 'hong123',
      name: '홍길동',
      cellphone: '010-1234-5678',
      email: 'hong@example.com',
      sms: 'T',
      news_mail: 'F',
      birthday: '1990-03-15',
      solar_calendar: 'F',
      gender: 'M',
      group_no: 1,
      created_date: '2025-01-02T10:00:00+09:00',
      last_login_date: '2026-12-01T09:00:00+09:00',
    });
    const api = ingestApiRows('cafe24_customers', [cafe24CustomerRow(member, new Map([['1', '일반회원']]), 1)], {
      file: 'api',
      now: NOW,
    });
    const csv = [
      '회원아이디,이름,휴대폰번호,이메일,SMS 수신여부,뉴스메일 수신여부,생년월일,양력/음력,성별,회원등급,가입일,최근접속일',
      'hong123,홍길동,010-1234-5678,hong@example.com,T,F,1990-03-15,F,M,일반회원,2025-01-02 10:00:00,2026-12-01 09:00:00',
    ].join('\n');
    const file = ingestFile(utf8(csv), { fileName: 'members.csv', source: 'cafe24_customers', now: NOW });
    expect(api.batch.persons).toEqual(file.batch.persons);
    expect(api.batch.consents.map((c) => c.consentId)).toEqual(file.batch.consents.map((c) => c.consentId));
    expect(api.batch.persons[0]?.birthdayLunar).toBe(true);
    // The grade is the group's name, as the export's 회원등급 shows it.
    expect(api.batch.persons[0]?.grade).toBe('일반회원');
  });

  it('a SmartStore product order keys on 상품주문번호 and never uses the 050 recipient number', () => {
    const detail = SmartstoreProductOrderDetail.parse({
      order: {
        orderId: '2026120512345678',
        orderDate: '2026-12-05T10:00:00.0+09:00',
        ordererId: 'kim****',
        ordererName: '김영희',
        ordererTel: '0508-1234-5678',
      },
      productOrder: {
        productOrderId: '2026120598765401',
        productOrderStatus: 'PAYED',
        productId: '8812345678',
        productName: '수분 크림',
        productOption: '용량: 50ml',
        quantity: 1,
        unitPrice: 19000,
        productDiscountAmount: 0,
        totalPaymentAmount: 19000,
        shippingAddress: { tel1: '0504-222-3333' },
      },
    });
    const api = ingestApiRows('smartstore_orders', [smartstoreOrderRow(detail, 1)], { file: 'api', now: NOW });
    const o = api.batch.orders[0];
    expect(o?.orderId).toBe('smartstore:2026120512345678');
    expect(o?.lines[0]?.lineId).toBe('smartstore:2026120598765401');
    const buyer = api.batch.persons[0];
    expect(buyer?.phone).toBeUndefined();
    expect(buyer?.keys.every((k) => !k.mergeable)).toBe(true);
  });

  it('a record the importer refuses is reported, the others land', () => {
    const bad = { ...order, items: [{ ...order.items[0], order_status: 'X99' }] } as typeof order;
    const api = ingestApiRows('cafe24_orders', [...cafe24OrderRows(bad, 1), ...cafe24OrderRows(order, 2)], {
      file: 'api',
      now: NOW,
    });
    expect(api.rejected).toHaveLength(1);
    expect(api.rejected[0]?.reasons[0]).toContain('X99');
  });
});
