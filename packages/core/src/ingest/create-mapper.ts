import { createCafe24CustomerMapper } from './mappers/map-cafe24-customer.ts';
import type { MapContext, RowMapper } from './mappers/map-context.ts';
import { createCustomerMapper } from './mappers/map-customer.ts';
import { createOrderMapper } from './mappers/map-order-row.ts';
import { createProductMapper } from './mappers/map-product.ts';
import { createWarrantyMapper } from './mappers/map-warranty.ts';
import type { SourceKind } from './source-kind.ts';

/** The row mapper of each tabular source kind (events are JSON lines, mapped apart). */
export function createMapper(kind: Exclude<SourceKind, 'events'>, ctx: MapContext): RowMapper {
  switch (kind) {
    case 'cafe24_orders':
      return createOrderMapper(ctx, { channel: 'cafe24', memberIsKey: true, negativeIsReturn: false });
    case 'smartstore_orders':
      return createOrderMapper(ctx, { channel: 'smartstore', memberIsKey: false, negativeIsReturn: false });
    case 'coupang_orders':
      return createOrderMapper(ctx, { channel: 'coupang', memberIsKey: false, negativeIsReturn: false });
    case 'orders':
      return createOrderMapper(ctx, { channel: undefined, memberIsKey: true, negativeIsReturn: false });
    case 'pos_sales':
      return createOrderMapper(ctx, { channel: 'offline', memberIsKey: true, negativeIsReturn: true });
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
