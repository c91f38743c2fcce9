import type { Rng } from '../../math/random/prng.ts';
import { formatKstDateTime, toExcelSerialKst } from '../../time/kst.ts';
import { makeVirtualNumber, maskId, typePhone } from '../contact-format.ts';
import type { DemoContext } from '../demo-context.ts';
import type { DemoCell } from '../demo-files.ts';
import type { DemoOrder, DemoPerson } from '../demo-model.ts';
import type { OrderNumbers } from './order-numbers.ts';
import { toStatusLabel } from './status-label.ts';

const paidOf = (l: DemoOrder['lines'][number]): number => l.product.price * l.quantity - l.discount;

/** Naver SmartStore export rows: serial dates, masked buyer id, often a 050 recipient number. */
export function toSmartstoreRows(
  rng: Rng,
  ctx: DemoContext,
  person: DemoPerson,
  order: DemoOrder,
  numbers: OrderNumbers,
): DemoCell[][] {
  const orderNo = numbers.smartstore(order.at, 'order');
  const recipient = rng.chance(0.6) ? makeVirtualNumber(rng) : typePhone(person.phone, 'dash');
  return order.lines.map((l) => [
    numbers.smartstore(order.at, 'line'),
    orderNo,
    toExcelSerialKst(order.at),
    person.name.full,
    maskId(person.naverId),
    typePhone(person.phone, 'dash'),
    recipient,
    l.product.code,
    l.product.name,
    l.option.replace('=', ': '),
    l.quantity,
    l.discount,
    paidOf(l),
    toStatusLabel(l.status, order.at, ctx.exportedAt, 'smartstore'),
  ]);
}

/** Musinsa / 29CM rows of the generic marketplace order file. */
export function toMarketplaceRows(
  ctx: DemoContext,
  person: DemoPerson,
  order: DemoOrder,
  numbers: OrderNumbers,
): DemoCell[][] {
  const channel = order.channel === '29cm' ? '29cm' : 'musinsa';
  const orderNo = numbers.marketplace(channel, order.at);
  const buyerId = channel === 'musinsa' ? person.marketplaceId : `29${person.marketplaceId}`;
  const coupon = order.lines.some((l) => l.discount > 0)
    ? channel === 'musinsa'
      ? 'MUSINSA_MEMBER'
      : '29CM_WELCOME'
    : '';
  return order.lines.map((l, i) => [
    channel,
    orderNo,
    `${orderNo}-${i + 1}`,
    formatKstDateTime(order.at),
    person.name.full,
    typePhone(person.phone, 'dash'),
    buyerId,
    l.product.code,
    l.product.name,
    l.option,
    l.quantity,
    l.discount,
    paidOf(l),
    coupon,
    toStatusLabel(l.status, order.at, ctx.exportedAt),
  ]);
}

/** Coupang rows: amounts with thousands separators, usually a 050 safe number instead of the phone. */
export function toCoupangRows(
  rng: Rng,
  ctx: DemoContext,
  person: DemoPerson,
  order: DemoOrder,
  numbers: OrderNumbers,
): { rows: DemoCell[][]; virtual: boolean } {
  const orderNo = numbers.coupang();
  const virtual = rng.chance(0.55);
  const phone = virtual ? makeVirtualNumber(rng) : typePhone(person.phone, 'dash');
  const rows = order.lines.map((l) => [
    orderNo,
    formatKstDateTime(order.at),
    person.name.full,
    phone,
    l.product.code,
    `[달빛] ${l.product.name}`,
    String(l.quantity),
    formatThousands(paidOf(l)),
    toStatusLabel(l.status, order.at, ctx.exportedAt),
  ]);
  return { rows, virtual };
}

/** 12000 → '12,000' (locale-independent). */
export function formatThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
