import type { Cafe24Record, LocalCafe24 } from './local-cafe24.ts';
import type { LocalNaver, NaverProductOrder } from './local-naver.ts';

/** ISO 8601 in KST with offset, as Cafe24 and Naver write instants. */
export function kstIso(ms: number): string {
  return `${new Date(ms + 9 * 3600_000).toISOString().slice(0, 19)}+09:00`;
}

const HOUR = 3600_000;

/** A Cafe24 member as `GET /api/v2/admin/customers` documents it. */
export function cafe24Member(m: {
  id: string;
  name: string;
  phone: string;
  sms: 'T' | 'F';
  mail: 'T' | 'F';
  at: number;
  birthday?: string;
  lunar?: boolean;
  group?: number;
}): Cafe24Record {
  return {
    shop_no: 1,
    member_id: m.id,
    group_no: m.group ?? 1,
    name: m.name,
    cellphone: m.phone,
    email: `${m.id}@example.com`,
    sms: m.sms,
    news_mail: m.mail,
    birthday: m.birthday ?? '1991-04-12',
    solar_calendar: m.lunar ? 'F' : 'T',
    gender: 'F',
    created_date: kstIso(m.at),
    last_login_date: kstIso(m.at),
    updated_date: kstIso(m.at),
  };
}

/** A Cafe24 order with `embed=items,buyer`, status per item (N00–N50, C…, R…, E…). */
export function cafe24Order(o: {
  id: string;
  member: string;
  name: string;
  phone: string;
  at: number;
  items: { code: string; name: string; qty: number; price: number; status: string }[];
}): Cafe24Record {
  return {
    shop_no: 1,
    order_id: o.id,
    member_id: o.member,
    order_date: kstIso(o.at),
    payment_date: kstIso(o.at),
    order_place_id: 'cafe24',
    paid: 'T',
    canceled: 'F',
    updated_date: kstIso(o.at),
    buyer: { name: o.name, cellphone: o.phone, email: `${o.member}@example.com` },
    items: o.items.map((it, i) => ({
      shop_no: 1,
      order_item_code: `${o.id}-${String(i + 1).padStart(2, '0')}`,
      product_no: 10 + i,
      product_code: it.code,
      product_name: it.name,
      option_value: '',
      quantity: it.qty,
      product_price: `${it.price}.00`,
      additional_discount_price: '0.00',
      coupon_discount_price: '0.00',
      payment_amount: `${it.price * it.qty}.00`,
      order_status: it.status,
    })),
  };
}

/** A handful of members (two grades), orders, products, categories and a coupon, dated before `now`. */
export function seedCafe24(shop: LocalCafe24, now: number): void {
  shop.customergroups.push(
    { shop_no: 1, group_no: 1, group_name: '일반회원', group_description: '가입 시 기본 등급' },
    { shop_no: 1, group_no: 2, group_name: 'VIP', group_description: '연간 구매 30만원 이상' },
  );
  shop.categories.push(
    { category_no: 24, category_name: '스킨케어', updated_date: kstIso(now - 90 * 24 * HOUR) },
    { category_no: 25, category_name: '메이크업', updated_date: kstIso(now - 90 * 24 * HOUR) },
  );
  const product = (no: number, code: string, name: string, price: number, cat: number): Cafe24Record => ({
    shop_no: 1,
    product_no: no,
    product_code: code,
    product_name: name,
    price: `${price}.00`,
    display: 'T',
    selling: 'T',
    category: [{ category_no: cat, recommend: 'F', new: 'F' }],
    updated_date: kstIso(now - 60 * 24 * HOUR),
  });
  shop.products.push(
    product(10, 'P0000BAA', '수분 크림', 32000, 24),
    product(11, 'P0000BAB', '비타민 세럼', 28000, 24),
    product(12, 'P0000BAC', '립 틴트', 15000, 25),
  );
  const members = [
    ['sora01', '김소라', '010-2345-6781', 'T', 'T'],
    ['minji22', '이민지', '010-2345-6782', 'T', 'F'],
    ['jhpark', '박지훈', '010-2345-6783', 'F', 'F'],
    ['yuna_c', '최유나', '010-2345-6784', 'T', 'T'],
  ] as const;
  members.forEach(([id, name, phone, sms, mail], i) => {
    shop.customers.push(
      cafe24Member({
        id,
        name,
        phone,
        sms,
        mail,
        at: now - (40 - i) * 24 * HOUR,
        lunar: i === 1,
        group: i === 3 ? 2 : 1,
      }),
    );
  });
  seedCafe24Coupon(shop, now);
  const items = (code: string, name: string, price: number, status = 'N40') => [{ code, name, qty: 1, price, status }];
  shop.orders.push(
    cafe24Order({
      id: '20261101-0000011',
      member: 'sora01',
      name: '김소라',
      phone: '010-2345-6781',
      at: now - 30 * 24 * HOUR,
      items: items('P0000BAA', '수분 크림', 32000, 'N50'),
    }),
    cafe24Order({
      id: '20261112-0000032',
      member: 'minji22',
      name: '이민지',
      phone: '010-2345-6782',
      at: now - 20 * 24 * HOUR,
      items: items('P0000BAB', '비타민 세럼', 28000),
    }),
    cafe24Order({
      id: '20261120-0000007',
      member: 'jhpark',
      name: '박지훈',
      phone: '010-2345-6783',
      at: now - 12 * 24 * HOUR,
      items: items('P0000BAC', '립 틴트', 15000, 'C40'),
    }),
  );
}

