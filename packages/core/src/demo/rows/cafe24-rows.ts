import { formatKstDate, formatKstDateTime } from '../../time/kst.ts';
import { typePhone } from '../contact-format.ts';
import type { DemoContext } from '../demo-context.ts';
import type { DemoCell } from '../demo-files.ts';
import type { DemoOrder, DemoPerson } from '../demo-model.ts';
import type { OrderNumbers } from './order-numbers.ts';
import { toStatusLabel } from './status-label.ts';

/** Rows of the Cafe24 order export (one per 품목별 주문번호). */
export function toCafe24OrderRows(
  ctx: DemoContext,
  person: DemoPerson,
  order: DemoOrder,
  numbers: OrderNumbers,
): DemoCell[][] {
  const orderNo = numbers.cafe24(order.at);
  const memberId = order.member ? (person.cafe24?.memberId ?? '') : '';
  return order.lines.map((l, i) => [
    orderNo,
    `${orderNo}-${String(i + 1).padStart(2, '0')}`,
    formatKstDateTime(order.at),
    person.name.full,
    typePhone(person.phone, 'dash'),
    person.email,
    memberId,
    l.product.code,
    l.product.name,
    l.option,
    l.quantity,
    l.product.price,
    l.discount,
    order.coupon ?? '',
    l.product.price * l.quantity - l.discount,
    order.device,
    toStatusLabel(l.status, order.at, ctx.exportedAt),
  ]);
}

/** The Cafe24 member export row. */
export function toCafe24CustomerRow(person: DemoPerson): DemoCell[] | undefined {
  const m = person.cafe24;
  if (!m) return undefined;
  const b = person.birth;
  const birthday = m.givesBirthday
    ? `${b.year}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`
    : '';
  return [
    m.memberId,
    person.name.full,
    typePhone(person.phone, 'dash'),
    person.email,
    m.sms ? 'T' : 'F',
    m.newsMail ? 'T' : 'F',
    birthday,
    m.givesBirthday ? (b.lunar ? '음력' : '양력') : '',
    m.givesGender ? (person.gender === 'F' ? '여' : '남') : '',
    person.grade,
    formatKstDateTime(m.joinedAt),
    formatKstDateTime(m.lastLoginAt),
  ];
}

export const formatBirthday = (person: DemoPerson, full: boolean): string => {
  const md = `${String(person.birth.month).padStart(2, '0')}-${String(person.birth.day).padStart(2, '0')}`;
  return full ? `${person.birth.year}-${md}` : md;
};

export const exportDate = (ctx: DemoContext): string => formatKstDate(ctx.exportedAt);
