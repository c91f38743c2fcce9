import { compact, mobileOf, phoneKeys } from '../batch-builder.ts';
import { createInterner } from '../intern.ts';
import { normaliseChannel } from '../normalise/channel.ts';
import type { PhoneInfo } from '../normalise/phone.ts';
import { parseOrderStatus } from '../normalise/status.ts';
import type { IdentityKey, OrderLineRecord, OrderStatus, PersonRecord } from '../records.ts';
import type { RowReader } from '../row-reader.ts';
import type { MapContext, RowMapper } from './map-context.ts';

/** How one order export differs from the others. */
export interface OrderProfile {
  /** Channel when the file has no channel column (`--channel` wins). */
  readonly channel: string | undefined;
  /** The buyer's member id identifies them (Cafe24 logins, POS members); masked ids never do. */
  readonly memberIsKey: boolean;
  /** Negative quantities or amounts are returns (POS refund rows). */
  readonly negativeIsReturn: boolean;
}

/** The validated fields of one order line, before grouping (what the bulk importer stages). */
export interface OrderFields {
  readonly channel: string;
  readonly orderNo: string;
  readonly lineNo: string | undefined;
  readonly orderedAt: Date;
  readonly productId: string;
  readonly productName: string | undefined;
  readonly option: string | undefined;
  readonly status: OrderStatus;
  readonly quantity: number;
  readonly amount: number;
  readonly discount: number;
  readonly phone: PhoneInfo | undefined;
  readonly email: string | undefined;
  readonly memberText: string | undefined;
  readonly buyerName: string | undefined;
  readonly coupon: string | undefined;
  readonly store: string | undefined;
}

/**
 * Reads and validates the fields of one order line; every refusal is a row issue on `r`.
 * Returns undefined when the row failed. Grouping (line ids, duplicates, buyers, orders) is
 * the caller's.
 */
export function readOrderFields(
  r: RowReader,
  ctx: Pick<MapContext, 'channel'>,
  profile: OrderProfile,
  intern: (s: string | undefined) => string | undefined = (s) => s,
): OrderFields | undefined {
  const channelLabel = r.text('channel');
  const channel = channelLabel !== undefined ? normaliseChannel(channelLabel) : (ctx.channel ?? profile.channel);
  if (channel === undefined)
    r.fail(
      r.has('channel') ? 'channel' : undefined,
      'MISSING',
      'no sales channel: add a 판매채널 column or pass --channel',
    );
  const orderNo = r.id('order_id', true);
  const lineNo = r.id('line_id');
  const orderedAt = r.timestamp('ordered_at', true);
  const productName = intern(r.text('product_name'));
  const option = intern(r.text('option'));
  const productId = intern(
    r.has('product_code') ? r.id('product_code', true) : productKeyFromName(r, productName, option),
  );
  const statusText = parseOrderStatus(r.raw('status'));
  let status: OrderStatus = 'paid';
  if (statusText.ok) status = statusText.value;
  else r.fail('status', 'BAD_VALUE', statusText.reason);
  if (r.capture) r.capture.status = status;
  let quantity = r.has('qty') ? r.integer('qty') : 1;
  if (quantity === undefined && !r.failed) r.fail('qty', 'MISSING', 'quantity is empty');
  const discountRaw = r.money('discount') ?? 0;
  const discount = Math.abs(discountRaw);
  let amount = r.money('line_amount');
  if (amount === undefined && quantity !== undefined) {
    const unit = r.money('unit_price');
    if (unit !== undefined) amount = unit * quantity - discount;
  }
  if (amount === undefined && !r.failed)
    r.fail(r.has('line_amount') ? 'line_amount' : undefined, 'MISSING', 'no paid amount for the line');
  if (quantity !== undefined && amount !== undefined && (quantity < 1 || amount < 0)) {
    if (profile.negativeIsReturn && quantity <= 0 === amount <= 0 && quantity !== 0) {
      quantity = Math.abs(quantity);
      amount = Math.abs(amount);
      status = 'returned';
    } else if (quantity < 1) r.fail('qty', 'BAD_NUMBER', `quantity must be at least 1: ${quantity}`);
    else r.fail('line_amount', 'BAD_NUMBER', `amount must not be negative: ${amount}`);
  }
  const phone = r.phone('buyer_phone');
  const email = r.email('buyer_email');
  const memberText = r.text('member_id');
  const buyerName = r.text('buyer_name');
  const coupon = r.text('coupon_code');
  const store = r.text('store');
  if (r.failed || channel === undefined || orderNo === undefined || orderedAt === undefined || productId === undefined)
    return undefined;
  if (quantity === undefined || amount === undefined) return undefined;
  return {
    channel,
    orderNo,
    lineNo,
    orderedAt,
    productId,
    productName,
    option,
    status,
    quantity,
    amount,
    discount,
    phone,
    email,
    memberText,
    buyerName,
    coupon,
    store,
  };
}

