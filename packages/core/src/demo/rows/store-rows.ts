import type { Rng } from '../../math/random/prng.ts';
import { formatKstDateTime } from '../../time/kst.ts';
import { typePhone } from '../contact-format.ts';
import type { DemoCell } from '../demo-files.ts';
import type { DemoOrder, DemoPerson } from '../demo-model.ts';
import type { OrderNumbers } from './order-numbers.ts';

const STORE_CODES: Readonly<Record<string, string>> = {
  강남점: 'GN01',
  성수점: 'SS02',
  '부산 서면점': 'BS03',
  '더현대 팝업': 'PU09',
};

/** POS rows: 금액 is the amount paid for the line, 할인 the discount already taken off it. */
export function toPosRows(
  rng: Rng,
  person: DemoPerson,
  order: DemoOrder,
  numbers: OrderNumbers,
): { rows: DemoCell[][]; identified: boolean } {
  const store = order.store ?? '강남점';
  const receipt = numbers.receipt(STORE_CODES[store] ?? 'ST00', order.at);
  const memberNo = order.channel === 'offline' ? (person.storeMemberNo ?? '') : '';
  const givesPhone = memberNo !== '' || rng.chance(order.channel === 'popup' ? 0.7 : 0.3);
  const phone = givesPhone ? typePhone(person.phone, 'plain') : '';
  const rows = order.lines.map((l) => [
    formatKstDateTime(order.at),
    receipt,
    store,
    l.product.code,
    l.product.name,
    l.quantity,
    l.product.price * l.quantity - l.discount,
    l.discount,
    memberNo,
    phone,
  ]);
  return { rows, identified: memberNo !== '' || phone !== '' };
}
