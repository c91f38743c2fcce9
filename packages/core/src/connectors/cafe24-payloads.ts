import { z } from 'zod';
import type { ApiRow } from '../ingest/api-rows.ts';

/**
 * Cafe24 Admin API payloads (developers.cafe24.com, Admin API v2), the fields Dalbit reads.
 * Flags are 'T'/'F', amounts strings like "5000.00", dates ISO 8601 with +09:00.
 */
const Str = z.union([z.string(), z.number()]).transform(String);
const Opt = Str.nullish();

export const Cafe24Customer = z.object({
  member_id: z.string().min(1),
  name: z.string().nullish(),
  cellphone: z.string().nullish(),
  email: z.string().nullish(),
  sms: z.string().nullish(),
  news_mail: z.string().nullish(),
  birthday: z.string().nullish(),
  solar_calendar: z.string().nullish(),
  gender: z.string().nullish(),
  group_no: Opt,
  created_date: z.string().nullish(),
  last_login_date: z.string().nullish(),
});
export type Cafe24Customer = z.infer<typeof Cafe24Customer>;

export const Cafe24OrderItem = z.object({
  order_item_code: z.string().min(1),
  product_code: z.string().nullish(),
  product_no: Opt,
  product_name: z.string().nullish(),
  option_value: z.string().nullish(),
  quantity: z.union([z.number(), z.string()]),
  product_price: Opt,
  additional_discount_price: Opt,
  coupon_discount_price: Opt,
  payment_amount: Opt,
  order_status: z.string().nullish(),
});

export const Cafe24Order = z.object({
  order_id: z.string().min(1),
  member_id: z.string().nullish(),
  order_date: z.string(),
  order_place_id: z.string().nullish(),
  buyer: z
    .object({ name: z.string().nullish(), cellphone: z.string().nullish(), email: z.string().nullish() })
    .nullish(),
  items: z.array(Cafe24OrderItem).default([]),
});
export type Cafe24Order = z.infer<typeof Cafe24Order>;

export const Cafe24Product = z.object({
  product_no: Str,
  product_code: z.string().min(1),
  product_name: z.string(),
  price: Opt,
  category: z.array(z.object({ category_no: Str })).nullish(),
});
export type Cafe24Product = z.infer<typeof Cafe24Product>;

export const Cafe24Category = z.object({ category_no: Str, category_name: z.string() });
export type Cafe24Category = z.infer<typeof Cafe24Category>;

/** A member grade (`GET /api/v2/admin/customergroups`): members carry only its `group_no`. */
export const Cafe24CustomerGroup = z.object({ group_no: Str, group_name: z.string() });
export type Cafe24CustomerGroup = z.infer<typeof Cafe24CustomerGroup>;

/**
 * A coupon (`GET /api/v2/admin/coupons`): number, name, benefit (type letter, amount or percent),
 * when it stops being usable, whether it was deleted.
 */
export const Cafe24Coupon = z.object({
  coupon_no: Str,
  coupon_name: z.string(),
  benefit_type: z.string().nullish(),
  benefit_price: Opt,
  benefit_percentage: Opt,
  available_end_datetime: z.string().nullish(),
  deleted: z.string().nullish(),
});
export type Cafe24Coupon = z.infer<typeof Cafe24Coupon>;

/** One issue of a coupon to a member (`GET /api/v2/admin/coupons/{coupon_no}/issues`). */
export const Cafe24CouponIssue = z.object({
  member_id: z.string().min(1),
  issued_date: z.string().min(1),
  expiration_date: z.string().nullish(),
  used_coupon: z.enum(['T', 'F']),
  used_date: z.string().nullish(),
});
export type Cafe24CouponIssue = z.infer<typeof Cafe24CouponIssue>;

const sum = (...v: (string | null | undefined)[]): string | undefined => {
  const parts = v.filter((x): x is string => x !== null && x !== undefined && x !== '');
  if (parts.length === 0) return undefined;
  // Amounts stay strings so the importer's money parser (which refuses real fractions) reads them.
  let total = 0;
  for (const p of parts) total += Number(p);
  return Number.isFinite(total) ? String(total) : parts.join('+');
};

/**
 * A member as the `cafe24_customers` export names its fields; the grade is the group's name (as the
 * export's 회원등급 shows it), the number only when the shop does not list that group.
 */
export function cafe24CustomerRow(c: Cafe24Customer, groups: ReadonlyMap<string, string>, line: number): ApiRow {
  return {
    line,
    cells: {
      member_id: c.member_id,
      name: c.name,
      phone: c.cellphone,
      email: c.email,
      sms_ad: c.sms,
      email_ad: c.news_mail,
      birthday: c.birthday,
      solar_calendar: c.solar_calendar,
      gender: c.gender,
      grade: c.group_no === null || c.group_no === undefined ? undefined : (groups.get(c.group_no) ?? c.group_no),
      joined_at: c.created_date,
      last_login_at: c.last_login_date,
    },
  };
}

/** One row per order item, as the `cafe24_orders` export (품목별 주문번호 = order_item_code). */
export function cafe24OrderRows(o: Cafe24Order, line: number): ApiRow[] {
  return o.items.map((item, i) => ({
    line: line + i,
    cells: {
      order_id: o.order_id,
      line_id: item.order_item_code,
      ordered_at: o.order_date,
      buyer_name: o.buyer?.name,
      buyer_phone: o.buyer?.cellphone,
      buyer_email: o.buyer?.email,
      member_id: o.member_id,
      product_code: item.product_code ?? item.product_no,
      product_name: item.product_name,
      option: item.option_value,
      qty: String(item.quantity),
      unit_price: item.product_price,
      discount: sum(item.additional_discount_price, item.coupon_discount_price),
      line_amount: item.payment_amount,
      order_place: o.order_place_id,
      status: item.order_status,
    },
  }));
}

/** A product as the catalogue export, its category named from the category list. */
export function cafe24ProductRow(p: Cafe24Product, categories: ReadonlyMap<string, string>, line: number): ApiRow {
  const first = p.category?.[0]?.category_no;
  return {
    line,
    cells: {
      product_code: p.product_code,
      name: p.product_name,
      category: first === undefined ? undefined : categories.get(first),
      price: p.price,
    },
  };
}