/**
 * The product of a line whose export has no product code column: a stable key from the product
 * name and option (`name:니트 / 블랙`), the same on every import of the same names. The import
 * warns that a product renamed in the shop becomes another product.
 */
function productKeyFromName(r: RowReader, name: string | undefined, option: string | undefined): string | undefined {
  if (name === undefined)
    return void r.fail('product_name', 'MISSING', 'no product code column and the product name is empty');
  return fallbackProductKey(name, option);
}

/** `name:<name>` or `name:<name> / <option>`, inner whitespace collapsed. */
export function fallbackProductKey(name: string, option: string | undefined): string {
  const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');
  const o = option === undefined ? '' : tidy(option);
  return `name:${tidy(name)}${o === '' ? '' : ` / ${o}`}`;
}

/**
 * Maps one order line of any order export to an order, a line and the buyer. Ids are natural
 * keys (`channel:order number`, `channel:line number`), so re-importing yields the same ids.
 */
export function createOrderMapper(ctx: MapContext, profile: OrderProfile): RowMapper {
  const seenLines = new Map<string, number>();
  const intern = createInterner();
  return {
    mapRow(r: RowReader) {
      const fields = readOrderFields(r, ctx, profile, intern);
      if (fields === undefined) return;
      const { channel, orderNo, lineNo, orderedAt, productId, productName, option, status, quantity } = fields;
      const { amount, discount, phone, email, memberText, buyerName, coupon, store } = fields;

      const orderId = `${channel}:${orderNo}`;
      let lineId: string;
      if (lineNo !== undefined) {
        lineId = `${channel}:${lineNo}`;
        if (seenLines.has(lineId))
          return void r.fail('line_id', 'DUPLICATE', `line ${lineNo} already appears on line ${seenLines.get(lineId)}`);
        seenLines.set(lineId, r.line);
      } else {
        const base = `${orderId}:${productId}${option === undefined ? '' : `:${option}`}`;
        const n = (seenLines.get(base) ?? 0) + 1;
        seenLines.set(base, n);
        lineId = n === 1 ? base : `${base}#${n}`;
      }
      const member =
        memberText !== undefined && profile.memberIsKey && !memberText.includes('*') ? memberText : undefined;
      const keys: IdentityKey[] = [...phoneKeys(phone)];
      if (email !== undefined) keys.push({ kind: 'email', value: email, mergeable: true });
      if (member !== undefined) keys.push({ kind: 'member', value: `${channel}:${member}`, mergeable: true });
      const mobile = mobileOf(phone);
      let buyerRecordId: string | undefined;
      if (keys.length > 0) {
        buyerRecordId =
          member !== undefined
            ? `${channel}:member:${member}`
            : `${channel}:buyer:${mobile ?? email ?? `order:${orderNo}`}`;
        const attributes = memberText !== undefined && member === undefined ? { maskedBuyerId: memberText } : undefined;
        if (!ctx.out.touchPerson(buyerRecordId, keys, orderedAt))
          ctx.out.addPerson(
            compact<PersonRecord>({
              recordId: buyerRecordId,
              channel,
              keys,
              seenAt: orderedAt,
              name: buyerName,
              phone: mobile,
              email,
              memberId: member,
              attributes,
            }),
          );
      }
      const line: OrderLineRecord =
        productName === undefined || option === undefined
          ? compact<OrderLineRecord>({
              lineId,
              productId,
              productName,
              option,
              quantity,
              lineAmount: amount,
              discountAmount: discount,
              status,
            })
          : { lineId, productId, productName, option, quantity, lineAmount: amount, discountAmount: discount, status };
      ctx.out.addOrderLine(orderId, line, coupon, () =>
        compact({ orderId, channel, store, buyerRecordId, orderedAt, couponCode: coupon }),
      );
    },
  };
}