/** A coupon as `GET /api/v2/admin/coupons` documents it (amount benefit 'A'), usable 60 more days. */
export function cafe24Coupon(c: { no: string; name: string; amount: number; endsAt: number }): Record<string, unknown> {
  return {
    shop_no: 1,
    coupon_no: c.no,
    coupon_type: 'O',
    coupon_name: c.name,
    benefit_type: 'A',
    benefit_text: `${c.amount.toLocaleString('ko-KR')}원 할인`,
    benefit_price: `${c.amount}.00`,
    benefit_percentage: null,
    available_period_type: 'F',
    available_end_datetime: kstIso(c.endsAt),
    deleted: 'F',
    is_stopped_issued_coupon: 'F',
  };
}

/** One issue of a coupon to a member (`…/coupons/{coupon_no}/issues`). */
export function cafe24Issue(i: { couponNo: string; member: string; at: number; expires: number; usedAt?: number }) {
  return {
    coupon_no: i.couponNo,
    member_id: i.member,
    group_no: 1,
    issued_date: kstIso(i.at),
    expiration_date: kstIso(i.expires),
    used_coupon: i.usedAt === undefined ? 'F' : 'T',
    used_date: i.usedAt === undefined ? null : kstIso(i.usedAt),
    related_order_id: null,
  } as const;
}

function seedCafe24Coupon(shop: LocalCafe24, now: number): void {
  const no = '6069920000000000001';
  shop.coupons.push(cafe24Coupon({ no, name: '신규가입 3,000원 할인', amount: 3000, endsAt: now + 60 * 24 * HOUR }));
  shop.issues.push(
    cafe24Issue({
      couponNo: no,
      member: 'sora01',
      at: now - 35 * 24 * HOUR,
      expires: now + 25 * 24 * HOUR,
      usedAt: now - 30 * 24 * HOUR,
    }),
    cafe24Issue({ couponNo: no, member: 'minji22', at: now - 21 * 24 * HOUR, expires: now + 9 * 24 * HOUR }),
  );
}

/** A SmartStore product order as `product-orders/query` documents it. */
export function naverProductOrder(p: {
  orderId: string;
  productOrderId: string;
  at: number;
  name: string;
  tel: string;
  recipientTel: string;
  productId: string;
  product: string;
  price: number;
  status?: string;
  changedType?: string;
  changedAt?: number;
}): NaverProductOrder {
  return {
    order: {
      orderId: p.orderId,
      orderDate: kstIso(p.at).replace('+09:00', '.0+09:00'),
      paymentDate: kstIso(p.at).replace('+09:00', '.0+09:00'),
      ordererId: `${p.name.slice(0, 1)}***`,
      ordererName: p.name,
      ordererTel: p.tel,
      payLocationType: 'MOBILE',
    },
    productOrder: {
      productOrderId: p.productOrderId,
      productOrderStatus: p.status ?? 'PAYED',
      productId: p.productId,
      productName: p.product,
      productOption: '',
      quantity: 1,
      unitPrice: p.price,
      productDiscountAmount: 0,
      totalPaymentAmount: p.price,
      shippingAddress: { name: p.name, tel1: p.recipientTel, baseAddress: '서울특별시 중구 세종대로 110' },
    },
    lastChangedType: p.changedType ?? 'PAYED',
    lastChangedDate: kstIso(p.changedAt ?? p.at).replace('+09:00', '.0+09:00'),
  };
}

export function seedNaver(shop: LocalNaver, now: number): void {
  shop.productOrders.push(
    naverProductOrder({
      orderId: '2026112010000001',
      productOrderId: '2026112010000101',
      at: now - 10 * 24 * HOUR,
      name: '정하늘',
      tel: '010-3456-7001',
      recipientTel: '0504-1234-5678',
      productId: '8800000001',
      product: '수분 크림',
      price: 32000,
    }),
    naverProductOrder({
      orderId: '2026112510000002',
      productOrderId: '2026112510000201',
      at: now - 5 * 24 * HOUR,
      name: '한가람',
      tel: '0508-9876-5432',
      recipientTel: '0508-9876-5432',
      productId: '8800000002',
      product: '비타민 세럼',
      price: 28000,
    }),
    naverProductOrder({
      orderId: '2026112510000002',
      productOrderId: '2026112510000202',
      at: now - 5 * 24 * HOUR,
      name: '한가람',
      tel: '0508-9876-5432',
      recipientTel: '0508-9876-5432',
      productId: '8800000001',
      product: '수분 크림',
      price: 32000,
    }),
  );
}
