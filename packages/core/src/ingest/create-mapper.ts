import { createCafe24CustomerMapper } from './mappers/map-cafe24-customer.ts';
import type { MapContext, RowMapper } from './mappers/map-context.ts';
import { createCustomerMapper } from './mappers/map-customer.ts';
import { createOrderMapper, type OrderProfile } from './mappers/map-order-row.ts';
import { createProductMapper } from './mappers/map-product.ts';
import { createWarrantyMapper } from './mappers/map-warranty.ts';
import type { SourceKind } from './source-kind.ts';

/** How each order export differs from the others (see `OrderProfile`). */
export const ORDER_PROFILES = {
  cafe24_orders: { channel: 'cafe24', memberIsKey: true, negativeIsReturn: false },
  smartstore_orders: { channel: 'smartstore', memberIsKey: false, negativeIsReturn: false },
  coupang_orders: { channel: 'coupang', memberIsKey: false, negativeIsReturn: false },
  orders: { channel: undefined, memberIsKey: true, negativeIsReturn: false },
  pos_sales: { channel: 'offline', memberIsKey: true, negativeIsReturn: true },
} as const satisfies Partial<Record<SourceKind, OrderProfile>>;

export type OrderSourceKind = keyof typeof ORDER_PROFILES;

export function isOrderSource(kind: SourceKind): kind is OrderSourceKind {
  return Object.hasOwn(ORDER_PROFILES, kind);
}

/** The row mapper of each tabular source kind (events are JSON lines, mapped apart). */
export function createMapper(kind: Exclude<SourceKind, 'events'>, ctx: MapContext): RowMapper {
  switch (kind) {
    case 'cafe24_orders':
      return createOrderMapper(ctx, ORDER_PROFILES.cafe24_orders);
    case 'smartstore_orders':
      return createOrderMapper(ctx, ORDER_PROFILES.smartstore_orders);
    case 'coupang_orders':
      return createOrderMapper(ctx, ORDER_PROFILES.coupang_orders);
    case 'orders':
      return createOrderMapper(ctx, ORDER_PROFILES.orders);
    case 'pos_sales':
      return createOrderMapper(ctx, ORDER_PROFILES.pos_sales);
    case 'cafe24_customers':
      return createCafe24CustomerMapper(ctx);
    case 'customers':
      return createCustomerMapper(ctx);
    case 'products':
      return createProductMapper(ctx);
    case 'warranties':
      return createWarrantyMapper(ctx);
  }
}
